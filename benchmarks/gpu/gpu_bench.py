#!/usr/bin/env python3
"""Python sides of benchmarks/gpu/run.sh (see README.md there). Each mode prints `RESULT {json}`.

  gpu_bench.py peak --device cuda [--dtype bf16] [--size 8192]
      best time of an N x N matmul: the achievable peak the fractions are measured against
  gpu_bench.py eager --device cuda --width D --depth L --heads H --context T --batch B
                     --warmup W --steps S [--bf16]
      PyTorch eager: the GPT of benchmarks/training/pytorch_eager.py (the same model as s2l's),
      AdamW, DJL's schedule, clipping, random bytes as data (throughput does not depend on them)
  gpu_bench.py reference --device cuda --trainer trainers/pytorch/train.py ... (same shape flags)
      the repository's PyTorch trainer run through the trainer contract, as a worker runs it: a
      spec on disk, progress lines on stdout; tokens/s between the progress line of step W and
      the last one, timed as the lines arrive
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "training"))


def flops_per_token(width, depth, context):
    """As TrainingBenchmark.trainingFlopsPerToken: 3 x (matmuls of blocks and head + attention)."""
    forward = 2 * (12 * depth * width * width + 256 * width) + 4 * depth * context * width
    return 3 * forward


def peak(args):
    import torch

    device = torch.device(args.device)
    dtype = torch.bfloat16 if args.dtype == "bf16" else torch.float32
    n = args.size
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    torch.matmul(a, b)
    sync()
    best = float("inf")
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        torch.matmul(a, b)
        sync()
        best = min(best, time.perf_counter() - t0)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    emit({"device": name, "dtype": args.dtype, "tflops": 2.0 * n**3 / best / 1e12})


def eager(args):
    import torch
    import torch.nn.functional as F
    from pytorch_eager import Lm, djl_schedule

    device = torch.device(args.device)
    torch.manual_seed(1)
    model = Lm(args.width, args.depth, args.heads, args.context).to(device)
    params = list(model.parameters())
    optimizer = torch.optim.AdamW(params, lr=3e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    total = args.warmup + args.steps
    schedule = djl_schedule(3e-3, total, 0.05)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    started = None
    for step in range(1, total + 1):
        for group in optimizer.param_groups:
            group["lr"] = schedule(step)
        windows = torch.randint(0, 256, (args.batch, args.context + 1), device=device)
        inputs, targets = windows[:, :-1], windows[:, 1:]
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(inputs)
            loss = F.cross_entropy(logits.reshape(-1, 256).float(), targets.reshape(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        if step == args.warmup:
            sync()
            started = time.perf_counter()
    sync()
    seconds = time.perf_counter() - started
    emit(
        {
            "side": "PyTorch eager " + ("bf16 autocast" if args.bf16 else "fp32") + " " + torch.__version__,
            "tokens_per_s": args.steps * args.batch * args.context / seconds,
            "seconds": seconds,
            "flops_per_token": flops_per_token(args.width, args.depth, args.context),
        }
    )


def reference(args):
    work = tempfile.mkdtemp(prefix="s2l-gpu-bench-")
    data = os.path.join(work, "train.jsonl")
    rng = __import__("random").Random(7)
    with open(data, "w") as f:
        for i in range(64):
            text = "".join(chr(rng.randrange(32, 127)) for _ in range(8192))
            f.write(json.dumps({"id": f"doc-{i:03d}", "domain": "random", "text": text}) + "\n")
    evalset = os.path.join(work, "heldout.jsonl")
    with open(evalset, "w") as f:
        f.write(json.dumps({"id": "e0", "text": "a short held-out text, scored once"}) + "\n")
    out = os.path.join(work, "out")
    os.makedirs(out)
    d, depth = args.width, args.depth
    non_embedding = depth * (12 * d * d + 13 * d) + 2 * d
    total_steps = args.warmup + args.steps
    spec = {
        "contract": "s2l-trainer/1",
        "study": "00000000-0000-0000-0000-000000000000",
        "run": "bench/random/0",
        "job": 1,
        "attempt": 1,
        "family": "lm",
        "scale": {
            "name": "bench", "width": d, "depth": depth, "heads": args.heads,
            "context": args.context, "nonEmbeddingParams": non_embedding,
            "totalParams": non_embedding + 256 * d + args.context * d + 256 * d + 256,
        },
        "options": {},
        "seed": 0,
        "budget": {"tokens": total_steps * args.batch * args.context},
        "training": {
            "batchSize": args.batch, "learningRate": 3e-3, "warmupFraction": 0.05,
            "weightDecay": 0.01, "gradientClip": 1.0,
            "device": "gpu" if args.device == "cuda" else "cpu",
        },
        "data": {"format": "documents", "file": data, "weights": {"random": 1.0}, "subset": None},
        "evalSets": [
            {"name": "heldout/random", "kind": "text", "file": evalset, "examples": 1,
             "maxTextBytes": 256, "chance": None}
        ],
        "outputDir": out,
        "previousAttemptDir": None,
        "deadline": (datetime.now(timezone.utc) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    spec_file = os.path.join(work, "spec.json")
    with open(spec_file, "w") as f:
        json.dump(spec, f)
    process = subprocess.Popen(
        [args.python, args.trainer, spec_file], cwd=work, stdout=subprocess.PIPE, text=True
    )
    marks = []
    for line in process.stdout:
        progress = json.loads(line)
        marks.append((time.perf_counter(), progress["step"], progress.get("tokens")))
    if process.wait() != 0:
        sys.exit(f"the reference trainer failed (exit {process.returncode}); its spec: {spec_file}")
    start = next(m for m in marks if m[1] >= args.warmup)
    end = marks[-1]
    tokens = (end[1] - start[1]) * args.batch * args.context
    result = json.load(open(os.path.join(out, "result.json")))
    emit(
        {
            "side": "s2l PyTorch trainer (" + result.get("device", "?") + ")",
            "tokens_per_s": tokens / (end[0] - start[0]),
            "seconds": end[0] - start[0],
            "flops_per_token": flops_per_token(args.width, args.depth, args.context),
        }
    )


def emit(result):
    print("RESULT " + json.dumps(result), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("peak")
    p.add_argument("--device", default="cuda")
    p.add_argument("--dtype", default="bf16", choices=["bf16", "fp32"])
    p.add_argument("--size", type=int, default=8192)
    p.add_argument("--repeats", type=int, default=10)
    for name in ("eager", "reference"):
        t = sub.add_parser(name)
        t.add_argument("--device", default="cuda")
        t.add_argument("--width", type=int, required=True)
        t.add_argument("--depth", type=int, required=True)
        t.add_argument("--heads", type=int, required=True)
        t.add_argument("--context", type=int, required=True)
        t.add_argument("--batch", type=int, required=True)
        t.add_argument("--warmup", type=int, default=20)
        t.add_argument("--steps", type=int, default=200)
        if name == "eager":
            t.add_argument("--bf16", action="store_true")
        else:
            t.add_argument("--trainer", required=True)
            t.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    {"peak": peak, "eager": eager, "reference": reference}[args.mode](args)


if __name__ == "__main__":
    main()
