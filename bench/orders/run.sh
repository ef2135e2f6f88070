#!/usr/bin/env bash
# Order search at 1,000,000 orders: the latency of GET /api/v1/admin/orders?q=… for an
# order code, a seat id, part of a customer's name, part of a phone number and a word no
# order has, on SQLite and on PostgreSQL, each with the migration's trigram index (FTS5,
# pg_trgm) and, in the same run, without it (the table scanned) for the ratio.
# Prints a markdown table: median and p90 of N requests per query, in milliseconds.
#
#   bench/orders/run.sh                 (after scripts/build.sh; needs PostgreSQL 15)
#   ORDERS=200000 N=30 bench/orders/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ORDERS=${ORDERS:-1000000}
N=${N:-50}
BIN=$ROOT/build/bin
WORK=$(mktemp -d /tmp/boxoffice-orders.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  "$ROOT/scripts/test-services.sh" stop "$WORK/services" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$ROOT/scripts/test-services.sh" start "$WORK/services" >/dev/null
. "$WORK/services/env"
PG_ADMIN=$BOXOFFICE_TEST_PG_URL
psql -q "$PG_ADMIN" -c "CREATE DATABASE bench_orders" >/dev/null
PG_URL=${PG_ADMIN%/*}/bench_orders

start_server() {  # db-url
  "$BIN/boxoffice-server" --port 0 --demo --db "$1" --staff-key bench --join-rate 0 \
    >"$WORK/server.out" 2>"$WORK/server.err" &
  SERVER_PID=$!
  for _ in $(seq 600); do
    URL=$(sed -n 's/^boxoffice-server listening on //p' "$WORK/server.out")
    [ -n "$URL" ] && return 0
    sleep 0.1
  done
  cat "$WORK/server.err" >&2; return 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

# ORDERS synthetic orders of trot-king-p1: a code, one ticket each, customers with
# names, phones and e-mails; generated in SQL (the same rows on both databases).
fill_sql() {  # dialect → the statements
  if [ "$1" = sqlite ]; then
    SERIES="WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $ORDERS)"
    FROM="FROM g"; N_=n; CODE="printf('B%07d', n)"; CAT="||"
  else
    SERIES=""; FROM="FROM generate_series(1, $ORDERS) AS g(n)"; N_=n; CODE="'B' || lpad(n::text, 7, '0')"; CAT="||"
  fi
  cat <<SQL
$SERIES INSERT INTO orders (id, performance_id, method, amount, currency, purchased_at, code, concert_id, status,
  customer_name, customer_phone, customer_email)
  SELECT 'bench-' $CAT $N_, 'trot-king-p1', 'card', 84000, 'KRW', 1700000000000 + $N_, $CODE, 'trot-king', 'paid',
    'Customer ' $CAT $N_ $CAT ' Kim', '010-' $CAT ($N_ % 10000) $CAT '-' $CAT $N_, 'c' $CAT $N_ $CAT '@example.kr' $FROM;
$SERIES INSERT INTO order_search (order_id, text)
  SELECT 'bench-' $CAT $N_, 'customer ' $CAT $N_ $CAT ' kim c' $CAT $N_ $CAT '@example.kr 010-' $CAT ($N_ % 10000) $CAT '-' $CAT $N_ $FROM;
$SERIES INSERT INTO tickets (secret, order_id, performance_id, idx, price, state, current, issued_at)
  SELECT 'bench-secret-' $CAT $N_, 'bench-' $CAT $N_, 'trot-king-p1', $N_ % 20000, 84000, 'valid', 1, 0 $FROM;
SQL
}

# median and p90 of N requests, ms
measure() {  # query
  local t=()
  for _ in $(seq "$N"); do
    t+=("$(curl -s -o /dev/null -w '%{time_total}' -H 'Authorization: Bearer bench' "$URL/api/v1/admin/orders?q=$1&limit=20")")
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f / %.1f", a[int((NR+1)/2)]*1000, a[int(NR*0.9)]*1000}'
}

QUERIES=("B0765432" "205-1-1" "customer%20765432" "9876-" "nobody-at-all")
NAMES=("code" "seat id" "name, in part" "phone, in part" "no match")
declare -A RESULT

run_db() {  # label db-url dialect
  start_server "$2"; stop_server   # migrate and seed
  echo "filling $1 with $ORDERS orders…" >&2
  local t0=$(date +%s)
  if [ "$3" = sqlite ]; then fill_sql sqlite | sqlite3 "${2#sqlite:}"; else fill_sql postgresql | psql -q "$2" >/dev/null; psql -q "$2" -c "ANALYZE" >/dev/null; fi
  echo "  filled in $(( $(date +%s) - t0 )) s" >&2
  start_server "$2"
  for i in "${!QUERIES[@]}"; do measure "${QUERIES[$i]}" >/dev/null; RESULT["$1,indexed,$i"]=$(measure "${QUERIES[$i]}"); done
  stop_server
  # The same without the customer index: what the trigram index is worth.
  if [ "$3" = sqlite ]; then
    sqlite3 "${2#sqlite:}" "CREATE TABLE plain AS SELECT order_id, text FROM order_search; DROP TABLE order_search; ALTER TABLE plain RENAME TO order_search;"
  else
    psql -q "$2" -c "DROP INDEX order_search_text" >/dev/null
  fi
  start_server "$2"
  for i in "${!QUERIES[@]}"; do measure "${QUERIES[$i]}" >/dev/null; RESULT["$1,scan,$i"]=$(measure "${QUERIES[$i]}"); done
  stop_server
}

run_db SQLite "sqlite:$WORK/orders.sqlite" sqlite
run_db PostgreSQL "$PG_URL" postgresql

echo
echo "Order search at $ORDERS orders, ms median / p90 of $N requests (limit=20), $(date -u +%F)"
echo
echo "| query | SQLite, indexed | SQLite, no customer index | PostgreSQL, indexed | PostgreSQL, no customer index |"
echo "|---|---|---|---|---|"
for i in "${!QUERIES[@]}"; do
  echo "| ${NAMES[$i]} (\`${QUERIES[$i]//%20/ }\`) | ${RESULT["SQLite,indexed,$i"]} | ${RESULT["SQLite,scan,$i"]} | ${RESULT["PostgreSQL,indexed,$i"]} | ${RESULT["PostgreSQL,scan,$i"]} |"
done
