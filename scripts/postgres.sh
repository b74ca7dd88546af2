#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 (Debian cluster "15 main") when it is not running, creates the test role and
# database with a fresh random password, and exports VERSO_TEST_PG_URL, _USER and _PASSWORD for the tests.
# Sourced by scripts/test. Needs root (or sudo) to start the cluster.
set -euo pipefail

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

password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
as_postgres psql -q -p "$cluster_port" -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'verso_test') THEN
    CREATE ROLE verso_test LOGIN;
  END IF;
END \$\$;
ALTER ROLE verso_test WITH LOGIN PASSWORD '$password';
SQL
if ! as_postgres psql -p "$cluster_port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'verso_test'" | grep -q 1; then
  as_postgres createdb -p "$cluster_port" -O verso_test verso_test
fi
# Every test run starts from an empty database: drop the schemas earlier runs left behind.
as_postgres psql -q -p "$cluster_port" -d verso_test -v ON_ERROR_STOP=1 -tAc \
  "SELECT 'DROP SCHEMA IF EXISTS ' || quote_ident(nspname) || ' CASCADE;' FROM pg_namespace WHERE nspname LIKE 't\_%'" \
  | as_postgres psql -q -p "$cluster_port" -d verso_test >/dev/null

export VERSO_TEST_PG_URL="jdbc:postgresql://127.0.0.1:${cluster_port}/verso_test"
export VERSO_TEST_PG_USER=verso_test
export VERSO_TEST_PG_PASSWORD="$password"
echo "PostgreSQL $version ready on port $cluster_port (database verso_test)" >&2
