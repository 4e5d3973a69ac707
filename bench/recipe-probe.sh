#!/usr/bin/env bash
# One recipe probe: a one-epoch folk train run that is scored on the validation split held out of
# the TRAINING data (evaluation.split validation: 50 000 training images, 10 000 held out; the test
# split is never looked at), evaluated every 130 steps with the fast protocol.
#   bench/recipe-probe.sh NAME [folk train options, e.g. --set objective.teacher_temp=0.04 ...]
# Runs go to $FOLK_PROBE_DIR (default probes/) as runs/<UTC>-NAME, the output to logs/NAME.log;
# docs/recipe-probes.md lists the probes measured with it. One thread per probe: two probes run
# side by side on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
shift
dir=${FOLK_PROBE_DIR:-probes}
mkdir -p "$dir/logs" "$dir/runs"
OMP_NUM_THREADS=1 build/release/app/folk train --threads 1 --runs-dir "$dir/runs" --name "$name" \
  --set evaluation.split=validation --set optimisation.epochs=1 --set evaluation.interval_steps=130 \
  --set data.workers=1 "$@" >"$dir/logs/$name.log" 2>&1
