#!/usr/bin/env bash
# Live channel fan-out benchmark: SUBSCRIBERS (10,000) WebSocket subscribers on one
# boxoffice-server (in-memory queue, 100 ms promoter and 250 ms live ticks), each
# watching its own place in one concert's queue; then one admission batch moves all
# of them. Prints: subscribers, join ms, connect+subscribe ms, updated, ms from the
# resume request to the last subscriber's update; then the server's CPU seconds.
#   bench/live/run.sh            (after scripts/build.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/build/bin
N=${SUBSCRIBERS:-10000}
WORK=$(mktemp -d /tmp/boxoffice-livebench.XXXXXX)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
# A descriptor per subscriber on each side: raise the limit (root may go past the hard one).
ulimit -Hn $((2 * N + 10000)) 2>/dev/null || true
ulimit -n "$(ulimit -Hn)"
"$BIN/boxoffice-server" --host 0.0.0.0 --max-connections $((N + 1000)) --port 0 --demo --db "sqlite:$WORK/live.sqlite" --staff-key bench --join-rate 0 \
  --tick-ms 100 >"$WORK/out" 2>"$WORK/err" &
PID=$!
for _ in $(seq 300); do grep -q listening "$WORK/out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^boxoffice-server listening on //p' "$WORK/out" | sed 's#//0\.0\.0\.0:#//127.0.0.1:#')
cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$PID/stat"; }
before=$(cpu)
echo "| subscribers | join ms | connect + subscribe ms | updated | resume → last update ms | server CPU s (resume → last update) | µs per update |"
echo "|---|---|---|---|---|---|---|"
"$BIN/bench_live" "$URL" haneul-encore bench "$N" "$PID"
echo
echo "server CPU for the whole run: $(awk -v a="$before" -v b="$(cpu)" 'BEGIN { printf "%.1f", b - a }') s"
echo "server's slowest live ticks (the push after the admission among them):"
grep 'live tick' "$WORK/err" | sed 's/.*live tick: /  /' | sort -t' ' -k7 -n | tail -3
