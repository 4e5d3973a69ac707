#include "widgets/spectrum_view.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace folk::ui {

const std::vector<SpectrumScaleInfo>& spectrumScales() {
  static const std::vector<SpectrumScaleInfo> scales{
      {SpectrumScale::Log, "log", QT_TRANSLATE_NOOP("SpectrumScale", "log(1 + |F|)")},
      {SpectrumScale::Sqrt, "sqrt", QT_TRANSLATE_NOOP("SpectrumScale", "√|F|")},
      {SpectrumScale::Decibel, "db", QT_TRANSLATE_NOOP("SpectrumScale", "decibels")},
  };
  return scales;
}

QString spectrumScaleLabel(SpectrumScale scale) {
  for (const auto& s : spectrumScales())
    if (s.scale == scale) return QCoreApplication::translate("SpectrumScale", s.label);
  return {};
}

QString spectrumScaleName(SpectrumScale scale) {
  for (const auto& s : spectrumScales())
    if (s.scale == scale) return QString::fromLatin1(s.name);
  return {};
}

std::optional<SpectrumScale> parseSpectrumScale(const QString& name) {
  for (const auto& s : spectrumScales())
    if (name == QLatin1String(s.name)) return s.scale;
  return std::nullopt;
}

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
  float largest = 0.0f;
  for (float v : logSpectrum_) largest = std::max(largest, v);  // NaN compares false: skipped
  largestMagnitude_ = std::expm1(double(largest));
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

void SpectrumView::setScale(SpectrumScale scale) {
  if (scale == scale_) return;
  scale_ = scale;
  recolour();
}

std::vector<float> SpectrumView::displayValues() const {
  if (scale_ == SpectrumScale::Log) return logSpectrum_;
  std::vector<float> out(logSpectrum_.size());
  const double largest = largestMagnitude_ > 0.0 ? largestMagnitude_ : 1.0;
  std::transform(logSpectrum_.begin(), logSpectrum_.end(), out.begin(), [&](float logValue) {
    const double magnitude = std::expm1(double(logValue));
    if (scale_ == SpectrumScale::Sqrt) return float(std::sqrt(std::max(0.0, magnitude)));
    return float(std::max(kSpectrumDecibelFloor, 20.0 * std::log10(magnitude / largest)));
  });
  return out;
}

void SpectrumView::recolour() {
  if (logSpectrum_.empty()) {
    setImage(QImage());
    return;
  }
  const QImage overlay = this->overlay();
  const std::vector<float> values = displayValues();
  setImage(colorMap_.applyAutoRange(values.data(), width_, height_));
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
  r.decibels = largestMagnitude_ > 0.0 && r.magnitude > 0.0 ? 20.0 * std::log10(r.magnitude / largestMagnitude_)
                                                             : -std::numeric_limits<double>::infinity();
  r.periodPixels = r.radius > 0.0 ? 1.0 / r.radius : std::numeric_limits<double>::infinity();
  if (!mask_.empty()) r.kept = mask_[std::size_t(r.row) * width_ + r.col] != 0;
  return r;
}

QString SpectrumView::formatReadout(const SpectrumReadout& r) {
  const QString period = std::isfinite(r.periodPixels) ? tr("period %L1 px").arg(r.periodPixels, 0, 'f', 1)
                                                        : tr("DC (no period)");
  const QString level = std::isfinite(r.decibels) ? tr("%L1 dB").arg(r.decibels, 0, 'f', 1) : tr("zero");
  QString s = tr("fu %L1, fv %L2 cyc/px · |f| %L3 (r %L4 bins) · %5 · %L6° · |F| %L7 (%8)")
                  .arg(r.fu, 0, 'f', 4)
                  .arg(r.fv, 0, 'f', 4)
                  .arg(r.radius, 0, 'f', 4)
                  .arg(r.radiusBins, 0, 'f', 1)
                  .arg(period)
                  .arg(r.angleDegrees, 0, 'f', 1)
                  .arg(r.magnitude, 0, 'g', 4)
                  .arg(level);
  if (r.kept) s += QStringLiteral(" · ") + (*r.kept ? tr("kept") : tr("removed"));
  return s;
}

}  // namespace folk::ui
