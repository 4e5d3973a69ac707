#pragma once
// The control column of Explore: filter, rho (log slider), radius, order and band width, threshold
// mode, compare mode, the brush for hand-drawn pass / stop regions, mask overlay and colour map.
// Emits specChanged when anything that changes the computation changes, displayChanged for what
// only changes the drawing, brushChanged for the brush and clearDrawingRequested for its Clear.
#include <QWidget>
#include <cstdint>
#include <vector>

#include "app/gui/explore_settings.h"
#include "core/spectral/mask_spec.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

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

  // What the brush does to the coefficients it covers; Off leaves the left button to panning.
  enum class Brush { Off, Pass, Stop, Erase };
  Brush brush() const;
  double brushRadius() const;
  // Enables Clear and says how many coefficients the drawing forces (0: nothing drawn).
  void setDrawnCount(std::int64_t forced);

  QComboBox* filterBox() const { return filter_; }
  LogSlider* rhoSlider() const { return rho_; }
  QDoubleSpinBox* radiusBox() const { return radius_; }
  QComboBox* modeBox() const { return mode_; }
  QCheckBox* compareBox() const { return compare_; }
  QCheckBox* overlayBox() const { return overlay_; }
  QComboBox* colorMapBox() const { return colorMap_; }
  QComboBox* spectrumScaleBox() const { return spectrumScale_; }
  QCheckBox* hannWindowBox() const { return hann_; }
  QDoubleSpinBox* orderBox() const { return order_; }
  QDoubleSpinBox* bandWidthBox() const { return bandWidth_; }
  QComboBox* brushBox() const { return brush_; }
  QDoubleSpinBox* brushRadiusBox() const { return brushRadius_; }
  QPushButton* clearDrawingButton() const { return clearDrawing_; }

 Q_SIGNALS:
  void specChanged();
  void displayChanged();
  void brushChanged();
  void clearDrawingRequested();

 private:
  void updateEnabled();

  QComboBox* filter_;
  LogSlider* rho_;
  QDoubleSpinBox* radius_;
  QDoubleSpinBox* order_;
  QDoubleSpinBox* bandWidth_;
  QComboBox* brush_;
  QDoubleSpinBox* brushRadius_;
  QPushButton* clearDrawing_;
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
