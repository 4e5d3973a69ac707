#include "widgets/plot_palette.h"

#include "widgets/qcustomplot_compat.h"

namespace folk::ui {

bool isDarkPlotPalette(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

void applyPlotPalette(QCustomPlot* plot, const QPalette& palette) {
  if (!plot) return;
  const QColor background = palette.color(QPalette::Base);
  const QColor text = palette.color(QPalette::Text);
  QColor grid = text;
  grid.setAlpha(45);
  QColor subGrid = text;
  subGrid.setAlpha(20);
  plot->setBackground(background);
  for (QCPAxisRect* rect : plot->axisRects()) {
    rect->setBackground(Qt::NoBrush);
    for (QCPAxis* axis : rect->axes()) {
      axis->setBasePen(QPen(text, 1));
      axis->setTickPen(QPen(text, 1));
      axis->setSubTickPen(QPen(text, 1));
      axis->setTickLabelColor(text);
      axis->setLabelColor(text);
      axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
      axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
      axis->grid()->setZeroLinePen(Qt::NoPen);
    }
  }
  for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
    if (auto* title = qobject_cast<QCPTextElement*>(element)) title->setTextColor(text);
  }
  auto styleLegend = [&](QCPLegend* legend) {
    if (!legend) return;
    QColor fill = background;
    fill.setAlpha(220);
    legend->setBrush(fill);
    legend->setTextColor(text);
    if (legend->borderPen().style() != Qt::NoPen) legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
    for (int i = 0; i < legend->itemCount(); ++i) {
      if (QCPAbstractLegendItem* item = legend->item(i)) {
        // Hidden series keep their greyed-out colour (TrainingCurves' legend toggles).
        auto* p = qobject_cast<QCPPlottableLegendItem*>(item);
        item->setTextColor(p && p->plottable() && !p->plottable()->visible() ? palette.color(QPalette::Disabled, QPalette::Text)
                                                                              : text);
      }
    }
  };
  styleLegend(plot->legend);
  for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
    if (auto* legend = qobject_cast<QCPLegend*>(element); legend && legend != plot->legend) styleLegend(legend);
  plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace folk::ui
