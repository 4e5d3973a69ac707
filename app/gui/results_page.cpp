#include "app/gui/results_page.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QUrl>
#include <QFutureWatcher>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/gui/error_banner.h"
#include "app/gui/recent_items.h"
#include "core/train/evaluation.h"
#include "core/io/run_directory.h"
#include "core/train/backbone_weights.h"
#include "core/train/session.h"
#include "widgets/embedding_plot.h"
#include "app/gui/runs_table_model.h"
#include "core/io/metrics_log.h"
#include "core/io/train_config.h"
#include "widgets/training_curves.h"

namespace folk::ui {

namespace {
// Ten distinguishable colours (Tableau 10); a run keeps its colour while it is selected.
const QColor kPalette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                           QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                           QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                           QColor(0xba, 0xb0, 0xac)};

QString seriesKey(const QString& path, const char* metric) { return path + QStringLiteral("|") + QLatin1String(metric); }
}  // namespace

ResultsPage::ResultsPage(QWidget* parent) : QWidget(parent) {
  buildUi();
  watch_.setInterval(2000);
  connect(&watch_, &QTimer::timeout, this, &ResultsPage::refresh);
  watch_.start();
  confirmDelete_ = [this](const QStringList& paths) {
    QStringList names;
    for (const auto& p : paths) names << QFileInfo(p).fileName();
    return QMessageBox::question(this, tr("Delete runs"),
                                 tr("Delete %n run folder(s) with their checkpoints? This cannot be undone.\n\n%1", "",
                                    int(paths.size()))
                                     .arg(names.join(QLatin1Char('\n')))) == QMessageBox::Yes;
  };
}

ResultsPage::~ResultsPage() {
  if (embeddingJob_) embeddingJob_->cancel = true;  // the pool thread stops at its next batch
}

