#!/usr/bin/env bash
# Hold + purchase benchmark: 200 concurrent buyers, on SQLite and on PostgreSQL (one
# boxoffice-server, in-memory queue, the stadium's performance), ROUNDS rounds of
# 200 buyers each. Prints a markdown table row per database.
#   bench/seats/run.sh            (after scripts/build.sh; starts its own PostgreSQL)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/build/bin
ROUNDS=${ROUNDS:-10}
WORK=$(mktemp -d /tmp/boxoffice-seatbench.XXXXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
  "$ROOT/scripts/test-services.sh" stop "$WORK/services" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"$ROOT/scripts/test-services.sh" start "$WORK/services" >/dev/null
PG=$(sed -n 's/^BOXOFFICE_TEST_PG_URL=//p' "$WORK/services/env")
REDIS=$(sed -n 's/^BOXOFFICE_TEST_REDIS_URL=//p' "$WORK/services/env")
psql "$PG" -qc 'CREATE DATABASE seatbench' >/dev/null
psql "$PG" -qc 'CREATE DATABASE seatbench2' >/dev/null

echo "| database | 200 holds… | buyers | requests/s (hold + purchase) | purchases/s | hold p50 ms | hold p99 ms | purchase p50 ms | purchase p99 ms | errors |"
echo "|---|---|---|---|---|---|---|---|---|---|"
# SQLite and PostgreSQL with the in-memory queue (one thread), then PostgreSQL with
# the queue on Redis and 4 server threads (4 PostgreSQL connections).
for setup in "sqlite:$WORK/bench.sqlite|" "${PG%/postgres}/seatbench|" "${PG%/postgres}/seatbench2|--redis $REDIS --threads 4"; do
  db=${setup%%|*}
  extra=${setup#*|}
  # shellcheck disable=SC2086
  "$BIN/boxoffice-server" --port 0 --demo --db "$db" --staff-key bench --capacity 1000 --join-rate 0 \
    --tick-ms 100 $extra >"$WORK/out" 2>"$WORK/err" &
  PID=$!
  for _ in $(seq 300); do grep -q listening "$WORK/out" 2>/dev/null && break; sleep 0.1; done
  URL=$(sed -n 's/^boxoffice-server listening on //p' "$WORK/out")
  name=${db%%:*}
  [ -n "$extra" ] && name="$name, 4 threads"
  printf '| %s | at once ' "$name"
  "$BIN/bench_holds" "$URL" aurora-world-tour aurora-world-tour-p2 bench "$ROUNDS" 0
  printf '| %s | over 1 s ' "$name"
  "$BIN/bench_holds" "$URL" aurora-world-tour aurora-world-tour-p1 bench "$ROUNDS" 1000
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
