#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzzer build (the asan-ubsan preset) for a bounded time.
#   scripts/run-fuzzers.sh [BUILD_DIR] [SECONDS_PER_TARGET]   (defaults: build/asan-ubsan, 60)
# Two targets run at a time (this machine has two cores). Each starts from the inputs ctest replays
# (fuzz/corpus/<target>, the hostile corpus, tests/data/fuzz-regressions/<target>) and writes what
# it discovers to BUILD_DIR/fuzz/work/<target> (not the repository). A crash, leak, timeout or
# sanitizer report fails the run and leaves the input in BUILD_DIR/fuzz/artifacts/: fix the bug,
# then add that input to tests/data/fuzz-regressions/<target>/ so every build replays it for good.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/asan-ubsan}"
seconds="${2:-60}"
# The targets are those the build made (fuzz/CMakeLists.txt writes fuzz_<target>.inputs for each).
targets=()
for inputs in "$build"/fuzz/fuzz_*.inputs; do
  [ -e "$inputs" ] || { echo "fuzz: no fuzz targets in $build: build the asan-ubsan preset first" >&2; exit 1; }
  name="${inputs##*/fuzz_}"
  targets+=("${name%.inputs}")
done
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# OpenCV's own pixel limit at fuzz_image's budget (2^20): the formats whose headers we do not read
# are refused there instead of making the fuzzer run out of memory (see fuzz/fuzz_image.cpp).
export OPENCV_IO_MAX_IMAGE_PIXELS=1048576
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}"

mkdir -p "$build/fuzz/artifacts" "$build/fuzz/logs"
run_one() {
  local name="$1" binary="$build/fuzz/fuzz_$1"
  [ -x "$binary" ] || { echo "fuzz: $binary missing: build the asan-ubsan preset first" >&2; return 1; }
  mkdir -p "$build/fuzz/work/$name"
  mapfile -t inputs < "$build/fuzz/fuzz_$name.inputs"
  # -timeout: one input taking 10 s is a bug (a hang); -rss_limit_mb: so is 2 GiB of memory.
  "$binary" "$build/fuzz/work/$name" "${inputs[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz/artifacts/$name-" > "$build/fuzz/logs/$name.log" 2>&1
}
export -f run_one
export build seconds

status=0
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} bash -c 'run_one {} || { echo "fuzz {}: FAILED (log: $build/fuzz/logs/{}.log)"; exit 1; }' || status=1

for name in "${targets[@]}"; do
  log="$build/fuzz/logs/$name.log"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf 'fuzz %-12s %10s executions  %7s/s  coverage %s edges\n' "$name" "${runs:-?}" "${rate:-?}" "${cov:-?}"
done
if [ "$status" -ne 0 ]; then
  echo "fuzz: a target failed; the crashing inputs:" >&2
  ls -l "$build/fuzz/artifacts" >&2
  for name in "${targets[@]}"; do
    grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|deadly signal' "$build/fuzz/logs/$name.log" &&
      { echo "--- $name ---" >&2; grep -m1 -A30 -E 'ERROR: |runtime error|deadly signal' "$build/fuzz/logs/$name.log" >&2; }
  done
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s each without a finding"
