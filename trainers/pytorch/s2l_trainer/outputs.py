"""What the trainer writes (docs/trainer-contract.md section 3): progress lines on stdout,
`losses.csv` and `result.json` in the output directory.

Both files are written under a temporary name and renamed into place, so a trainer killed half-way
never leaves a file that looks complete.
"""
import csv
import json
import math
import os
import time

from . import CONTRACT, TRAINER_NAME, TRAINER_VERSION

BASE_COLUMNS = ["scale", "params", "tokens", "distribution", "seed", "evalSet", "exampleId", "loss"]


class Progress:
    """One JSON object per line on `stream` (the process's real stdout), flushed at once."""

    # well inside the registrations' silenceSeconds (10 minutes by default)
    KEEP_ALIVE_SECONDS = 60.0

    def __init__(self, stream, clock=time.monotonic):
        self._stream, self._clock = stream, clock
        self._line, self._written = None, clock()

    def report(self, step, steps, tokens, loss):
        self._line = json.dumps({"step": step, "steps": steps, "tokens": tokens, "loss": loss})
        self._write()

    def keep_alive(self):
        """After training (evaluation of large sets), the last line again once a minute has passed
        without one: steps never go back, and the worker does not take the trainer for hung."""
        if self._line is not None and self._clock() - self._written >= self.KEEP_ALIVE_SECONDS:
            self._write()

    def _write(self):
        self._stream.write(self._line + "\n")
        self._stream.flush()
        self._written = self._clock()


class EvalResult:
    """Per-example results of one evaluation set, in the order of its file.

    `correct` is set for sets with answers (choice, image); `margins` where measured (images).
    """

    def __init__(self, eval_set, ids, losses, correct=None, margins=None):
        if len(ids) != len(losses) or (correct is not None and len(correct) != len(ids)):
            raise ValueError(f"{eval_set.name}: {len(ids)} ids but {len(losses)} losses")
        self.eval_set, self.ids, self.losses = eval_set, ids, losses
        self.correct, self.margins = correct, margins


def _atomic_write(path, write):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as f:
        write(f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def _number(value):
    # float32 values round-trip exactly with 9 significant digits
    return f"{value:.9g}"


def write_losses(output_dir, spec, params, tokens, results):
    """`losses.csv`: one row per example of every set, in the import format of the analysis service.

    Raises ValueError for a loss that is not finite and non-negative: such outputs must not pass.
    """
    answers = any(r.eval_set.has_answers for r in results)
    margins = any(r.margins is not None for r in results)
    columns = BASE_COLUMNS + (["correct", "chance"] if answers else []) + (["margin"] if margins else [])
    fixed = [spec.scale.name, str(params), str(tokens), spec.distribution, str(spec.seed)]

    def rows(f):
        out = csv.writer(f, lineterminator="\n")
        out.writerow(columns)
        for r in results:
            for i, example in enumerate(r.ids):
                loss = r.losses[i] + 0.0  # no "-0"
                if not (math.isfinite(loss) and loss >= 0):
                    raise ValueError(f"{r.eval_set.name}/{example}: loss {loss} is not finite and >= 0")
                row = fixed + [r.eval_set.name, example, _number(loss)]
                if answers:
                    has = r.correct is not None
                    row += [("true" if r.correct[i] else "false") if has else "",
                            repr(r.eval_set.chance) if has else ""]
                if margins:
                    row.append(_number(r.margins[i]) if r.margins is not None else "")
                out.writerow(row)

    _atomic_write(os.path.join(output_dir, "losses.csv"), rows)


def write_result(output_dir, trained, device, checkpoints):
    """`result.json`, the run's accounting; written last, once every other output is in place."""
    result = {
        "contract": CONTRACT,
        "paramsNonEmbedding": trained.params_non_embedding,
        "paramsTotal": trained.params_total,
        "tokens": trained.tokens,
        "steps": trained.steps,
        "finalTrainLoss": trained.final_train_loss,
        "wallSeconds": round(trained.wall_seconds, 3),
        "device": device,
        "trainer": {"name": TRAINER_NAME, "version": TRAINER_VERSION},
    }
    if checkpoints:
        result["checkpoints"] = checkpoints
    _atomic_write(os.path.join(output_dir, "result.json"), lambda f: json.dump(result, f, indent=1))
