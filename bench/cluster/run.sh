#!/usr/bin/env bash
# Join and status on a 3-master Redis Cluster (3 replicas) against one Redis, in one run:
# the same boxoffice-server (--threads = cores), the demo's open concerts (spread over
# the cluster's shards by their hash tags), wrk -t2 -c64. Prints a markdown table
# (min / median / max of RUNS runs, interleaved); "cluster-wait1" is the cluster with
# --redis-wait-replicas 1 (every join waits for a replica).
#   bench/cluster/run.sh          (after scripts/build.sh; needs wrk, node, redis-server)
#   RUNS=3 DURATION=10s THREADS=$(nproc) bench/cluster/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-$(nproc)}
BIN=$ROOT/build/bin
WORK=$(mktemp -d /tmp/boxoffice-bench-cluster.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${ONE:-}" ] && redis-cli -p "$ONE" shutdown nosave >/dev/null 2>&1 || true
  "$ROOT/scripts/test-cluster.sh" stop "$WORK/cluster" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 100); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }

ONE=$(free_port)
redis-server --port "$ONE" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$WORK" >/dev/null
"$ROOT/scripts/test-cluster.sh" start "$WORK/cluster" >/dev/null
CLUSTER=$(sed -n 's/^BOXOFFICE_TEST_REDIS_CLUSTER=//p' "$WORK/cluster/env")
CONCERTS=aurora-world-tour,ironclad-reunion,jazz-after-dark,echo-solo,starlight-seven,trot-king

start_server() {  # redis-url [extra options…] → URL and SERVER_PID
  local port redis=$1
  shift
  port=$(free_port)
  rm -f "$WORK/bo.sqlite"*
  "$BIN/boxoffice-server" --port "$port" --db "sqlite:$WORK/bo.sqlite" --demo --redis "$redis" --join-rate 0 \
    --threads "$THREADS" --capacity 100 "$@" >"$WORK/bo.out" 2>"$WORK/bo.err" &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$port/healthz"
  sleep 1
  URL="http://127.0.0.1:$port"
}
measure() {  # wrk args → "requests/s p99_ms non2xx"
  local out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$@" 2>&1)
  awk '/Requests\/sec/ {r = $2} $1 == "99%" {p = $2} /Non-2xx/ {b = $5}
       END { n = p + 0; if (p ~ /us$/) n /= 1000; else if (p ~ /[0-9]s$/ && p !~ /ms$/) n *= 1000; printf "%s %.2f %d", r, n, b + 0 }' <<<"$out"
}

declare -A R
for run in $(seq "$RUNS"); do
  for target in one cluster cluster-wait1; do
    if [ "$target" = one ]; then redis-cli -p "$ONE" flushall >/dev/null; start_server "redis://127.0.0.1:$ONE"
    else for p in $(tr ',' '\n' <<<"${CLUSTER#redis://}" | cut -d: -f2); do redis-cli -p "$p" flushall >/dev/null 2>&1 || true; done
         if [ "$target" = cluster ]; then start_server "$CLUSTER"; else start_server "$CLUSTER" --redis-wait-replicas 1; fi; fi
    url=$URL
    (cd "$SHARED/bench" && CONCERT_IDS=$CONCERTS node preissue.js 20000 "$WORK/tokens" "$url" >/dev/null)
    R["join $target"]+="$(CONCERT_IDS=$CONCERTS RUN_ID=$target$run measure -s "$SHARED/bench/wrk/join.lua" "$url")|"
    R["status $target"]+="$(TOKENS=$WORK/tokens measure -s "$SHARED/bench/wrk/status.lua" "$url")|"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  done
done

summary() { tr '|' '\n' <<<"${R[$1]}" | awk 'NF' | sort -n | awk '{ r[NR] = $1; p[NR] = $2; b += $3 }
  END { m = int((NR + 1) / 2); printf "%.0f / %.0f / %.0f | %s | %d", r[1], r[m], r[NR], p[m], b }'; }
median() { tr '|' '\n' <<<"${R[$1]}" | awk 'NF {print $1}' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "### One Redis and a 3-master cluster (wrk -t2 -c64 -d$DURATION, $RUNS runs, --threads $THREADS, 6 concerts)"
echo
echo "| request | Redis | req/s min / median / max | p99 ms | non-2xx | cluster ÷ one |"
echo "|---|---|---|---|---|---|"
for what in join status; do
  for target in one cluster cluster-wait1; do
    echo "| $what | $target | $(summary "$what $target") | $(awk -v a="$(median "$what $target")" -v b="$(median "$what one")" 'BEGIN { printf "%.2f", a / b }') |"
  done
done
