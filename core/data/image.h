#pragma once
// A decoded image as the engine sees it: float samples in [0,1], planar C×H×W (DESIGN.md §3).
#include <cstddef>
#include <vector>

namespace folk {

struct Image {
  int channels = 0;  // 1 (grey) or 3 (RGB, in R,G,B order)
  int height = 0;
  int width = 0;
  std::vector<float> pixels;  // channels*height*width, plane after plane, row-major

  Image() = default;
  Image(int c, int h, int w) : channels(c), height(h), width(w), pixels(std::size_t(c) * h * w, 0.0f) {}

  std::size_t planeSize() const { return std::size_t(height) * width; }
  bool empty() const { return pixels.empty(); }
  float* plane(int c) { return pixels.data() + c * planeSize(); }
  const float* plane(int c) const { return pixels.data() + c * planeSize(); }
  float& at(int c, int y, int x) { return pixels[c * planeSize() + std::size_t(y) * width + x]; }
  float at(int c, int y, int x) const { return pixels[c * planeSize() + std::size_t(y) * width + x]; }
};

}  // namespace folk
