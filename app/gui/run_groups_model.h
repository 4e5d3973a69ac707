#pragma once
// The groups of the runs a RunsTableModel lists (core/io/run_groups.h) as a tree: one row per group
// with the number of its runs and the mean ± std of its evaluation figures, its member runs as
// child rows with their own figures. Grouped by study (each study folder's objectives, baselines
// and paired difference) or by the value of any setting. Recomputed from the summaries in memory
// (no file access) when they or the grouping change; when the groups and their members stay the
// same only the figures are updated, so a view keeps its expanded rows and its selection while
// runs train.
#include <QAbstractItemModel>
#include <QColor>
#include <QHash>
#include <QTimer>

#include "core/io/run_groups.h"

namespace folk::ui {

class RunsTableModel;

class RunGroupsModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column { Group, Study, Runs, FirstMetric };  // then one column per RunGroups::metrics entry

  explicit RunGroupsModel(RunsTableModel* runs, QObject* parent = nullptr);

  // "" groups the runs of each study folder; a settings key (e.g. "model.prototypes") groups every
  // run by its value of that setting.
  void setGroupBy(const QString& key);
  QString groupBy() const { return groupBy_; }
  // Recomputes the groups now (otherwise this follows the runs model's changes, coalesced).
  void regroup();
  bool regroupPending() const { return regroupSoon_.isActive(); }

  const RunGroups& groups() const { return groups_; }
  // The group of a group row, or of a member row's parent.
  const RunGroup* groupAt(const QModelIndex& index) const;
  // The run of a member row; nullptr for a group row.
  const RunSummary* runAt(const QModelIndex& index) const;
  bool isGroupRow(const QModelIndex& index) const { return index.isValid() && index.internalId() == 0; }
  QModelIndex groupIndex(const QString& id) const;
  QModelIndex memberIndex(const QString& groupId, const QString& runPath) const;
  // The colours of the groups whose curves are drawn (by id), shown as a swatch before their names.
  void setCurveColours(const QHash<QString, QColor>& colours);
  // How a group is named in the curves' legend: "<study> <objective>", "<setting> = <value>".
  QString groupName(const RunGroup& group) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant groupData(const RunGroup& group, int column, int role) const;
  QVariant memberData(const RunGroup& group, const RunSummary& run, int column, int role) const;
  QString metricHeader(const std::string& metric) const;

  RunsTableModel* runs_;
  QString groupBy_;
  RunGroups groups_;
  QHash<QString, QColor> curveColours_;
  QTimer regroupSoon_;  // coalesces the runs model's signals of one rescan into one regroup
};

}  // namespace folk::ui
