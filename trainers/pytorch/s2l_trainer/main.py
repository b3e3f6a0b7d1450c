"""The trainer's entry point: read the spec, train, evaluate, write the outputs, exit 0 only when
every output is complete (docs/trainer-contract.md).

Exit codes: 0 done; 1 failed while training or evaluating (traceback on stderr); 2 the spec is
refused (unknown contract version, bad field); 3 the requested device is not available.
"""
import os
import sys
import time
import traceback

from . import TRAINER_NAME, TRAINER_VERSION, outputs
from .checkpoints import Checkpointer
from .device import DeviceError, select
from .spec import SpecError, load

EXIT_FAILED, EXIT_SPEC, EXIT_DEVICE = 1, 2, 3


def _family(spec):
    if spec.family == "lm":
        from . import lm_run as run
    else:
        from . import classifier_run as run
    return run


def _check(results):
    for r in results:
        name = r.eval_set.name
        if len(set(r.ids)) != len(r.ids):
            raise ValueError(f"evaluation set {name} has an example id more than once")
        if r.eval_set.examples is not None and len(r.ids) != r.eval_set.examples:
            raise ValueError(
                f"evaluation set {name} has {len(r.ids)} examples, the spec says {r.eval_set.examples}"
            )


def train_and_evaluate(spec, progress):
    """Everything after the spec is read; raises on any failure, returns once the outputs are written."""
    import torch

    if spec.training.device == "cpu":
        torch.use_deterministic_algorithms(True)
    device = select(spec.training.device)
    print(f"{TRAINER_NAME} {TRAINER_VERSION}: torch {torch.__version__}, {device}, "
          f"{torch.get_num_threads()} threads; run {spec.run} ({spec.family})", file=sys.stderr)
    run = _family(spec)
    checkpointer = Checkpointer(spec)
    trained = run.train(spec, device, progress, checkpointer)
    print(f"trained {trained.steps} steps, {trained.tokens} tokens in {trained.wall_seconds:.1f} s, "
          f"{trained.tokens / max(trained.wall_seconds, 1e-9):.0f}/s ({trained.cpu_seconds:.1f} CPU s, "
          f"{trained.tokens / max(trained.cpu_seconds, 1e-9):.0f}/CPU s); final train loss "
          f"{trained.final_train_loss:.4f}", file=sys.stderr)
    started = time.perf_counter()
    results = list(run.evaluate(trained.model, spec, device, progress.keep_alive))
    _check(results)
    print(f"evaluated {sum(len(r.ids) for r in results)} examples of {len(results)} sets in "
          f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    checkpoints = [checkpointer.save_final(trained.model, run.describe(spec))]
    outputs.write_losses(spec.output_dir, spec, trained.params_non_embedding, trained.tokens, results)
    outputs.write_result(spec.output_dir, trained, spec.training.device, checkpoints)


def main(argv):
    # stdout carries progress lines only; anything else printed goes to stderr
    progress = outputs.Progress(sys.stdout)
    sys.stdout = sys.stderr
    path = argv[1] if len(argv) > 1 else os.environ.get("S2L_TRAINER_SPEC")
    if not path:
        print("usage: train.py /path/to/spec.json (or S2L_TRAINER_SPEC)", file=sys.stderr)
        return EXIT_SPEC
    try:
        spec = load(path)
        if not os.path.isdir(spec.output_dir):
            raise SpecError(f"outputDir {spec.output_dir} is not a directory")
    except SpecError as e:
        print(f"refused {path}: {e}", file=sys.stderr)
        return EXIT_SPEC
    try:
        train_and_evaluate(spec, progress)
    except DeviceError as e:
        print(f"cannot run {spec.run}: {e}", file=sys.stderr)
        return EXIT_DEVICE
    except Exception:  # the process boundary: report, and exit non-zero without outputs
        traceback.print_exc(file=sys.stderr)
        return EXIT_FAILED
    return 0
