#include "app/gui/run_groups_model.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QGuiApplication>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "app/gui/runs_table_model.h"

namespace folk::ui {

namespace {

constexpr quintptr kGroupRow = 0;  // internalId of a group row; a member row's is its group's row + 1

// A run's own figure for a metric name of the study summary (accuracies in percent); NaN where
// the scores lack it.
double figure(const RunScores& s, const std::string& metric) {
  if (metric == "k-NN") return 100.0 * s.knnTop1;
  if (metric == "linear") return 100.0 * s.linearTop1;
  if (metric == "effective rank") return s.effectiveRank;
  const double fraction = std::atof(metric.c_str()) / 100.0;  // "10% labels"
  for (size_t i = 0; i < s.fewShotFractions.size() && i < s.fewShotTop1.size(); ++i) {
    if (std::abs(s.fewShotFractions[i] - fraction) < 1e-9) return 100.0 * s.fewShotTop1[i];
  }
  return std::nan("");
}

// The scores a member row shows: the baseline's for a baseline group, else the trained backbone's.
const RunScores* memberScores(const RunGroup& group, const RunSummary& run) {
  if (group.kind == RunGroup::Kind::Baseline) {
    const auto& baseline = group.label == "random-init" ? run.randomInit : run.rawPixels;
    return baseline ? &*baseline : nullptr;
  }
  return run.hasEval ? &run.final : nullptr;
}

QString number(double x) { return QLocale().toString(x, 'f', 1); }

}  // namespace

RunGroupsModel::RunGroupsModel(RunsTableModel* runs, QObject* parent) : QAbstractItemModel(parent), runs_(runs) {
  regroupSoon_.setSingleShot(true);
  regroupSoon_.setInterval(0);
  connect(&regroupSoon_, &QTimer::timeout, this, &RunGroupsModel::regroup);
  const auto soon = [this] { regroupSoon_.start(); };
  connect(runs_, &QAbstractItemModel::modelReset, this, soon);
  connect(runs_, &QAbstractItemModel::dataChanged, this, soon);
  connect(runs_, &QAbstractItemModel::rowsInserted, this, soon);
  connect(runs_, &QAbstractItemModel::rowsRemoved, this, soon);
  connect(runs_, &RunsTableModel::studiesChanged, this, soon);
}

void RunGroupsModel::setGroupBy(const QString& key) {
  if (key == groupBy_) return;
  groupBy_ = key;
  regroup();
}

void RunGroupsModel::regroup() {
  regroupSoon_.stop();
  RunGroups next = groupBy_.isEmpty() ? groupStudyRuns(runs_->runs(), runs_->studies())
                                      : groupRunsBySetting(runs_->runs(), groupBy_.toStdString());
  bool sameShape = next.metrics == groups_.metrics && next.groups.size() == groups_.groups.size();
  for (size_t i = 0; sameShape && i < next.groups.size(); ++i) {
    sameShape = next.groups[i].id == groups_.groups[i].id && next.groups[i].runs == groups_.groups[i].runs;
  }
  if (!sameShape) {
    beginResetModel();
    groups_ = std::move(next);
    endResetModel();
    return;
  }
  groups_ = std::move(next);
  if (groups_.groups.empty()) return;
  const int last = columnCount() - 1;
  Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, last));
  for (int g = 0; g < rowCount(); ++g) {
    const QModelIndex parent = index(g, 0);
    if (rowCount(parent) > 0) Q_EMIT dataChanged(index(0, 0, parent), index(rowCount(parent) - 1, last, parent));
  }
}

const RunGroup* RunGroupsModel::groupAt(const QModelIndex& index) const {
  if (!index.isValid()) return nullptr;
  const int row = index.internalId() == kGroupRow ? index.row() : int(index.internalId() - 1);
  return row >= 0 && row < int(groups_.groups.size()) ? &groups_.groups[size_t(row)] : nullptr;
}

const RunSummary* RunGroupsModel::runAt(const QModelIndex& index) const {
  if (!index.isValid() || index.internalId() == kGroupRow) return nullptr;
  const RunGroup* group = groupAt(index);
  if (!group || index.row() >= int(group->runs.size())) return nullptr;
  return runs_->runAt(runs_->rowOf(QString::fromStdString(group->runs[size_t(index.row())])));
}

