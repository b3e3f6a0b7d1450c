#!/usr/bin/env bash
# Import + analysis of 15.36 million losses end to end through PostgreSQL, against PostgreSQL's own
# COPY of the same file. Builds what it needs; takes a few minutes (it writes a ~900 MB CSV to /tmp).
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$home"
mvn -B -q -DskipTests package
mvn -B -q -pl launcher test-compile
mvn -B -q -pl launcher dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
cp=$(cat launcher/target/classpath.txt)
exec java -Xmx1g -cp "launcher/target/test-classes:launcher/target/classes:$cp" \
  io.s2l.launcher.bench.ImportBenchmark "$home"
