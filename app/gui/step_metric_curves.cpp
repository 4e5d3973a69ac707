#include "app/gui/step_metric_curves.h"

#include <QCoreApplication>

namespace folk::ui {

QString stepMetricLabel(const StepMetricDeclaration& metric) {
  return QCoreApplication::translate("StepMetric", metric.label);
}

bool curvesPanel(MetricPanel panel, TrainingCurves::Panel* out) {
  switch (panel) {
    case MetricPanel::Loss: *out = TrainingCurves::Panel::Loss; return true;
    case MetricPanel::Schedule: *out = TrainingCurves::Panel::Schedule; return true;
    case MetricPanel::Diagnostics: *out = TrainingCurves::Panel::Diagnostics; return true;
    case MetricPanel::None: return false;
  }
  return false;
}

QColor stepMetricColour(StepMetric metric) {
  static const QColor kCategory10[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                       QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                       QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
                                       QColor(0x17, 0xbe, 0xcf)};
  int index = 0;
  for (const auto& d : stepMetrics()) {
    TrainingCurves::Panel panel;
    if (d.metric == metric) break;
    if (curvesPanel(d.panel, &panel)) ++index;
  }
  return kCategory10[index % 10];
}

void addStepMetricSeries(TrainingCurves* curves) {
  for (const auto& d : stepMetrics()) {
    TrainingCurves::Panel panel;
    if (!curvesPanel(d.panel, &panel)) continue;
    curves->addSeries(QString::fromLatin1(d.key), stepMetricLabel(d), panel, d.axis, stepMetricColour(d.metric));
  }
}

}  // namespace folk::ui
