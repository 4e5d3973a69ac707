#include "app/gui/runs_table_model.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "core/io/run_groups.h"
#include "core/io/settings_registry.h"
#include "core/io/step_metrics.h"

namespace folk::ui {

namespace {
double fewShot(const RunScores& s, double fraction) {
  for (size_t i = 0; i < s.fewShotFractions.size(); ++i) {
    if (std::abs(s.fewShotFractions[i] - fraction) < 1e-9) return s.fewShotTop1[i];
  }
  return std::nan("");
}
// Whether data() shows the same for both (the age of a run's files changes on every rescan, and
// the curves' and the banner's parts of a summary are not the table's).
bool sameScores(const RunScores& a, const RunScores& b) {
  return a.knnTop1 == b.knnTop1 && a.linearTop1 == b.linearTop1 && a.fewShotFractions == b.fewShotFractions &&
         a.fewShotTop1 == b.fewShotTop1;
}
bool sameOnScreen(const RunSummary& a, const RunSummary& b) {
  return a.path == b.path && a.folder == b.folder && a.created == b.created && a.objective == b.objective &&
         a.model == b.model && a.dataset == b.dataset && a.steps == b.steps && a.status == b.status &&
         a.statusDetail == b.statusDetail && a.hasEval == b.hasEval && sameScores(a.final, b.final) &&
         a.bestKnnTop1 == b.bestKnnTop1 && a.randomInit.has_value() == b.randomInit.has_value() &&
         (!a.randomInit || sameScores(*a.randomInit, *b.randomInit)) && a.settings == b.settings;
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
    runs_ = std::move(runs);  // same paths: rowOfPath_ stays right
    if (!runs_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return;
  }
  beginResetModel();
  runs_ = std::move(runs);
  rowOfPath_.clear();
  for (size_t i = 0; i < runs_.size(); ++i) rowOfPath_.emplace(runs_[i].path, int(i));
  endResetModel();
}

void RunsTableModel::setRunFolders(const std::vector<std::string>& paths) {
  bool same = paths.size() == runs_.size();
  for (size_t i = 0; same && i < paths.size(); ++i) same = paths[i] == runs_[i].path;
  if (same) return;  // a quiet rescan: the summaries say what changed
  std::vector<RunSummary> runs;
  runs.reserve(paths.size());
  for (const auto& path : paths) {
    const int row = rowOfPath(path);
    if (row >= 0) {
      runs.push_back(runs_[size_t(row)]);
      continue;
    }
    RunSummary loading;
    loading.path = path;
    loading.folder = path.substr(path.find_last_of('/') + 1);
    loading.status = "loading";
    runs.push_back(std::move(loading));
  }
  setRuns(std::move(runs));
}

void RunsTableModel::updateRuns(std::vector<RunSummary> summaries) {
  int first = rowCount(), last = -1;
  for (auto& summary : summaries) {
    const int row = rowOfPath(summary.path);
    if (row < 0) continue;
    RunSummary& shown = runs_[size_t(row)];
    const bool changed = !sameOnScreen(shown, summary);
    shown = std::move(summary);
    if (changed) {
      first = std::min(first, row);
      last = std::max(last, row);
    }
  }
  if (last >= 0) Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
}

void RunsTableModel::setStudies(std::vector<StudyFolder> studies) {
  bool same = studies.size() == studies_.size();
  for (size_t i = 0; same && i < studies.size(); ++i) {
    same = studies[i].path == studies_[i].path && studies[i].problem == studies_[i].problem &&
           studies[i].plan.name == studies_[i].plan.name && studies[i].plan.objectives == studies_[i].plan.objectives;
  }
  if (same) return;
  studies_ = std::move(studies);
  if (!runs_.empty()) Q_EMIT dataChanged(index(0, Study), index(rowCount() - 1, Study));
  Q_EMIT studiesChanged();
}

const StudyFolder* RunsTableModel::studyOf(int row) const {
  const RunSummary* run = runAt(row);
  return run ? studyOfRun(run->path, studies_) : nullptr;
}

const RunSummary* RunsTableModel::runAt(int row) const {
  return row >= 0 && row < int(runs_.size()) ? &runs_[size_t(row)] : nullptr;
}

int RunsTableModel::rowOfPath(const std::string& path) const {
  const auto it = rowOfPath_.find(path);
  return it == rowOfPath_.end() ? -1 : it->second;
}

int RunsTableModel::rowOf(const QString& path) const { return rowOfPath(path.toStdString()); }

int RunsTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(runs_.size()); }
int RunsTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount + int(settingColumns_.size());
}

