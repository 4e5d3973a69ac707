#include "widgets/training_curves.h"

#include "widgets/plot_palette.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QMap>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <utility>
#include <limits>

namespace folk::ui {

namespace {
QCPAxisRect* makeRect(QCustomPlot* plot, QCPMarginGroup* margins) {
  auto* rect = new QCPAxisRect(plot);
  rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
  rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
  rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
  for (auto* axis : rect->axes()) axis->setLayer("axes");
  return rect;
}
}  // namespace

TrainingCurves::TrainingCurves(QWidget* parent) : QCustomPlot(parent) {
  plotLayout()->clear();  // drops the default axis rect and its legend
  auto* margins = new QCPMarginGroup(this);
  lossRect_ = makeRect(this, margins);
  scheduleRect_ = makeRect(this, margins);
  diagnosticsRect_ = makeRect(this, margins);
  accuracyRect_ = makeRect(this, margins);
  setAxisTitle(lossRect_->axis(QCPAxis::atLeft), tr("loss"));
  setAxisTitle(scheduleRect_->axis(QCPAxis::atLeft), tr("learning rate"));
  setAxisTitle(diagnosticsRect_->axis(QCPAxis::atLeft), tr("nats"));
  setAxisTitle(accuracyRect_->axis(QCPAxis::atLeft), tr("accuracy"));
  accuracyRect_->axis(QCPAxis::atBottom)->setLabel(tr("step"));
  accuracyRect_->axis(QCPAxis::atLeft)->setRange(0, 1);

  // The right axes appear when a series uses them (valueAxis).
  setAxisTitle(scheduleRect_->axis(QCPAxis::atRight), tr("EMA momentum"));
  scheduleRight2_ = scheduleRect_->addAxis(QCPAxis::atRight);
  setAxisTitle(scheduleRight2_, tr("teacher temperature"));
  scheduleRight2_->setVisible(false);
  setAxisTitle(diagnosticsRect_->axis(QCPAxis::atRight), tr("prototypes used"));
  diagnosticsRight2_ = diagnosticsRect_->addAxis(QCPAxis::atRight);
  setAxisTitle(diagnosticsRight2_, tr("centre norm"));
  diagnosticsRight2_->setVisible(false);
  // Once the panels have their heights (for the window and for every export size alike), their
  // value axes get as many ticks and as much of their titles as fit; the layout is then redone,
  // before anything is drawn, with the ticks that result.
  connect(this, &QCustomPlot::afterLayout, this, [this] {
    if (!fitAxesToPanels()) return;
    for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
      plotLayout()->update(phase);
  });

  legend = new QCPLegend;
  legend->setVisible(true);
  legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  legend->setWrap(4);
  legend->setBorderPen(Qt::NoPen);
  legend->setSelectableParts(QCPLegend::spItems);
  plotLayout()->addElement(3, 0, legend);  // makes it this plot's legend
  legend->setLayer("legend");
  relayout();

  // The step axes move together.
  const auto rects = {lossRect_, scheduleRect_, diagnosticsRect_, accuracyRect_};
  for (auto* a : rects) {
    for (auto* b : rects) {
      if (a == b) continue;
      connect(a->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
              b->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    }
  }
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectLegend);
  // Long runs put 10^5-10^6 points in each series: draw polylines in one call and keep tick labels
  // cached (measured with bench/gui: the redraw time with 100 000 points per series).
  setPlottingHints(QCP::phFastPolylines | QCP::phCacheLabels);
  setNoAntialiasingOnDrag(true);
  connect(this, &QCustomPlot::legendClick, this,
          [this](QCPLegend* l, QCPAbstractLegendItem* item, QMouseEvent*) { onLegendClick(l, item); });
  // A zoom or pan by the user ends automatic ranging until a double click.
  connect(this, &QCustomPlot::mouseWheel, this, [this] { autoRange_ = false; });
  connect(this, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
    if (e->buttons() & Qt::LeftButton) autoRange_ = false;
  });
  connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
    pressedAt_ = e->button() == Qt::LeftButton ? e->pos() : QPoint(-1, -1);
  });
  connect(this, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
    const QPoint pressed = std::exchange(pressedAt_, QPoint(-1, -1));
    if (e->button() != Qt::LeftButton || pressed.x() < 0 || (e->pos() - pressed).manhattanLength() > 3) return;
    if (legend->visible() && legend->outerRect().contains(e->pos())) return;
    for (auto* rect : {lossRect_, scheduleRect_, diagnosticsRect_, accuracyRect_}) {
      if (rect->visible() && rect->rect().contains(e->pos())) {
        Q_EMIT stepPicked(std::round(rect->axis(QCPAxis::atBottom)->pixelToCoord(e->pos().x())));
        return;
      }
    }
  });
  connect(this, &QCustomPlot::mouseDoubleClick, this, [this] {
    autoRange_ = true;
    rescaleToData();
    replot();
  });

  timer_.setInterval(minReplotIntervalMs_);
  connect(&timer_, &QTimer::timeout, this, [this] { flushReplot(); });
  timer_.start();
  setAccessibleName(tr("Training curves"));
  setAccessibleDescription(tr("Loss, schedule and accuracy curves over the training steps"));
  applyPlotPalette(this, palette());
}

