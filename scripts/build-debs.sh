#!/usr/bin/env bash
# Builds the two Debian packages, boxoffice (the client) and boxoffice-server, from a
# Release build in build-deb/ (with Debian's hardening flags from dpkg-buildflags), and
# prints their paths. Extra arguments go to CMake. Install with
#   sudo apt install ./build-deb/packages/boxoffice-server_*.deb ./build-deb/packages/boxoffice_*.deb
# CMAKE_BUILD_PARALLEL_LEVEL=N limits the build's jobs (default: every core).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export DEB_BUILD_MAINT_OPTIONS=hardening=+all
CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS)
CXXFLAGS=$(dpkg-buildflags --get CXXFLAGS)
LDFLAGS=$(dpkg-buildflags --get LDFLAGS)

# The programs and their packaging files only: neither the tests nor the benchmarks.
cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DBUILD_TESTING=OFF -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON -DCMAKE_CXX_FLAGS="$CPPFLAGS $CXXFLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS" "$@" >/dev/null
cmake --build build-deb --target boxoffice boxoffice-server boxoffice_packaging boxoffice_demo_template

rm -rf build-deb/packages
(cd build-deb && cpack -G DEB -B packages >/dev/null)
ls -1 "$PWD"/build-deb/packages/*.deb
