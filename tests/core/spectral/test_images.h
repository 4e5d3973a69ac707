#pragma once
// Test inputs shared by the spectral tests: real photographs and small images built to hit the
// edges of the mask definitions (constant, black, impulse, checkerboard, random).
#include <algorithm>
#include <random>
#include <string>

#include "core/data/image.h"
#include "core/data/image_file.h"
#include "core/spectral/mask_spec.h"

namespace folk::testing {

inline Image photo(const std::string& name) { return loadImage(std::string(FOLK_SAMPLE_DIR) + "/" + name); }

inline Image crop(const Image& im, int top, int left, int h, int w) {
  Image out(im.channels, h, w);
  for (int c = 0; c < im.channels; ++c)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) out.at(c, y, x) = im.at(c, top + y, left + x);
  return out;
}

inline Image randomImage(int c, int h, int w, unsigned seed) {
  Image im(c, h, w);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> d(0, 255);
  for (auto& v : im.pixels) v = float(d(rng)) / 255.0f;
  return im;
}

inline Image constantImage(int c, int h, int w, float value) {
  Image im(c, h, w);
  std::fill(im.pixels.begin(), im.pixels.end(), value);
  return im;
}

inline Image impulseImage(int h, int w, int y, int x) {
  Image im(1, h, w);
  im.at(0, y, x) = 1.0f;
  return im;
}

// Blocks of `cell` pixels alternating 0/1: the spectrum is a few equal peaks and exact zeros.
inline Image checkerboard(int c, int h, int w, int cell) {
  Image im(c, h, w);
  for (int ch = 0; ch < c; ++ch)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) im.at(ch, y, x) = float((x / cell + y / cell) % 2);
  return im;
}

// A spec in words, for failure messages.
inline std::string describe(const MaskSpec& spec) {
  return filterKindName(spec.kind) + " " + thresholdModeName(spec.mode) + " rho=" + std::to_string(spec.ratio) +
         " r=" + std::to_string(spec.radius);
}

struct Named {
  std::string name;
  Image image;
};

}  // namespace folk::testing
