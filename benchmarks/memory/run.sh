#!/usr/bin/env bash
# Resident memory of a 20,000-step training run, sampled every 1,000 steps (about 2-3 minutes).
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$home"
mvn -B -q -pl libs/lm-core -am install -DskipTests
mvn -B -q -pl libs/lm-core test-compile
mvn -B -q -pl libs/lm-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
cp=$(cat libs/lm-core/target/classpath.txt)
exec java -Xmx512m -cp "libs/lm-core/target/test-classes:libs/lm-core/target/classes:$cp" \
  io.s2l.lm.memory.MemoryProbe "${1:-20000}"
