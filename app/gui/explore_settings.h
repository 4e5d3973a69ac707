#pragma once
// What Explore remembers across restarts (QSettings, group "explore").
#include <QString>

#include "core/spectral/mask_spec.h"

namespace folk::ui {

struct ExploreSettings {
  folk::FilterKind filter = folk::FilterKind::Com;
  double rho = 0.05;
  double radius = 0.0;  // <= 0: the default radius 16·min(H,W)/224 of each image
  double order = 2.0;   // Butterworth filters
  double bandWidth = 0.0;  // band-pass / band-stop; <= 0: half the radius
  double brushRadius = 3.0;  // the drawing brush, in frequency bins
  folk::ThresholdMode mode = folk::ThresholdMode::Top;
  bool compare = false;
  bool overlay = true;
  QString colorMap = QStringLiteral("viridis");
  QString spectrumScale = QStringLiteral("log");  // a SpectrumScale name (widgets/spectrum_view.h)
  bool hannWindow = false;  // the spectrum shown is of the Hann-windowed image
  QString lastFolder;  // where the open dialogs start

  // Values that are missing or unreadable fall back to the defaults above.
  static ExploreSettings load();
  void save() const;
};

}  // namespace folk::ui
