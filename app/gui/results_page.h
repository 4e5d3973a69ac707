#pragma once
// The Results workspace: every run of the runs folder, and of the study folders in it, in a
// sortable, filterable table (objective, model, steps, status, final and best scores); the same
// runs as groups (a study's objectives and baselines, or the runs of each value of a chosen
// setting) with the mean ± std of their figures, expandable to their runs; the curves of the
// selected runs and groups overlaid (any logged step metric, one colour per run or group; a group
// as its mean line over the min-max band of its runs), the learning table exported as CSV or
// Markdown, and rename / delete / resume. The folder is watched: runs written by another process (a `folk train` on a server,
// a cluster job on a shared disk) appear, and their curves grow while they train. Every read of
// the runs folder happens in background jobs, one per run: a run on a stalled disk, or one with a
// named pipe where a file should be, delays or skips its own row only, never the window.
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "app/gui/background_jobs.h"
#include "core/io/metrics_tail.h"
#include "core/io/run_summary.h"
#include "core/io/step_metrics.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace folk::ui {

class ProbeSamplesPanel;
class RunGroupsModel;
class SettingsComparisonModel;
class StepComparisonPanel;
class RunsTableModel;
struct GroupCurveData;
class TrainingCurves;
class ErrorBanner;
class EmbeddingPlot;

class ResultsPage : public QWidget {
  Q_OBJECT

 public:
  explicit ResultsPage(QWidget* parent = nullptr);
  ~ResultsPage() override;  // cancels a running embedding

  void setRunsDirectory(const QString& dir);
  QString runsDirectory() const { return runsDir_; }
  RunsTableModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  TrainingCurves* curves() const { return curves_; }
  ErrorBanner* errorBanner() const { return errors_; }
  // Compare at step, under the curves: the selected runs and groups read at one step.
  StepComparisonPanel* stepComparison() const { return stepComparison_; }
  // The runs selected in the list shown: in the runs table, or the member rows of the Groups list.
  QStringList selectedRuns() const;  // paths
  // Selects these runs in the runs table and shows it.
  void selectRuns(const QStringList& paths);
  // Columns of the runs table for these settings (registry keys), after the fixed ones; the
  // selection stays and the choice is kept across restarts. The table header's context menu
  // offers every setting.
  void setSettingColumns(const QStringList& keys);
  QStringList settingColumns() const;

  // The Groups list: the runs grouped by study ("") or by the value of a setting (its key).
  RunGroupsModel* groupsModel() const { return groups_; }
  QTreeView* groupsView() const { return groupsView_; }
  void setGroupBy(const QString& key);
  bool groupsShown() const;  // the Groups list is the list shown
  // Selects these groups (RunGroup::id) in the Groups list and shows it: their curves follow.
  void selectGroups(const QStringList& ids);
  QStringList selectedGroups() const;  // ids; none while the runs table is shown
  // The key of a group's curve of `metric` ("lr", "knn", or a step metric's key) in curves().
  static QString groupSeriesKey(const QString& groupId, const QString& metric);

  // The step metric the first curve panel shows for every run and group (default: total loss);
  // the curves are read again for it.
  void setCurveMetric(StepMetric metric);
  StepMetric curveMetric() const { return metric_; }
  void setFilterText(const QString& text);
  int visibleRowCount() const;

  // A run the page must not touch (the one training in this window).
  void setActiveRun(const QString& path) { activeRun_ = path; }
  // Asked before a delete; the default shows a confirmation dialog.
  void setConfirmDelete(std::function<bool(const QStringList&)> confirm) { confirmDelete_ = std::move(confirm); }

  // The file operations run off the GUI thread (the runs folder may be a network share). Each
  // returns false with the reason when refused at once (a name with a path separator, the run that
  // trains here); otherwise its signal follows: runRenamed, runsDeleted, learningTableExported, or
  // fileOperationError with the message the banner shows.
  bool renameRun(const QString& path, const QString& newName, QString* error = nullptr);
  // Deletes nothing unless every path is a run folder.
  bool deleteRuns(const QStringList& paths, QString* error = nullptr);
  // The selected runs' learning table (all when none is selected), .csv or .md by the name, written
  // atomically.
  void exportLearningTable(const QString& path);
  void setWatchIntervalMs(int ms) { watch_.setInterval(ms); }
  // True when no read of the runs folder is outstanding: the table and the curves show what the
  // last scan found (a run on a stalled disk keeps this false while it stalls).
  bool upToDate() const;

  // Computes the PCA embedding of the selected run's evaluated backbone on a worker thread and
  // shows it in the Embedding tab (embeddingReady / embeddingFailed when done).
  void showEmbedding(const QString& runPath);
  EmbeddingPlot* embeddingPlot() const { return embedding_; }
  // The Settings tab: the selected runs' settings side by side (only those that differ, unless
  // its check box asks for all).
  SettingsComparisonModel* settingsComparison() const { return settingsComparison_; }
  QTableView* settingsView() const { return settingsView_; }
  QTabWidget* detailTabs() const { return tabs_; }  // Curves, Samples, Embedding, Settings
  // The Samples tab: the probe samples of the selected run (one run selected) at any saved step.
  ProbeSamplesPanel* samplesPanel() const { return samples_; }
  QString settingsSummaryText() const;
  bool embeddingBusy() const { return embeddingJob_ != nullptr; }
  // Stops the running embedding at its next batch (embeddingCancelled follows).
  void cancelEmbedding();
  QWidget* embeddingProgressBar() const { return embeddingBar_; }

