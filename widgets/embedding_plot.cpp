#include "widgets/embedding_plot.h"

#include <cmath>

#include "widgets/plot_palette.h"

namespace folk::ui {

EmbeddingPlot::EmbeddingPlot(QWidget* parent) : QCustomPlot(parent) {
  plotLayout()->insertRow(0);
  title_ = new QCPTextElement(this, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
  plotLayout()->addElement(0, 0, title_);
  xAxis->setLabel(tr("principal component 1"));
  yAxis->setLabel(tr("principal component 2"));
  legend->setVisible(true);
  axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  connect(this, &QCustomPlot::mouseDoubleClick, this, [this] {
    rescaleAxes();
    replot();
  });
  setAccessibleName(tr("Embedding plot"));
  setAccessibleDescription(tr("Two principal components of the backbone's features, one colour per class"));
  applyPlotPalette(this, palette());
}

void EmbeddingPlot::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) applyPlotPalette(this, palette());
}

void EmbeddingPlot::setPoints(const QVector<double>& x, const QVector<double>& y, const QVector<int>& labels,
                              const QStringList& classNames, const QString& title) {
  clearGraphs();
  const int classes = int(classNames.size());
  QVector<QVector<double>> xs(classes), ys(classes);
  for (qsizetype i = 0; i < std::min({x.size(), y.size(), labels.size()}); ++i) {
    const int c = labels[i];
    if (c < 0 || c >= classes || !std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    xs[c].append(x[i]);
    ys[c].append(y[i]);
  }
  for (int c = 0; c < classes; ++c) {
    auto* graph = addGraph();
    const QColor colour = QColor::fromHsv((c * 360) / std::max(1, classes), 210, 210);
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 4));
    graph->setName(classNames[c]);
    graph->setData(xs[c], ys[c]);  // not sorted by x: QCustomPlot sorts a copy
  }
  title_->setText(title);
  rescaleAxes();
  replot();
}

void EmbeddingPlot::clearPoints(const QString& message) {
  clearGraphs();
  title_->setText(message);
  replot();
}

int EmbeddingPlot::pointCount() const {
  int n = 0;
  for (int i = 0; i < graphCount(); ++i) n += graph(i)->dataCount();
  return n;
}

}  // namespace folk::ui
