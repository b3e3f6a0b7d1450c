#!/usr/bin/env bash
# GPU training throughput: the 6.3M-parameter reference of examples/study-gpu.json (width 256,
# depth 8, 8 heads, context 256, batch 32) trained on one GPU by s2l's two trainers, against
# PyTorch eager on the same GPU, in one run:
#   - s2l's DJL trainer (LmTrainer on DJL's CUDA natives: built here with -Pcuda), fp32;
#   - s2l's PyTorch trainer (trainers/pytorch, bf16 autocast, torch.compile where the installed
#     torch has it), driven through the trainer contract as a worker drives it;
#   - PyTorch eager (benchmarks/training/pytorch_eager.py's model, the same GPT), fp32 and bf16.
# Prints tokens/s of each, its ratio to PyTorch eager of the same precision, and the fraction of
# the GPU's bf16 matmul peak (measured here with an 8192^2 bf16 matmul) that its training FLOPs
# reach.
#
# usage: benchmarks/gpu/run.sh [STEPS [WARMUP]]     (defaults 300 30)
#        benchmarks/gpu/run.sh --cpu-dry-run         the same plumbing on the CPU at a tiny scale,
#                                                    to check the script where no GPU exists; it
#                                                    measures nothing worth reading
# env:   S2L_BENCH_PYTHON  python with a CUDA build of torch (default /usr/bin/python3)
#        S2L_BENCH_GPU     which GPU (default 0; becomes CUDA_VISIBLE_DEVICES)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${S2L_BENCH_PYTHON:-/usr/bin/python3}"
work="$here/target"
dry=0
if [[ ${1:-} == --cpu-dry-run ]]; then
  dry=1
  shift
fi
steps="${1:-300}"
warmup="${2:-30}"

if [[ $dry == 0 ]]; then
  if ! command -v nvidia-smi > /dev/null || ! nvidia-smi -L 2> /dev/null | grep -q '^GPU '; then
    echo "benchmarks/gpu: this machine has no NVIDIA GPU (nvidia-smi is missing or lists none):" \
         "nothing was measured." >&2
    echo "It needs one GPU and its driver, a CUDA build of PyTorch for $python (S2L_BENCH_PYTHON)," \
         "and Maven Central for DJL's CUDA natives (-Pcuda, about 2.4 GB)." >&2
    echo "benchmarks/gpu/run.sh --cpu-dry-run runs the same steps on the CPU, measuring nothing." >&2
    exit 2
  fi
  if ! "$python" -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)'; then
    echo "benchmarks/gpu: $python's torch has no CUDA: point S2L_BENCH_PYTHON at one that has" >&2
    exit 2
  fi
  export CUDA_VISIBLE_DEVICES="${S2L_BENCH_GPU:-0}"
  device=cuda
  profile=(-Pcuda)
  shape=(--width 256 --depth 8 --heads 8 --context 256 --batch 32)
  java_shape=(256 8 8 256 32)
  dry_flag=()
else
  echo "DRY RUN on the CPU at a tiny scale: checks the plumbing, measures nothing worth reading"
  device=cpu
  profile=()
  shape=(--width 32 --depth 1 --heads 2 --context 64 --batch 8)
  java_shape=(32 1 2 64 8)
  dry_flag=(--cpu-dry-run)
  steps=20
  warmup=5
fi
mkdir -p "$work"
results="$work/results.jsonl"
: > "$results"
run() { "$@" | tee /dev/stderr | sed -n 's/^RESULT //p' >> "$results"; }

cd "$root"
cp_file="$work/classpath.txt"
mvn -q "${profile[@]}" -pl libs/lm-core -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
classpath="$root/libs/lm-core/target/test-classes:$root/libs/lm-core/target/classes:$(cat "$cp_file")"

run "$python" "$here/gpu_bench.py" peak --device "$device" --dtype bf16 \
  $([[ $dry == 1 ]] && echo --size 512)
run "$python" "$here/gpu_bench.py" eager --device "$device" "${shape[@]}" --warmup "$warmup" --steps "$steps"
run "$python" "$here/gpu_bench.py" eager --device "$device" "${shape[@]}" --warmup "$warmup" --steps "$steps" --bf16
run "$python" "$here/gpu_bench.py" reference --device "$device" "${shape[@]}" --warmup "$warmup" \
  --steps "$steps" --trainer "$root/trainers/pytorch/train.py" --python "$python"
run java -Xmx4g -cp "$classpath" io.s2l.lm.bench.GpuThroughput "${java_shape[@]}" "$warmup" "$steps" \
  "${dry_flag[@]}"

"$python" - "$results" << 'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
peak = rows[0]
eager32, eager16, reference, djl = rows[1], rows[2], rows[3], rows[4]
print(f"\nGPU: {peak['device']}; bf16 matmul peak measured here: {peak['tflops']:.1f} TFLOP/s\n")
print(f"| side | tokens/s | ratio to PyTorch eager (same precision) | training TFLOP/s | of the bf16 peak |")
print("| --- | --- | --- | --- | --- |")
for row, base in ((eager32, eager32), (eager16, eager16), (reference, eager16), (djl, eager32)):
    tflops = row["tokens_per_s"] * row["flops_per_token"] / 1e12
    print(f"| {row['side']} | {row['tokens_per_s']:,.0f} | {row['tokens_per_s'] / base['tokens_per_s']:.2f} "
          f"| {tflops:.2f} | {100 * tflops / peak['tflops']:.1f}% |")
PY
