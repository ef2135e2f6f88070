#!/usr/bin/env bash
# README command 1: install what is missing, build, and run the BoxOffice client.
# With no --server it starts its own local boxoffice-server (the embedded default).
# Arguments go to boxoffice, e.g. scripts/run.sh --server http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display; running under Xvfb (use --screenshot FILE to see it)" >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" build/bin/boxoffice "$@"
fi
exec build/bin/boxoffice "$@"
