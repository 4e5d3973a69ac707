#!/usr/bin/env bash
# The GPU check, run ON a GPU machine in the repository root with .gpu-carry/ carried
# (made here by scripts/gpu-prepare.sh). It
#   1. builds the engine and the CLI without the GUI and without OpenCV (an engine-only build:
#      FOLK_WITH_OPENCV=OFF) against the LibTorch inside that machine's PyTorch,
#   2. runs the CUDA tests (folk_cuda_tests: masks bit for bit, a training step against the CPU,
#      bf16 against float32),
#   3. times the FOLK step in C++ (`folk bench step`) and in Python with that PyTorch
#      (bench/bench_step.py): vit-small, patch 16, 224x224, batch 128, objective folk, K 65536
#      (DINO's ViT-S head), bf16 off and on; and the batched masks on the GPU (`folk bench masks
#      --device cuda`, batch 64, 224 and 512),
#   4. runs the engine's tests (folk_core_tests, on the CPU) against that LibTorch.
# Usage: scripts/gpu-check.sh [RESULTS_DIR]   (default: $OUT if set, else /tmp/folk-gpu-check)
# Logs and bench.txt land in RESULTS_DIR; the exit status is non-zero if a build or a test failed.
set -uo pipefail
cd "$(dirname "$0")/.."
results="${1:-${OUT:-/tmp/folk-gpu-check}}"
mkdir -p "$results"
carry="$PWD/.gpu-carry"
python="${PYTHON:-python3}"
[ -d "$carry/googletest" ] || { echo "gpu-check: no .gpu-carry/: run scripts/gpu-prepare.sh on the Debian machine and carry .gpu-carry" >&2; exit 2; }
status=0
step() { echo; echo "== $*"; }

step "versions"
"$python" - <<'PY' 2>&1 | tee "$results/versions.txt"
import torch
print("PyTorch", torch.__version__, "CUDA", torch.version.cuda,
      "device", torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none")
PY
torch_prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')"

step "configure + build (engine only, LibTorch from $torch_prefix)"
build=build/gpu
if ! cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$torch_prefix" \
      -DFOLK_BUILD_GUI=OFF -DFOLK_BUILD_BENCH=OFF -DFOLK_PACKAGING=OFF -DFOLK_WITH_OPENCV=OFF \
      -DFOLK_WITH_DISTRIBUTED=OFF -DFOLK_THIRD_PARTY_DIR="$carry" -DFOLK_SKIMAGE_DATA="$carry/samples" \
      >"$results/configure.log" 2>&1; then
  tail -40 "$results/configure.log"; echo "gpu-check: configure failed (configure.log)"; exit 1
fi
if ! cmake --build "$build" --target folk folk_core_tests folk_cuda_tests -j "$(nproc)" >"$results/build.log" 2>&1; then
  grep -m 20 -E "error|Error" "$results/build.log"; tail -20 "$results/build.log"; echo "gpu-check: build failed (build.log)"; exit 1
fi
tail -2 "$results/build.log"

step "CUDA tests"
"$build/tests/folk_cuda_tests" >"$results/cuda_tests.log" 2>&1 || status=1
grep -E "^\[ +(OK|FAILED) |Failure|Expected|Which is|^\[  (PASSED|FAILED) " "$results/cuda_tests.log" | head -40

step "FOLK step: C++ engine vs Python (same PyTorch), images/s"
args=(--model vit-small --patch 16 --image-size 224 --channels 3 --batch 128 --prototypes 65536 --steps 10 --warmup 3)
for precision in float32 bf16; do
  "$build/app/folk" bench step "${args[@]}" --device cuda --precision "$precision" 2>&1 | tee -a "$results/bench.txt" || status=1
  "$python" bench/bench_step.py "${args[@]}" --device cuda --precision "$precision" 2>&1 | tee -a "$results/bench.txt" || status=1
done

step "batched masks on the GPU (the torch path's time per image at batch 64)"
"$build/app/folk" bench masks --device cuda --sizes 224,512 --batch 64 --repeats 20 2>&1 | tee -a "$results/bench.txt" || status=1

# Last: the longest part, and already run on every commit on the CPU machines (here it checks the
# engine against this newer LibTorch).
step "engine tests (CPU)"
# The default config points at Debian's Fashion-MNIST, which a GPU machine does not have.
"$build/tests/folk_core_tests" --gtest_filter=-TrainConfig.DefaultIsValidWhenFashionMnistIsInstalled \
  >"$results/core_tests.log" 2>&1 || status=1
grep -E "^\[  (PASSED|FAILED) |^\[  FAILED|tests? ran" "$results/core_tests.log"
exit "$status"
