// ColorMap: the LUT ends are matplotlib's, ranges map linearly, degenerate input stays defined.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "widgets/color_map.h"

using folk::ui::ColorMap;

TEST(ColorMap, ViridisAndMagmaEndsMatchMatplotlib) {
  const ColorMap viridis(ColorMap::Name::Viridis);
  EXPECT_EQ(viridis.color(0.0), qRgb(68, 1, 84));
  EXPECT_EQ(viridis.color(1.0), qRgb(253, 231, 37));
  EXPECT_EQ(viridis.color(0.5), qRgb(33, 145, 140));  // matplotlib viridis(0.5)
  const ColorMap magma(ColorMap::Name::Magma);
  EXPECT_EQ(magma.color(0.0), qRgb(0, 0, 4));
  EXPECT_EQ(magma.color(1.0), qRgb(252, 253, 191));
}

TEST(ColorMap, ViridisLightnessIncreasesMonotonically) {
  // Perceptual uniformity in practice: brightness (luma) never goes down along the map.
  const ColorMap viridis(ColorMap::Name::Viridis);
  double previous = -1.0;
  for (QRgb c : viridis.lut()) {
    const double y = 0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c);
    EXPECT_GE(y, previous - 0.5);
    previous = y;
  }
}

TEST(ColorMap, ClampsAndHandlesNaN) {
  const ColorMap grey(ColorMap::Name::Grey);
  EXPECT_EQ(grey.color(-3.0), qRgb(0, 0, 0));
  EXPECT_EQ(grey.color(7.0), qRgb(255, 255, 255));
  EXPECT_EQ(grey.color(std::nan("")), qRgb(0, 0, 0));
  EXPECT_EQ(grey.color(0.5), qRgb(128, 128, 128));
}

TEST(ColorMap, ApplyMapsRangeLinearlyAndKeepsLayout) {
  const ColorMap grey(ColorMap::Name::Grey);
  // 3 wide, 2 high: the row-major layout must survive (row 1 is the second line).
  const std::vector<float> v = {0.f, 1.f, 2.f, 3.f, 4.f, 5.f};
  const QImage img = grey.apply(v.data(), 3, 2, 0.f, 5.f);
  ASSERT_EQ(img.size(), QSize(3, 2));
  EXPECT_EQ(qRed(img.pixel(0, 0)), 0);
  EXPECT_EQ(qRed(img.pixel(2, 1)), 255);
  EXPECT_EQ(qRed(img.pixel(0, 1)), 153);  // 3/5 of 255
  const QImage autoRange = grey.applyAutoRange(v.data(), 3, 2);
  EXPECT_EQ(autoRange, img);
}

TEST(ColorMap, FlatAndNonFiniteInputGivesLowColour) {
  const ColorMap viridis(ColorMap::Name::Viridis);
  const std::vector<float> flat(4, 2.5f);
  const QImage img = viridis.applyAutoRange(flat.data(), 2, 2);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 2; ++x) EXPECT_EQ(img.pixel(x, y), viridis.color(0.0));
  const std::vector<float> bad = {std::numeric_limits<float>::quiet_NaN(), 1.f, 0.f,
                                  std::numeric_limits<float>::infinity()};
  const QImage img2 = viridis.applyAutoRange(bad.data(), 2, 2);
  EXPECT_EQ(img2.pixel(0, 0), viridis.color(0.0));
  EXPECT_EQ(img2.pixel(1, 0), viridis.color(1.0));
  EXPECT_EQ(img2.pixel(1, 1), viridis.color(1.0));
}

TEST(ColorMap, NamesRoundTrip) {
  for (const QString& name : ColorMap::names()) {
    const auto parsed = ColorMap::parse(name);
    ASSERT_TRUE(parsed.has_value()) << name.toStdString();
    EXPECT_EQ(ColorMap::nameOf(*parsed), name);
  }
  EXPECT_FALSE(ColorMap::parse(QStringLiteral("jet")).has_value());
}
