#!/usr/bin/env bash
# Run HERE (the Debian machine) before the GPU check: fills .gpu-carry/ (git-ignored, ~10 MB) with
# what scripts/gpu-check.sh needs on a GPU machine that has PyTorch (with its LibTorch and CMake
# config), a compiler, CMake and Ninja, but no Debian packages and no network:
#   include/   nlohmann-json and CLI11 (header-only), fftw3.h, zlib.h / zconf.h
#   lib/       FFTW's double and single precision shared libraries (they need only libc / libm),
#              zlib's, for linking (the machine's own libz.so.1 serves at run time)
#   googletest/  googletest's sources (Debian's googletest package), built there
#   samples/   the sample photographs the build embeds (Debian's python3-skimage)
# Then carry it: device run with carry [".gpu-carry"] and the command scripts/gpu-check.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.gpu-carry
lib=/usr/lib/x86_64-linux-gnu
skimage=/usr/lib/python3/dist-packages/skimage/data
photos=(astronaut.png camera.png coffee.png chelsea.png rocket.jpg moon.png hubble_deep_field.jpg)
for f in /usr/include/nlohmann/json.hpp /usr/include/CLI/CLI.hpp /usr/include/fftw3.h /usr/include/zlib.h \
         /usr/include/zconf.h "$lib/libfftw3.so.3" "$lib/libfftw3f.so.3" "$lib/libz.so.1" \
         /usr/src/googletest/CMakeLists.txt "${photos[@]/#/$skimage/}"; do
  [ -e "$f" ] || { echo "gpu-prepare: $f is missing: run scripts/setup-debian.sh first" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$out/include" "$out/lib" "$out/samples"
cp -r /usr/include/nlohmann /usr/include/CLI "$out/include/"
cp /usr/include/fftw3.h /usr/include/zlib.h /usr/include/zconf.h "$out/include/"
# Plain copies, no symbolic links: links may not travel. The linker takes lib*.so; the programs load
# the SONAME (lib*.so.3) through the build RPATH that FOLK_THIRD_PARTY_DIR adds.
for name in libfftw3 libfftw3f; do
  cp -L "$lib/$name.so.3" "$out/lib/$name.so.3"
  cp -L "$lib/$name.so.3" "$out/lib/$name.so"
done
cp -L "$lib/libz.so.1" "$out/lib/libz.so"
cp -r /usr/src/googletest "$out/googletest"
for p in "${photos[@]}"; do cp "$skimage/$p" "$out/samples/"; done
du -sh "$out" | sed 's/^/gpu-prepare: /'
