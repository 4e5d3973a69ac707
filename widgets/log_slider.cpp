#include "widgets/log_slider.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QRegularExpression>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace folk::ui {

namespace {
// One spin-box step multiplies by 10^(1/10): ten steps per decade.
const double kStepFactor = std::pow(10.0, 0.1);
}  // namespace

LogSpinBox::LogSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
  setDecimals(10);  // internal precision; the text shows significant digits (textFromValue)
  setKeyboardTracking(false);
  setAccelerated(true);
}

void LogSpinBox::stepBy(int steps) { setValue(value() * std::pow(kStepFactor, steps)); }

QString LogSpinBox::textFromValue(double value) const { return locale().toString(value, 'g', 4); }

double LogSpinBox::valueFromText(const QString& text) const {
  bool ok = false;
  const double v = locale().toDouble(text.trimmed(), &ok);
  return ok ? v : value();
}

QValidator::State LogSpinBox::validate(QString& text, int&) const {
  const QString t = text.trimmed();
  if (t.isEmpty()) return QValidator::Intermediate;
  bool ok = false;
  const double v = locale().toDouble(t, &ok);
  if (!ok) {
    // Partial input such as "0.", "1e" or "1e-" may still become a number.
    static const QRegularExpression partial(QStringLiteral("^[0-9]*[.,]?[0-9]*([eE][-+]?[0-9]*)?$"));
    return partial.match(t).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
  }
  return (v >= minimum() && v <= maximum()) ? QValidator::Acceptable : QValidator::Intermediate;
}

LogSlider::LogSlider(QWidget* parent, double minimum, double maximum, int steps)
    : QWidget(parent), min_(minimum), max_(maximum), steps_(std::max(1, steps)), value_(minimum) {
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setRange(0, steps_);
  slider_->setSingleStep(std::max(1, steps_ / 100));
  slider_->setPageStep(std::max(1, steps_ / 10));
  slider_->setToolTip(tr("Logarithmic scale: %L1 .. %L2").arg(min_).arg(max_));
  spin_ = new LogSpinBox(this);
  spin_->setRange(min_, max_);
  spin_->setMinimumWidth(spin_->fontMetrics().horizontalAdvance(QStringLiteral("0.00001234")) + 30);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(slider_, 1);
  layout->addWidget(spin_);

  connect(slider_, &QSlider::valueChanged, this, [this](int position) {
    if (!syncing_) setValue(valueForPosition(position));
  });
  connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    if (!syncing_) setValue(v);
  });
  value_ = std::nan("");  // so the first setValue syncs both children
  setValue(min_);
}

double LogSlider::valueForPosition(int position) const {
  const double t = std::clamp(double(position) / steps_, 0.0, 1.0);
  return min_ * std::pow(max_ / min_, t);
}

int LogSlider::positionForValue(double value) const {
  const double v = std::clamp(value, min_, max_);
  return int(std::lround(std::log(v / min_) / std::log(max_ / min_) * steps_));
}

void LogSlider::setValue(double value) {
  if (!std::isfinite(value)) return;
  const double v = std::clamp(value, min_, max_);
  if (v == value_) return;
  value_ = v;
  syncing_ = true;
  slider_->setValue(positionForValue(v));
  spin_->setValue(v);
  syncing_ = false;
  Q_EMIT valueChanged(v);
}

}  // namespace folk::ui
