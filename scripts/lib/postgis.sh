# A throwaway PostgreSQL 15 + PostGIS for tests and benchmarks (root, no systemd).
# start_test_postgis: installs the Debian packages when missing, creates a cluster in a temporary
# directory on a free port (fsync off: nothing here is worth keeping), creates the database
# territory_test with PostGIS and exports TERRITORY_TEST_PG. stop_test_postgis stops it and removes
# the directory; callers register it with trap … EXIT.
PGBIN=/usr/lib/postgresql/15/bin

start_test_postgis() {
  ensure_debian_packages postgresql-15 postgresql-15-postgis-3 || return 1
  PG_TEST_DIR=$(mktemp -d /tmp/territory-pg.XXXXXX)
  chown postgres:postgres "$PG_TEST_DIR"
  local port
  # A free port: nothing answers a connection there (bash's /dev/tcp, no other tool needed).
  for _ in $(seq 1 50); do
    port=$((40000 + RANDOM % 20000))
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || break
  done
  local as_postgres="su postgres -s /bin/sh -c"
  [ "$(id -u)" -ne 0 ] && as_postgres="sh -c"
  $as_postgres "$PGBIN/initdb -D $PG_TEST_DIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >"$PG_TEST_DIR/initdb.log" 2>&1 || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  $as_postgres "$PGBIN/pg_ctl -D $PG_TEST_DIR/data -l $PG_TEST_DIR/log -w -o \"-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null || { cat "$PG_TEST_DIR/log" >&2; return 1; }
  psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE territory_test" >/dev/null || return 1
  psql -q -h 127.0.0.1 -p "$port" -U postgres -d territory_test -c "CREATE EXTENSION postgis" >/dev/null || return 1
  export PG_TEST_PORT=$port
  export TERRITORY_TEST_PG="postgresql://postgres@127.0.0.1:$port/territory_test"
}

stop_test_postgis() {
  [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ] || return 0
  local as_postgres="su postgres -s /bin/sh -c"
  [ "$(id -u)" -ne 0 ] && as_postgres="sh -c"
  $as_postgres "$PGBIN/pg_ctl -D $PG_TEST_DIR/data -m immediate -w stop" >/dev/null 2>&1
  rm -rf "$PG_TEST_DIR"
}
