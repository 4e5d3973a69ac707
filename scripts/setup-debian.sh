#!/usr/bin/env bash
# Installs every Debian package FOLK Workbench needs to build, run and test.
# Idempotent: packages already present are skipped; any apt failure stops the script loudly.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config
  # Qt 6 (base, tools, linguist) and QCustomPlot built against Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # Qt's own translations of its dialogs and buttons (qtbase_de.qm, qtbase_zh_CN.qm)
  qt6-translations-l10n
  libqcustomplot-dev libqcustomplot2.1-qt6 libgl-dev
  # Qt's SVG image and icon plugins: the scalable application icon
  libqt6svg6
  # a CJK font, without which the Simplified Chinese interface shows empty boxes
  fonts-wqy-microhei
  # engine: LibTorch (CPU), fast BLAS for it, OpenCV (and its libjpeg, libpng, libtiff), FFTW, zlib, JSON, CLI
  libtorch-dev libgloo-dev libopenblas0-pthread libopencv-dev libjpeg62-turbo-dev libpng-dev libtiff-dev libfftw3-dev zlib1g-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev python3-numpy python3-pil
  # golden data and the Python side of the step benchmark (Debian's PyTorch 1.13, CPU)
  python3-torch
  # data: the embedded default dataset and the sample photographs shown in Explore
  dataset-fashion-mnist python3-skimage
  # sanitizer builds and fuzzing (scripts/run-sanitizers.sh): clang with its sanitizer and libFuzzer
  # runtimes, llvm-symbolizer for readable reports
  clang libclang-rt-14-dev llvm
  # a display for GUI tests and screenshots on machines without one
  xvfb xauth
  # packaging (packaging/, scripts/check-package.sh): man pages, PNG icons from the SVG, the .deb
  # (dpkg-shlibdeps, file) and its checks
  help2man librsvg2-bin dpkg-dev file desktop-file-utils appstream lintian
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install packages" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done"
