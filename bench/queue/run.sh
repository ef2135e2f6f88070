#!/usr/bin/env bash
# Waiting-room benchmark: BoxOffice against the peer (../shared/bench/peer), same
# machine, same run, interleaved: join and status throughput and latency with wrk
# (-t2 -c64), with an empty queue and with 1,000,000 waiting; then the promoter's
# Redis time per tick at 1,000,000 waiting. Prints markdown tables (min / median / max
# of RUNS runs). Each implementation gets its own Redis; only one is loaded at a time.
#
#   bench/queue/run.sh            (after scripts/build.sh; needs wrk, node, redis-server)
#   RUNS=3 DURATION=10s THREADS=$(nproc) bench/queue/run.sh   (the defaults)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
PEER=$SHARED/bench/peer
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-$(nproc)}
BIN=$ROOT/build/bin
WORK=$(mktemp -d /tmp/boxoffice-bench.XXXXXX)
PIDS=()

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for port in "${BO_REDIS:-}" "${PEER_REDIS:-}"; do
    [ -n "$port" ] && redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
[ -d "$PEER/node_modules" ] || (cd "$PEER" && npm ci --no-audit --no-fund >/dev/null)

free_port() { python3 - <<'PY' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])
PY
}
wait_http() { for _ in $(seq 100); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }

BO_REDIS=$(free_port); PEER_REDIS=$(free_port); BO_PORT=$(free_port); PEER_PORT=$(free_port)
for port in $BO_REDIS $PEER_REDIS; do
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$WORK/redis-$port.pid" --dir "$WORK" >/dev/null
done
sleep 0.5

"$BIN/boxoffice-server" --port "$BO_PORT" --db "sqlite:$WORK/bo.sqlite" --demo --redis "redis://127.0.0.1:$BO_REDIS" \
  --join-rate 0 --threads "$THREADS" --staff-key bench >"$WORK/bo.out" 2>"$WORK/bo.err" &
PIDS+=($!)
(cd "$PEER" && REDIS_PORT=$PEER_REDIS PORT=$PEER_PORT CAP=100 exec node server.js >"$WORK/peer.out" 2>&1) &
PIDS+=($!)
wait_http "http://127.0.0.1:$BO_PORT/healthz"
sleep 1

BO_URL=http://127.0.0.1:$BO_PORT
PEER_URL=http://127.0.0.1:$PEER_PORT

BO_CONCERT=aurora-world-tour
PEER_CONCERT=1

# The ceilings, measured in the same run: nginx (1 worker) serving a static JSON file
# the size of a queue ticket, and redis-benchmark on BoxOffice's Redis.
# shellcheck source=../nginx.sh
. "$ROOT/bench/nginx.sh"
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx/html"
curl -s -X POST -d '{"userId":"shape"}' "$BO_URL/api/v1/concerts/$BO_CONCERT/queue" >"$WORK/nginx/html/ticket.json"
HAVE_NGINX=0
if start_nginx "$WORK" "  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/html; default_type application/json; }"; then
  HAVE_NGINX=1
  PIDS+=($(cat "$WORK/nginx.pid"))
fi
# redis-benchmark → requests/s of one command, 50 connections, no pipelining
redis_ceiling() {
  redis-benchmark -p "$BO_REDIS" -c 50 -n 200000 -q -t "$1" 2>/dev/null | tr '\r' '\n' \
    | awk -F'[: ]+' '/requests per second/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) {print $i; exit}}'
}

