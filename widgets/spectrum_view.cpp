#include "widgets/spectrum_view.h"

#include <cmath>

namespace folk::ui {

SpectrumView::SpectrumView(QWidget* parent) : ImageView(parent) {
  setSmoothScaling(false);
  connect(this, &ImageView::pixelHovered, this, [this](QPoint px) {
    lastReadout_ = readoutAt(px);
    if (lastReadout_) Q_EMIT cursorReadout(*lastReadout_);
  });
  connect(this, &ImageView::hoverLeft, this, [this] {
    if (!lastReadout_) return;
    lastReadout_.reset();
    Q_EMIT cursorLeft();
  });
}

void SpectrumView::setLogSpectrum(std::vector<float> logMagnitude, int height, int width) {
  if (std::size_t(std::max(height, 0)) * std::max(width, 0) != logMagnitude.size()) {
    logSpectrum_.clear();
    height_ = width_ = 0;
  } else {
    logSpectrum_ = std::move(logMagnitude);
    height_ = height;
    width_ = width;
  }
  if (!mask_.empty() && mask_.size() != logSpectrum_.size()) clearMask();
  recolour();
}

void SpectrumView::setMask(const std::vector<std::uint8_t>& keep, int height, int width) {
  if (height != height_ || width != width_ || keep.size() != std::size_t(height) * width) return;
  mask_ = keep;
  // Removed coefficients are dimmed, kept ones show the spectrum unchanged.
  QImage overlay(width, height, QImage::Format_ARGB32_Premultiplied);
  const QRgb dim = qPremultiply(qRgba(0, 0, 0, 170));
  for (int y = 0; y < height; ++y) {
    auto* line = reinterpret_cast<QRgb*>(overlay.scanLine(y));
    const std::uint8_t* row = keep.data() + std::size_t(y) * width;
    for (int x = 0; x < width; ++x) line[x] = row[x] ? 0u : dim;
  }
  setOverlay(overlay);
}

void SpectrumView::clearMask() {
  mask_.clear();
  setOverlay(QImage());
}

void SpectrumView::setColorMap(ColorMap::Name name) {
  colorMap_ = ColorMap(name);
  recolour();
}

void SpectrumView::recolour() {
  if (logSpectrum_.empty()) {
    setImage(QImage());
    return;
  }
  const QImage overlay = this->overlay();
  setImage(colorMap_.applyAutoRange(logSpectrum_.data(), width_, height_));
  setOverlay(overlay);
}

std::optional<SpectrumReadout> SpectrumView::readoutAt(QPoint pixel) const {
  if (pixel.x() < 0 || pixel.y() < 0 || pixel.x() >= width_ || pixel.y() >= height_) return std::nullopt;
  SpectrumReadout r;
  r.row = pixel.y();
  r.col = pixel.x();
  const int u = r.row - height_ / 2;
  const int v = r.col - width_ / 2;
  r.fu = double(u) / height_;
  r.fv = double(v) / width_;
  r.radius = std::hypot(r.fu, r.fv);
  r.radiusBins = std::hypot(double(u), double(v));
  r.angleDegrees = (u == 0 && v == 0) ? 0.0 : std::atan2(-r.fu, r.fv) * 180.0 / M_PI;
  r.magnitude = std::expm1(double(logSpectrum_[std::size_t(r.row) * width_ + r.col]));
  if (!mask_.empty()) r.kept = mask_[std::size_t(r.row) * width_ + r.col] != 0;
  return r;
}

QString SpectrumView::formatReadout(const SpectrumReadout& r) {
  QString s = tr("fu %L1, fv %L2 cyc/px · |f| %L3 (r %L4 bins) · %L5° · |F| %L6")
                  .arg(r.fu, 0, 'f', 4)
                  .arg(r.fv, 0, 'f', 4)
                  .arg(r.radius, 0, 'f', 4)
                  .arg(r.radiusBins, 0, 'f', 1)
                  .arg(r.angleDegrees, 0, 'f', 1)
                  .arg(r.magnitude, 0, 'g', 4);
  if (r.kept) s += QStringLiteral(" · ") + (*r.kept ? tr("kept") : tr("removed"));
  return s;
}

}  // namespace folk::ui
