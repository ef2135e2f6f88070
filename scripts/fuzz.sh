#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan, UBSan) in build-fuzz/ and runs each for
# SECONDS (default 300) from the seed corpus in fuzz/corpus/. A crash stops the run with
# the input saved as build-fuzz/crash-*; the corpus grows in build-fuzz/corpus/. The request
# target's server keeps every queue token and hold it is given (as a real one would for a
# while), so its memory grows with the run: hence the 12 GB limit.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-300}
bash scripts/setup.sh
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang)"; exit 2; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DBOXOFFICE_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz --target fuzz_json fuzz_request
for target in json request; do
  mkdir -p build-fuzz/corpus/$target
  echo "fuzz: fuzz_$target for ${SECONDS_EACH}s"
  (cd build-fuzz && ASAN_OPTIONS=detect_leaks=0 QT_LOGGING_RULES='*.debug=false;*.info=false' \
    ./bin/fuzz_$target -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=12000 \
      -print_final_stats=1 corpus/$target ../fuzz/corpus/$target)
done