void TrainingCurves::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) applyPlotPalette(this, palette());
}

QCPAxisRect* TrainingCurves::panelRect(Panel panel) const {
  switch (panel) {
    case Panel::Loss: return lossRect_;
    case Panel::Schedule: return scheduleRect_;
    case Panel::Diagnostics: return diagnosticsRect_;
    case Panel::Accuracy: return accuracyRect_;
  }
  return lossRect_;
}

void TrainingCurves::relayout() {
  // Hidden panels are taken out of the layout, so the others share the height.
  for (auto* element : {static_cast<QCPLayoutElement*>(lossRect_), static_cast<QCPLayoutElement*>(scheduleRect_),
                        static_cast<QCPLayoutElement*>(diagnosticsRect_), static_cast<QCPLayoutElement*>(accuracyRect_),
                        static_cast<QCPLayoutElement*>(legend)}) {
    if (element->layout() == plotLayout()) plotLayout()->take(element);
  }
  plotLayout()->simplify();
  int row = 0;
  for (Panel panel : {Panel::Loss, Panel::Schedule, Panel::Diagnostics, Panel::Accuracy}) {
    auto* rect = panelRect(panel);
    const bool shown = !hiddenPanels_.contains(int(panel));
    rect->setVisible(shown);
    if (!shown) continue;
    plotLayout()->addElement(row, 0, rect);
    plotLayout()->setRowStretchFactor(row, panel == Panel::Loss ? 1.6 : 1.0);
    ++row;
  }
  if (!series_.isEmpty()) {
    plotLayout()->addElement(row, 0, legend);
    plotLayout()->setRowStretchFactor(row, 0.001);
  }
  legend->setVisible(!series_.isEmpty());
}

void TrainingCurves::setPanelVisible(Panel panel, bool visible) {
  if (panelVisible(panel) == visible) return;
  if (visible) {
    hiddenPanels_.remove(int(panel));
  } else {
    hiddenPanels_.insert(int(panel));
  }
  relayout();
  dirty_ = true;
}

bool TrainingCurves::panelVisible(Panel panel) const { return !hiddenPanels_.contains(int(panel)); }

void TrainingCurves::setReferenceLine(Panel panel, int axis, double y, const QString& label) {
  clearReferenceLine(panel);
  auto* rect = panelRect(panel);
  auto* yAxis = valueAxis(panel, axis);
  Reference ref;
  ref.axis = yAxis;
  ref.y = y;
  ref.line = new QCPItemStraightLine(this);
  ref.line->setClipAxisRect(rect);
  ref.line->setClipToAxisRect(true);
  for (auto* position : {ref.line->point1, ref.line->point2}) position->setAxes(rect->axis(QCPAxis::atBottom), yAxis);
  ref.line->point1->setCoords(0.0, y);
  ref.line->point2->setCoords(1.0, y);
  ref.line->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
  ref.text = new QCPItemText(this);
  ref.text->setClipAxisRect(rect);
  ref.text->setClipToAxisRect(true);
  ref.text->position->setAxisRect(rect);
  ref.text->position->setAxes(rect->axis(QCPAxis::atBottom), yAxis);
  ref.text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  ref.text->position->setTypeY(QCPItemPosition::ptPlotCoords);
  ref.text->position->setCoords(0.01, y);
  ref.text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);  // below the line: it sits at the top of the range
  ref.text->setText(label);
  ref.text->setColor(palette().color(QPalette::WindowText));
  references_.insert(int(panel), ref);
  dirty_ = true;
}

