#pragma once
// The runs of a runs folder as a table (one row per run folder, RunSummary columns, and the study
// a run belongs to when it lies in a study folder), with the study folders the scan found. Display text
// is formatted in the user's locale and language; Qt::UserRole holds the raw value (numbers as
// numbers) so sorting is numeric.
#include <QAbstractTableModel>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/io/run_summary.h"

namespace folk::ui {

class RunsTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Run, Study, Created, Objective, Model, Dataset, Steps, Status, Knn, BestKnn, Linear, FewShot1, FewShot10,
                RandomKnn, TeacherEntropy, PrototypesUsed, ColumnCount };

  explicit RunsTableModel(QObject* parent = nullptr);

  // Replaces the rows; rows of runs that stay keep their place in views (model reset only when
  // the set of runs changed, else dataChanged), so a selection survives a live refresh.
  void setRuns(std::vector<RunSummary> runs);
  // The run folders a scan found (listRunFolders order). Folders that stay keep their summary;
  // new ones show as "loading" until updateRun() brings theirs.
  void setRunFolders(const std::vector<std::string>& paths);
  // Summaries of listed runs (those of folders no longer listed are ignored). Views hear of the
  // rows whose shown values changed, in one signal: a rescan of 1000 runs costs the sorted view
  // one pass, not 1000.
  void updateRuns(std::vector<RunSummary> summaries);
  const std::vector<RunSummary>& runs() const { return runs_; }
  // The study folders of the last scan (their runs are among the rows); studiesChanged() when
  // they differ from the previous ones.
  void setStudies(std::vector<StudyFolder> studies);
  const std::vector<StudyFolder>& studies() const { return studies_; }
  // The study folder the run at `row` lies in, nullptr when none.
  const StudyFolder* studyOf(int row) const;
  const RunSummary* runAt(int row) const;
  int rowOf(const QString& path) const;

  // Columns for chosen settings (registry keys), after the fixed ones: each run's value as text,
  // sorted as a number where it is one. Unknown keys are left out.
  void setSettingColumns(const QStringList& keys);
  QStringList settingColumns() const;
  int settingColumn(const QString& key) const;  // its column, -1 when not shown

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // A run state as recorded in state.json ("running", "finished", ...) in the user's language.
  static QString statusText(const QString& status);

 Q_SIGNALS:
  void studiesChanged();

 private:
  int rowOfPath(const std::string& path) const;

  std::vector<RunSummary> runs_;
  std::vector<StudyFolder> studies_;
  std::vector<std::size_t> settingColumns_;  // registry indices of the setting columns
  std::unordered_map<std::string, int> rowOfPath_;  // a live refresh of 1000 runs looks each one up
};

}  // namespace folk::ui
