#!/usr/bin/env bash
# Training-throughput benchmark: s2l's LmTrainer (DJL on libtorch) against PyTorch eager in python,
# same model, data, optimiser and thread counts, at three scales, in one run. Builds lm-core's test
# classes, then runs the Java driver, which trains each scale with LmTrainer, spawns
# pytorch_eager.py on the same batches, measures the float32 matmul peak on both sides and prints a
# markdown table. The whole run is pinned to one CPU (taskset): the JVM (JIT and GC included) and
# python share that core, and each side uses one intra-op and one inter-op thread.
#
# usage: benchmarks/training/run.sh [STEPS [WARMUP [ROUNDS]]]   (defaults 300 20 3)
# env:   S2L_BENCH_PYTHON  python with torch (default /usr/bin/python3: Debian's python3-torch;
#                          a pyenv python3 on PATH usually has no torch)
#        S2L_BENCH_CPU     the CPU to pin to (default 0)
#        S2L_BENCH_MKL_DISPATCH=1  preload trainer-worker/src/main/c/mkl_intel_dispatch.c (built here
#                          with cc) into the s2l side, as the trainer workers do where it is built
# needs: apt-get install -y python3-torch libopenblas0-pthread   (see README.md)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
steps="${1:-300}"
warmup="${2:-20}"
rounds="${3:-3}"
python="${S2L_BENCH_PYTHON:-/usr/bin/python3}"
work="$here/target"

if ! "$python" -c 'import torch' 2> /dev/null; then
  echo "$python cannot import torch: apt-get install -y python3-torch libopenblas0-pthread" >&2
  echo "(or point S2L_BENCH_PYTHON at a python that has torch)" >&2
  exit 1
fi

cd "$root"
# One reactor build: lm-core's test classes and the modules it depends on, then the test classpath
# written to a file. In the same invocation the sibling modules (study-core, builtin-corpus, ...)
# resolve to their freshly compiled target/classes, not to possibly stale jars in ~/.m2.
mkdir -p "$work"
cp_file="$work/classpath.txt"
mvn -q -pl libs/lm-core -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
classpath="$root/libs/lm-core/target/test-classes:$root/libs/lm-core/target/classes:$(cat "$cp_file")"

preload=()
if [ "${S2L_BENCH_MKL_DISPATCH:-0}" = 1 ]; then
  cc -shared -fPIC -O2 -o "$work/libmkl_intel_dispatch.so" "$root/trainer-worker/src/main/c/mkl_intel_dispatch.c"
  preload=(env "LD_PRELOAD=$work/libmkl_intel_dispatch.so")
  echo "s2l side: MKL's kernels chosen from the CPU's feature flags (mkl_intel_dispatch preloaded)"
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1
pin=()
if command -v taskset > /dev/null; then
  pin=(taskset -c "${S2L_BENCH_CPU:-0}")
  echo "pinned to CPU ${S2L_BENCH_CPU:-0} with taskset: one core for the JVM and for python"
else
  echo "taskset not found: not pinned; each side still uses one intra-op + one inter-op thread"
fi
"${preload[@]}" "${pin[@]}" java -Xms1g -Xmx1g -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -cp "$classpath" \
  io.s2l.lm.bench.TrainingBenchmark "$here/pytorch_eager.py" "$work" "$steps" "$warmup" "$rounds" \
  "$python"
