#pragma once
// A centred magnitude spectrum (zero frequency at (H/2, W/2)) drawn with a colour map on a chosen
// scale (log(1 + |F|), √|F| or decibels), an optional mask overlay that dims the removed
// coefficients (in proportion for a soft mask's gains), a cursor readout in centred frequency
// coordinates with the period in pixels, and a brush for drawing pass / stop regions: while the
// brush is on, the left button paints (brushed) instead of panning, and a circle of the brush's
// radius follows the cursor.
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

#include "widgets/color_map.h"
#include "widgets/image_view.h"

namespace folk::ui {

// How |F| becomes colours. log(1 + |F|) shows the whole range at once; √|F| keeps more contrast
// between the strong coefficients; decibels relative to the largest coefficient, 20·log10(|F| /
// max|F|), floored at kSpectrumDecibelFloor so exact zeros do not take the colour range.
enum class SpectrumScale { Log, Sqrt, Decibel };
constexpr double kSpectrumDecibelFloor = -120.0;
struct SpectrumScaleInfo {
  SpectrumScale scale;
  const char* name;   // saved settings, e.g. "log"
  const char* label;  // untranslated; spectrumScaleLabel() translates
};
const std::vector<SpectrumScaleInfo>& spectrumScales();
QString spectrumScaleLabel(SpectrumScale scale);
std::optional<SpectrumScale> parseSpectrumScale(const QString& name);
QString spectrumScaleName(SpectrumScale scale);

struct SpectrumReadout {
  int row = 0;                 // pixel in the centred layout
  int col = 0;
  double fu = 0.0;             // vertical frequency, cycles/pixel: (row - H/2) / H
  double fv = 0.0;             // horizontal frequency, cycles/pixel: (col - W/2) / W
  double radius = 0.0;         // sqrt(fu² + fv²), cycles/pixel
  double radiusBins = 0.0;     // sqrt((row - H/2)² + (col - W/2)²), the unit of the disc filters
  double angleDegrees = 0.0;   // direction of (fv, -fu): counter-clockwise from the +v axis, as drawn
  double magnitude = 0.0;      // |F| = exp(log(1 + |F|)) - 1
  double decibels = 0.0;       // 20·log10(|F| / max|F|), at most 0; -inf for |F| = 0
  double periodPixels = 0.0;   // 1 / |f|: the wavelength of this frequency in pixels; inf at DC
  std::optional<float> gain;   // what the mask passes of it, 1 kept ... 0 removed (when a mask is set)
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

  // gain: height×width row-major in [0, 1], 1 = kept; must match the spectrum's size (ignored
  // otherwise).
  void setMask(const std::vector<float>& gain, int height, int width);
  void clearMask();

  // The brush: radius in frequency bins, drawn around the cursor; 0 turns it off (the left button
  // pans again).
  void setBrushRadius(double bins);
  double brushRadius() const { return brushRadius_; }

  void setColorMap(ColorMap::Name name);
  ColorMap::Name colorMap() const { return colorMap_.name(); }
  void setScale(SpectrumScale scale);
  SpectrumScale scale() const { return scale_; }
  // The values the colour map shows, height×width (the spectrum on the chosen scale).
  std::vector<float> displayValues() const;

  std::optional<SpectrumReadout> readoutAt(QPoint pixel) const;
  std::optional<SpectrumReadout> lastReadout() const { return lastReadout_; }
  // One line for a status bar or label, e.g. "fu -0.125, fv 0.031 cyc/px · |f| 0.129 · period 7.8 px ·
  // 104.0° · |F| 3.2e+03 (-12.5 dB)".
  static QString formatReadout(const SpectrumReadout& readout);

 Q_SIGNALS:
  void cursorReadout(const folk::ui::SpectrumReadout& readout);
  void cursorLeft();
  // The left button went down or moved with the brush on, over (row, column) of the centred
  // spectrum (fractional: the centre of a bin is a whole number). `stroke` counts the presses.
  void brushed(double row, double column, int stroke);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  void recolour();
  // The spectrum position under a widget position, in bins (fractional), if over the spectrum.
  std::optional<QPointF> binAt(QPointF widgetPos) const;

  ColorMap colorMap_;
  SpectrumScale scale_ = SpectrumScale::Log;
  std::vector<float> logSpectrum_;
  double largestMagnitude_ = 0.0;
  std::vector<float> mask_;
  double brushRadius_ = 0.0;
  bool brushing_ = false;
  int strokes_ = 0;
  std::optional<QPointF> brushCursor_;  // widget position of the cursor while the brush is on
  int height_ = 0;
  int width_ = 0;
  std::optional<SpectrumReadout> lastReadout_;
};

}  // namespace folk::ui

Q_DECLARE_METATYPE(folk::ui::SpectrumReadout)
