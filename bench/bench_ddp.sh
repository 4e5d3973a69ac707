#!/usr/bin/env bash
# Data-parallel scaling of `folk train` on this machine: the default training (vit-nano, 7 px
# patches, Fashion-MNIST, global batch 128) for a fixed number of steps on 1 rank and on N ranks
# started by torchrun over loopback (Gloo), each rank with cores / N compute threads. Prints the
# images/s of the last logged steps (rank 0's metrics count the global batch) and the scaling.
# Usage: bench/bench_ddp.sh [FOLK_BINARY] [RANKS=2] [STEPS=60]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folk="${1:-$here/../build/release/app/folk}"
ranks="${2:-2}"
steps="${3:-60}"
[ -x "$folk" ] || { echo "bench_ddp: no folk binary at $folk (build first, or pass its path)" >&2; exit 2; }
command -v torchrun >/dev/null || { echo "bench_ddp: torchrun not found (Debian: python3-torch)" >&2; exit 2; }
cores="$(nproc)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
common=(--steps "$steps" --set evaluation.at_end=false --set evaluation.interval_steps=0
        --set sample_interval_steps=0 --set checkpoint.interval_steps=0 --set log_interval_steps=10)

# Mean images/s over the logged rows after the first third (start-up and warm-up excluded).
rate() {
  /usr/bin/python3 - "$1" <<'PY'
import json, sys, glob
rows = [json.loads(l) for f in glob.glob(sys.argv[1] + "/*/metrics.jsonl") for l in open(f)]
rows = rows[len(rows) // 3:]
print("%.1f" % (sum(r["images_per_s"] for r in rows) / len(rows)))
PY
}

"$folk" train "${common[@]}" --threads "$cores" --runs-dir "$work/one" --name one >/dev/null
one="$(rate "$work/one")"
echo "1 rank x $cores threads: $one images/s"
# --redirects 1 --tee 1: Debian 12's torchrun cannot parse its own defaults (0) on Python 3.11.
torchrun --no_python --nproc_per_node="$ranks" --master_port=$((20000 + RANDOM % 20000)) --redirects 1 --tee 1 \
  "$folk" train "${common[@]}" --threads $(( cores / ranks > 0 ? cores / ranks : 1 )) --runs-dir "$work/many" \
  --name many >/dev/null 2>&1
many="$(rate "$work/many")"
echo "$ranks ranks x $(( cores / ranks > 0 ? cores / ranks : 1 )) threads (torchrun, gloo): $many images/s"
awk -v a="$one" -v b="$many" -v n="$ranks" 'BEGIN { printf "scaling: %.2fx for %d ranks on %d cores\n", b / a, n, '"$cores"' }'