void RunsTableModel::setSettingColumns(const QStringList& keys) {
  std::vector<std::size_t> columns;
  for (const QString& key : keys) {
    const Setting* setting = findSetting(key.toStdString());
    if (!setting) continue;
    const auto index = std::size_t(setting - settingsRegistry().data());
    if (std::find(columns.begin(), columns.end(), index) == columns.end()) columns.push_back(index);
  }
  if (columns == settingColumns_) return;
  if (!settingColumns_.empty()) {
    beginRemoveColumns({}, ColumnCount, ColumnCount + int(settingColumns_.size()) - 1);
    settingColumns_.clear();
    endRemoveColumns();
  }
  if (!columns.empty()) {
    beginInsertColumns({}, ColumnCount, ColumnCount + int(columns.size()) - 1);
    settingColumns_ = std::move(columns);
    endInsertColumns();
  }
}

QStringList RunsTableModel::settingColumns() const {
  QStringList keys;
  for (std::size_t index : settingColumns_) keys << QString::fromStdString(settingsRegistry()[index].key);
  return keys;
}

int RunsTableModel::settingColumn(const QString& key) const {
  const int i = int(settingColumns().indexOf(key));
  return i < 0 ? -1 : ColumnCount + i;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
  const RunSummary* r = runAt(index.row());
  if (!r) return {};
  const double nan = std::nan("");
  if (index.column() >= ColumnCount) {
    const std::size_t setting = settingColumns_.at(std::size_t(index.column() - ColumnCount));
    const QString text = setting < r->settings.size() ? QString::fromStdString(r->settings[setting]) : QString();
    if (role == Qt::DisplayRole) return text;
    if (role == Qt::UserRole) {
      bool number = false;
      const double value = text.toDouble(&number);
      return number ? QVariant(value) : QVariant(text);
    }
    if (role == Qt::ToolTipRole && r->settings.empty()) return tr("config.json could not be read");
    return {};
  }
  auto raw = [&]() -> QVariant {
    switch (index.column()) {
      case Run: return QString::fromStdString(r->folder);
      case Study: {
        const StudyFolder* study = studyOf(index.row());
        return study ? QString::fromStdString(studyName(*study)) : QString();
      }
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
      // The last logged step's teacher entropy as a fraction of its ceiling ln K: near 1 is the
      // uniform collapse (docs/diagnostics.md).
      case TeacherEntropy:
        return r->prototypes > 1 && r->lastMetrics.has(StepMetric::TeacherEntropy)
                   ? r->lastMetrics[StepMetric::TeacherEntropy] / std::log(double(r->prototypes))
                   : nan;
      case PrototypesUsed:
        return r->lastMetrics.has(StepMetric::PrototypesUsed) ? r->lastMetrics[StepMetric::PrototypesUsed] : nan;
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
      if (index.column() == PrototypesUsed) {
        return std::isfinite(v.toDouble()) ? tr("%L1 of %L2").arg(qlonglong(v.toDouble())).arg(qlonglong(r->prototypes))
                                           : QString();
      }
      if (v.typeId() == QMetaType::Double) return percent(v.toDouble());
      if (v.typeId() == QMetaType::LongLong) return QLocale().toString(v.toLongLong());
      return v;
    }
    case Qt::ToolTipRole:
      if (index.column() == Status && !r->statusDetail.empty()) return QString::fromStdString(r->statusDetail);
      if (index.column() == Run) return QString::fromStdString(r->path);
      if (index.column() == Study) {
        if (const StudyFolder* study = studyOf(index.row())) return QString::fromStdString(study->path);
      }
      if (index.column() == TeacherEntropy) {
        return tr("Entropy of the teacher's outputs at the last logged step, as a percentage of ln K (uniform "
                  "outputs); 97 % or more after the warm-up is a collapse");
      }
      if (index.column() == PrototypesUsed) {
        return tr("Prototypes that were the argmax of a teacher output in the %1 steps up to the last logged one")
            .arg(kPrototypeUsageWindowSteps);
      }
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
      {QStringLiteral("loading"), QT_TR_NOOP("loading")},
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
  if (orientation == Qt::Horizontal && section >= ColumnCount && section < columnCount()) {
    const Setting& setting = settingsRegistry()[settingColumns_[std::size_t(section - ColumnCount)]];
    if (role == Qt::DisplayRole) return QCoreApplication::translate(kSettingsTranslationContext, setting.label);
    if (role == Qt::ToolTipRole) return QString::fromStdString(setting.key);
    return {};
  }
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Run: return tr("Run");
    case Study: return tr("Study");
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
    case TeacherEntropy: return tr("Teacher entropy % of ln K");
    case PrototypesUsed: return tr("Prototypes used");
  }
  return {};
}

}  // namespace folk::ui