# wrk → "requests/s p50_ms p99_ms non2xx"
measure() {
  local out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$@" 2>&1)
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${bad:-0}"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }

fill_million() {
  redis-cli -p "$BO_REDIS" flushall >/dev/null
  redis-cli -p "$PEER_REDIS" flushall >/dev/null
  if [ "$1" = 1 ]; then
    curl -sf -X POST -H 'Authorization: Bearer bench' -d '{"count":1000000}' \
      "$BO_URL/api/v1/admin/concerts/$BO_CONCERT/crowd" >/dev/null
    redis-cli -p "$PEER_REDIS" eval "for i = 1, 1000000 do redis.call('ZADD', KEYS[1], i, 'fill' .. i) end redis.call('SADD', 'wr:concerts', '$PEER_CONCERT') return 1" \
      1 "wr:{$PEER_CONCERT}:waiting" >/dev/null
  fi
  sleep 1  # one promoter tick each: the room fills to capacity
}

declare -A RESULTS
run_case() {  # case-name waiting-flag
  local name=$1 million=$2
  for run in $(seq "$RUNS"); do
    fill_million "$million"
    (cd "$SHARED/bench" && CONCERT_IDS=$BO_CONCERT node preissue.js 20000 "$WORK/bo.tokens" "$BO_URL" >/dev/null)
    (cd "$SHARED/bench" && CONCERT_IDS=$PEER_CONCERT node preissue.js 20000 "$WORK/peer.tokens" "$PEER_URL" >/dev/null)
    RESULTS["$name join peer"]+="$(CONCERT_IDS=$PEER_CONCERT RUN_ID=p$run measure -s "$SHARED/bench/wrk/join.lua" "$PEER_URL")|"
    RESULTS["$name join boxoffice"]+="$(CONCERT_IDS=$BO_CONCERT RUN_ID=b$run measure -s "$SHARED/bench/wrk/join.lua" "$BO_URL")|"
    RESULTS["$name status peer"]+="$(TOKENS=$WORK/peer.tokens measure -s "$SHARED/bench/wrk/status.lua" "$PEER_URL")|"
    RESULTS["$name status boxoffice"]+="$(TOKENS=$WORK/bo.tokens measure -s "$SHARED/bench/wrk/status.lua" "$BO_URL")|"
    if [ "$HAVE_NGINX" = 1 ]; then
      RESULTS["$name nginx"]+="$(measure "http://127.0.0.1:$NGINX_PORT/ticket.json")|"
    fi
    RESULTS["$name zadd"]+="$(redis_ceiling zadd) 0 0 0|"
  done
}

summary() {  # key → "min / median / max req/s | p50 | p99 | non-2xx"
  tr '|' '\n' <<<"${RESULTS[$1]}" | awk 'NF' | sort -n -k1,1 | awk '
    { r[NR] = $1; p50[NR] = $2; p99[NR] = $3; bad += $4 }
    END { m = int((NR + 1) / 2); printf "%.0f / %.0f / %.0f | %s | %s | %d", r[1], r[m], r[NR], p50[m], p99[m], bad }'
}
median() { tr '|' '\n' <<<"${RESULTS[$1]}" | awk 'NF {print $1}' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

run_case "empty" 0
run_case "1M" 1

echo "### Join and status (wrk -t2 -c64 -d$DURATION, $RUNS runs each, interleaved; BoxOffice --threads $THREADS)"
echo
echo "| case | implementation | requests/s min / median / max | p50 ms (median run) | p99 ms (median run) | non-2xx | ratio (median) |"
echo "|---|---|---|---|---|---|---|"
for name in "empty join" "empty status" "1M join" "1M status"; do
  set -- $name
  label="$2, empty queue"
  [ "$1" = 1M ] && label="$2, 1,000,000 waiting"
  peer=$(median "$1 $2 peer"); bo=$(median "$1 $2 boxoffice")
  echo "| $label | peer | $(summary "$1 $2 peer") | 1.00 |"
  echo "| $label | BoxOffice | $(summary "$1 $2 boxoffice") | $(awk -v a="$bo" -v b="$peer" 'BEGIN { printf "%.2f", a / b }') |"
done
echo
echo "### Ceilings measured in the same run (the ratio is BoxOffice's status reads to it)"
echo
echo "| case | ceiling | requests/s min / median / max | ratio of BoxOffice status (median) |"
echo "|---|---|---|---|"
for name in empty 1M; do
  bo=$(median "$name status boxoffice")
  if [ "$HAVE_NGINX" = 1 ]; then
    echo "| $name | nginx, 1 worker, static ticket JSON (wrk -t2 -c64) | $(summary "$name nginx" | cut -d'|' -f1) | $(awk -v a="$bo" -v b="$(median "$name nginx")" 'BEGIN { printf "%.2f", a / b }') |"
  fi
  echo "| $name | redis-benchmark ZADD, 50 connections, no pipelining | $(summary "$name zadd" | cut -d'|' -f1) | $(awk -v a="$bo" -v b="$(median "$name zadd")" 'BEGIN { printf "%.2f", a / b }') |"
done
echo
echo "### Promoter: Redis server time per tick with 1,000,000 waiting (INFO commandstats)"
echo
"$BIN/bench_promoter" "$BO_REDIS" "$PEER/server.js" 2>/dev/null
