#pragma once
// A value on a logarithmic scale (rho: 1e-4 .. 1 by default): a slider whose positions are evenly
// spaced in log(value), next to a spin box that shows 4 significant digits and steps by a constant
// factor. Equal slider travel is an equal ratio of rho, which is how Com's kept fraction behaves.
#include <QDoubleSpinBox>
#include <QWidget>

class QSlider;

namespace folk::ui {

// Spin box for positive values that spans decades: shown with significant digits, stepped by a factor.
class LogSpinBox : public QDoubleSpinBox {
  Q_OBJECT

 public:
  explicit LogSpinBox(QWidget* parent = nullptr);
  void stepBy(int steps) override;
  QString textFromValue(double value) const override;
  double valueFromText(const QString& text) const override;
  QValidator::State validate(QString& text, int& pos) const override;
};

class LogSlider : public QWidget {
  Q_OBJECT

 public:
  explicit LogSlider(QWidget* parent = nullptr, double minimum = 1e-4, double maximum = 1.0, int steps = 1000);

  double value() const { return value_; }
  double minimum() const { return min_; }
  double maximum() const { return max_; }
  int steps() const { return steps_; }

  // Slider position <-> value: value = min * (max/min)^(position/steps).
  double valueForPosition(int position) const;
  int positionForValue(double value) const;

  QSlider* slider() const { return slider_; }
  LogSpinBox* spinBox() const { return spin_; }

 public Q_SLOTS:
  void setValue(double value);  // clamped to [min, max]; emits valueChanged when it changes

 Q_SIGNALS:
  void valueChanged(double value);

 private:
  double min_, max_;
  int steps_;
  double value_;
  QSlider* slider_;
  LogSpinBox* spin_;
  bool syncing_ = false;
};

}  // namespace folk::ui