QModelIndex RunGroupsModel::groupIndex(const QString& id) const {
  for (size_t g = 0; g < groups_.groups.size(); ++g) {
    if (QString::fromStdString(groups_.groups[g].id) == id) return index(int(g), 0);
  }
  return {};
}

QModelIndex RunGroupsModel::memberIndex(const QString& groupId, const QString& runPath) const {
  const QModelIndex parent = groupIndex(groupId);
  const RunGroup* group = groupAt(parent);
  if (!group) return {};
  for (size_t r = 0; r < group->runs.size(); ++r) {
    if (QString::fromStdString(group->runs[r]) == runPath) return index(int(r), 0, parent);
  }
  return {};
}

void RunGroupsModel::setCurveColours(const QHash<QString, QColor>& colours) {
  if (colours == curveColours_) return;
  curveColours_ = colours;
  if (rowCount() > 0) Q_EMIT dataChanged(index(0, Group), index(rowCount() - 1, Group), {Qt::DecorationRole});
}

QString RunGroupsModel::groupName(const RunGroup& group) const {
  if (group.kind == RunGroup::Kind::Setting) return QStringLiteral("%1 = %2").arg(groupBy_, QString::fromStdString(group.label));
  return QStringLiteral("%1 · %2").arg(QString::fromStdString(group.studyName), QString::fromStdString(group.label));
}

QModelIndex RunGroupsModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= columnCount() || row >= rowCount(parent)) return {};
  if (!parent.isValid()) return createIndex(row, column, kGroupRow);
  return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex RunGroupsModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == kGroupRow) return {};
  return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int RunGroupsModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return int(groups_.groups.size());
  if (parent.column() != 0 || parent.internalId() != kGroupRow) return 0;
  const RunGroup* group = groupAt(parent);
  return group ? int(group->runs.size()) : 0;
}

int RunGroupsModel::columnCount(const QModelIndex&) const { return FirstMetric + int(groups_.metrics.size()); }

QVariant RunGroupsModel::data(const QModelIndex& index, int role) const {
  const RunGroup* group = groupAt(index);
  if (!group) return {};
  if (index.internalId() == kGroupRow) return groupData(*group, index.column(), role);
  const RunSummary* run = runAt(index);
  return run ? memberData(*group, *run, index.column(), role) : QVariant();
}