void ResultsPage::buildUi() {
  auto* layout = new QVBoxLayout(this);
  errors_ = new ErrorBanner(this);
  errors_->setHeading([](int count) { return ResultsPage::tr("%n problem(s) with the runs:", nullptr, count); });
  layout->addWidget(errors_);
  auto* top = new QHBoxLayout;
  folderLabel_ = new QLabel(this);
  folderLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* change = new QPushButton(tr("Runs folder…"), this);
  connect(change, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Runs folder"), runsDir_);
    if (!dir.isEmpty()) setRunsDirectory(dir);
  });
  filter_ = new QLineEdit(this);
  filter_->setPlaceholderText(tr("Filter runs (name, objective, model, status…)"));
  filter_->setClearButtonEnabled(true);
  filter_->setAccessibleName(tr("Filter runs"));
  top->addWidget(folderLabel_, 1);
  top->addWidget(filter_, 1);
  top->addWidget(change);
  layout->addLayout(top);

  auto* actions = new QHBoxLayout;
  auto addButton = [&](const QString& text, const QString& tip, auto slot) {
    auto* b = new QPushButton(text, this);
    b->setToolTip(tip);
    connect(b, &QPushButton::clicked, this, slot);
    actions->addWidget(b);
    return b;
  };
  addButton(tr("Refresh"), tr("Read the runs folder again (it is also watched every 2 s)"), [this] { refresh(); })
      ->setShortcut(QKeySequence(Qt::Key_F5));
  addButton(tr("Resume"), tr("Continue the selected run from its last checkpoint in the Train workspace"), [this] {
    const auto runs = selectedRuns();
    if (runs.size() == 1) Q_EMIT resumeRequested(runs.front());
  });
  QPushButton* rename = addButton(tr("Rename…"), tr("Rename the selected run (F2)"), [this] {
    const auto runs = selectedRuns();
    if (runs.size() != 1) return;
    bool ok = false;
    const QString folder = QFileInfo(runs.front()).fileName();
    const QString current = folder.section(QLatin1Char('-'), 1);
    const QString name = QInputDialog::getText(this, tr("Rename run"), tr("New name:"), QLineEdit::Normal, current, &ok);
    QString error;
    if (ok && !renameRun(runs.front(), name, &error)) errors_->addError(error);
  });
  rename->setShortcut(QKeySequence(Qt::Key_F2));
  QPushButton* remove = addButton(tr("Delete…"), tr("Delete the selected runs (asks first; Del)"), [this] {
    const auto runs = selectedRuns();
    if (runs.isEmpty() || !confirmDelete_(runs)) return;
    QString error;
    if (!deleteRuns(runs, &error)) errors_->addError(error);
  });
  remove->setShortcut(QKeySequence(Qt::Key_Delete));
  addButton(tr("Embedding"), tr("PCA of the selected run's teacher features on labelled test images, by class"),
            [this] {
              const auto runs = selectedRuns();
              if (runs.size() == 1) showEmbedding(runs.front());
            });
  addButton(tr("Export weights…"),
            tr("The selected run's backbone (the teacher where there is one) from its latest checkpoint, as "
               "safetensors with timm / torchvision names, for PyTorch"),
            [this] {
              const auto runs = selectedRuns();
              if (runs.size() != 1) return;
              const QString suggested = QDir(lastDirectory(QStringLiteral("weights"), runs.front()))
                                            .filePath(QFileInfo(runs.front()).fileName() + QStringLiteral("_backbone.safetensors"));
              const QString path = QFileDialog::getSaveFileName(this, tr("Export backbone weights"), suggested,
                                                                tr("safetensors (*.safetensors)"));
              if (path.isEmpty()) return;
              rememberDirectory(QStringLiteral("weights"), path);
              exportWeights(runs.front(), path);
            });
  addButton(tr("Export table…"), tr("The learning table of the selected runs (all when none is selected), as CSV or "
                                    "Markdown"),
            [this] {
              const QString path = QFileDialog::getSaveFileName(
                  this, tr("Export learning table"), lastDirectory(QStringLiteral("export"), runsDir_),
                  tr("CSV (*.csv);;Markdown (*.md)"));
              rememberDirectory(QStringLiteral("export"), path);
              QString error;
              if (!path.isEmpty() && !exportLearningTable(path, &error)) errors_->addError(error);
            });
  actions->addStretch(1);
  layout->addLayout(actions);

  // The embedding's progress, with Cancel; shown while it computes.
  embeddingBar_ = new QWidget(this);
  embeddingBar_->setObjectName(QStringLiteral("embeddingProgress"));
  embeddingLabel_ = new QLabel(embeddingBar_);
  embeddingProgress_ = new QProgressBar(embeddingBar_);
  embeddingProgress_->setAccessibleName(tr("Progress of the embedding"));
  auto* cancel = new QPushButton(tr("Cancel"), embeddingBar_);
  cancel->setObjectName(QStringLiteral("cancelEmbedding"));
  cancel->setShortcut(QKeySequence(Qt::Key_Escape));
  cancel->setToolTip(tr("Stop computing the embedding (Esc)"));
  connect(cancel, &QPushButton::clicked, this, &ResultsPage::cancelEmbedding);
  auto* barLayout = new QHBoxLayout(embeddingBar_);
  barLayout->setContentsMargins(0, 0, 0, 0);
  barLayout->addWidget(embeddingLabel_);
  barLayout->addWidget(embeddingProgress_, 1);
  barLayout->addWidget(cancel);
  embeddingBar_->hide();
  layout->addWidget(embeddingBar_);
  embeddingPoll_.setInterval(200);
  connect(&embeddingPoll_, &QTimer::timeout, this, [this] {
    if (!embeddingJob_) return;
    const auto total = embeddingJob_->total.load(), done = embeddingJob_->done.load();
    embeddingProgress_->setRange(0, total > 0 ? int(total) : 0);  // busy until the data is read
    if (total > 0) embeddingProgress_->setValue(int(done));
    Q_EMIT embeddingProgress(int(done), int(total));
  });

  model_ = new RunsTableModel(this);
  proxy_ = new QSortFilterProxyModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(Qt::UserRole);
  proxy_->setFilterKeyColumn(-1);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
  table_ = new QTableView(this);
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(RunsTableModel::Run, Qt::DescendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  table_->setAlternatingRowColors(true);
  table_->setAccessibleName(tr("Runs"));
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateCurves(); });
  // A double click opens the run folder (config.json, metrics.csv, samples/) in the file manager.
  table_->setToolTip(tr("Select runs to compare their curves; double-click opens a run's folder"));
  connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    if (const auto* run = model_->runAt(proxy_->mapToSource(index).row())) {
      QDesktopServices::openUrl(QUrl::fromLocalFile(QString::fromStdString(run->path)));
    }
  });

  auto* curvesPanel = new QWidget(this);
  auto* curvesLayout = new QVBoxLayout(curvesPanel);
  curvesLayout->setContentsMargins(0, 0, 0, 0);
  auto* tools = new QHBoxLayout;
  curves_ = new TrainingCurves(curvesPanel);
  tools->addWidget(new QLabel(tr("Smoothing"), curvesPanel));
  auto* smoothing = new QSlider(Qt::Horizontal, curvesPanel);
  smoothing->setRange(0, 99);
  smoothing->setAccessibleName(tr("Smoothing of the curves"));
  smoothing->setValue(std::clamp(QSettings().value(QStringLiteral("results/smoothing"), 90).toInt(), 0, 99));
  curves_->setSmoothing(smoothing->value() / 100.0);
  connect(smoothing, &QSlider::valueChanged, this, [this](int v) {
    curves_->setSmoothing(v / 100.0);
    QSettings().setValue(QStringLiteral("results/smoothing"), v);
  });
  tools->addWidget(smoothing);
  auto* log = new QCheckBox(tr("Log loss axis"), curvesPanel);
  connect(log, &QCheckBox::toggled, curves_, &TrainingCurves::setLogLoss);
  log->setChecked(QSettings().value(QStringLiteral("results/logLoss"), false).toBool());
  connect(log, &QCheckBox::toggled, this, [](bool on) { QSettings().setValue(QStringLiteral("results/logLoss"), on); });
  tools->addWidget(log);
  auto* exportCurves = new QPushButton(tr("Export…"), curvesPanel);
  connect(exportCurves, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export curves"), lastDirectory(QStringLiteral("export"), runsDir_),
                                                      tr("PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)"));
    if (path.isEmpty()) return;
    rememberDirectory(QStringLiteral("export"), path);
    QString error;
    if (!curves_->exportFile(path, &error)) errors_->addError(error);
  });
  tools->addWidget(exportCurves);
  tools->addStretch(1);
  curvesLayout->addLayout(tools);
  curvesLayout->addWidget(curves_, 1);

  embedding_ = new EmbeddingPlot(this);
  embedding_->clearPoints(tr("Select a run and press Embedding"));
  tabs_ = new QTabWidget(this);
  tabs_->setAccessibleName(tr("Curves and embedding of the selected runs"));
  tabs_->addTab(curvesPanel, tr("Curves"));
  tabs_->addTab(embedding_, tr("Embedding"));

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->setObjectName(QStringLiteral("resultsSplitter"));  // its sizes are kept across restarts
  splitter->addWidget(table_);
  splitter->addWidget(tabs_);
  splitter->setStretchFactor(1, 2);
  layout->addWidget(splitter, 1);
}