  // Writes the backbone FOLK evaluates (the teacher where the objective has one) of the run's latest
  // checkpoint to `outPath` as safetensors with timm / torchvision names, as `folk export` does, on
  // a worker thread: weightsExported or weightsExportFailed follows (a failure also shows in the
  // banner). The file is written atomically: a failed export leaves no partial file.
  void exportWeights(const QString& runPath, const QString& outPath);

 public Q_SLOTS:
  // Rescans the folder and updates the summaries and the selected runs' curves, in the background;
  // replaces a scan still running (the watcher's own ticks wait for it instead).
  void refresh();

 Q_SIGNALS:
  void resumeRequested(const QString& runPath);
  void embeddingReady(const QString& runPath);
  void embeddingFailed(const QString& runPath, const QString& message);
  void embeddingCancelled(const QString& runPath);
  void embeddingProgress(int done, int total);  // images whose features are computed
  void weightsExported(const QString& runPath, const QString& outPath, const QString& summary);
  void weightsExportFailed(const QString& runPath, const QString& message);
  void runRenamed(const QString& oldPath, const QString& newPath);
  void runsDeleted(const QStringList& paths);
  void learningTableExported(const QString& path);
  void fileOperationError(const QString& message);

 private:
  void buildUi();
  QWidget* buildSettingsTab();
  void showSettingColumnsMenu(const QPoint& position);
  void scan(bool replaceRunning);
  void scanned(const QString& dir, const RunsFolderListing& listing);
  void summarize(const QString& path);
  void summarized(RunSummary summary);
  void updateCurves();
  void updateSettingsComparison();
  void readCurves(const QString& path);
  void addRunSeries(const QString& path);
  void removeSeriesOf(const QString& path);  // a run's or a group's (by its series prefix)
  void plotKnn(const QString& path, const std::vector<std::pair<std::int64_t, double>>& history);
  void showCurveMetric();  // the picker, the first panel's title and the panels for metric_
  void updateGroupCurves();
  void updateStepComparisonRows();  // the runs and groups plotted, in the order they are selected
  void readGroupCurves(const QString& id);
  void plotGroupKnn(const QString& id);
  void reportOnce(const QString& message);
  void fileOperationFailed(const QString& message);
  QColor colourOf(const QString& key);
  QStringList selectedOrAll() const;
  QStringList tableSelection() const;
  void selectInTable(const QStringList& paths);
  void rememberTreeSelection();
  void restoreTree();  // after the groups changed: expanded groups, selection, columns

  QString runsDir_;
  QString activeRun_;
  QLabel* folderLabel_;
  QLineEdit* filter_;
  ErrorBanner* errors_;
  RunsTableModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  QTabWidget* lists_;  // the runs table and the Groups list
  QWidget* groupsPanel_;
  QComboBox* groupBy_;
  RunGroupsModel* groups_;
  QSortFilterProxyModel* groupsProxy_;
  QTreeView* groupsView_;
  QComboBox* metricPicker_;
  StepMetric metric_ = StepMetric::Total;
  TrainingCurves* curves_;
  StepComparisonPanel* stepComparison_;
  QTabWidget* tabs_;
  EmbeddingPlot* embedding_;
  SettingsComparisonModel* settingsComparison_;
  ProbeSamplesPanel* samples_;
  QTableView* settingsView_;
  QLabel* settingsSummary_;
  std::shared_ptr<JobControl> embeddingJob_;  // while an embedding computes
  QString embeddingRun_;
  QWidget* embeddingBar_ = nullptr;
  QLabel* embeddingLabel_ = nullptr;
  QProgressBar* embeddingProgress_ = nullptr;
  struct Plotted {
    MetricsTail metrics{std::string()};  // where the curves' reading of metrics.jsonl stands
    std::vector<std::pair<std::int64_t, double>> knn;  // the k-NN history shown
  };
  QHash<QString, Plotted> plotted_;  // run path -> what its curves already show
  struct PlottedGroup {
    std::vector<std::string> runs;          // its members when its curves were started
    std::shared_ptr<GroupCurveData> data;   // the members' curves read so far (the read job's while it runs)
    std::vector<std::vector<std::pair<std::int64_t, double>>> knn;  // the members' k-NN histories shown
  };
  QHash<QString, PlottedGroup> plottedGroups_;  // group id -> what its curves already show
  bool keepCurves_ = false;          // while a rescan or a regrouping restores the selection
  QSet<QString> expandedGroups_;     // ids, kept while the groups are recomputed
  QStringList treeGroups_;           // the Groups list's selection, kept likewise: group ids,
  QList<QPair<QString, QString>> treeMembers_;  // and (group id, run path) of member rows
  std::vector<RunSummary> pendingSummaries_;  // arrived, for the table's next update
  QTimer applySummaries_;                     // gathers the summaries of a rescan into few updates
  QStringList selectAfterScan_;      // runs to select once the next scan lists them (a renamed run)
  QSet<QString> reported_;           // problems already in the banner, not repeated by every rescan
  BackgroundJobs jobs_;      // reads of the runs folder
  BackgroundJobs longJobs_;  // embeddings and weight exports
  BackgroundJobs fileJobs_;  // renames, deletes and table exports the user asked for
  QHash<QString, int> colourIndex_;  // run path -> palette entry, for the session
  QTimer watch_;
  std::function<bool(const QStringList&)> confirmDelete_;
};

}  // namespace folk::ui
