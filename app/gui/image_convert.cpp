#include "app/gui/image_convert.h"

#include <algorithm>
#include <cmath>

namespace folk::ui {
namespace {
inline uchar to8(float v) { return uchar(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }
}  // namespace

QImage toQImage(const folk::Image& image) {
  const int h = image.height, w = image.width;
  if (image.empty() || h <= 0 || w <= 0) return {};
  if (image.channels == 1) {
    QImage out(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
      uchar* line = out.scanLine(y);
      const float* row = image.plane(0) + std::size_t(y) * w;
      for (int x = 0; x < w; ++x) line[x] = to8(row[x]);
    }
    return out;
  }
  QImage out(w, h, QImage::Format_RGB888);
  for (int y = 0; y < h; ++y) {
    uchar* line = out.scanLine(y);
    const std::size_t off = std::size_t(y) * w;
    const float* r = image.plane(0) + off;
    const float* g = image.plane(1) + off;
    const float* b = image.plane(2) + off;
    for (int x = 0; x < w; ++x) {
      line[3 * x] = to8(r[x]);
      line[3 * x + 1] = to8(g[x]);
      line[3 * x + 2] = to8(b[x]);
    }
  }
  return out;
}

folk::Image fromQImage(const QImage& source) {
  if (source.isNull()) return {};
  const bool grey = source.isGrayscale();
  const QImage img = source.convertToFormat(grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  const int h = img.height(), w = img.width();
  folk::Image out(grey ? 1 : 3, h, w);
  for (int y = 0; y < h; ++y) {
    const uchar* line = img.constScanLine(y);
    for (int x = 0; x < w; ++x) {
      if (grey) {
        out.at(0, y, x) = line[x] / 255.0f;
      } else {
        for (int c = 0; c < 3; ++c) out.at(c, y, x) = line[3 * x + c] / 255.0f;
      }
    }
  }
  return out;
}

QImage maskToQImage(const folk::Mask& mask) {
  const int height = mask.height, width = mask.width;
  if (height <= 0 || width <= 0 || mask.keep.size() != std::size_t(height) * width ||
      (mask.soft() && mask.gain.size() != mask.keep.size()))
    return {};
  QImage out(width, height, QImage::Format_Grayscale8);
  for (int y = 0; y < height; ++y) {
    uchar* line = out.scanLine(y);
    for (int x = 0; x < width; ++x) {
      const float g = std::clamp(mask.gainAt(std::size_t(y) * width + x), 0.0f, 1.0f);
      line[x] = uchar(g * 255.0f + 0.5f);
    }
  }
  return out;
}

}  // namespace folk::ui