void TrainingCurves::clearReferenceLine(Panel panel) {
  const auto it = references_.find(int(panel));
  if (it == references_.end()) return;
  removeItem(it->line);
  removeItem(it->text);
  references_.erase(it);
  dirty_ = true;
}

double TrainingCurves::referenceLine(Panel panel) const {
  const auto it = references_.find(int(panel));
  return it == references_.end() ? std::numeric_limits<double>::quiet_NaN() : it->y;
}

QCPAxis* TrainingCurves::valueAxis(Panel panel, int axis) {
  auto* rect = panelRect(panel);
  if (axis == 2 && (panel == Panel::Schedule || panel == Panel::Diagnostics)) {
    auto* second = panel == Panel::Schedule ? scheduleRight2_ : diagnosticsRight2_;
    second->setVisible(true);
    return second;
  }
  if (axis >= 1) {
    auto* right = rect->axis(QCPAxis::atRight);
    right->setVisible(true);
    return right;
  }
  return rect->axis(QCPAxis::atLeft);
}

void TrainingCurves::addSeries(const QString& key, const QString& label, Panel panel, int axis, const QColor& color) {
  if (!series_.contains(key)) declare(key, label, panel, axis, color, false);
}

void TrainingCurves::addBandSeries(const QString& key, const QString& label, Panel panel, int axis,
                                   const QColor& color) {
  if (!series_.contains(key)) declare(key, label, panel, axis, color, true);
}

void TrainingCurves::declare(const QString& key, const QString& label, Panel panel, int axis,
                                                const QColor& color, bool band) {
  auto* keyAxis = panelRect(panel)->axis(QCPAxis::atBottom);
  auto* yAxis = valueAxis(panel, axis);
  Series s;
  s.label = label;
  s.panel = panel;
  if (band) {
    // Added first, so the lines are drawn over the band.
    QColor fill = color;
    fill.setAlpha(50);
    s.lower = addGraph(keyAxis, yAxis);
    s.upper = addGraph(keyAxis, yAxis);
    for (auto* edge : {s.lower, s.upper}) {
      edge->setPen(Qt::NoPen);
      edge->removeFromLegend();
    }
    s.upper->setBrush(fill);
    s.upper->setChannelFillGraph(s.lower);
  }
  QColor faint = color;
  faint.setAlpha(60);
  s.raw = addGraph(keyAxis, yAxis);
  s.raw->setPen(QPen(faint, 1));
  s.raw->setAntialiased(false);  // the faint raw data behind: blending it smoothly costs most of a redraw
  s.raw->removeFromLegend();
  s.smooth = addGraph(keyAxis, yAxis);
  s.smooth->setPen(QPen(color, 2));
  s.smooth->setName(label);
  s.smooth->addToLegend(legend);
  if (panel == Panel::Accuracy) {
    // Evaluations are few: show each as a point.
    s.raw->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, 5));
    s.smooth->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6));
  }
  series_.insert(key, s);
  order_.append(key);
  placeLegend();
}

void TrainingCurves::setBandPoints(const QString& key, const QVector<double>& x, const QVector<double>& mean,
                                   const QVector<double>& lower, const QVector<double>& upper) {
  auto it = series_.find(key);
  if (it == series_.end() || !it->lower) return;
  Series& s = *it;
  s.xs.clear();
  s.ys.clear();
  s.lows.clear();
  s.highs.clear();
  const auto n = std::min({x.size(), mean.size(), lower.size(), upper.size()});
  for (qsizetype i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(mean[i]) || !std::isfinite(lower[i]) || !std::isfinite(upper[i])) continue;
    s.xs.append(x[i]);
    s.ys.append(mean[i]);
    s.lows.append(lower[i]);
    s.highs.append(upper[i]);
  }
  resmooth(s);
  dirty_ = true;
}

bool TrainingCurves::hasBand(const QString& key) const {
  auto it = series_.constFind(key);
  return it != series_.constEnd() && it->lower && it->upper->channelFillGraph() == it->lower &&
         it->upper->brush().style() != Qt::NoBrush;
}

QVector<double> TrainingCurves::bandLower(const QString& key) const {
  auto it = series_.constFind(key);
  return it == series_.constEnd() ? QVector<double>() : it->lows;
}

