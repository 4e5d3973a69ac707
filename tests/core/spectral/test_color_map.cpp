// The spectrum colour maps: close to matplotlib's viridis / magma, and a robust range mapping.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "core/spectral/color_map.h"

namespace folk {
namespace {

// Entries 0, 128 and 255 of matplotlib 3.6's tables, as 8-bit RGB.
struct Reference {
  ColorMap map;
  double t;
  int rgb[3];
  int tolerance;
};

TEST(ColorMap, FollowsMatplotlibTables) {
  const Reference references[] = {
      {ColorMap::Viridis, 0.0, {68, 1, 84}, 4},          {ColorMap::Viridis, 128 / 255.0, {33, 145, 140}, 4},
      {ColorMap::Viridis, 1.0, {253, 231, 37}, 4},       {ColorMap::Magma, 0.0, {0, 0, 4}, 5},
      {ColorMap::Magma, 128 / 255.0, {183, 55, 121}, 5}, {ColorMap::Magma, 1.0, {252, 253, 191}, 5},
  };
  for (const auto& r : references) {
    std::uint8_t rgb[3];
    colorAt(r.map, r.t, rgb);
    for (int c = 0; c < 3; ++c)
      EXPECT_LE(std::abs(int(rgb[c]) - r.rgb[c]), r.tolerance) << colorMapName(r.map) << " t=" << r.t << " c=" << c;
  }
}

TEST(ColorMap, ViridisGetsBrighterAlongTheMap) {
  // Perceptual uniformity shows as a monotone green channel for viridis: dark -> bright.
  std::uint8_t previous[3], current[3];
  colorAt(ColorMap::Viridis, 0.0, previous);
  for (int i = 1; i <= 255; ++i) {
    colorAt(ColorMap::Viridis, i / 255.0, current);
    EXPECT_GE(current[1], previous[1]) << i;
    std::copy(current, current + 3, previous);
  }
}

TEST(ColorMap, MapsTheValueRangeOntoTheMap) {
  const std::vector<float> values{2.0f, 4.0f, 3.0f};
  const std::vector<std::uint8_t> rgb = applyColorMap(values, ColorMap::Magma);
  ASSERT_EQ(rgb.size(), 9u);
  std::uint8_t low[3], high[3], mid[3];
  colorAt(ColorMap::Magma, 0.0, low);
  colorAt(ColorMap::Magma, 1.0, high);
  colorAt(ColorMap::Magma, 0.5, mid);
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(rgb[std::size_t(c)], low[c]);
    EXPECT_EQ(rgb[std::size_t(3 + c)], high[c]);
    EXPECT_EQ(rgb[std::size_t(6 + c)], mid[c]);
  }
}

TEST(ColorMap, ConstantAndNonFiniteValuesGetTheLowColour) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<std::uint8_t> rgb = applyColorMap({1.0f, 1.0f, nan}, ColorMap::Viridis);
  std::uint8_t low[3];
  colorAt(ColorMap::Viridis, 0.0, low);
  for (std::size_t i = 0; i < rgb.size(); ++i) EXPECT_EQ(rgb[i], low[i % 3]) << i;
}

TEST(ColorMap, ParsesItsNames) {
  EXPECT_EQ(parseColorMap("viridis"), ColorMap::Viridis);
  EXPECT_EQ(parseColorMap("magma"), ColorMap::Magma);
  EXPECT_FALSE(parseColorMap("jet").has_value());
  EXPECT_EQ(colorMapName(ColorMap::Magma), "magma");
}

}  // namespace
}  // namespace folk
