#!/usr/bin/env bash
# Queue claim benchmark: claims per second and claim latency (p50, p99) of 8 concurrent claimers on
# one PostgreSQL, against a bare SELECT 1 round trip on the same connection pool, in one run.
#
# usage: benchmarks/queue/run.sh [JOBS [CLAIMERS [GROUPS]]]   (defaults 20000, 8 and 1 fairness group)
# The database: S2L_TEST_DB_URL (a fresh database is created there), e.g.
#   S2L_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres benchmarks/queue/run.sh
# or, without it, an embedded PostgreSQL 17.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
mkdir -p "$here/target"
cp_file="$here/target/classpath.txt"
# in the reactor (-am), so sibling modules resolve without being installed; the queue, built last,
# writes the file last
mvn -q -pl libs/job-queue -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="$root/libs/job-queue/target/test-classes:$root/libs/job-queue/target/classes:$(cat "$cp_file")"
java -cp "$classpath" io.s2l.queue.bench.ClaimBenchmark "${1:-20000}" "${2:-8}" "${3:-1}"
