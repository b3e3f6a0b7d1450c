#!/usr/bin/env bash
# Study submission under load from a second process: the experiment service (its jar, on a fresh
# database of the PostgreSQL in S2L_BENCH_DB_URL) takes POST /api/v1/studies at a fixed rate, open
# loop, side by side with the baseline of its readiness probe at the same rate.
#
# usage: benchmarks/submission/run.sh [RATE [SECONDS]]     (defaults 100 and 30)
#   S2L_BENCH_DB_URL  admin URL of a PostgreSQL (default jdbc:postgresql://127.0.0.1:5432/postgres,
#                     user postgres, trust authentication); a database s2l_bench_<time> is created
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
admin="${S2L_BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
host_port="$(echo "$admin" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#')"
db="s2l_bench_$(date +%s)"
psql -h "${host_port%:*}" -p "${host_port#*:}" -U postgres -c "CREATE DATABASE $db" > /dev/null
mvn -q -pl experiment-service -am -DskipTests package
mkdir -p "$here/target"
# in the reactor (-am), so the sibling modules resolve to their target/classes without being
# installed; every module writes the file in turn and the launcher, built last, writes it last
mvn -q -pl launcher -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$here/target/classpath.txt" -Dmdep.includeScope=test
port=18080
# the key the service is started with and the load generator sends (every submission is
# authenticated, as in production)
S2L_ADMIN_KEY="s2l_bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export S2L_ADMIN_KEY
S2L_DB_URL="jdbc:postgresql://$host_port/$db" S2L_DB_USER=postgres S2L_DB_PASSWORD= \
  S2L_EXPERIMENT_PORT=$port java -jar experiment-service/target/experiment-service.jar \
  > "$here/target/experiment-service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://localhost:$port/actuator/health/readiness" && break
  sleep 1
done
java -cp "launcher/target/test-classes:$(cat "$here/target/classpath.txt")" \
  io.s2l.launcher.bench.SubmissionLoad "http://localhost:$port" "${1:-100}" "${2:-30}"
