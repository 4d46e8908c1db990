#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL server for the tests (`make test`, CI).
#
#   scripts/with_postgres.sh python -m pytest -q
#
# Finds initdb/pg_ctl (PATH, /usr/local/bin, /usr/lib/postgresql/*/bin); when they are
# missing and we are root, installs Debian's `postgresql` package. Creates a cluster in
# a new temp folder (UTF-8, C locale, trust auth), listening on a unix socket in that
# folder only (no TCP port), starts it, runs the command with
# NEWSGRAPH_TEST_PG=postgresql://postgres@/postgres?host=<folder>, then stops the server
# and removes the folder (trap: also on failure or Ctrl-C). initdb refuses to run as
# root, so as root the cluster belongs to the `postgres` user (or `nobody`).
# If NEWSGRAPH_TEST_PG is already set, that server is used and nothing is started; if no
# PostgreSQL can be had, the command runs without it (the PostgreSQL tests skip, saying why).
set -euo pipefail

if [ -n "${NEWSGRAPH_TEST_PG:-}" ]; then exec "$@"; fi

find_bin() {
  local dir
  for dir in $(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)") \
             /usr/local/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

PGBIN=$(find_bin || true)
if [ -z "$PGBIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "with_postgres: installing Debian's postgresql package" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql \
    >/dev/null) || true
  PGBIN=$(find_bin || true)
fi
if [ -z "$PGBIN" ]; then
  echo "warning: PostgreSQL not found; the PostgreSQL store tests will be skipped" >&2
  exec "$@"
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/ngpg.XXXXXX")
RUN=()
if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  id "$OWNER" >/dev/null 2>&1 || OWNER=nobody
  chown "$OWNER" "$DIR"
  if command -v runuser >/dev/null 2>&1; then RUN=(runuser -u "$OWNER" --)
  else RUN=(su -s /bin/sh -c 'exec "$0" "$@"' -- "$OWNER"); fi
fi

stop() {
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${RUN[@]}" "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C \
  >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-k $DIR -h '' -F -c max_connections=200" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }
echo "with_postgres: $("$PGBIN/pg_ctl" --version), socket in $DIR" >&2

export NEWSGRAPH_TEST_PG="postgresql://postgres@/postgres?host=$DIR"
set +e
"$@"
status=$?
set -e
exit $status
