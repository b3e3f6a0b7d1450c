#!/usr/bin/env python3
"""PyTorch eager counterpart of s2l's LmTrainer, for benchmarks/training (see README.md there).

Spawned by lm-core's TrainingBenchmark (a Java main), once per scale and once for the matmul peak:

  pytorch_eager.py train --width D --depth L --heads H --context T --batch B --batches FILE
                         --warmup W --steps S [--lr --weight-decay --clip --warmup-fraction --seed]
  pytorch_eager.py peak [--size N --repeats R]

`train` builds the model of the PyTorch reference trainer (trainers/pytorch/s2l_trainer/lm_model.py),
which is io.s2l.lm.model.TransformerLm (pre-LN GPT over bytes: token and learned position
embeddings; blocks of LayerNorm -> fused qkv Linear -> causal softmax attention -> output Linear,
residual; LayerNorm -> Linear 4d -> exact (erf) GELU -> Linear d, residual; final LayerNorm; untied
Linear head to 256 logits), initialised as s2l initialises it (every Linear weight and both
embedding tables N(0, 0.02); biases 0; LayerNorm gamma 1, beta 0), and trains it on the batches the
Java side wrote (the very windows LmTrainer trains on: uint8, shape (W + S, B, T + 1)) with
torch.optim.AdamW (betas 0.9/0.999, eps 1e-8: DJL's AdamW defaults), DJL's schedule (linear warm-up
over round(warmup_fraction x steps) updates, then cosine to 10% of the peak), global-norm clipping.
It times steps W+1..W+S and prints one line `RESULT {json}`.

`peak` times a float32 N x N matmul (best of R) and prints `RESULT {json}`.

Threads: one intra-op and one inter-op thread, set before torch is imported (and BLAS pools too).
BLAS: whatever torch is linked to (Debian's python3-torch: libblas.so.3; with libopenblas0-pthread
installed that is OpenBLAS, which picks its kernels from the CPU unless OPENBLAS_CORETYPE says
otherwise); the kernel set in use is reported as "blas".
"""
import argparse
import json
import math
import os
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


import ctypes  # noqa: E402
import torch  # noqa: E402  (after the thread environment)
import torch.nn.functional as F  # noqa: E402

# the model and schedule of the PyTorch reference trainer, which mirror LmTrainer
_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(_root, "trainers", "pytorch"))
from s2l_trainer.lm_model import VOCABULARY, TransformerLm  # noqa: E402
from s2l_trainer.optim import DjlSchedule  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)

# The names benchmarks/gpu/gpu_bench.py imports: the schedule, and the model with weights drawn from
# a generator seeded with torch's seed (torch.manual_seed first).
djl_schedule = DjlSchedule


def Lm(width, depth, heads, context):  # noqa: N802  (a constructor's name)
    return TransformerLm(width, depth, heads, context).initialize(torch.initial_seed())


def blas_core():
    """The kernel set OpenBLAS chose (or was told by OPENBLAS_CORETYPE), if torch's BLAS is OpenBLAS."""
    for name in ("libblas.so.3", "libopenblas.so.0"):
        try:
            lib = ctypes.CDLL(name)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return "OpenBLAS " + lib.openblas_get_corename().decode()
        except (OSError, AttributeError):
            continue
    return "not OpenBLAS"


def train(args):
    torch.manual_seed(args.seed)
    total = args.warmup + args.steps
    raw = open(args.batches, "rb").read()
    window = args.context + 1
    expected = total * args.batch * window
    if len(raw) != expected:
        sys.exit(f"{args.batches}: {len(raw)} bytes, expected {expected}")
    data = torch.frombuffer(bytearray(raw), dtype=torch.uint8).view(total, args.batch, window)

    model = Lm(args.width, args.depth, args.heads, args.context)
    params = list(model.parameters())
    optimizer = torch.optim.AdamW(
        params, lr=args.lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=args.weight_decay
    )
    schedule = djl_schedule(args.lr, total, args.warmup_fraction)
    losses = []
    started = None
    for step in range(1, total + 1):
        for group in optimizer.param_groups:
            group["lr"] = schedule(step)
        windows = data[step - 1].long()
        inputs, targets = windows[:, :-1], windows[:, 1:]
        logits = model(inputs)
        loss = F.cross_entropy(logits.reshape(-1, VOCABULARY), targets.reshape(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, args.clip)
        optimizer.step()
        losses.append(loss.item())
        if step == args.warmup:
            started = time.perf_counter()
    seconds = time.perf_counter() - started
    tail = max(1, total // 10)
    result = {
        "seconds": seconds,
        "steps": args.steps,
        "tokens_per_s": args.steps * args.batch * args.context / seconds,
        "final_loss": sum(losses[-tail:]) / tail,
        "first_loss": losses[0],
        "params": sum(p.numel() for p in params),
        "python": sys.version.split()[0],
        "torch": torch.__version__,
        "threads": [torch.get_num_threads(), torch.get_num_interop_threads()],
        "blas": blas_core(),
    }
    print("RESULT " + json.dumps(result), flush=True)


def peak(args):
    torch.manual_seed(0)
    n = args.size
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    out = torch.empty(n, n)
    torch.matmul(a, b, out=out)  # warm-up
    best = float("inf")
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        torch.matmul(a, b, out=out)
        best = min(best, time.perf_counter() - t0)
    result = {
        "size": n,
        "seconds": best,
        "gflops": 2.0 * n**3 / best / 1e9,
        "torch": torch.__version__,
        "blas": blas_core(),
    }
    print("RESULT " + json.dumps(result), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("train")
    t.add_argument("--width", type=int, required=True)
    t.add_argument("--depth", type=int, required=True)
    t.add_argument("--heads", type=int, required=True)
    t.add_argument("--context", type=int, default=64)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--batches", required=True)
    t.add_argument("--warmup", type=int, default=20)
    t.add_argument("--steps", type=int, default=300)
    t.add_argument("--lr", type=float, default=3e-3)
    t.add_argument("--weight-decay", type=float, default=0.01)
    t.add_argument("--clip", type=float, default=1.0)
    t.add_argument("--warmup-fraction", type=float, default=0.05)
    t.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("peak")
    p.add_argument("--size", type=int, default=2048)
    p.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    train(args) if args.mode == "train" else peak(args)


if __name__ == "__main__":
    main()
