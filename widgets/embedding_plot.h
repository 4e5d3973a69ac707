#pragma once
// A 2-D scatter of an embedding (e.g. PCA of a backbone's features), one colour per class with a
// legend; zoom and pan like the other plots, double click to fit.
#include <QStringList>
#include <QVector>

#include "widgets/qcustomplot_compat.h"

namespace folk::ui {

class EmbeddingPlot : public QCustomPlot {
  Q_OBJECT

 public:
  explicit EmbeddingPlot(QWidget* parent = nullptr);

  // x, y, labels of equal length; labels in [0, classNames.size()). Points with other labels or
  // non-finite coordinates are left out.
  void setPoints(const QVector<double>& x, const QVector<double>& y, const QVector<int>& labels,
                 const QStringList& classNames, const QString& title = {});
  void clearPoints(const QString& message = {});
  int pointCount() const;
  int classCount() const { return graphCount(); }

 protected:
  void changeEvent(QEvent* event) override;  // follows palette changes (light / dark)

 private:
  QCPTextElement* title_;
};

}  // namespace folk::ui