void ResultsPage::setRunsDirectory(const QString& dir) {
  runsDir_ = dir;
  folderLabel_->setText(tr("Runs in %1").arg(QDir::toNativeSeparators(dir)));
  refresh();
}

void ResultsPage::refresh() {
  if (runsDir_.isEmpty()) return;
  const QStringList selected = selectedRuns();
  model_->setRuns(scanRuns(runsDir_.toStdString()));
  selectRuns(selected);
  updateCurves();
}

QStringList ResultsPage::selectedRuns() const {
  QStringList paths;
  for (const auto& index : table_->selectionModel()->selectedRows()) {
    if (const auto* run = model_->runAt(proxy_->mapToSource(index).row())) paths << QString::fromStdString(run->path);
  }
  return paths;
}

void ResultsPage::selectRuns(const QStringList& paths) {
  QItemSelection selection;
  for (const auto& path : paths) {
    const int row = model_->rowOf(path);
    if (row < 0) continue;
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    if (index.isValid()) selection.select(index, index);
  }
  table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ResultsPage::setFilterText(const QString& text) { filter_->setText(text); }
int ResultsPage::visibleRowCount() const { return proxy_->rowCount(); }

QColor ResultsPage::colourOf(const QString& path) {
  // A run keeps its colour for the whole session; a new one takes the first colour no plotted
  // run uses, so the runs on screen never share one (up to ten).
  constexpr int kColours = int(sizeof kPalette / sizeof kPalette[0]);
  auto it = colourIndex_.constFind(path);
  if (it == colourIndex_.constEnd()) {
    QSet<int> used;
    for (auto p = plotted_.constBegin(); p != plotted_.constEnd(); ++p) used.insert(colourIndex_.value(p.key(), -1));
    int index = 0;
    while (index < kColours && used.contains(index)) ++index;
    it = colourIndex_.insert(path, index % kColours);
  }
  return kPalette[*it];
}

void ResultsPage::updateCurves() {
  const QStringList selected = selectedRuns();
  // Runs no longer selected leave the plot.
  for (auto it = plotted_.begin(); it != plotted_.end();) {
    if (selected.contains(it.key())) {
      ++it;
      continue;
    }
    for (const char* metric : {"total", "lr", "knn"}) curves_->removeSeries(seriesKey(it.key(), metric));
    it = plotted_.erase(it);
  }
  for (const auto& path : selected) {
    const QString name = QFileInfo(path).fileName();
    const QColor colour = colourOf(path);
    if (!plotted_.contains(path)) {
      curves_->addSeries(seriesKey(path, "total"), tr("%1 loss").arg(name), TrainingCurves::Panel::Loss, 0, colour);
      curves_->addSeries(seriesKey(path, "lr"), tr("%1 lr").arg(name), TrainingCurves::Panel::Schedule, 0, colour);
      curves_->addSeries(seriesKey(path, "knn"), tr("%1 k-NN").arg(name), TrainingCurves::Panel::Accuracy, 0, colour);
      plotted_.insert(path, Plotted{});
    }
    Plotted& p = plotted_[path];
    const QFileInfo metrics(QDir(path).filePath(QStringLiteral("metrics.jsonl")));
    const qint64 size = metrics.exists() ? metrics.size() : 0;
    if (size != p.metricsSize) {
      try {
        const auto rows = readMetrics(metrics.filePath().toStdString());
        if (size < p.metricsSize || (!rows.empty() && rows.back().step < p.lastStep)) {
          // Rewritten (a resume truncates to its checkpoint): plot again from the start.
          curves_->removeSeries(seriesKey(path, "total"));
          curves_->removeSeries(seriesKey(path, "lr"));
          curves_->addSeries(seriesKey(path, "total"), tr("%1 loss").arg(name), TrainingCurves::Panel::Loss, 0, colour);
          curves_->addSeries(seriesKey(path, "lr"), tr("%1 lr").arg(name), TrainingCurves::Panel::Schedule, 0, colour);
          p.lastStep = 0;
        }
        QVector<double> x, loss, lr;
        for (const auto& row : rows) {
          if (row.step <= p.lastStep) continue;
          x.append(double(row.step));
          loss.append(row.total);
          lr.append(row.lr);
        }
        curves_->appendPoints(seriesKey(path, "total"), x, loss);
        curves_->appendPoints(seriesKey(path, "lr"), x, lr);
        if (!rows.empty()) p.lastStep = std::max(p.lastStep, rows.back().step);
        p.metricsSize = size;
      } catch (const std::exception& e) {
        errors_->addError(QString::fromStdString(e.what()));
        p.metricsSize = size;  // reported once per change
      }
    }
    const QFileInfo eval(QDir(path).filePath(QStringLiteral("eval.json")));
    if (eval.exists() && eval.lastModified() != p.evalModified) {
      p.evalModified = eval.lastModified();
      std::ifstream in(eval.filePath().toStdString());
      try {
        const auto j = nlohmann::json::parse(in);
        curves_->removeSeries(seriesKey(path, "knn"));
        curves_->addSeries(seriesKey(path, "knn"), tr("%1 k-NN").arg(name), TrainingCurves::Panel::Accuracy, 0, colour);
        QVector<double> x, y;
        if (j.contains("history") && j["history"].is_array()) {
          for (const auto& h : j["history"]) {
            // The curve is the fast protocol's; a full evaluation's figures are not comparable to it.
            if (h.value("protocol", std::string("fast")) != "fast") continue;
            x.append(double(h.value("step", std::int64_t{0})));
            y.append(h.value("knn_top1", 0.0));
          }
        }
        curves_->appendPoints(seriesKey(path, "knn"), x, y);
      } catch (const std::exception&) {
        // A half-written eval.json from a foreign writer: read again on the next change.
        p.evalModified = QDateTime();
      }
    }
  }
}

QStringList ResultsPage::selectedOrAll() const {
  QStringList paths = selectedRuns();
  if (paths.isEmpty()) {
    for (const auto& r : model_->runs()) paths << QString::fromStdString(r.path);
  }
  return paths;
}

void ResultsPage::exportWeights(const QString& runPath, const QString& outPath) {
  // Checkpoint reading and writing run on a pool thread; errors travel back as text.
  using Outcome = std::pair<ExportSummary, std::string>;
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, runPath, outPath] {
    watcher->deleteLater();
    const Outcome outcome = watcher->result();
    const QString runName = QFileInfo(runPath).fileName();
    if (!outcome.second.empty()) {
      const QString message =
          tr("Could not export the weights of %1: %2").arg(runName, QString::fromStdString(outcome.second));
      errors_->addError(message);
      Q_EMIT weightsExportFailed(runPath, message);
      return;
    }
    const ExportSummary& summary = outcome.first;
    const QString role = summary.role == "teacher" ? tr("teacher") : tr("student");
    Q_EMIT weightsExported(runPath, outPath,
                           tr("Exported the %1 backbone of %2 at step %3 (%4 tensors) to %5")
                               .arg(role, runName, QString::number(summary.step), QString::number(summary.tensors),
                                    QDir::toNativeSeparators(outPath)));
  });
  watcher->setFuture(QtConcurrent::run([run = runPath.toStdString(), out = outPath.toStdString()]() -> Outcome {
    try {
      return {exportRunBackbone(RunDirectory::open(run), out), {}};
    } catch (const std::exception& e) {
      return {{}, e.what()};
    }
  }));
}

