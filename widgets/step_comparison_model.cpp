#include "widgets/step_comparison_model.h"

#include <QLocale>

#include <cmath>
#include <utility>

namespace folk::ui {

StepComparisonModel::StepComparisonModel(const TrainingCurves* curves, QObject* parent)
    : QAbstractTableModel(parent), curves_(curves) {}

void StepComparisonModel::setRows(QVector<Row> rows) {
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
}

void StepComparisonModel::setColumns(QVector<Column> columns) {
  beginResetModel();
  columns_ = std::move(columns);
  endResetModel();
}

void StepComparisonModel::setStep(double step) {
  if (step == step_ || (std::isnan(step) && std::isnan(step_))) return;
  step_ = step;
  refresh();
  Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void StepComparisonModel::refresh() {
  if (rows_.isEmpty() || columns_.isEmpty()) return;
  Q_EMIT dataChanged(index(0, 1), index(rowCount() - 1, columnCount() - 1));
}

TrainingCurves::ValueAtStep StepComparisonModel::valueAt(int row, int column) const {
  if (!curves_ || row < 0 || row >= rows_.size() || column < 0 || column >= columns_.size()) return {};
  return curves_->valueAtStep(rows_[row].keyPrefix + columns_[column].key, step_);
}

QString StepComparisonModel::cellText(int row, int column) const {
  const auto v = valueAt(row, column);
  if (std::isnan(v.value)) return QStringLiteral("–");
  const QLocale locale;
  const bool percent = columns_[column].percent;
  auto number = [&](double x) {
    return percent ? tr("%1 %", "a percentage").arg(locale.toString(100.0 * x, 'f', 1))
                   : locale.toString(x, 'g', 4);
  };
  QString text = number(v.value);
  // A band that is a line (every run of the group at the same value, e.g. a shared schedule) adds nothing.
  if (!std::isnan(v.lower) && !std::isnan(v.upper) && v.lower != v.upper) {
    text = tr("%1 (%2 – %3)", "a group's mean (its runs' smallest – largest value)")
               .arg(text, number(v.lower), number(v.upper));
  }
  // A series that has no point at the step itself shows the one it was read at (an evaluation
  // every few hundred steps, a run that stopped earlier).
  if (v.step != step_) text = tr("%1 (step %2)").arg(text, locale.toString(qint64(v.step)));
  return text;
}

QString StepComparisonModel::tableText() const {
  QStringList lines;
  QStringList header;
  for (int c = 0; c < columnCount(); ++c) header << headerData(c, Qt::Horizontal).toString();
  lines << header.join(QLatin1Char('\t'));
  for (int r = 0; r < rowCount(); ++r) {
    QStringList cells;
    for (int c = 0; c < columnCount(); ++c) cells << data(index(r, c)).toString();
    lines << cells.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int StepComparisonModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int StepComparisonModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(columns_.size()) + 1;
}

QVariant StepComparisonModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const Row& row = rows_[index.row()];
  if (index.column() == 0) {
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return row.label;
    if (role == Qt::DecorationRole) return row.colour;
    return {};
  }
  const int column = index.column() - 1;
  if (role == Qt::DisplayRole) return cellText(index.row(), column);
  if (role == Qt::UserRole) return valueAt(index.row(), column).value;
  if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant StepComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section == 0) {
    return std::isnan(step_) ? tr("Run") : tr("At step %1").arg(QLocale().toString(qint64(step_)));
  }
  return section - 1 < columns_.size() ? QVariant(columns_[section - 1].title) : QVariant();
}

}  // namespace folk::ui
