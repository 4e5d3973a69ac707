#pragma once
// The control column of Explore: filter, rho (log slider), radius, threshold mode, compare mode,
// mask overlay and colour map. Emits specChanged when anything that changes the computation
// changes, and displayChanged for what only changes the drawing.
#include <QWidget>
#include <vector>

#include "app/gui/explore_settings.h"
#include "core/spectral/mask_spec.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace folk::ui {

class LogSlider;

class ExploreControls : public QWidget {
  Q_OBJECT

 public:
  explicit ExploreControls(QWidget* parent = nullptr);

  void setSettings(const ExploreSettings& settings);  // does not emit
  ExploreSettings settings(const ExploreSettings& base = {}) const;

  // The specs to compute: one panel, or Com and RCom of the same rho in compare mode.
  std::vector<folk::MaskSpec> specs() const;

  // Shows the radius the "auto" setting stands for on the current image.
  void setDefaultRadiusHint(double radius);

  QComboBox* filterBox() const { return filter_; }
  LogSlider* rhoSlider() const { return rho_; }
  QDoubleSpinBox* radiusBox() const { return radius_; }
  QComboBox* modeBox() const { return mode_; }
  QCheckBox* compareBox() const { return compare_; }
  QCheckBox* overlayBox() const { return overlay_; }
  QComboBox* colorMapBox() const { return colorMap_; }
  QComboBox* spectrumScaleBox() const { return spectrumScale_; }
  QCheckBox* hannWindowBox() const { return hann_; }

 Q_SIGNALS:
  void specChanged();
  void displayChanged();

 private:
  void updateEnabled();

  QComboBox* filter_;
  LogSlider* rho_;
  QDoubleSpinBox* radius_;
  QComboBox* mode_;
  QCheckBox* compare_;
  QCheckBox* overlay_;
  QComboBox* colorMap_;
  QComboBox* spectrumScale_;
  QCheckBox* hann_;
  QLabel* rhoHint_;
  bool applying_ = false;
};

}  // namespace folk::ui
