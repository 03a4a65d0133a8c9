#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the tests and exports its
# connection string in TOUSU_TEST_POSTGRES_URL; stops it (by its pid) when
# the sourcing shell exits, also on failure. Source it: `. .ci/postgres.sh`.
# Needs the postgresql-15 package (apt-get install -y postgresql-15).
# The cluster runs with fsync off (tests and most benches); PG_FSYNC=on runs
# it with fsync on, as a server that keeps its data would (the tick bench's
# commits then wait for the disk): `PG_FSYNC=on PG_PORT=54393 . .ci/postgres.sh`.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=$(mktemp -d /tmp/tousu-pg.XXXXXX)
PG_PORT=${PG_PORT:-54329}
PG_FSYNC=${PG_FSYNC:-off}
if [ "$(id -u)" = 0 ]; then
  chown postgres "$PG_DIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
stop_postgres() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    pg_pid=$(head -n 1 "$PG_DIR/data/postmaster.pid")
    kill -INT "$pg_pid" 2>/dev/null || true
    while kill -0 "$pg_pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 > "$PG_DIR/initdb.log"
as_pg "$PG_BIN/pg_ctl" start -D "$PG_DIR/data" -w -l "$PG_DIR/server.log" \
  -o "-k $PG_DIR -c listen_addresses='' -p $PG_PORT -c fsync=$PG_FSYNC -c max_connections=200" > /dev/null
export TOUSU_TEST_POSTGRES_URL="host=$PG_DIR port=$PG_PORT user=postgres dbname=postgres"
echo "PostgreSQL 15 running on $PG_DIR port $PG_PORT, fsync $PG_FSYNC (TOUSU_TEST_POSTGRES_URL set)"