QVariant RunGroupsModel::groupData(const RunGroup& group, int column, int role) const {
  const bool trained = group.kind == RunGroup::Kind::Objective || group.kind == RunGroup::Kind::Setting;
  const int evaluated = group.values.empty() ? 0 : group.values.front().n;  // k-NN: every evaluation has it
  const int members = int(group.runs.size());
  if (column >= FirstMetric) {
    const size_t m = size_t(column - FirstMetric);
    if (m >= group.values.size()) return {};
    const MeanStd& v = group.values[m];
    switch (role) {
      case Qt::DisplayRole:
        if (v.n == 0) return QString();
        // The spread of one value is not a figure.
        return v.n == 1 ? number(v.mean) : QStringLiteral("%1 ± %2").arg(number(v.mean), number(v.std));
      case Qt::UserRole: return v.n > 0 ? v.mean : std::numeric_limits<double>::lowest();
      case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      case Qt::ToolTipRole: {
        if (v.n == 0) return tr("No finished run of this group has an evaluation yet");
        const QString over = group.kind == RunGroup::Kind::Difference
                                 ? tr("Mean ± sample standard deviation of the per-seed differences, over %n seed(s)",
                                      nullptr, v.n)
                             : group.kind == RunGroup::Kind::Baseline
                                 ? tr("Mean ± sample standard deviation over %n seed(s), one measurement each", nullptr, v.n)
                                 : tr("Mean ± sample standard deviation over %n finished run(s)", nullptr, v.n);
        return tr("%1; protocol: %2").arg(over, QString::fromStdString(group.protocol));
      }
    }
    return {};
  }
  switch (role) {
    case Qt::DisplayRole:
      switch (column) {
        case Group:
          if (group.kind == RunGroup::Kind::Baseline)
            return group.label == "random-init" ? tr("random-init baseline") : tr("raw-pixels baseline");
          if (group.kind == RunGroup::Kind::Difference) return tr("folk − mfm, paired per seed");
          return QString::fromStdString(group.label);
        case Study: return QString::fromStdString(group.studyName);
        case Runs:
          if (!trained) return QLocale().toString(evaluated);
          return evaluated < members ? tr("%L1 of %L2").arg(evaluated).arg(members) : QLocale().toString(members);
      }
      return {};
    case Qt::UserRole:
      if (column == Runs) return trained ? members : evaluated;
      return groupData(group, column, Qt::DisplayRole);
    case Qt::ToolTipRole:
      if (column == Study) return QString::fromStdString(group.study);
      if (column == Runs) {
        if (group.kind == RunGroup::Kind::Baseline)
          return tr("Measured by %n run(s) of the study, counted once per seed", nullptr, members);
        if (group.kind == RunGroup::Kind::Difference) return tr("Seeds whose folk and mfm runs both finished");
        return tr("%L1 of the group's %L2 runs finished with an evaluation; the figures are over them")
            .arg(evaluated)
            .arg(members);
      }
      return {};
    case Qt::DecorationRole:
      if (column == Group) {
        const auto colour = curveColours_.constFind(QString::fromStdString(group.id));
        if (colour != curveColours_.constEnd()) return *colour;
      }
      return {};
    case Qt::FontRole: {
      QFont font;
      font.setBold(trained);
      font.setItalic(!trained);
      return font;
    }
    case Qt::TextAlignmentRole:
      return column == Runs ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
  }
  return {};
}

QVariant RunGroupsModel::memberData(const RunGroup& group, const RunSummary& run, int column, int role) const {
  const bool counted = run.status == "finished";
  if (column >= FirstMetric) {
    const size_t m = size_t(column - FirstMetric);
    const RunScores* scores = memberScores(group, run);
    const double value = scores && m < groups_.metrics.size() ? figure(*scores, groups_.metrics[m]) : std::nan("");
    switch (role) {
      case Qt::DisplayRole: return std::isfinite(value) ? number(value) : QString();
      case Qt::UserRole: return std::isfinite(value) ? value : std::numeric_limits<double>::lowest();
      case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      case Qt::ForegroundRole:
        // An unfinished run's evaluation is a point of its live curve, not one of the group's figures.
        return counted ? QVariant() : QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
      case Qt::ToolTipRole:
        return counted ? QVariant() : tr("Not finished: its evaluation is not in the group's figures");
    }
    return {};
  }
  switch (role) {
    case Qt::DisplayRole:
    case Qt::UserRole:
      switch (column) {
        case Group: return QString::fromStdString(run.folder);
        case Study: return QString();
        case Runs: return RunsTableModel::statusText(QString::fromStdString(run.status));
      }
      return {};
    case Qt::ToolTipRole:
      return column == Group ? QString::fromStdString(run.path) : QVariant();
  }
  return {};
}

QString RunGroupsModel::metricHeader(const std::string& metric) const {
  if (metric == "k-NN") return tr("k-NN %");
  if (metric == "linear") return tr("Linear %");
  if (metric == "effective rank") return tr("Effective rank");
  // "10% labels": the few-shot probe on that share of the labels
  return tr("%1 % labels %").arg(QString::fromStdString(metric.substr(0, metric.find('%'))));
}

QVariant RunGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole && section >= FirstMetric) {
    return tr("Mean ± sample standard deviation over the group's finished runs (a study's baselines: over its "
              "seeds); a member run's own figure");
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Group: return tr("Group");
    case Study: return tr("Study");
    case Runs: return tr("Runs");
  }
  const size_t m = size_t(section - FirstMetric);
  return m < groups_.metrics.size() ? metricHeader(groups_.metrics[m]) : QVariant();
}

}  // namespace folk::ui
