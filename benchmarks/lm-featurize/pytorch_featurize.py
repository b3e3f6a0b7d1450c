#!/usr/bin/env python3
"""PyTorch side of benchmarks/lm-featurize (see run.sh there).

  pytorch_featurize.py featurize --work DIR --dimension K --seed S --batch B --chunk C
  pytorch_featurize.py report --work DIR --dimension K --s2l JSON --pytorch JSON

`featurize` loads the model the Java side trained (DIR/params.f32 in s2l's parameter order, with
DIR/params.json naming each parameter and its shape) into benchmarks/training's PyTorch copy of
the model (`Lm` in pytorch_eager.py: the same pre-LN GPT over bytes), reads DIR/documents.bin, and
for every document computes the gradient of its mean next-byte loss with functorch
(`vmap(grad(f))` over B documents at a time: a per-example gradient without a per-example
backward), cuts documents into windows exactly as s2l does (backwards from the end, context
predictions each), and projects the gradients with s2l's block projection, regenerated block by
block for each chunk with the very same +-1/sqrt(k) entries (SplitMix64 of (seed, row, column),
in numpy). Features go to DIR/features-pytorch.f32 (raw little-endian float32, n x k). One chunk
runs untimed first. Prints one line `RESULT {json}`.

`report` compares the two feature files row by row (relative L2 difference) and prints the summary
lines of the benchmark.

Threads: importing pytorch_eager sets one intra-op and one inter-op thread and the BLAS pools to 1.
"""
import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "training"))
import pytorch_eager  # noqa: E402  (one thread, set before torch does any work)
from pytorch_eager import Lm, blas_core  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
import functorch  # noqa: E402
from functorch import grad, make_functional_with_buffers, vmap  # noqa: E402