QVector<double> TrainingCurves::bandUpper(const QString& key) const {
  auto it = series_.constFind(key);
  return it == series_.constEnd() ? QVector<double>() : it->highs;
}

void TrainingCurves::setPanelTitle(Panel panel, const QString& title) {
  setAxisTitle(panelRect(panel)->axis(QCPAxis::atLeft), title);
  dirty_ = true;
}

QString TrainingCurves::panelTitle(Panel panel) const {
  return axisTitles_.value(panelRect(panel)->axis(QCPAxis::atLeft));
}

void TrainingCurves::setAxisTitle(QCPAxis* axis, const QString& title) {
  axisTitles_[axis] = title;
  axis->setLabel(title);
}

// Short panels (a small window, many panels) would stack tick labels into each other and run
// their vertical titles into the neighbouring panels: one tick per 28 pixels of height (1 to 5),
// and each title elided to the height. Returns whether a tick count changed (the ticks must then
// be made again).
bool TrainingCurves::fitAxesToPanels() {
  constexpr int kPixelsPerTick = 28;
  bool ticksChanged = false;
  for (auto* rect : {lossRect_, scheduleRect_, diagnosticsRect_, accuracyRect_}) {
    const int height = rect->height();
    if (height <= 0) continue;
    const int ticks = std::clamp(height / kPixelsPerTick, 1, 5);
    for (auto* axis : rect->axes()) {
      if (axis->orientation() != Qt::Vertical) continue;
      if (axis->ticker()->tickCount() != ticks) {
        axis->ticker()->setTickCount(ticks);
        ticksChanged = true;
      }
      const auto title = axisTitles_.constFind(axis);
      if (title != axisTitles_.constEnd())
        axis->setLabel(QFontMetrics(axis->labelFont()).elidedText(*title, Qt::ElideRight, height));
    }
  }
  return ticksChanged;
}

void TrainingCurves::placeLegend() {
  // An empty legend's widest size is its margins, and the plot layout gives its one column no more
  // than the narrowest maximum of its rows: the panels would shrink to a strip of their axes. So
  // the legend is in the layout only while it has entries (relayout).
  const bool inLayout = legend->layout() == plotLayout();
  if (inLayout != series_.isEmpty()) return;
  relayout();
}

void TrainingCurves::setPlaceholderText(const QString& text) {
  placeholder_ = text;
  update();
}

