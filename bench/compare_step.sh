#!/usr/bin/env bash
# Times the same FOLK training step in the C++ engine (`folk bench step`) and in plain PyTorch
# (bench/bench_step.py, Debian's python3-torch = the same libtorch), in one run, and prints the
# ratio. Python gets its best thread setting (tried: torch threads 1 and 2; OpenBLAS at its
# default, all cores); the engine runs with its defaults.
# Usage: bench/compare_step.sh [FOLK_BINARY] [extra bench args, e.g. --model vit-nano ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folk="${1:-$here/../build/release/app/folk}"
shift || true
args=(--model vit-tiny --patch 4 --image-size 32 --channels 3 --batch 64 --prototypes 4096 --steps 5 --warmup 1)
if [ "$#" -gt 0 ]; then args=("$@"); fi
[ -x "$folk" ] || { echo "compare_step: no folk binary at $folk (build first, or pass its path)" >&2; exit 2; }

rate() { sed -n 's/.*: \([0-9.]*\) images\/s.*/\1/p'; }
best_python=0
for threads in 1 2; do
  line="$(/usr/bin/python3 "$here/bench_step.py" "${args[@]}" --threads "$threads")"
  echo "$line"
  best_python="$(echo "$line" | rate | awk -v b="$best_python" '{print ($1 > b) ? $1 : b}')"
done
line="$("$folk" bench step "${args[@]}")"
echo "$line"
cpp="$(echo "$line" | rate)"
awk -v c="$cpp" -v p="$best_python" 'BEGIN { printf "C++ engine / best Python: %.1f / %.1f images/s = %.2fx\n", c, p, c / p }'
