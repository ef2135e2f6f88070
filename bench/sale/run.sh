#!/usr/bin/env bash
# The sale simulator against real deployments, on loopback, with the invariants checked
# at the end of each run (bench_sale exits 1 when one fails):
#   1. one boxoffice-server (Redis queue, PostgreSQL inventory);
#   2. three instances on the same Redis and PostgreSQL, each buyer's requests spread
#      round robin over them (so a buyer carries on through other instances by its token);
#   3. the same three instances behind nginx (one upstream, keep-alive).
# Then the per-instance and total request rates from each instance's /metrics.
#   bench/sale/run.sh                   (after scripts/build.sh; USERS=2000 CAPACITY=50)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/build/bin
USERS=${USERS:-2000}
CAPACITY=${CAPACITY:-50}
WORK=$(mktemp -d /tmp/boxoffice-sale.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  "$ROOT/scripts/test-services.sh" stop "$WORK/services" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light >/dev/null
fi
# shellcheck source=../nginx.sh
. "$ROOT/bench/nginx.sh"
"$ROOT/scripts/test-services.sh" start "$WORK/services" >/dev/null
PG=$(sed -n 's/^BOXOFFICE_TEST_PG_URL=//p' "$WORK/services/env")
REDIS=$(sed -n 's/^BOXOFFICE_TEST_REDIS_URL=//p' "$WORK/services/env")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_server() {  # db, out file; sets URL (not in a subshell, so PIDS keeps the pid)
  "$BIN/boxoffice-server" --port 0 --demo --db "$1" --redis "$REDIS" --staff-key bench --join-rate 0 \
    --tick-ms 100 --threads 1 >"$2" 2>"$2.err" &
  PIDS+=($!)
  for _ in $(seq 600); do grep -q listening "$2" 2>/dev/null && break; sleep 0.1; done
  URL=$(sed -n 's/^boxoffice-server listening on //p' "$2")
}
sale() {  # label, urls, concert, performance, [--live]
  echo "### $1"
  echo '```'
  "$BIN/bench_sale" --servers "$2" --staff-key bench --concert "$3" --performance "$4" --users "$USERS" \
    --capacity "$CAPACITY" ${5:-}
  echo '```'
}
requests() {  # url → total HTTP requests served so far
  curl -s "$1/metrics" | awk '/^boxoffice_http_requests_total/ {s += $NF} END {printf "%d", s}'
}

psql "$PG" -qc 'CREATE DATABASE sale1' >/dev/null
psql "$PG" -qc 'CREATE DATABASE sale3' >/dev/null
start_server "${PG%/postgres}/sale1" "$WORK/one"
sale "one instance" "$URL" aurora-world-tour aurora-world-tour-p1
sale "one instance, buyers on the live channel" "$URL" haneul-encore haneul-encore-p1 --live
kill "${PIDS[0]}"; PIDS=()

# Three instances on one Redis and one PostgreSQL (the first seeds; the others wait for it).
start_server "${PG%/postgres}/sale3" "$WORK/a"; A=$URL
start_server "${PG%/postgres}/sale3" "$WORK/b"; B=$URL
start_server "${PG%/postgres}/sale3" "$WORK/c"; C=$URL
sale "three instances, each buyer round robin over them" "$A,$B,$C" aurora-world-tour aurora-world-tour-p1

PORT=$(free_port)
start_nginx "$WORK" "  upstream boxoffice { server ${A#http://}; server ${B#http://}; server ${C#http://}; keepalive 128; }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  server {
    listen 127.0.0.1:$PORT;
    location / {
      proxy_pass http://boxoffice;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
    }
  }"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
before=("$(requests "$A")" "$(requests "$B")" "$(requests "$C")")
sale "three instances behind nginx" "http://127.0.0.1:$PORT" aurora-world-tour aurora-world-tour-p2
after=("$(requests "$A")" "$(requests "$B")" "$(requests "$C")")
echo "requests served per instance in the nginx run: A $((after[0]-before[0])), B $((after[1]-before[1])), C $((after[2]-before[2]))"
