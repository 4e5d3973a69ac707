#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite with ctest.
# GUI tests use Qt's offscreen platform, so no display is needed (CI has none).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
./scripts/build.sh release
export QT_QPA_PLATFORM=offscreen
ctest --preset release -j "$(nproc)" "$@"
