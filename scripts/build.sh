#!/usr/bin/env bash
# Configures and builds BoxOffice into build/ (Ninja, RelWithDebInfo). Extra
# arguments go to CMake, e.g. -DBOXOFFICE_WERROR=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build
