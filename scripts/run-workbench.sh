#!/usr/bin/env bash
# README command 1: install what is missing, build, and start folk-workbench on the embedded
# default (the sample photographs open in the Explore workspace). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
./scripts/build.sh release
exec ./build/release/app/folk-workbench "$@"