WIDTH, DEPTH, HEADS, CONTEXT = 48, 2, 4, 64
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def mix64(z):
    """SplitMix64's finaliser on a uint64 array (wrapping arithmetic), as s2l's BlockProjection."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


class BlockProjection:
    """s2l's BlockProjection: P[r][j] = +-1/sqrt(k), the sign bit (j mod 64) of
    mix64(mix64(seed) + (r * ceil(k/64) + j/64 + 1) * golden gamma); 4,096 rows per block."""

    def __init__(self, p, k, seed, block_rows=4096):
        self.p, self.k, self.block_rows = p, k, block_rows
        self.words = (k + 63) // 64
        with np.errstate(over="ignore"):
            self.key = mix64(np.array([seed % (1 << 64)], dtype=np.uint64))
        scale = float(np.float32(1 / math.sqrt(k)))
        # row v: the entries of bits 0..7 of byte value v, +scale for 0 and -scale for 1
        bits = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1, bitorder="little")
        self.signs = torch.from_numpy(np.where(bits == 0, scale, -scale).astype(np.float32))

    def block(self, first, count):
        """Rows first..first+count-1 of P, as s2l makes them on the engine: the hashed words'
        bytes (little-endian) looked up in the sign table."""
        with np.errstate(over="ignore"):
            counters = np.arange(first * self.words, (first + count) * self.words, dtype=np.uint64)
            words = mix64(self.key + (counters + np.uint64(1)) * GOLDEN)
        octets = torch.from_numpy(words.view(np.uint8).reshape(count, self.words * 8)).long()
        return F.embedding(octets, self.signs).reshape(count, self.words * 64)[:, : self.k]

    def project(self, gradients):
        out = torch.zeros(gradients.shape[0], self.k)
        for first in range(0, self.p, self.block_rows):
            count = min(self.block_rows, self.p - first)
            out += gradients[:, first : first + count] @ self.block(first, count)
        return out


def djl_name(torch_name):
    """The suffix of s2l's (DJL's) name for a parameter of pytorch_eager.Lm."""
    parts = torch_name.split(".")
    camel = lambda s: s.split("_")[0] + "".join(w.title() for w in s.split("_")[1:])  # noqa: E731
    if len(parts) == 1:
        return camel(parts[0])
    module, kind = parts[-2], parts[-1]
    if module.endswith("norm"):
        kind = {"weight": "gamma", "bias": "beta"}[kind]
    return camel(module) + "_" + kind


def load_model(work):
    layout = json.load(open(os.path.join(work, "params.json")))
    flat = np.fromfile(os.path.join(work, "params.f32"), dtype="<f4")
    model = Lm(WIDTH, DEPTH, HEADS, CONTEXT)
    named = list(model.named_parameters())
    if len(named) != len(layout):
        sys.exit(f"{len(layout)} parameters in params.json, the model has {len(named)}")
    offset = 0
    with torch.no_grad():
        for (name, parameter), entry in zip(named, layout):
            shape = list(parameter.shape)
            if not entry["name"].endswith(djl_name(name)) or shape != entry["shape"]:
                sys.exit(f"{name} {shape} does not match {entry}")
            n = parameter.numel()
            parameter.copy_(torch.from_numpy(flat[offset : offset + n]).view(parameter.shape))
            offset += n
    if offset != flat.size:
        sys.exit(f"params.f32 holds {flat.size} values, the model {offset}")
    return model


def read_documents(path):
    raw = open(path, "rb").read()
    docs, at = [], 0
    while at < len(raw):
        n = int.from_bytes(raw[at : at + 4], "little")
        docs.append(raw[at + 4 : at + 4 + n])
        at += 4 + n
    return docs


def windows(length):
    """s2l's (and SequenceScorer's) windows of a document, every byte after the first scored:
    (start, end, first scored byte), laid out backwards from the end."""
    out, end = [], length
    while end - 1 >= 1:
        start = max(0, end - 1 - CONTEXT)
        out.append((start, end, max(1, start + 1)))
        end = start + 1
    return out


def pack(docs):
    """(B, R, T) inputs and targets and the weights -1/(bytes - 1) of the scored positions."""
    cuts = [windows(len(d)) for d in docs]
    rows = max(len(c) for c in cuts)
    time_ = max(end - 1 - start for c in cuts for start, end, _ in c)
    tokens = np.zeros((len(docs), rows, time_), dtype=np.int64)
    targets = np.zeros_like(tokens)
    weights = np.zeros((len(docs), rows, time_), dtype=np.float32)
    for b, (doc, cut) in enumerate(zip(docs, cuts)):
        data = np.frombuffer(doc, dtype=np.uint8)
        for r, (start, end, first) in enumerate(cut):
            n = end - 1 - start
            tokens[b, r, :n] = data[start : end - 1]
            targets[b, r, :n] = data[start + 1 : end]
            weights[b, r, first - 1 - start : n] = -1.0 / (len(doc) - 1)
    return torch.from_numpy(tokens), torch.from_numpy(targets), torch.from_numpy(weights)


def status_mib(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mib():
    return status_mib("VmHWM:")


def featurize(args):
    model = load_model(args.work)
    docs = read_documents(os.path.join(args.work, "documents.bin"))
    # the causal mask is a buffer of the model
    fmodel, params, buffers = make_functional_with_buffers(model)
    params = tuple(p.detach() for p in params)

    def document_loss(params, tokens, targets, weights):
        logits = fmodel(params, buffers, tokens)  # (R, T, 256)
        ll = logits.log_softmax(-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)
        return (ll * weights).sum()

    per_example = vmap(grad(document_loss), in_dims=(None, 0, 0, 0))
    p = sum(q.numel() for q in params)
    projection = BlockProjection(p, args.dimension, args.seed)

    def chunk_features(chunk, timing):
        t0 = time.perf_counter()
        rows = []
        for start in range(0, len(chunk), args.batch):
            part = chunk[start : start + args.batch]
            grads = per_example(params, *pack(part))
            rows.append(torch.cat([g.reshape(len(part), -1) for g in grads], 1))
        flat = torch.cat(rows, 0) if len(rows) > 1 else rows[0]
        timing[0] += time.perf_counter() - t0
        return projection.project(flat)

    chunk_features(docs[: args.chunk], [0.0])  # warm-up, untimed
    gradient_seconds = [0.0]
    peak_1000 = peak_half = float("nan")
    half = len(docs) // 2
    started = time.perf_counter()
    with open(os.path.join(args.work, "features-pytorch.f32"), "wb") as out:
        for first in range(0, len(docs), args.chunk):
            chunk = docs[first : first + args.chunk]
            out.write(chunk_features(chunk, gradient_seconds).numpy().astype("<f4").tobytes())
            if first < 1000 <= first + len(chunk):
                peak_1000 = peak_rss_mib()
            if first < half <= first + len(chunk):
                peak_half = peak_rss_mib()
            if (first + len(chunk)) // 1000 > first // 1000:
                done = first + len(chunk)
                resident = status_mib("VmRSS:")
                print(
                    f"pytorch: {done} documents, resident {resident:.1f} MiB, "
                    f"peak {peak_rss_mib():.1f} MiB",
                    flush=True,
                )
    seconds = time.perf_counter() - started
    result = {
        "side": "pytorch",
        "documents": len(docs),
        "parameters": p,
        "dimension": args.dimension,
        "batch": args.batch,
        "chunk": args.chunk,
        "seconds": round(seconds, 3),
        "gradient_seconds": round(gradient_seconds[0], 3),
        "documents_per_second": round(len(docs) / seconds, 2),
        "peak_rss_mib_1000": round(peak_1000, 1),
        "peak_rss_mib_half": round(peak_half, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "torch": torch.__version__,
        "functorch": functorch.__version__,
        "threads": [torch.get_num_threads(), torch.get_num_interop_threads()],
        "blas": blas_core(),
    }
    print("RESULT " + json.dumps(result), flush=True)


def report(args):
    s2l, pt = json.loads(args.s2l), json.loads(args.pytorch)
    k = args.dimension
    a = np.fromfile(os.path.join(args.work, "features-s2l.f32"), dtype="<f4").reshape(-1, k)
    b = np.fromfile(os.path.join(args.work, "features-pytorch.f32"), dtype="<f4").reshape(-1, k)
    if a.shape != b.shape:
        sys.exit(f"feature files differ in shape: {a.shape} vs {b.shape}")
    a, b = a.astype(np.float64), b.astype(np.float64)
    rel = np.linalg.norm(a - b, axis=1) / np.linalg.norm(b, axis=1)
    print(
        f"features agree: {a.shape[0]} x {k}, relative L2 difference per document "
        f"median {np.median(rel):.2e}, worst {rel.max():.2e}"
    )
    for side in (s2l, pt):
        n = side["documents"]
        print(
            f"{side['side']:>8}: {side['documents_per_second']:8.2f} documents/s "
            f"({side['seconds']:.1f} s, gradients {side['gradient_seconds']:.1f} s, "
            f"batch {side['batch']}, chunk {side['chunk']}); peak RSS after 1,000 / {n // 2:,} / "
            f"{n:,} documents: {side['peak_rss_mib_1000']:.0f} / {side['peak_rss_mib_half']:.0f} / "
            f"{side['peak_rss_mib']:.0f} MiB"
        )
    ratio = s2l["documents_per_second"] / pt["documents_per_second"]
    print(f"ratio s2l / PyTorch: {ratio:.2f} (target >= 1.0)")
    summary = {"ratio": round(ratio, 3), "worst_relative_difference": float(rel.max())}
    print("RESULT " + json.dumps(summary), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    f = sub.add_parser("featurize")
    f.add_argument("--work", required=True)
    f.add_argument("--dimension", type=int, required=True)
    f.add_argument("--seed", type=int, required=True)
    f.add_argument("--batch", type=int, required=True, help="documents per vmap call")
    f.add_argument("--chunk", type=int, required=True, help="documents per projection")
    r = sub.add_parser("report")
    r.add_argument("--work", required=True)
    r.add_argument("--dimension", type=int, required=True)
    r.add_argument("--s2l", required=True)
    r.add_argument("--pytorch", required=True)
    args = parser.parse_args()
    {"featurize": featurize, "report": report}[args.mode](args)


if __name__ == "__main__":
    main()