void TrainingCurves::paintEvent(QPaintEvent* event) {
  QCustomPlot::paintEvent(event);
  if (!series_.isEmpty() || placeholder_.isEmpty()) return;
  QPainter painter(this);
  painter.setPen(palette().color(QPalette::PlaceholderText));
  painter.drawText(lossRect_->rect(), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
}

void TrainingCurves::removeSeries(const QString& key) {
  auto it = series_.find(key);
  if (it == series_.end()) return;
  removeGraph(it->raw);
  removeGraph(it->smooth);
  if (it->lower) {
    removeGraph(it->upper);
    removeGraph(it->lower);
  }
  series_.erase(it);
  order_.removeAll(key);
  placeLegend();
  dirty_ = true;
}

namespace {
// One step of the debiased exponential moving average: `ema` and `weightPow` (weight^n) carry the
// state; the debiasing 1 - weight^n keeps the first values from being pulled towards 0.
double emaNext(double weight, double& ema, double& weightPow, double y) {
  ema = weight * ema + (1.0 - weight) * y;
  weightPow *= weight;
  const double debias = 1.0 - weightPow;
  return debias > 0.0 ? ema / debias : y;
}
}  // namespace

double TrainingCurves::smoothNext(Series& s, double y) const {
  // Evaluations are few and each one matters: accuracies are never smoothed.
  return emaNext(s.panel == Panel::Accuracy ? 0.0 : smoothing_, s.ema, s.weightPow, y);
}

QVector<double> TrainingCurves::smoothed(Panel panel, const QVector<double>& ys) const {
  double ema = 0.0, weightPow = 1.0;
  QVector<double> out;
  out.reserve(ys.size());
  for (double y : ys) out.append(emaNext(panel == Panel::Accuracy ? 0.0 : smoothing_, ema, weightPow, y));
  return out;
}

void TrainingCurves::appendPoint(const QString& key, double x, double y) {
  appendPoints(key, {x}, {y});
}

void TrainingCurves::appendPoints(const QString& key, const QVector<double>& x, const QVector<double>& y) {
  auto it = series_.find(key);
  if (it == series_.end() || it->lower) return;
  Series& s = *it;
  const auto n = std::min(x.size(), y.size());
  QVector<double> keys, raw, smooth;
  keys.reserve(n);
  raw.reserve(n);
  smooth.reserve(n);
  for (qsizetype i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    if (s.panel == Panel::Loss && logLoss_ && y[i] <= 0.0) continue;
    keys.append(x[i]);
    raw.append(y[i]);
    smooth.append(smoothNext(s, y[i]));
    s.xs.append(x[i]);
    s.ys.append(y[i]);
  }
  if (keys.isEmpty()) return;
  s.raw->addData(keys, raw, /*alreadySorted=*/true);
  s.smooth->addData(keys, smooth, /*alreadySorted=*/true);
  dirty_ = true;
}

void TrainingCurves::clearData() {
  for (auto& s : series_) {
    s.raw->data()->clear();
    s.smooth->data()->clear();
    s.xs.clear();
    s.ys.clear();
    s.lows.clear();
    s.highs.clear();
    if (s.lower) {
      s.lower->data()->clear();
      s.upper->data()->clear();
    }
    s.ema = 0.0;
    s.weightPow = 1.0;
  }
  autoRange_ = true;
  dirty_ = true;
}

int TrainingCurves::pointCount(const QString& key) const {
  auto it = series_.constFind(key);
  return it == series_.constEnd() ? 0 : int(it->xs.size());
}

double TrainingCurves::lastSmoothed(const QString& key) const {
  auto it = series_.constFind(key);
  if (it == series_.constEnd() || it->smooth->data()->isEmpty()) return std::numeric_limits<double>::quiet_NaN();
  return (it->smooth->data()->constEnd() - 1)->value;
}

QString TrainingCurves::seriesLabel(const QString& key) const {
  auto it = series_.constFind(key);
  return it == series_.constEnd() ? QString() : it->label;
}

TrainingCurves::ValueAtStep TrainingCurves::valueAtStep(const QString& key, double step) const {
  ValueAtStep out;
  auto it = series_.constFind(key);
  if (it == series_.constEnd() || !std::isfinite(step)) return out;
  const auto& xs = it->xs;
  const auto after = std::upper_bound(xs.cbegin(), xs.cend(), step);
  if (after == xs.cbegin()) return out;
  const auto i = (after - xs.cbegin()) - 1;
  out.step = xs[i];
  out.value = it->ys[i];
  if (i < it->lows.size() && i < it->highs.size()) {
    out.lower = it->lows[i];
    out.upper = it->highs[i];
  }
  return out;
}

double TrainingCurves::lastStep() const {
  double last = std::numeric_limits<double>::quiet_NaN();
  for (const auto& s : series_) {
    if (!s.xs.isEmpty() && !(s.xs.back() <= last)) last = s.xs.back();
  }
  return last;
}

void TrainingCurves::setStepMarker(double step) {
  for (auto* line : std::as_const(stepLines_)) removeItem(line);
  stepLines_.clear();
  stepMarker_ = step;
  if (std::isfinite(step)) {
    QPen pen(palette().color(QPalette::Highlight), 1.5, Qt::DashLine);
    for (auto* rect : {lossRect_, scheduleRect_, diagnosticsRect_, accuracyRect_}) {
      auto* line = new QCPItemStraightLine(this);
      line->setClipAxisRect(rect);
      line->setClipToAxisRect(true);
      for (auto* position : {line->point1, line->point2}) {
        position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
      }
      line->point1->setCoords(step, 0.0);
      line->point2->setCoords(step, 1.0);
      line->setPen(pen);
      line->setSelectable(false);
      stepLines_.append(line);
    }
  }
  dirty_ = true;
}

void TrainingCurves::resmooth(Series& s) {
  s.ema = 0.0;
  s.weightPow = 1.0;
  QVector<double> keys, raw, lows, highs;
  for (qsizetype i = 0; i < s.xs.size(); ++i) {
    const bool band = s.lower != nullptr;
    // A log axis cannot show values <= 0; of a band, the point goes when any of its values does.
    if (s.panel == Panel::Loss && logLoss_ && (s.ys[i] <= 0.0 || (band && s.lows[i] <= 0.0))) continue;
    keys.append(s.xs[i]);
    raw.append(s.ys[i]);
    if (band) {
      lows.append(s.lows[i]);
      highs.append(s.highs[i]);
    }
  }
  QVector<double> smooth;
  smooth.reserve(raw.size());
  for (double y : raw) smooth.append(smoothNext(s, y));
  s.raw->setData(keys, raw, true);
  s.smooth->setData(keys, smooth, true);
  if (s.lower) {
    s.lower->setData(keys, smoothed(s.panel, lows), true);
    s.upper->setData(keys, smoothed(s.panel, highs), true);
  }
}

void TrainingCurves::setSmoothing(double weight) {
  smoothing_ = std::clamp(weight, 0.0, 0.999);
  for (auto& s : series_) resmooth(s);
  dirty_ = true;
}

void TrainingCurves::setLogLoss(bool log) {
  if (log == logLoss_) return;
  logLoss_ = log;
  auto* axis = lossRect_->axis(QCPAxis::atLeft);
  axis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (log) {
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  } else {
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  }
  for (auto& s : series_) {
    if (s.panel == Panel::Loss) resmooth(s);
  }
  autoRange_ = true;
  dirty_ = true;
}

void TrainingCurves::setSeriesVisible(const QString& key, bool visible) {
  auto it = series_.find(key);
  if (it == series_.end()) return;
  it->raw->setVisible(visible);
  it->smooth->setVisible(visible);
  if (it->lower) {
    it->lower->setVisible(visible);
    it->upper->setVisible(visible);
  }
  if (auto* item = legend->itemWithPlottable(it->smooth)) {
    item->setTextColor(palette().color(visible ? QPalette::Active : QPalette::Disabled, QPalette::Text));
  }
  dirty_ = true;
}

bool TrainingCurves::seriesVisible(const QString& key) const {
  auto it = series_.constFind(key);
  return it != series_.constEnd() && it->smooth->visible();
}

void TrainingCurves::onLegendClick(QCPLegend*, QCPAbstractLegendItem* item) {
  auto* plottableItem = qobject_cast<QCPPlottableLegendItem*>(item);
  if (!plottableItem) return;
  for (auto it = series_.begin(); it != series_.end(); ++it) {
    if (it->smooth == plottableItem->plottable()) {
      setSeriesVisible(it.key(), !it->smooth->visible());
      break;
    }
  }
  legend->setSelectedParts(QCPLegend::spNone);
  item->setSelected(false);
  flushReplot();
}

void TrainingCurves::rescaleToData() {
  // One step range for all panels (they are linked), the union of every visible series.
  bool anyKey = false;
  QCPRange keyRange;
  for (const auto& s : series_) {
    if (!s.smooth->visible() || s.smooth->data()->isEmpty()) continue;
    bool found = false;
    const QCPRange r = s.smooth->getKeyRange(found);
    if (!found) continue;
    keyRange = anyKey ? QCPRange(std::min(keyRange.lower, r.lower), std::max(keyRange.upper, r.upper)) : r;
    anyKey = true;
  }
  if (anyKey) {
    const double pad = keyRange.size() > 0 ? 0.02 * keyRange.size() : 1.0;
    lossRect_->axis(QCPAxis::atBottom)->setRange(keyRange.lower - pad, keyRange.upper + pad);
  }
  for (auto* rect : {lossRect_, scheduleRect_, diagnosticsRect_, accuracyRect_}) {
    for (auto* axis : rect->axes()) {
      if (axis->orientation() == Qt::Horizontal) continue;
      bool any = false;
      QCPRange range;
      // A reference line (ln K) stays in view: the data are read against it.
      for (const auto& ref : references_) {
        if (ref.axis != axis) continue;
        range = any ? QCPRange(std::min(range.lower, ref.y), std::max(range.upper, ref.y)) : QCPRange(ref.y, ref.y);
        any = true;
      }
      for (auto* graph : axis->graphs()) {
        if (!graph->visible() || graph->data()->isEmpty()) continue;
        bool found = false;
        const QCPRange r = graph->getValueRange(found);
        if (!found) continue;
        range = any ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper)) : r;
        any = true;
      }
      if (!any) continue;
      // A constant series (an EMA momentum held at 0.99) smoothed in floating point varies in its
      // last bits: ranged to that spread, the axis would draw rounding noise as a jagged curve.
      const double magnitude = std::max(std::abs(range.lower), std::abs(range.upper));
      if (range.size() <= 1e-9 * magnitude || range.size() == 0.0) {
        const double centre = range.center();
        range = QCPRange(centre - 0.5 * std::abs(centre) - 1e-9, centre + 0.5 * std::abs(centre) + 1e-9);
      }
      if (axis->scaleType() == QCPAxis::stLogarithmic) {
        axis->setRange(range.lower / 1.2, range.upper * 1.2);
      } else {
        const double pad = 0.05 * range.size();
        axis->setRange(range.lower - pad, range.upper + pad);
      }
    }
  }
}

