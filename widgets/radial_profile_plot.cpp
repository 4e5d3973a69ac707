#include "widgets/radial_profile_plot.h"

#include <algorithm>
#include <cmath>

#include "widgets/plot_palette.h"

namespace folk::ui {

RadialProfilePlot::RadialProfilePlot(QWidget* parent) : QCustomPlot(parent) {
  graph_ = addGraph();
  graph_->setPen(QPen(QColor(31, 119, 180), 1.6));
  graph_->setName(tr("mean power"));
  yAxis->setScaleType(QCPAxis::stLogarithmic);
  QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
  logTicker->setLogBase(10);
  logTicker->setSubTickCount(8);
  yAxis->setTicker(logTicker);
  yAxis->setNumberFormat(QStringLiteral("eb"));
  yAxis->setNumberPrecision(0);
  xAxis->setLabel(tr("radius (frequency bins)"));
  yAxis->setLabel(tr("mean |F|² per ring"));
  QFont small = font();
  small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1));
  for (QCPAxis* a : {xAxis, yAxis}) {
    a->setLabelFont(small);
    a->setTickLabelFont(small);
  }
  plotLayout()->insertRow(0);
  plotLayout()->addElement(0, 0, new QCPTextElement(this, tr("Radial power profile"), QFont(font().family(), -1, QFont::Bold)));
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setNoAntialiasingOnDrag(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setAccessibleName(tr("Radial power profile"));
  setAccessibleDescription(tr("Mean spectral power per frequency ring, with the mask's cut marked"));
  applyPlotPalette(this, palette());
}

void RadialProfilePlot::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) {
    applyPlotPalette(this, palette());
    // A lighter blue on dark backgrounds.
    graph_->setPen(QPen(isDarkPlotPalette(palette()) ? QColor(100, 170, 230) : QColor(31, 119, 180), 1.6));
  }
}

void RadialProfilePlot::setProfile(const QVector<double>& radius, const QVector<double>& power) {
  QVector<double> x, y;
  const int n = std::min(radius.size(), power.size());
  x.reserve(n);
  y.reserve(n);
  for (int i = 0; i < n; ++i) {
    if (!(power[i] > 0.0) || !std::isfinite(power[i]) || !std::isfinite(radius[i])) continue;
    x << radius[i];
    y << power[i];
  }
  graph_->setData(x, y, true);
  rescale();
}

void RadialProfilePlot::clearProfile() {
  graph_->data()->clear();
  clearCut();
}

int RadialProfilePlot::pointCount() const { return graph_->dataCount(); }

void RadialProfilePlot::clearCut() {
  if (cutLine_) removeItem(cutLine_);
  if (cutText_) removeItem(cutText_);
  cutLine_ = nullptr;
  cutText_ = nullptr;
  cutKind_ = CutKind::None;
  cutValue_ = 0.0;
  replot(QCustomPlot::rpQueuedReplot);
}

void RadialProfilePlot::setRadiusCut(double radius, const QString& label) {
  clearCut();
  cutKind_ = CutKind::Radius;
  cutValue_ = radius;
  cutLine_ = new QCPItemStraightLine(this);
  cutLine_->setPen(QPen(QColor(214, 39, 40), 1.4, Qt::DashLine));
  cutLine_->point1->setCoords(radius, 1.0);
  cutLine_->point2->setCoords(radius, 10.0);
  cutText_ = new QCPItemText(this);
  cutText_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
  cutText_->position->setCoords(radius, 0.04);
  cutText_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
  cutText_->setPadding(QMargins(4, 0, 0, 0));
  cutText_->setColor(QColor(214, 39, 40));
  cutText_->setText(label.isEmpty() ? tr("r = %L1").arg(radius, 0, 'f', 1) : label);
  rescale();
}

void RadialProfilePlot::setLevelCut(double level, const QString& label) {
  clearCut();
  cutKind_ = CutKind::Level;
  cutValue_ = level;
  if (!(level > 0.0) || !std::isfinite(level)) {  // nothing to draw on a log axis
    rescale();
    return;
  }
  cutLine_ = new QCPItemStraightLine(this);
  cutLine_->setPen(QPen(QColor(214, 39, 40), 1.4, Qt::DashLine));
  cutLine_->point1->setCoords(0.0, level);
  cutLine_->point2->setCoords(1.0, level);
  cutText_ = new QCPItemText(this);
  cutText_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  cutText_->position->setCoords(0.98, level);
  cutText_->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
  cutText_->setColor(QColor(214, 39, 40));
  cutText_->setText(label.isEmpty() ? tr("τ² = %L1").arg(level, 0, 'g', 3) : label);
  rescale();
}

void RadialProfilePlot::rescale() {
  bool found = false;
  const QCPRange xr = graph_->getKeyRange(found);
  if (found) xAxis->setRange(xr.lower, std::max(xr.upper, xr.lower + 1.0));
  QCPRange yr = graph_->getValueRange(found, QCP::sdBoth);
  if (found) {
    // Keep the tau² line in view even when it lies outside the profile's range.
    if (cutKind_ == CutKind::Level && cutValue_ > 0.0) yr.expand(cutValue_);
    yAxis->setRange(yr.lower / 2.0, yr.upper * 2.0);
  }
  replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace folk::ui
