#!/usr/bin/env bash
# TRAK scoring benchmark: s2l (io.s2l.attribution.Trak, Java on OpenBLAS through bytedeco) against
# numpy/scipy on the same features, side by side in one run: a pool of 20,000 x 2,000 targets at
# k = 1,024 (one model, with Q). Builds attribution-core's test classes, then runs the Java driver,
# which writes the features, starts numpy_reference.py on the same files, times both sides in
# alternating rounds, and prints both times, their ratio and the largest difference between the
# two score matrices.
#
# usage: benchmarks/attribution/run.sh [ROUNDS [THREADS]]   (defaults 5 and 2)
#   THREADS is exported as OPENBLAS_NUM_THREADS to both sides (both run OpenBLAS 0.3.31; 2 = the
#   cores of the machine the README's numbers come from).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
threads="${2:-2}"
data="${S2L_BENCH_DATA:-$here/target/data}"

cd "$root"
mvn -q -pl libs/attribution-core -am test-compile
cp_file="$here/target/classpath.txt"
mkdir -p "$here/target"
mvn -q -pl libs/attribution-core dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test
classpath="$root/libs/attribution-core/target/test-classes:$root/libs/attribution-core/target/classes:$(cat "$cp_file")"

export OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads"
java -Xms3g -Xmx3g -XX:+UseParallelGC -XX:+AlwaysPreTouch -cp "$classpath" \
  io.s2l.attribution.bench.TrakBenchmark "$here/numpy_reference.py" "$data" "$rounds"
