#!/usr/bin/env bash
# Starts (or stops) a throwaway Redis Cluster for the tests: 3 masters and 3 replicas on
# free loopback ports, and writes to DIR/env:
#   BOXOFFICE_TEST_REDIS_CLUSTER=redis://127.0.0.1:P1,127.0.0.1:P2,…   (every node)
#   BOXOFFICE_TEST_REDIS_CLUSTER_DIR=<data directory>   (node P's pid file: P/redis.pid)
# cluster-node-timeout 1000 ms: a replica takes over a dead master within a few seconds;
# full coverage not required: the other masters serve meanwhile; validity factor 0: any
# replica may take over (a venue's cluster wants the first two as well).
# Usage: test-cluster.sh start DIR | stop DIR. CTest runs it as the fixture "cluster"
# (tests/CMakeLists.txt); scripts/test.sh stops it on exit too.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?directory}

port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
# Ports 3000-9999 (their buses 13000-19999): below the range test-services.sh draws from
# (20000-59999), so the two fixtures, started at once by CTest, never pick the same port.
free_port() {  # P and P+10000 (the cluster bus) both free
  local p
  for _ in $(seq 100); do
    p=$(( 3000 + (RANDOM * 32768 + RANDOM) % 7000 ))
    if port_free "$p" && port_free $((p + 10000)); then echo "$p"; return 0; fi
  done
  return 1
}

stop() {
  local data
  data=$(cat "$dir/data" 2>/dev/null) || { rm -rf "$dir"; return 0; }
  for pidfile in "$data"/*/redis.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  case "$data" in /tmp/boxoffice-cluster.*) rm -rf "$data" ;; esac
  rm -rf "$dir"
}

start() {
  stop
  command -v redis-server >/dev/null || { echo "no redis-server" >&2; exit 1; }
  mkdir -p "$dir"
  data=$(mktemp -d /tmp/boxoffice-cluster.XXXXXX)
  echo "$data" > "$dir/data"
  local ports=() nodes=()
  while [ ${#ports[@]} -lt 6 ]; do
    local p up=0
    p=$(free_port)
    mkdir -p "$data/$p"
    redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 1000 --cluster-require-full-coverage no --cluster-replica-validity-factor 0 \
      --save '' --appendonly no --daemonize yes \
      --pidfile "$data/$p/redis.pid" --logfile "$data/$p/redis.log" --dir "$data/$p" || true
    for _ in $(seq 50); do
      redis-cli -p "$p" cluster info >/dev/null 2>&1 && { up=1; break; }
      sleep 0.1
    done
    if [ "$up" = 1 ]; then ports+=("$p"); nodes+=("127.0.0.1:$p")
    else  # taken meanwhile: another port
      [ -f "$data/$p/redis.pid" ] && kill "$(cat "$data/$p/redis.pid")" 2>/dev/null || true
      rm -rf "${data:?}/$p"
      tries=$(( ${tries:-0} + 1 )); [ "$tries" -lt 10 ] || { echo "cannot start 6 Redis nodes" >&2; exit 1; }
    fi
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes >"$data/create.log" 2>&1 \
    || { cat "$data/create.log" >&2; exit 1; }
  for p in "${ports[@]}"; do
    for _ in $(seq 100); do
      redis-cli -p "$p" cluster info 2>/dev/null | grep -q 'cluster_state:ok' && break
      sleep 0.1
    done
  done
  local IFS=,
  echo "BOXOFFICE_TEST_REDIS_CLUSTER=redis://${nodes[*]}" > "$dir/env"
  echo "BOXOFFICE_TEST_REDIS_CLUSTER_DIR=$data" >> "$dir/env"
  cat "$dir/env"
}

case "$cmd" in start|stop) "$cmd" ;; *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;; esac
