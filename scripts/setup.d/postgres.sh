#!/usr/bin/env bash
# Starts Debian's PostgreSQL (no systemd) and makes the hub test database:
#   role kiosk (password kiosk), database kiosk_test, on TCP 127.0.0.1:5432.
# The hub tests connect to $KIOSK_TEST_PG_URL, by default
#   postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test
# Nothing is exported. Idempotent and quick when the cluster already runs. Needs root.
set -uo pipefail
if [ "$(id -u)" != 0 ]; then echo "postgres.sh: not root, leaving PostgreSQL alone" >&2; exit 0; fi
if ! command -v pg_lsclusters >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends postgresql >/dev/null \
    || { apt-get -o DPkg::Lock::Timeout=300 update -qq && apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends postgresql >/dev/null; }
fi
cluster=$(pg_lsclusters -h 2>/dev/null | head -n1)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  pg_createcluster "$version" main >/dev/null
  cluster=$(pg_lsclusters -h | head -n1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$name" start || { echo "postgres.sh: cannot start cluster $version/$name" >&2; exit 0; }
fi
psql_postgres() { su postgres -c "psql -p $port -qtAX -c \"$1\""; }
for _ in $(seq 1 50); do psql_postgres "SELECT 1" >/dev/null 2>&1 && break; sleep 0.1; done
[ "$(psql_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'kiosk'")" = 1 ] \
  || psql_postgres "CREATE ROLE kiosk LOGIN PASSWORD 'kiosk'"
[ "$(psql_postgres "SELECT 1 FROM pg_database WHERE datname = 'kiosk_test'")" = 1 ] \
  || psql_postgres "CREATE DATABASE kiosk_test OWNER kiosk"
if PGPASSWORD=kiosk psql -h 127.0.0.1 -p "$port" -U kiosk -d kiosk_test -qtAX -c "SELECT 1" >/dev/null 2>&1; then
  echo "postgres.sh: PostgreSQL $version running, database kiosk_test on 127.0.0.1:$port"
else
  echo "postgres.sh: PostgreSQL is not reachable as kiosk@127.0.0.1:$port/kiosk_test" >&2
fi
exit 0
