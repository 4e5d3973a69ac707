#pragma once
// The curves of several runs (or groups of runs) compared at one step: one row per run or group,
// one column per quantity plotted for each of them (the metric on the first panel, the learning
// rate, k-NN), each cell the series' raw value at its last point at or before the step
// (TrainingCurves::valueAtStep), so a run that logs every step and one that evaluates every few
// hundred are read alike. A group's cell is its mean with the min–max of its runs. The values come
// from what the curves hold: the model reads no file.
#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>
#include <QString>
#include <QVector>

#include <limits>

#include "widgets/training_curves.h"

namespace folk::ui {

class StepComparisonModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  struct Row {
    QString label;      // the run's or group's name
    QString keyPrefix;  // its series are keyPrefix + Column::key in the curves
    QColor colour;
  };
  struct Column {
    QString key;    // appended to a row's keyPrefix
    QString title;  // header, e.g. "total loss"
    bool percent = false;  // values are fractions shown as percentages
  };

  explicit StepComparisonModel(const TrainingCurves* curves, QObject* parent = nullptr);

  void setRows(QVector<Row> rows);
  void setColumns(QVector<Column> columns);
  const QVector<Row>& rows() const { return rows_; }
  const QVector<Column>& columns() const { return columns_; }
  // The step compared; NaN: none (every cell is empty).
  void setStep(double step);
  double step() const { return step_; }
  // The curves' data changed (points arrived): every cell is read again.
  void refresh();

  // A cell's value at the step (NaN: the series has no point at or before it, or is not plotted).
  TrainingCurves::ValueAtStep valueAt(int row, int column) const;  // column: of columns()
  // The table as tab-separated text with a header line, values as shown, for the clipboard.
  QString tableText() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QString cellText(int row, int column) const;  // column: of columns()

  QPointer<const TrainingCurves> curves_;
  QVector<Row> rows_;
  QVector<Column> columns_;
  double step_ = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace folk::ui