double TrainingCurves::flushReplot() {
  if (!dirty_) return 0.0;
  dirty_ = false;
  QElapsedTimer clock;
  clock.start();
  if (autoRange_) rescaleToData();
  replot(QCustomPlot::rpImmediateRefresh);
  const double ms = double(clock.nsecsElapsed()) / 1e6;
  // Redraws take at most about a fifth of the GUI thread, however many points there are.
  timer_.setInterval(std::clamp(int(5.0 * ms), minReplotIntervalMs_, 2000));
  Q_EMIT replotted(ms);
  return ms;
}

QByteArray TrainingCurves::csvBytes() const {
  // One row per step that any series has; cells stay empty where a series has no value.
  QStringList columns;
  QMap<double, QHash<QString, double>> rows;
  for (const auto& key : order_) {
    const auto& s = series_[key];
    const bool band = s.lower != nullptr;
    columns << key;
    if (band) columns << key + QStringLiteral(" min") << key + QStringLiteral(" max");
    for (qsizetype i = 0; i < s.xs.size(); ++i) {
      auto& row = rows[s.xs[i]];
      row.insert(key, s.ys[i]);
      if (band) {
        row.insert(key + QStringLiteral(" min"), s.lows[i]);
        row.insert(key + QStringLiteral(" max"), s.highs[i]);
      }
    }
  }
  QByteArray bytes;
  QTextStream out(&bytes);
  out << "step";
  for (const auto& key : columns) out << ',' << key;
  out << '\n';
  for (auto it = rows.constBegin(); it != rows.constEnd(); ++it) {
    out << QString::number(it.key(), 'g', 12);
    for (const auto& key : columns) {
      out << ',';
      auto cell = it.value().constFind(key);
      if (cell != it.value().constEnd()) out << QString::number(*cell, 'g', 9);
    }
    out << '\n';
  }
  out.flush();
  return bytes;
}

