#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL and Redis on free loopback ports for the
# tests, and writes their URLs to DIR/env:
#   BOXOFFICE_TEST_PG_URL=postgresql://postgres@127.0.0.1:PORT/postgres
#   BOXOFFICE_TEST_REDIS_URL=redis://127.0.0.1:PORT
# Usage: test-services.sh start DIR | stop DIR | restart-pg DIR   (the servers' data live in a
# temporary directory under /tmp that the postgres user can reach; DIR/data names it)
# CTest runs it as a fixture (tests/CMakeLists.txt); scripts/test.sh also stops it on exit.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?directory}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)

port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 50); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if port_free "$p"; then echo "$p"; return 0; fi
  done
  return 1
}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  local data
  data=$(cat "$dir/data" 2>/dev/null) || { rm -rf "$dir"; return 0; }
  if [ -f "$data/redis.pid" ]; then
    kill "$(cat "$data/redis.pid")" 2>/dev/null || true
  fi
  if [ -d "$data/pgdata" ] && [ -n "$PGBIN" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$data/pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$data" in /tmp/boxoffice-services.*) rm -rf "$data" ;; esac
  rm -rf "$dir"
}

start() {
  stop
  mkdir -p "$dir"
  data=$(mktemp -d /tmp/boxoffice-services.XXXXXX)
  chmod 755 "$data"
  echo "$data" > "$dir/data"
  : > "$dir/env"
  if command -v redis-server >/dev/null; then
    for _ in 1 2 3; do
      rport=$(free_port)
      if redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
           --pidfile "$data/redis.pid" --logfile "$data/redis.log" --dir "$data"; then
        for _ in $(seq 50); do redis-cli -p "$rport" ping >/dev/null 2>&1 && break; sleep 0.1; done
        if redis-cli -p "$rport" ping >/dev/null 2>&1; then
          echo "BOXOFFICE_TEST_REDIS_URL=redis://127.0.0.1:$rport" >> "$dir/env"; break
        fi
      fi
    done
  fi
  if [ -n "$PGBIN" ]; then
    mkdir -p "$data/pgdata"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data" "$data/pgdata"; fi
    as_postgres "$PGBIN/initdb" -D "$data/pgdata" -A trust -U postgres >"$data/initdb.log" 2>&1
    for _ in 1 2 3; do
      pport=$(free_port)
      if as_postgres "$PGBIN/pg_ctl" -D "$data/pgdata" -l "$data/pg.log" -w start \
           -o "-c listen_addresses=127.0.0.1 -p $pport -k $data/pgdata -c fsync=off -c full_page_writes=off -c max_connections=300" >/dev/null; then
        echo "BOXOFFICE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$pport/postgres" >> "$dir/env"; break
      fi
    done
  fi
  cat "$dir/env"
}

restart-pg() {  # the fault tests: PostgreSQL goes away and comes back on the same port
  local data
  data=$(cat "$dir/data")
  as_postgres "$PGBIN/pg_ctl" -D "$data/pgdata" -m fast -w restart >/dev/null
}

case "$cmd" in start|stop|restart-pg) "$cmd" ;; *) echo "usage: $0 start|stop|restart-pg DIR" >&2; exit 2 ;; esac
