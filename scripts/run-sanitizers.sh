#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer, the session and controller
# tests under ThreadSanitizer, and every libFuzzer target for a bounded time. .ci/run runs this after
# the README's test command; alone it installs what is missing first, like that command.
#   scripts/run-sanitizers.sh [asan|fuzz|tsan|all]   (default all; fuzz needs the asan build)
# FOLK_FUZZ_SECONDS sets the time per fuzz target (default 60). Suppressions, for third-party code
# only, are in tests/sanitizers/ with the reason for each.
set -euo pipefail
cd "$(dirname "$0")/.."
stage="${1:-all}"
./scripts/setup-debian.sh
export QT_QPA_PLATFORM=offscreen

stage_time() { echo "sanitizers: $1 took $(( $(date +%s) - $2 )) s"; }

if [ "$stage" = all ] || [ "$stage" = asan ]; then
  start=$(date +%s)
  ./scripts/build.sh asan-ubsan
  # The whole suite (the fuzz_replay_* tests run each fuzzer over its seeds and past crashes).
  ctest --preset asan-ubsan -j "$(nproc)"
  stage_time "ASan + UBSan suite" "$start"
fi

if [ "$stage" = all ] || [ "$stage" = fuzz ]; then
  start=$(date +%s)
  [ -x build/asan-ubsan/fuzz/fuzz_idx ] || ./scripts/build.sh asan-ubsan
  ./scripts/run-fuzzers.sh build/asan-ubsan "${FOLK_FUZZ_SECONDS:-60}"
  stage_time "fuzzing" "$start"
fi

if [ "$stage" = all ] || [ "$stage" = tsan ]; then
  start=$(date +%s)
  cmake --preset tsan >/dev/null
  # Only what the thread tests need: folk_core and one small test binary (see tests/CMakeLists.txt).
  cmake --build --preset tsan --target folk_thread_tests
  ctest --preset tsan -j "$(nproc)" -R '^tsan\.'
  stage_time "ThreadSanitizer (session, controller)" "$start"
fi
