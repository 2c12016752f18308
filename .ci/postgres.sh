#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store tests and prints the line that points
# them at it:
#
#   eval "$(bash .ci/postgres.sh)"   # sets ROAM_TEST_POSTGRES_URL
#
# Installs PostgreSQL from Debian's packages when it is missing, keeps the cluster under
# $ROAM_POSTGRES_DIR (default /tmp/roam-postgres), listens on 127.0.0.1 only (first free
# port from 55432) with trust authentication, and creates the database roam_test.
# Idempotent: when the cluster already runs, it only prints the line. Logs go to stderr.
set -euo pipefail

root="${ROAM_POSTGRES_DIR:-/tmp/roam-postgres}"
data="$root/data"
sockets="$root/sockets"
database=roam_test
superuser=roam

say() { echo "postgres.sh: $*" >&2; }

# The directory holding initdb and pg_ctl: on PATH, else the newest Debian install.
find_bindir() {
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

if ! bindir="$(find_bindir)"; then
  if [[ "$(id -u)" -ne 0 ]]; then
    say "PostgreSQL is not installed; run as root (apt-get install postgresql) first"
    exit 1
  fi
  say "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bindir="$(find_bindir)"
fi

# initdb refuses to run as root: root runs the cluster as the postgres user.
if [[ "$(id -u)" -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$root" postgres
  owner=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  owner="$(id -un)"
  as_owner() { "$@"; }
fi

running() { [[ -f "$root/port" ]] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! running; then
  install -d -o "$owner" -m 700 "$root"
  install -d -o "$owner" -m 700 "$sockets"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    say "initialising a cluster in $data"
    as_owner "$bindir/initdb" -D "$data" -U "$superuser" --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >&2
  fi
  port=55432
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port" >"$root/port"
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_owner "$bindir/pg_ctl" -D "$data" -l "$root/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$sockets" \
    start >&2
fi
port="$(cat "$root/port")"

psql=("$bindir/psql" -X -q -h "$sockets" -p "$port" -U "$superuser" -d postgres)
[[ -x "$bindir/psql" ]] || psql[0]=psql
if [[ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]]; then
  "${psql[@]}" -c "CREATE DATABASE $database" >&2
fi

echo "export ROAM_TEST_POSTGRES_URL=postgres://$superuser@127.0.0.1:$port/$database"
