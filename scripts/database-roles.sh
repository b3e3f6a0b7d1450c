#!/usr/bin/env bash
# Creates or updates s2l's database roles (launcher/src/main/resources/db/roles.sql: one login role
# per kind of process, each with exactly the schemas it uses) on a PostgreSQL database, and sets the
# three login roles' passwords. Run it as an administrator once before the services first start
# and again after an upgrade; it changes nothing the second time.
#
#   S2L_EXPERIMENT_DB_PASSWORD=... S2L_ANALYSIS_DB_PASSWORD=... S2L_WORKER_DB_PASSWORD=... \
#     scripts/database-roles.sh "host=db.example.com dbname=s2l user=admin"
#
# The argument is psql's connection string (or any psql connection options). In the postgres
# image's /docker-entrypoint-initdb.d (docker-compose.yml) it takes none: it connects as
# POSTGRES_USER to POSTGRES_DB, and finds the SQL at S2L_ROLES_SQL.
set -euo pipefail
sql=${S2L_ROLES_SQL:-$(dirname "$0")/../launcher/src/main/resources/db/roles.sql}
: "${S2L_EXPERIMENT_DB_PASSWORD:?set S2L_EXPERIMENT_DB_PASSWORD, the password of the experiment service role}"
: "${S2L_ANALYSIS_DB_PASSWORD:?set S2L_ANALYSIS_DB_PASSWORD, the password of the analysis service role}"
: "${S2L_WORKER_DB_PASSWORD:?set S2L_WORKER_DB_PASSWORD, the password of the trainer workers role}"
# the second run of each statement says what already exists: not worth a line
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
connection=("$@")
if [[ ${#connection[@]} -eq 0 && -n ${POSTGRES_USER:-} ]]; then
  connection=(--username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}")
fi
psql -v ON_ERROR_STOP=1 -q "${connection[@]}" -f "$sql"
# the passwords are read from the environment inside psql (\getenv, psql 15 or later), never put
# on a command line, where other users of the machine could read them
export S2L_EXPERIMENT_DB_PASSWORD S2L_ANALYSIS_DB_PASSWORD S2L_WORKER_DB_PASSWORD
psql -v ON_ERROR_STOP=1 -q "${connection[@]}" <<'SQL'
\getenv experiment S2L_EXPERIMENT_DB_PASSWORD
\getenv analysis S2L_ANALYSIS_DB_PASSWORD
\getenv worker S2L_WORKER_DB_PASSWORD
ALTER ROLE s2l_experiment PASSWORD :'experiment';
ALTER ROLE s2l_analysis PASSWORD :'analysis';
ALTER ROLE s2l_worker PASSWORD :'worker';
SQL
echo "database-roles: s2l_experiment, s2l_analysis and s2l_worker are in place"
