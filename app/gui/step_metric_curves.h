#pragma once
// The Train and Results pages plot the step metrics that core declares (core/io/step_metrics.h):
// these helpers map a declaration to a series of TrainingCurves (panel, axis, translated label,
// colour), so neither page keeps its own list of metrics.
#include <QColor>
#include <QString>
#include <QVector>

#include "core/io/step_metrics.h"
#include "widgets/training_curves.h"

namespace folk::ui {

// The declaration's label in the user's language.
QString stepMetricLabel(const StepMetricDeclaration& metric);
// Where a metric is drawn; false for metrics without a panel (they stay in the files only).
bool curvesPanel(MetricPanel panel, TrainingCurves::Panel* out);
// A stable colour per metric (Tableau's category10, in declaration order of the plotted metrics).
QColor stepMetricColour(StepMetric metric);

// Declares one series per plotted metric, keyed by the metric's JSON key.
void addStepMetricSeries(TrainingCurves* curves);
// Appends the values of the metrics each step has (a metric a step lacks adds no point).
template <typename Row>
void appendStepMetricPoints(TrainingCurves* curves, const QVector<Row>& rows) {
  for (const auto& d : stepMetrics()) {
    if (!curves->hasSeries(QString::fromLatin1(d.key))) continue;
    QVector<double> x, y;
    for (const auto& row : rows) {
      if (!row.values.has(d.metric)) continue;
      x.append(double(row.step));
      y.append(row.values[d.metric]);
    }
    if (!x.isEmpty()) curves->appendPoints(QString::fromLatin1(d.key), x, y);
  }
}

}  // namespace folk::ui
