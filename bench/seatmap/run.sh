#!/usr/bin/env bash
# The 60,000-seat map benchmark: fetches the stadium's layout and status from a demo
# server, then runs bench_seatmap offscreen three times.
#   bench/seatmap/run.sh         (after scripts/build.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/build/bin
WORK=$(mktemp -d /tmp/boxoffice-mapbench.XXXXXX)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"$BIN/boxoffice-server" --port 0 --demo --db "sqlite:$WORK/map.sqlite" --staff-key bench >"$WORK/out" 2>/dev/null &
PID=$!
for _ in $(seq 300); do grep -q listening "$WORK/out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^boxoffice-server listening on //p' "$WORK/out")
curl -sf "$URL/api/v1/performances/aurora-world-tour-p1/layout" >"$WORK/layout.json"
curl -sf -H 'Authorization: Bearer bench' "$URL/api/v1/performances/aurora-world-tour-p1/status" >"$WORK/status.json"
echo "| seats | layout → model ms | of which on the GUI thread ms | paint ms, whole venue (sections) | paint ms, most seats | paint ms, close up | 100 changes ms | RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
for _ in 1 2 3; do
  QT_QPA_PLATFORM=offscreen "$BIN/bench_seatmap" "$WORK/layout.json" "$WORK/status.json"
done