bool TrainingCurves::exportCsv(const QString& path, QString* error) const { return writeBytes(path, csvBytes(), error); }

std::optional<QByteArray> TrainingCurves::exportBytes(const QString& path, QString* error) {
  const QString suffix = QFileInfo(path).suffix().toLower();  // the name only: no file is looked at
  if (suffix == QLatin1String("csv")) return csvBytes();
  if (suffix == QLatin1String("png")) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (toPixmap().toImage().save(&buffer, "PNG")) return bytes;
  } else if (suffix == QLatin1String("pdf")) {
    // QCustomPlot draws a PDF only into a file: a local temporary one, never the chosen folder
    // (which may be a network share); the caller writes the bytes there.
    QTemporaryDir scratch;
    const QString local = scratch.filePath(QStringLiteral("curves.pdf"));
    QFile file(local);
    if (scratch.isValid() && savePdf(local) && file.open(QIODevice::ReadOnly)) return file.readAll();
  } else {
    if (error) *error = tr("%1: choose a .png, .pdf or .csv file name").arg(path);
    return std::nullopt;
  }
  if (error) *error = tr("Cannot draw the curves for %1").arg(path);
  return std::nullopt;
}

bool TrainingCurves::writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

bool TrainingCurves::exportFile(const QString& path, QString* error) {
  const auto bytes = exportBytes(path, error);
  return bytes && writeBytes(path, *bytes, error);
}

bool TrainingCurves::exportImage(const QString& path, QString* error) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf")) {
    if (error) *error = tr("%1: choose a .png or .pdf file name").arg(path);
    return false;
  }
  return exportFile(path, error);
}

}  // namespace folk::ui