void ResultsPage::showEmbedding(const QString& runPath) {
  if (embeddingBusy_) return;
  embeddingBusy_ = true;
  addRecentItem(QLatin1String(kRecentRuns), runPath);
  auto job = std::make_shared<EmbeddingJob>();
  embeddingJob_ = job;
  embeddingLabel_->setText(tr("Embedding of %1:").arg(QFileInfo(runPath).fileName()));
  embeddingProgress_->setRange(0, 0);
  embeddingBar_->show();
  embeddingPoll_.start();
  tabs_->setCurrentWidget(embedding_);
  embedding_->clearPoints(tr("Computing the features of %1 …").arg(QFileInfo(runPath).fileName()));
  // The engine's torch work runs on a pool thread; the result comes back as plain values.
  // Errors travel as text: QtConcurrent would turn a std::exception into an anonymous one.
  using Outcome = std::pair<Embedding, std::string>;
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, runPath, job] {
    watcher->deleteLater();
    embeddingBusy_ = false;
    embeddingPoll_.stop();
    embeddingBar_->hide();
    embeddingJob_.reset();
    try {
      const Outcome outcome = watcher->result();
      if (!outcome.second.empty() && job->cancel) {
        embedding_->clearPoints(tr("Embedding of %1 cancelled").arg(QFileInfo(runPath).fileName()));
        Q_EMIT embeddingCancelled(runPath);
        return;
      }
      if (!outcome.second.empty()) throw std::runtime_error(outcome.second);
      const Embedding& e = outcome.first;
      QVector<double> x(qsizetype(e.x.size())), y(qsizetype(e.y.size()));
      QVector<int> labels(qsizetype(e.labels.size()));
      for (size_t i = 0; i < e.x.size(); ++i) {
        x[qsizetype(i)] = e.x[i];
        y[qsizetype(i)] = e.y[i];
        labels[qsizetype(i)] = e.labels[i];
      }
      QStringList names;
      for (int c = 0; c < e.classes; ++c) {
        names << (size_t(c) < e.classNames.size() ? QString::fromStdString(e.classNames[size_t(c)])
                                                  : tr("class %1").arg(c));
      }
      embedding_->setPoints(x, y, labels, names,
                            tr("%1: %2 features at step %L3, PCA (%L4 % + %L5 % of the variance)")
                                .arg(QFileInfo(runPath).fileName(),
                                     e.backboneRole == "student" ? tr("student") : tr("teacher"))
                                .arg(e.step)
                                .arg(e.explained[0] * 100.0, 0, 'f', 1)
                                .arg(e.explained[1] * 100.0, 0, 'f', 1));
      Q_EMIT embeddingReady(runPath);
    } catch (const std::exception& ex) {
      const QString message = QString::fromStdString(ex.what());
      embedding_->clearPoints(tr("No embedding: %1").arg(message));
      errors_->addError(message);
      Q_EMIT embeddingFailed(runPath, message);
    }
  });
  const std::string path = runPath.toStdString();
  watcher->setFuture(QtConcurrent::run([path, job]() -> Outcome {
    try {
      const auto progress = [job](std::size_t done, std::size_t total) {
        job->done = static_cast<long long>(done);
        job->total = static_cast<long long>(total);
        return !job->cancel.load();
      };
      if (job->cancel) throw OperationCancelled();
      return {Session::embedRun(RunDirectory::open(path), 2000, progress), {}};
    } catch (const std::exception& e) {
      return {Embedding{}, e.what()};
    }
  }));
}

