#include "app/gui/runs_table_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <cmath>

namespace folk::ui {

namespace {
double fewShot(const RunScores& s, double fraction) {
  for (size_t i = 0; i < s.fewShotFractions.size(); ++i) {
    if (std::abs(s.fewShotFractions[i] - fraction) < 1e-9) return s.fewShotTop1[i];
  }
  return std::nan("");
}
QString percent(double x) { return std::isfinite(x) ? QLocale().toString(x * 100.0, 'f', 1) : QString(); }

// "2026-11-27 03:12:05 UTC" (RunSummary::created) in the user's time zone and locale.
QString createdText(const std::string& created) {
  QDateTime t = QDateTime::fromString(QString::fromStdString(created), QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
  if (!t.isValid()) return QString::fromStdString(created);
  t.setTimeSpec(Qt::UTC);
  return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}
}  // namespace

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRuns(std::vector<RunSummary> runs) {
  bool samePaths = runs.size() == runs_.size();
  for (size_t i = 0; samePaths && i < runs.size(); ++i) samePaths = runs[i].path == runs_[i].path;
  if (samePaths) {
    runs_ = std::move(runs);
    if (!runs_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    return;
  }
  beginResetModel();
  runs_ = std::move(runs);
  endResetModel();
}

const RunSummary* RunsTableModel::runAt(int row) const {
  return row >= 0 && row < int(runs_.size()) ? &runs_[size_t(row)] : nullptr;
}

int RunsTableModel::rowOf(const QString& path) const {
  for (size_t i = 0; i < runs_.size(); ++i) {
    if (QString::fromStdString(runs_[i].path) == path) return int(i);
  }
  return -1;
}

int RunsTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(runs_.size()); }
int RunsTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
  const RunSummary* r = runAt(index.row());
  if (!r) return {};
  const double nan = std::nan("");
  auto raw = [&]() -> QVariant {
    switch (index.column()) {
      case Run: return QString::fromStdString(r->folder);
      case Created: return QString::fromStdString(r->created);
      case Objective: return QString::fromStdString(r->objective);
      case Model: return QString::fromStdString(r->model);
      case Dataset: return QString::fromStdString(r->dataset);
      case Steps: return qlonglong(r->steps);
      case Status: return QString::fromStdString(r->status);
      case Knn: return r->hasEval ? r->final.knnTop1 : nan;
      case BestKnn: return r->hasEval ? r->bestKnnTop1 : nan;
      case Linear: return r->hasEval ? r->final.linearTop1 : nan;
      case FewShot1: return r->hasEval ? fewShot(r->final, 0.01) : nan;
      case FewShot10: return r->hasEval ? fewShot(r->final, 0.1) : nan;
      case RandomKnn: return r->randomInit ? r->randomInit->knnTop1 : nan;
    }
    return {};
  };
  switch (role) {
    case Qt::UserRole: {
      QVariant v = raw();
      // NaN sorts below every score.
      if (v.typeId() == QMetaType::Double && !std::isfinite(v.toDouble())) return -1.0;
      return v;
    }
    case Qt::DisplayRole: {
      if (index.column() == Created) return createdText(r->created);
      if (index.column() == Status) return statusText(QString::fromStdString(r->status));
      QVariant v = raw();
      if (v.typeId() == QMetaType::Double) return percent(v.toDouble());
      if (v.typeId() == QMetaType::LongLong) return QLocale().toString(v.toLongLong());
      return v;
    }
    case Qt::ToolTipRole:
      if (index.column() == Status && !r->statusDetail.empty()) return QString::fromStdString(r->statusDetail);
      if (index.column() == Run) return QString::fromStdString(r->path);
      if (index.column() >= Knn && index.column() <= FewShot10 && r->hasEval) {
        return tr("Step %L1, %2 protocol, %3 split: probes fitted on %L4 labelled images, scored on %L5")
            .arg(r->evalStep)
            .arg(QString::fromStdString(r->evalProtocol), QString::fromStdString(r->evalSplit))
            .arg(r->evalTrainSamples)
            .arg(r->evalTestSamples);
      }
      return {};
    case Qt::ForegroundRole:
      if (index.column() == Status && (r->status == "failed" || r->status == "unreadable"))
        return QBrush(QColor(0xa4, 0x00, 0x00));
      return {};
    case Qt::TextAlignmentRole:
      return index.column() >= Steps && index.column() != Status ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                 : QVariant();
  }
  return {};
}

QString RunsTableModel::statusText(const QString& status) {
  static const QHash<QString, const char*> names{
      {QStringLiteral("idle"), QT_TR_NOOP("idle")},
      {QStringLiteral("new"), QT_TR_NOOP("new")},
      {QStringLiteral("running"), QT_TR_NOOP("running")},
      {QStringLiteral("paused"), QT_TR_NOOP("paused")},
      {QStringLiteral("stopping"), QT_TR_NOOP("stopping")},
      {QStringLiteral("stopped"), QT_TR_NOOP("stopped")},
      {QStringLiteral("finished"), QT_TR_NOOP("finished")},
      {QStringLiteral("failed"), QT_TR_NOOP("failed")},
      {QStringLiteral("interrupted"), QT_TR_NOOP("interrupted")},
      {QStringLiteral("unreadable"), QT_TR_NOOP("unreadable")},
      {QStringLiteral("unknown"), QT_TR_NOOP("unknown")}};
  const char* name = names.value(status, nullptr);
  return name ? tr(name) : status;
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Run: return tr("Run");
    case Created: return tr("Created");
    case Objective: return tr("Objective");
    case Model: return tr("Model");
    case Dataset: return tr("Dataset");
    case Steps: return tr("Steps");
    case Status: return tr("Status");
    case Knn: return tr("k-NN %");
    case BestKnn: return tr("Best k-NN %");
    case Linear: return tr("Linear %");
    case FewShot1: return tr("1 % labels %");
    case FewShot10: return tr("10 % labels %");
    case RandomKnn: return tr("Random-init k-NN %");
  }
  return {};
}

}  // namespace folk::ui
