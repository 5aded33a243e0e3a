#!/usr/bin/env bash
# Installs and starts what the tests need from Debian's packages: a local PostgreSQL (for the
# store tests, run against SQLite and PostgreSQL alike) and Chromium (for the report page test).
# Idempotent, so a developer can run it too:  source .ci/services.sh  (as root, like CI).
# Exports TEST_DATABASE_URL for the tests only; citebot itself never reads it.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null || ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql chromium >/dev/null
fi

PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx main; then
  pg_createcluster "$PG_VERSION" main >/dev/null
fi
PG_CLUSTER_VERSION="$(pg_lsclusters -h | awk '$2 == "main" {print $1}' | head -1)"
PG_PORT="$(pg_lsclusters -h | awk '$2 == "main" {print $3}' | head -1)"
# pg_ctlcluster refuses to run the server as root; it switches to the cluster's owner itself.
if ! pg_lsclusters -h | awk '$2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$PG_CLUSTER_VERSION" main start
fi

as_postgres() { runuser -u postgres -- "$@"; }
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$PG_PORT" && break
  sleep 1
done
as_postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE citebot LOGIN PASSWORD ''citebot'' CREATEDB'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'citebot')\gexec
SELECT 'CREATE DATABASE citebot_test OWNER citebot'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'citebot_test')\gexec
-- The tests drop their scratch databases WITH (FORCE); an autovacuum worker (a superuser
-- process) inside one would otherwise make the drop fail with a permission error.
GRANT pg_signal_backend TO citebot;
SQL

export TEST_DATABASE_URL="postgres://citebot:citebot@127.0.0.1:${PG_PORT}/citebot_test"
export CHROMIUM_PATH="$(command -v chromium)"
echo "services: PostgreSQL ${PG_CLUSTER_VERSION} on port ${PG_PORT}, Chromium at ${CHROMIUM_PATH}"