void ResultsPage::cancelEmbedding() {
  if (embeddingJob_) embeddingJob_->cancel = true;
}

bool ResultsPage::renameRun(const QString& path, const QString& newName, QString* error) {
  const QString name = newName.trimmed();
  if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))) {
    if (error) *error = tr("'%1' is not a usable run name (empty, or contains a path separator)").arg(newName);
    return false;
  }
  if (path == activeRun_) {
    if (error) *error = tr("%1 is training; stop it before renaming").arg(path);
    return false;
  }
  const QFileInfo info(path);
  const QString stamp = info.fileName().section(QLatin1Char('-'), 0, 0);
  const QString target = info.dir().filePath(stamp + QLatin1Char('-') + name);
  if (QFileInfo::exists(target)) {
    if (error) *error = tr("%1 already exists").arg(target);
    return false;
  }
  try {
    TrainConfig config = loadConfig(QDir(path).filePath(QStringLiteral("config.json")).toStdString());
    config.name = name.toStdString();
    if (!QDir().rename(path, target)) {
      if (error) *error = tr("Cannot rename %1 to %2").arg(path, target);
      return false;
    }
    saveConfig(config, QDir(target).filePath(QStringLiteral("config.json")).toStdString());
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  plotted_.remove(path);
  for (const char* metric : {"total", "lr", "knn"}) curves_->removeSeries(seriesKey(path, metric));
  refresh();
  selectRuns({target});
  return true;
}

bool ResultsPage::deleteRuns(const QStringList& paths, QString* error) {
  for (const auto& path : paths) {
    if (path == activeRun_) {
      if (error) *error = tr("%1 is training; stop it before deleting").arg(path);
      return false;
    }
    // Only run folders, never an arbitrary folder a bug might pass.
    if (!isRunFolder(path.toStdString())) {
      if (error) *error = tr("%1 is not a run folder").arg(path);
      return false;
    }
  }
  for (const auto& path : paths) {
    if (!QDir(path).removeRecursively()) {
      if (error) *error = tr("Could not delete all of %1").arg(path);
      refresh();
      return false;
    }
  }
  table_->clearSelection();
  refresh();
  return true;
}

bool ResultsPage::exportLearningTable(const QString& path, QString* error) const {
  std::vector<RunSummary> runs;
  const QStringList wanted = selectedOrAll();
  for (const auto& r : model_->runs()) {
    if (wanted.contains(QString::fromStdString(r.path))) runs.push_back(r);
  }
  const bool markdown = path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive);
  const std::string text = markdown ? learningTableMarkdown(runs) : learningTableCsv(runs);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
      !file.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

}  // namespace folk::ui
