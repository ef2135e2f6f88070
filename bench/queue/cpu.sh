#!/usr/bin/env bash
# Server and Redis CPU per request (status reads, joins) at --threads 2: /proc CPU time
# over a 10 s wrk run each. bench/queue/cpu.sh (after scripts/build.sh; needs wrk, node)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
W=$(mktemp -d /tmp/boxoffice-cpu.XXXXXX)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
RPORT=$(free_port); PORT=$(free_port)
redis-server --port $RPORT --save '' --appendonly no --daemonize yes --dir $W --pidfile $W/redis.pid >/dev/null
sleep 0.3
$ROOT/build/bin/boxoffice-server --port $PORT --demo --db sqlite:$W/a.sqlite --redis redis://127.0.0.1:$RPORT --staff-key k --join-rate 0 --threads 2 >$W/out 2>$W/err &
SP=$!
for i in $(seq 100); do grep -q listening $W/out 2>/dev/null && break; sleep 0.1; done
(cd $SHARED/bench && CONCERT_IDS=aurora-world-tour node preissue.js 20000 $W/tokens http://127.0.0.1:$PORT >/dev/null)
RP=$(cat $W/redis.pid)
cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat"; }
for kind in status join; do
  s0=$(cpu $SP); r0=$(cpu $RP)
  if [ $kind = status ]; then out=$(TOKENS=$W/tokens wrk -t2 -c64 -d10s -s $SHARED/bench/wrk/status.lua http://127.0.0.1:$PORT)
  else out=$(CONCERT_IDS=aurora-world-tour RUN_ID=c wrk -t2 -c64 -d10s -s $SHARED/bench/wrk/join.lua http://127.0.0.1:$PORT); fi
  s1=$(cpu $SP); r1=$(cpu $RP)
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$kind: $n requests in 10 s; server CPU $(awk -v a=$s0 -v b=$s1 -v n=$n 'BEGIN{printf "%.2f s = %.1f us/request", b-a, (b-a)*1e6/n}'); Redis CPU $(awk -v a=$r0 -v b=$r1 -v n=$n 'BEGIN{printf "%.2f s = %.1f us/request", b-a, (b-a)*1e6/n}')"
done
kill $SP; redis-cli -p $RPORT shutdown nosave >/dev/null; rm -rf "$W"
