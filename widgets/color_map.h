#pragma once
// Perceptually uniform colour maps (matplotlib's viridis / magma / inferno, plus grey) as 256-entry
// lookup tables, and the colouring of a float buffer into a QImage. Used for log spectra, where a
// uniform map keeps equal steps of log-magnitude equally visible.
#include <QImage>
#include <QRgb>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace folk::ui {

class ColorMap {
 public:
  enum class Name { Viridis, Magma, Inferno, Grey };

  explicit ColorMap(Name name = Name::Viridis);

  Name name() const { return name_; }
  // Colour for t in [0,1] (clamped; NaN maps to the low end).
  QRgb color(double t) const;
  const std::array<QRgb, 256>& lut() const { return lut_; }

  // Colours a row-major width×height buffer, mapping [lo, hi] linearly onto the map. When
  // hi <= lo every finite value gets the low colour (a flat spectrum stays readable, never NaN).
  QImage apply(const float* values, int width, int height, float lo, float hi) const;
  // Same, with [lo, hi] = [min, max] of the finite values.
  QImage applyAutoRange(const float* values, int width, int height) const;

  // "viridis", "magma", "inferno", "grey": the names shown in the GUI and kept in settings.
  static QString nameOf(Name name);
  static std::optional<Name> parse(const QString& name);
  static QStringList names();
  // The name as the GUI shows it in the current language (settings keep nameOf's).
  static QString displayName(const QString& name);

 private:
  Name name_;
  std::array<QRgb, 256> lut_{};
};

}  // namespace folk::ui
