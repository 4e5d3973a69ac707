#pragma once
// The Results workspace: every run of the runs folder in a sortable, filterable table (objective,
// model, steps, status, final and best scores), the curves of the selected runs overlaid (one
// colour per run everywhere), the learning table exported as CSV or Markdown, and rename / delete
// / resume. The folder is watched: runs written by another process (a `folk train` on a server,
// a cluster job on a shared disk) appear, and their curves grow while they train.
#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

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

  // Computes the PCA embedding of the selected run's evaluated backbone on a worker thread and
  // shows it in the Embedding tab (embeddingReady / embeddingFailed when done).
  void showEmbedding(const QString& runPath);
  EmbeddingPlot* embeddingPlot() const { return embedding_; }
  bool embeddingBusy() const { return embeddingBusy_; }
  // Stops the running embedding at its next batch (embeddingCancelled follows).
  void cancelEmbedding();
  QWidget* embeddingProgressBar() const { return embeddingBar_; }

  // Writes the backbone FOLK evaluates (the teacher where the objective has one) of the run's latest
  // checkpoint to `outPath` as safetensors with timm / torchvision names, as `folk export` does, on
  // a worker thread: weightsExported or weightsExportFailed follows (a failure also shows in the
  // banner). The file is written atomically: a failed export leaves no partial file.
  void exportWeights(const QString& runPath, const QString& outPath);

 public Q_SLOTS:
  void refresh();  // rescans the folder and updates the selected runs' curves

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
  void updateCurves();
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
  bool embeddingBusy_ = false;
  struct EmbeddingJob {  // shared with the worker thread
    std::atomic<bool> cancel{false};
    std::atomic<long long> done{0}, total{0};
  };
  std::shared_ptr<EmbeddingJob> embeddingJob_;
  QWidget* embeddingBar_ = nullptr;
  QLabel* embeddingLabel_ = nullptr;
  QProgressBar* embeddingProgress_ = nullptr;
  QTimer embeddingPoll_;
  struct Plotted {
    qint64 metricsSize = -1;
    QDateTime evalModified;
    std::int64_t lastStep = 0;
  };
  QHash<QString, Plotted> plotted_;  // run path -> what its curves already show
  QHash<QString, int> colourIndex_;  // run path -> palette entry, for the session
  QTimer watch_;
  std::function<bool(const QStringList&)> confirmDelete_;
};

}  // namespace folk::ui
