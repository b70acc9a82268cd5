#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster on 127.0.0.1:$PGPORT (default 5432) with trust auth, for CI
# on a machine where no server listens. Uses the machine's initdb and pg_ctl.
set -euo pipefail
DIR=${TIANPING_PGDATA:-/tmp/tianping-ci-pg}
bin=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | tail -n1)")
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
case "${1:-start}" in
  start)
    rm -rf "$DIR" && mkdir -p "$DIR"
    [ "$(id -u)" -eq 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres "$DIR"; }
    as_owner "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
      -o "-h 127.0.0.1 -p ${PGPORT:-5432} -k $DIR -c fsync=off -c full_page_writes=off" start
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop || true
    ;;
esac
