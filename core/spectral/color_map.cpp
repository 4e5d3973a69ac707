#include "core/spectral/color_map.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace folk {
namespace {

using Poly = std::array<std::array<double, 3>, 7>;  // coefficients of t^0 .. t^6 for R, G, B

// Least-squares fits of matplotlib's tables by Matt Zucker (CC0, shadertoy "WlfXRN").
constexpr Poly kViridis{{{0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
                         {0.1050930431085774, 1.404613529898575, 1.384590162594685},
                         {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
                         {-4.634230498983486, -5.799100973351585, -19.33244095627987},
                         {6.228269936347081, 14.17993336680509, 56.69055260068105},
                         {4.776384997670288, -13.74514537774601, -65.35303263337234},
                         {-5.435455855934631, 4.645852612178535, 26.3124352495832}}};
constexpr Poly kMagma{{{-0.002136485053939582, -0.000749655052795221, -0.005386127855323933},
                       {0.2516605407371642, 0.6775232436837668, 2.494026599312351},
                       {8.353717279216625, -3.577719514958484, 0.3144679030132573},
                       {-27.66873308576866, 14.26473078096533, -13.64921318813922},
                       {52.17613981234068, -27.94360607168351, 12.94416944238394},
                       {-50.76852536473588, 29.04658282127291, 4.23415299384598},
                       {18.65570506591883, -11.48977351997711, -5.601961508734096}}};

// 256 entries are as many as an 8-bit display can tell apart; a lookup keeps large spectra fast.
using Table = std::array<std::array<std::uint8_t, 3>, 256>;

Table makeTable(const Poly& poly) {
  Table table{};
  for (int i = 0; i < 256; ++i) {
    const double t = i / 255.0;
    for (int c = 0; c < 3; ++c) {
      double v = 0.0;
      for (int k = 6; k >= 0; --k) v = v * t + poly[std::size_t(k)][std::size_t(c)];
      table[std::size_t(i)][std::size_t(c)] = std::uint8_t(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
    }
  }
  return table;
}

const Table& tableFor(ColorMap map) {
  static const Table viridis = makeTable(kViridis);
  static const Table magma = makeTable(kMagma);
  return map == ColorMap::Magma ? magma : viridis;
}

}  // namespace

std::optional<ColorMap> parseColorMap(const std::string& name) {
  if (name == "viridis") return ColorMap::Viridis;
  if (name == "magma") return ColorMap::Magma;
  return std::nullopt;
}

std::string colorMapName(ColorMap map) { return map == ColorMap::Magma ? "magma" : "viridis"; }

void colorAt(ColorMap map, double t, std::uint8_t rgb[3]) {
  const double clamped = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
  const auto& entry = tableFor(map)[std::size_t(std::lround(clamped * 255.0))];
  std::copy(entry.begin(), entry.end(), rgb);
}

std::vector<std::uint8_t> applyColorMap(const std::vector<float>& values, ColorMap map, float low, float high) {
  const Table& table = tableFor(map);
  std::vector<std::uint8_t> rgb(values.size() * 3);
  const float scale = high > low ? 255.0f / (high - low) : 0.0f;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const float v = values[i];
    const float index = std::isfinite(v) ? std::clamp((v - low) * scale, 0.0f, 255.0f) : 0.0f;
    const auto& entry = table[std::size_t(index + 0.5f)];
    std::copy(entry.begin(), entry.end(), rgb.begin() + std::ptrdiff_t(3 * i));
  }
  return rgb;
}

std::vector<std::uint8_t> applyColorMap(const std::vector<float>& values, ColorMap map) {
  float low = std::numeric_limits<float>::infinity(), high = -low;
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    low = std::min(low, v);
    high = std::max(high, v);
  }
  if (!(high >= low)) low = high = 0.0f;  // no finite value at all
  return applyColorMap(values, map, low, high);
}

}  // namespace folk
