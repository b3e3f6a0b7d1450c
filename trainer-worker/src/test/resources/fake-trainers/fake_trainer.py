#!/usr/bin/python3
"""A fake external trainer for the worker's tests, standard library only.

It does what a real trainer must (docs/trainer-contract.md): reads spec.json (its path is the last
argument and S2L_TRAINER_SPEC), refuses an unknown contract, prints progress lines, reads every
evaluation file and writes losses.csv and result.json into outputDir. Losses are made up but
deterministic, so a test can compare what was stored with what was written. With --fault it
breaks one rule of the contract.
"""
import argparse
import csv
import json
import os
import sys
import time

FAULTS = ("fail", "no-outputs", "nan-loss", "missing-example", "link-outside", "dot-dot")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fault", choices=FAULTS)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--step-seconds", type=float, default=0.0)
    parser.add_argument("spec")
    args = parser.parse_args()
    if os.environ.get("S2L_TRAINER_SPEC") != args.spec:
        sys.exit("S2L_TRAINER_SPEC is not the spec's path")
    with open(args.spec) as f:
        spec = json.load(f)
    if spec["contract"] != "s2l-trainer/1":
        sys.exit("unknown contract " + spec["contract"])
    with open("environment.json", "w") as f:  # the working directory is the run directory
        json.dump(dict(os.environ), f)

    for step in range(1, args.steps + 1):
        loss = 3.0 / step
        print(json.dumps({"step": step, "steps": args.steps, "tokens": 100 * step, "loss": loss}),
              flush=True)
        time.sleep(args.step_seconds)
    print("trained %d steps" % args.steps, file=sys.stderr)
    if args.fault == "fail":
        print("RuntimeError: CUDA out of memory (fake)", file=sys.stderr)
        sys.exit(3)
    if args.fault == "no-outputs":
        return

    out = spec["outputDir"]
    params = spec["scale"]["nonEmbeddingParams"]
    budget = spec["budget"]
    tokens = budget["tokens"] if "tokens" in budget else budget["epochs"] * pool_size(spec)
    rows = []
    for s in spec["evalSets"]:
        with open(s["file"]) as f:
            for i, line in enumerate(f):
                example = json.loads(line)
                row = {"scale": spec["scale"]["name"], "params": params, "tokens": tokens,
                       "distribution": spec["distribution"], "seed": spec["seed"],
                       "evalSet": s["name"], "exampleId": example["id"],
                       # multiples of 1/16: exact as 32-bit floats
                       "loss": 1.0 + (i % 7) / 8 + (spec["seed"] % 4) / 16,
                       "correct": "", "chance": "", "margin": "", "answerLogprobs": "",
                       "answerLabel": "", "answerBytes": "", "answerTokens": ""}
                if s["kind"] in ("choice", "image"):
                    row["correct"] = "true" if i % 3 == 0 else "false"
                    row["chance"] = s["chance"]
                if s["kind"] == "image":
                    row["margin"] = (i % 5) / 4 - 0.5
                if s["kind"] == "answer":  # raw scores: the answer's 4 tokens at the row's loss
                    row["answerLogprobs"] = -4 * row["loss"]
                    row["answerLabel"], row["answerBytes"], row["answerTokens"] = 0, 4, 4
                rows.append(row)
    if args.fault == "nan-loss":
        rows[1]["loss"] = "nan"
    if args.fault == "missing-example":
        rows.pop()
    with open(os.path.join(out, "losses.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)

    os.makedirs(os.path.join(out, "checkpoints"))
    with open(os.path.join(out, "checkpoints", "final.pt"), "wb") as f:
        f.write(b"fake weights")
    checkpoint = "checkpoints/final.pt"
    if args.fault == "link-outside":
        # a link inside outputDir to a file outside it (the spec)
        os.symlink(args.spec, os.path.join(out, "checkpoints", "outside.pt"))
        checkpoint = "checkpoints/outside.pt"
    if args.fault == "dot-dot":
        checkpoint = "../spec.json"
    result = {"contract": "s2l-trainer/1", "paramsNonEmbedding": params,
              "paramsTotal": spec["scale"]["totalParams"], "tokens": tokens, "steps": args.steps,
              "finalTrainLoss": 0.6, "wallSeconds": 0.5, "device": spec["training"]["device"],
              "trainer": {"name": "fake", "version": "1"}, "checkpoints": [checkpoint]}
    with open(os.path.join(out, "result.json"), "w") as f:
        json.dump(result, f)


def pool_size(spec):
    if spec["data"]["subset"] is not None:
        return len(spec["data"]["subset"])
    with open(spec["data"]["file"]) as f:
        return sum(1 for _ in f)


if __name__ == "__main__":
    main()
