#include "widgets/spectrum_view.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QPainter>

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

void SpectrumView::setMask(const std::vector<float>& gain, int height, int width) {
  if (height != height_ || width != width_ || gain.size() != std::size_t(height) * width) return;
  mask_ = gain;
  // Removed coefficients are dimmed, kept ones show the spectrum unchanged, a soft mask's in between.
  QImage overlay(width, height, QImage::Format_ARGB32_Premultiplied);
  for (int y = 0; y < height; ++y) {
    auto* line = reinterpret_cast<QRgb*>(overlay.scanLine(y));
    const float* row = gain.data() + std::size_t(y) * width;
    for (int x = 0; x < width; ++x) {
      const int alpha = int(std::lround(170.0 * (1.0 - std::clamp(double(row[x]), 0.0, 1.0))));
      line[x] = qPremultiply(qRgba(0, 0, 0, alpha));
    }
  }
  setOverlay(overlay);
}

void SpectrumView::setBrushRadius(double bins) {
  brushRadius_ = std::max(0.0, bins);
  if (brushRadius_ == 0.0) {
    brushing_ = false;
    brushCursor_.reset();
    unsetCursor();
  } else {
    setCursor(Qt::CrossCursor);
  }
  update();
}

std::optional<QPointF> SpectrumView::binAt(QPointF widgetPos) const {
  const QRectF r = imageRect();
  if (r.isEmpty() || width_ <= 0 || height_ <= 0 || !r.contains(widgetPos)) return std::nullopt;
  // Bin (i, j) covers [j, j + 1) × [i, i + 1) of the drawn image: its centre is at j + 0.5.
  return QPointF((widgetPos.x() - r.left()) / r.width() * width_ - 0.5,
                 (widgetPos.y() - r.top()) / r.height() * height_ - 0.5);
}

void SpectrumView::mousePressEvent(QMouseEvent* event) {
  if (brushRadius_ > 0.0 && event->button() == Qt::LeftButton) {
    if (const auto bin = binAt(event->position())) {
      brushing_ = true;
      ++strokes_;
      Q_EMIT brushed(bin->y(), bin->x(), strokes_);
    }
    event->accept();
    return;
  }
  ImageView::mousePressEvent(event);
}

void SpectrumView::mouseMoveEvent(QMouseEvent* event) {
  if (brushRadius_ > 0.0) {
    brushCursor_ = event->position();
    update();
    if (brushing_)
      if (const auto bin = binAt(event->position())) Q_EMIT brushed(bin->y(), bin->x(), strokes_);
  }
  ImageView::mouseMoveEvent(event);  // the readout; ImageView pans only after its own press
}

void SpectrumView::mouseReleaseEvent(QMouseEvent* event) {
  if (brushing_ && event->button() == Qt::LeftButton) {
    brushing_ = false;
    event->accept();
    return;
  }
  ImageView::mouseReleaseEvent(event);
}

void SpectrumView::paintEvent(QPaintEvent* event) {
  ImageView::paintEvent(event);
  if (brushRadius_ <= 0.0 || !brushCursor_ || !binAt(*brushCursor_)) return;
  const QRectF r = imageRect();
  const double rx = brushRadius_ * r.width() / width_, ry = brushRadius_ * r.height() / height_;
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.setBrush(Qt::NoBrush);
  p.setPen(QPen(QColor(255, 255, 255, 220), 1.5));
  p.drawEllipse(*brushCursor_, std::max(rx, 2.0), std::max(ry, 2.0));
  p.setPen(QPen(QColor(0, 0, 0, 160), 1.0));
  p.drawEllipse(*brushCursor_, std::max(rx, 2.0) + 1.5, std::max(ry, 2.0) + 1.5);
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
  if (!mask_.empty()) r.gain = mask_[std::size_t(r.row) * width_ + r.col];
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
  if (r.gain) {
    const float g = *r.gain;
    s += QStringLiteral(" · ") + (g >= 1.0f ? tr("kept") : g <= 0.0f ? tr("removed") : tr("gain %L1").arg(g, 0, 'f', 3));
  }
  return s;
}

}  // namespace folk::ui
