#include "widgets/color_map.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace folk::ui {
namespace {

struct Rgb {
  int r, g, b;
};

// 33 evenly spaced samples of matplotlib's maps (t = 0, 1/32, ..., 1); the LUT interpolates
// linearly between them, which is visually indistinguishable from the 256-entry originals.
constexpr int kStops = 33;
constexpr Rgb kViridis[kStops] = {
    {68, 1, 84},     {71, 13, 96},    {72, 24, 106},   {72, 35, 116},   {71, 45, 123},   {69, 55, 129},
    {66, 64, 134},   {62, 73, 137},   {59, 82, 139},   {55, 91, 141},   {51, 99, 141},   {47, 107, 142},
    {44, 114, 142},  {41, 122, 142},  {38, 130, 142},  {35, 137, 142},  {33, 145, 140},  {31, 152, 139},
    {31, 160, 136},  {34, 167, 133},  {40, 174, 128},  {50, 182, 122},  {63, 188, 115},  {78, 195, 107},
    {94, 201, 98},   {112, 207, 87},  {132, 212, 75},  {152, 216, 62},  {173, 220, 48},  {194, 223, 35},
    {216, 226, 25},  {236, 229, 27},  {253, 231, 37}};
constexpr Rgb kMagma[kStops] = {
    {0, 0, 4},       {3, 3, 18},      {10, 8, 34},     {19, 13, 52},    {29, 17, 71},    {41, 17, 90},
    {54, 16, 107},   {68, 15, 118},   {81, 18, 124},   {93, 23, 127},   {106, 28, 129},  {118, 33, 129},
    {131, 38, 129},  {144, 42, 129},  {156, 46, 127},  {170, 51, 125},  {183, 55, 121},  {196, 60, 117},
    {208, 65, 111},  {220, 72, 105},  {231, 82, 99},   {239, 93, 94},   {245, 107, 92},  {249, 121, 93},
    {252, 137, 97},  {253, 152, 105}, {254, 167, 114}, {254, 182, 124}, {254, 196, 136}, {254, 211, 149},
    {253, 226, 163}, {252, 240, 178}, {252, 253, 191}};
constexpr Rgb kInferno[kStops] = {
    {0, 0, 4},       {4, 3, 18},      {11, 7, 36},     {21, 11, 55},    {33, 12, 74},    {47, 10, 91},
    {61, 9, 101},    {74, 12, 107},   {87, 16, 110},   {100, 21, 110},  {113, 25, 110},  {125, 30, 109},
    {138, 34, 106},  {151, 39, 102},  {163, 44, 97},   {176, 49, 91},   {188, 55, 84},   {199, 62, 76},
    {210, 70, 68},   {219, 80, 59},   {228, 90, 49},   {235, 102, 40},  {241, 115, 29},  {246, 128, 19},
    {249, 142, 9},   {251, 157, 7},   {252, 172, 17},  {251, 188, 33},  {249, 203, 53},  {245, 219, 76},
    {242, 234, 105}, {243, 246, 138}, {252, 255, 164}};

std::array<QRgb, 256> buildLut(ColorMap::Name name) {
  std::array<QRgb, 256> lut{};
  if (name == ColorMap::Name::Grey) {
    for (int i = 0; i < 256; ++i) lut[i] = qRgb(i, i, i);
    return lut;
  }
  const Rgb* stops = name == ColorMap::Name::Magma ? kMagma : name == ColorMap::Name::Inferno ? kInferno : kViridis;
  for (int i = 0; i < 256; ++i) {
    const double x = i / 255.0 * (kStops - 1);
    const int j = std::min(int(x), kStops - 2);
    const double f = x - j;
    auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    lut[i] = qRgb(mix(stops[j].r, stops[j + 1].r), mix(stops[j].g, stops[j + 1].g), mix(stops[j].b, stops[j + 1].b));
  }
  return lut;
}

}  // namespace

ColorMap::ColorMap(Name name) : name_(name), lut_(buildLut(name)) {}

QRgb ColorMap::color(double t) const {
  if (!(t > 0.0)) return lut_[0];  // also catches NaN
  if (t >= 1.0) return lut_[255];
  return lut_[int(t * 255.0 + 0.5)];
}

QImage ColorMap::apply(const float* values, int width, int height, float lo, float hi) const {
  QImage out(width, height, QImage::Format_RGB32);
  if (width <= 0 || height <= 0) return out;
  const bool flat = !(hi > lo);
  const float scale = flat ? 0.0f : 255.0f / (hi - lo);
  for (int y = 0; y < height; ++y) {
    auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
    const float* row = values + std::size_t(y) * width;
    for (int x = 0; x < width; ++x) {
      const float v = (row[x] - lo) * scale;
      // Written so NaN falls into the first branch.
      const int idx = !(v > 0.0f) ? 0 : v >= 255.0f ? 255 : int(v + 0.5f);
      line[x] = lut_[idx];
    }
  }
  return out;
}

QImage ColorMap::applyAutoRange(const float* values, int width, int height) const {
  float lo = std::numeric_limits<float>::infinity();
  float hi = -lo;
  const std::size_t n = std::size_t(std::max(width, 0)) * std::max(height, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) continue;
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
  }
  if (lo > hi) lo = hi = 0.0f;
  return apply(values, width, height, lo, hi);
}

QString ColorMap::nameOf(Name name) {
  switch (name) {
    case Name::Viridis: return QStringLiteral("viridis");
    case Name::Magma: return QStringLiteral("magma");
    case Name::Inferno: return QStringLiteral("inferno");
    case Name::Grey: return QStringLiteral("grey");
  }
  return QStringLiteral("viridis");
}

std::optional<ColorMap::Name> ColorMap::parse(const QString& name) {
  for (Name n : {Name::Viridis, Name::Magma, Name::Inferno, Name::Grey})
    if (nameOf(n) == name) return n;
  return std::nullopt;
}

QString ColorMap::displayName(const QString& name) {
  // viridis, magma and inferno are the maps' own names (matplotlib's), kept in every language.
  if (name == nameOf(Name::Grey)) return QCoreApplication::translate("folk::ui::ColorMap", "grey");
  return name;
}

QStringList ColorMap::names() {
  return {nameOf(Name::Viridis), nameOf(Name::Magma), nameOf(Name::Inferno), nameOf(Name::Grey)};
}

}  // namespace folk::ui
