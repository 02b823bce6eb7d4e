#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for dateline's store tests and prints how to
# reach it.
#
#   eval "$(.ci/postgres.sh)"        # or: .ci/postgres.sh; . /tmp/dateline-postgres.env
#
# stdout carries exactly one line, `export DATELINE_TEST_POSTGRES=…`, which is
# also written to $DATELINE_PG_ENV (default /tmp/dateline-postgres.env);
# progress goes to stderr. Installs PostgreSQL from Debian when it is missing,
# runs a private cluster (data under $DATELINE_PG_DIR, default
# /tmp/dateline-pg) as the `postgres` user — PostgreSQL refuses to run as
# root — listening on 127.0.0.1:$DATELINE_PG_PORT (default 5432), and creates
# the role and database `dateline` (password `dateline`, password auth over
# TCP). Running it again reuses the running cluster.
set -euo pipefail

dir=${DATELINE_PG_DIR:-/tmp/dateline-pg}
port=${DATELINE_PG_PORT:-5432}
env_file=${DATELINE_PG_ENV:-/tmp/dateline-postgres.env}
url="postgres://dateline:dateline@127.0.0.1:${port}/dateline"

say() { printf 'postgres.sh: %s\n' "$*" >&2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/postgres" ]; then
  say "installing PostgreSQL from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin=$(bindir)

# As root, run the server tools as `postgres`; as anyone else, as themselves.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

sock="$dir/socket"
if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    say "creating a cluster in $dir/data"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --no-sync \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >&2
  fi
  as_pg mkdir -p "$sock"
  say "starting PostgreSQL on 127.0.0.1:$port"
  # Test data only: durability settings off for speed.
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $sock -c max_connections=200 \
     -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi

psql_admin() { as_pg "$bin/psql" -h "$sock" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'dateline'")" != 1 ]; then
  say "creating role dateline"
  psql_admin -d postgres -c "CREATE ROLE dateline LOGIN PASSWORD 'dateline'"
fi
if [ "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'dateline'")" != 1 ]; then
  say "creating database dateline"
  psql_admin -d postgres -c "CREATE DATABASE dateline OWNER dateline"
fi

# Check the URL the tests will use, over TCP with the password.
PGPASSWORD=dateline "$bin/psql" "$url" -qAt -c "SELECT 1" >/dev/null
line="export DATELINE_TEST_POSTGRES=$url"
printf '%s\n' "$line" >"$env_file"
say "ready; also written to $env_file"
printf '%s\n' "$line"
