#!/usr/bin/env bash
# README command 2: install what is missing, build with warnings as errors, and
# run every test. CTest's "services" fixture starts a throwaway PostgreSQL and Redis,
# and its "cluster" fixture a Redis Cluster (3 masters, 3 replicas), on free loopback
# ports and stops them after; the trap below stops them too if the run is interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh -DBOXOFFICE_WERROR=ON
trap 'scripts/test-services.sh stop build/test-services >/dev/null 2>&1 || true
      scripts/test-cluster.sh stop build/test-cluster >/dev/null 2>&1 || true' EXIT
cd build
ctest --output-on-failure -j2 --timeout 600
