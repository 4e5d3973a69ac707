#pragma once
// The Results workspace: every run of the runs folder in a sortable, filterable table (objective,
// model, steps, status, final and best scores), the curves of the selected runs overlaid (one
// colour per run everywhere), the learning table exported as CSV or Markdown, and rename / delete
// / resume. The folder is watched: runs written by another process (a `folk train` on a server,
// a cluster job on a shared disk) appear, and their curves grow while they train. Every read of
// the runs folder happens in background jobs, one per run: a run on a stalled disk, or one with a
// named pipe where a file should be, delays or skips its own row only, never the window.
#include <QHash>
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

class QLabel;
class QProgressBar;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace folk::ui {

class RunsTableModel;
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
  QStringList selectedRuns() const;  // paths
  void selectRuns(const QStringList& paths);
  void setFilterText(const QString& text);
  int visibleRowCount() const;

  // A run the page must not touch (the one training in this window).
  void setActiveRun(const QString& path) { activeRun_ = path; }
  // Asked before a delete; the default shows a confirmation dialog.
  void setConfirmDelete(std::function<bool(const QStringList&)> confirm) { confirmDelete_ = std::move(confirm); }

  bool renameRun(const QString& path, const QString& newName, QString* error = nullptr);
  bool deleteRuns(const QStringList& paths, QString* error = nullptr);
  bool exportLearningTable(const QString& path, QString* error = nullptr) const;  // .csv or .md
  void setWatchIntervalMs(int ms) { watch_.setInterval(ms); }
  // True when no read of the runs folder is outstanding: the table and the curves show what the
  // last scan found (a run on a stalled disk keeps this false while it stalls).
  bool upToDate() const { return jobs_.runningCount() == 0 && pendingSummaries_.empty(); }

  // Computes the PCA embedding of the selected run's evaluated backbone on a worker thread and
  // shows it in the Embedding tab (embeddingReady / embeddingFailed when done).
  void showEmbedding(const QString& runPath);
  EmbeddingPlot* embeddingPlot() const { return embedding_; }
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

 private:
  void buildUi();
  void scan(bool replaceRunning);
  void scanned(const QString& dir, const std::vector<std::string>& paths);
  void summarize(const QString& path);
  void summarized(RunSummary summary);
  void updateCurves();
  void readCurves(const QString& path);
  void addLossSeries(const QString& path);
  void plotKnn(const QString& path, const std::vector<std::pair<std::int64_t, double>>& history);
  void reportOnce(const QString& message);
  QColor colourOf(const QString& path);
  QStringList selectedOrAll() const;

  QString runsDir_;
  QString activeRun_;
  QLabel* folderLabel_;
  QLineEdit* filter_;
  ErrorBanner* errors_;
  RunsTableModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  TrainingCurves* curves_;
  QTabWidget* tabs_;
  EmbeddingPlot* embedding_;
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
  bool keepCurves_ = false;          // while a rescan restores the selection
  std::vector<RunSummary> pendingSummaries_;  // arrived, for the table's next update
  QTimer applySummaries_;                     // gathers the summaries of a rescan into few updates
  QStringList selectAfterScan_;      // runs to select once the next scan lists them (a renamed run)
  QSet<QString> reported_;           // problems already in the banner, not repeated by every rescan
  BackgroundJobs jobs_;      // reads of the runs folder
  BackgroundJobs longJobs_;  // embeddings and weight exports
  QHash<QString, int> colourIndex_;  // run path -> palette entry, for the session
  QTimer watch_;
  std::function<bool(const QStringList&)> confirmDelete_;
};

}  // namespace folk::ui
