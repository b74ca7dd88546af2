#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 (Debian cluster "15 main") when it is not running, creates the test role and a
# database for this run, and exports VERSO_TEST_PG_URL, _USER and _PASSWORD for the tests.
# Sourced by scripts/test. Needs root (or sudo) to start the cluster.
# (sourced: the caller sets its own shell options; scripts/test uses set -euo pipefail)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "scripts/postgres.sh: installing PostgreSQL" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  as_root pg_createcluster "$version" main >/dev/null
fi
cluster_port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  as_root pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$cluster_port" && break
  sleep 1
done

# The test role's password: random, made once per machine and kept for the user who runs the tests, so that test runs
# on one machine never change it under each other's feet.
state_dir="${XDG_STATE_HOME:-$HOME/.local/state}/verso"
mkdir -p "$state_dir" && chmod 700 "$state_dir"
if [ ! -s "$state_dir/pg-test-password" ]; then
  (umask 077; head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$state_dir/pg-test-password")
fi
password=$(cat "$state_dir/pg-test-password")
as_postgres psql -q -p "$cluster_port" -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'verso_test') THEN
    CREATE ROLE verso_test LOGIN;
  END IF;
END \$\$;
ALTER ROLE verso_test WITH LOGIN PASSWORD '$password';
SQL

# A database of this run's own, dropped at its end (verso_pg_drop); those of runs that died more than a day ago go now.
now=$(date +%s)
for old in $(as_postgres psql -p "$cluster_port" -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'verso\_test\_%'"); do
  created=$(echo "$old" | cut -d_ -f3)
  if [ -n "$created" ] && [ "$created" -lt $((now - 86400)) ] 2>/dev/null; then
    as_postgres dropdb -p "$cluster_port" --if-exists "$old" || true
  fi
done
VERSO_TEST_PG_DATABASE="verso_test_${now}_$$"
as_postgres createdb -p "$cluster_port" -O verso_test "$VERSO_TEST_PG_DATABASE"
verso_pg_drop() { as_postgres dropdb -p "$cluster_port" --if-exists "$VERSO_TEST_PG_DATABASE" >/dev/null 2>&1 || true; }

export VERSO_TEST_PG_URL="jdbc:postgresql://127.0.0.1:${cluster_port}/${VERSO_TEST_PG_DATABASE}"
export VERSO_TEST_PG_USER=verso_test
export VERSO_TEST_PG_PASSWORD="$password"
echo "PostgreSQL $version ready on port $cluster_port (database $VERSO_TEST_PG_DATABASE)" >&2
