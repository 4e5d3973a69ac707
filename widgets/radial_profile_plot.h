#pragma once
// The radial power profile of a spectrum (mean |F|² per integer-radius ring) on a log y axis, with
// the mask's cut marked: a vertical line at the radius of a low/high-pass disc, or a horizontal
// line at tau² for Com/RCom (their cut is a magnitude threshold, so in power units it is tau²).
#include <QVector>
#include "widgets/qcustomplot_compat.h"

namespace folk::ui {

class RadialProfilePlot : public QCustomPlot {
  Q_OBJECT

 public:
  enum class CutKind { None, Radius, Level };

  explicit RadialProfilePlot(QWidget* parent = nullptr);

  // Non-positive or non-finite powers are left out (a log axis cannot show them).
  void setProfile(const QVector<double>& radius, const QVector<double>& power);
  void clearProfile();
  int pointCount() const;

  void setRadiusCut(double radius, const QString& label = {});  // vertical line
  void setLevelCut(double level, const QString& label = {});    // horizontal line (tau²)
  void clearCut();

  CutKind cutKind() const { return cutKind_; }
  double cutValue() const { return cutValue_; }
  // The marker line (nullptr when there is no cut): point1/point2 are in plot coordinates.
  QCPItemStraightLine* cutLine() const { return cutLine_; }

  QSize sizeHint() const override { return {320, 240}; }
  QSize minimumSizeHint() const override { return {160, 120}; }

 protected:
  void changeEvent(QEvent* event) override;  // follows palette changes (light / dark)

 private:
  void rescale();

  QCPGraph* graph_;
  QCPItemStraightLine* cutLine_ = nullptr;
  QCPItemText* cutText_ = nullptr;
  CutKind cutKind_ = CutKind::None;
  double cutValue_ = 0.0;
};

}  // namespace folk::ui
