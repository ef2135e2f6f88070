#!/usr/bin/env bash
# How long the client takes to show the concerts with the embedded default: the
# first-ever start (no data directory: the local server makes its database from the
# demo template, or seeds it) and a later one. Each run gets a fresh home.
#   bench/startup/run.sh [BUILD_DIR] [RUNS]
# Prints one line per start: "first|later <ms>", the time from exec to the client's
# "showing N concerts" log line (QT_MESSAGE_PATTERN's process time).
set -euo pipefail
build=${1:-build}
runs=${2:-3}
client="$build/bin/boxoffice"
[ -x "$client" ] || { echo "no $client: build first" >&2; exit 1; }

one() {
  local home=$1 log
  log=$(mktemp)
  HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache \
    QT_QPA_PLATFORM=offscreen QT_MESSAGE_PATTERN='%{time process} %{category} %{message}' \
    "$client" --lang en >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do
    grep -q 'boxoffice.client.app showing' "$log" && break
    sleep 0.05
  done
  local at
  at=$(awk '/boxoffice.client.app showing/ { printf "%d", $1 * 1000; exit }' "$log")
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -f "$log"
  echo "${at:-timeout}"
}

for _ in $(seq "$runs"); do
  home=$(mktemp -d)
  echo "first $(one "$home")"
  echo "later $(one "$home")"
  rm -rf "$home"
done
