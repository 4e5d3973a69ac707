#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite with ctest.
# GUI tests use Qt's offscreen platform, so no display is needed (CI has none).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
./scripts/build.sh release
export QT_QPA_PLATFORM=offscreen
ctest --preset release -j "$(nproc)" "$@"
# The Debian package: built with cpack from build/release and checked (lintian, validators, the
# installed programs run). FOLK_SKIP_PACKAGE_CHECK=1 skips it.
if [ "${FOLK_SKIP_PACKAGE_CHECK:-0}" != 1 ]; then
  ./scripts/check-package.sh build/release
fi
