#pragma once
// A centred log-magnitude spectrum (log(1 + |F|), zero frequency at (H/2, W/2)) drawn with a colour
// map, an optional mask overlay that dims the removed coefficients, and a cursor readout in
// centred frequency coordinates.
#include <cstdint>
#include <optional>
#include <vector>

#include "widgets/color_map.h"
#include "widgets/image_view.h"

namespace folk::ui {

struct SpectrumReadout {
  int row = 0;                 // pixel in the centred layout
  int col = 0;
  double fu = 0.0;             // vertical frequency, cycles/pixel: (row - H/2) / H
  double fv = 0.0;             // horizontal frequency, cycles/pixel: (col - W/2) / W
  double radius = 0.0;         // sqrt(fu² + fv²), cycles/pixel
  double radiusBins = 0.0;     // sqrt((row - H/2)² + (col - W/2)²), the unit of the disc filters
  double angleDegrees = 0.0;   // direction of (fv, -fu): counter-clockwise from the +v axis, as drawn
  double magnitude = 0.0;      // |F| = exp(log(1 + |F|)) - 1
  std::optional<bool> kept;    // whether the mask keeps it (when a mask is set)
};

class SpectrumView : public ImageView {
  Q_OBJECT

 public:
  explicit SpectrumView(QWidget* parent = nullptr);

  // logMagnitude: height×width row-major, centred, log(1 + |F|).
  void setLogSpectrum(std::vector<float> logMagnitude, int height, int width);
  const std::vector<float>& logSpectrum() const { return logSpectrum_; }
  int spectrumHeight() const { return height_; }
  int spectrumWidth() const { return width_; }

  // keep: height×width row-major, 1 = kept; must match the spectrum's size (ignored otherwise).
  void setMask(const std::vector<std::uint8_t>& keep, int height, int width);
  void clearMask();

  void setColorMap(ColorMap::Name name);
  ColorMap::Name colorMap() const { return colorMap_.name(); }

  std::optional<SpectrumReadout> readoutAt(QPoint pixel) const;
  std::optional<SpectrumReadout> lastReadout() const { return lastReadout_; }
  // One line for a status bar or label, e.g. "fu -0.125, fv 0.031 cyc/px · |f| 0.129 · 104.0° · |F| 3.2e+03".
  static QString formatReadout(const SpectrumReadout& readout);

 Q_SIGNALS:
  void cursorReadout(const folk::ui::SpectrumReadout& readout);
  void cursorLeft();

 private:
  void recolour();

  ColorMap colorMap_;
  std::vector<float> logSpectrum_;
  std::vector<std::uint8_t> mask_;
  int height_ = 0;
  int width_ = 0;
  std::optional<SpectrumReadout> lastReadout_;
};

}  // namespace folk::ui

Q_DECLARE_METATYPE(folk::ui::SpectrumReadout)
