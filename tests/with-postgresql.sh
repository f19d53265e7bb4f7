#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# with-postgresql.sh COMMAND [ARG…]: starts a throwaway PostgreSQL server on a Unix socket in
# a new temporary folder (no TCP port), runs COMMAND with IMPACT_TEST_POSTGRESQL set to a
# connection string for it, then stops the server and removes the folder. Run as root, the
# server runs as the unprivileged user nobody, as PostgreSQL requires. About 1.5 s.
set -eu

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgresql.sh: no PostgreSQL server programs under /usr/lib/postgresql (install postgresql)" >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/impact-pg.XXXXXX")
run=""
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  run="runuser -u nobody --"
fi

stop () {
  (cd "$dir" && $run "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1) || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 1' INT TERM

(cd "$dir" && $run "$bindir/initdb" -D "$dir/data" -A trust --no-sync -U impact -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1) || { cat "$dir/initdb.log" >&2; exit 1; }
(cd "$dir" && $run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null) \
  || { cat "$dir/server.log" >&2; exit 1; }

IMPACT_TEST_POSTGRESQL="host=$dir user=impact dbname=postgres"
export IMPACT_TEST_POSTGRESQL
"$@"
