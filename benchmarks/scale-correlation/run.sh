#!/usr/bin/env bash
# Scale-correlation benchmark: s2l (Java) against numpy/scipy on the same 15.36 million losses.
# Builds scale-stats' test classes, then runs the Java driver, which writes the data, times the
# s2l analysis, spawns numpy_reference.py and prints both. The whole run is pinned to one CPU
# (taskset) so that neither side, nor the JVM's JIT and GC threads, uses a second core.
#
# usage: benchmarks/scale-correlation/run.sh [REPEATS]   (from anywhere; default 5 runs per side)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-5}"
data="${S2L_BENCH_DATA:-$here/target/data}"

cd "$root"
mvn -q -pl libs/scale-stats -am test-compile
cp_file="$here/target/classpath.txt"
mkdir -p "$here/target"
mvn -q -pl libs/scale-stats dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="$root/libs/scale-stats/target/test-classes:$root/libs/scale-stats/target/classes:$(cat "$cp_file")"

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1
pin=()
if command -v taskset > /dev/null; then
  pin=(taskset -c "${S2L_BENCH_CPU:-0}")
  echo "pinned to CPU ${S2L_BENCH_CPU:-0} with taskset: one core for the JVM and for python"
else
  echo "taskset not found: not pinned; the analysis and numpy still use one thread each"
fi
"${pin[@]}" java -Xms2g -Xmx2g -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -cp "$classpath" \
  io.s2l.stats.bench.ScaleCorrelationBenchmark "$here/numpy_reference.py" "$data" "$repeats"
