#include "app/gui/results_page.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QUrl>
#include <QTabWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <stdexcept>

#include "app/gui/curves_export.h"
#include "app/gui/error_banner.h"
#include "app/gui/path_text.h"
#include "app/gui/recent_items.h"
#include "app/gui/run_file_operations.h"
#include "core/io/run_files.h"
#include "core/train/evaluation.h"
#include "core/io/run_directory.h"
#include "core/train/backbone_weights.h"
#include "core/train/session.h"
#include "widgets/embedding_plot.h"
#include "app/gui/run_groups_model.h"
#include "app/gui/runs_table_model.h"
#include "app/gui/settings_comparison_model.h"
#include "app/gui/probe_samples_panel.h"
#include "app/gui/step_metric_curves.h"
#include "core/io/run_groups.h"
#include "core/io/settings_registry.h"
#include "core/io/train_config.h"
#include "widgets/step_comparison_model.h"
#include "widgets/step_comparison_panel.h"
#include "widgets/training_curves.h"

// File access: every read of a run folder (the scan, metrics.jsonl, eval.json, samples, a
// run's summary, checkpoints for export and embedding) is a job of jobs_ / longJobs_
// (app/gui/background_jobs.h) and runs on a worker thread; the page reads none itself. On the GUI
// thread it only uses QSettings (the local settings file Qt reads once and caches) and the file
// dialogs the user opens.
namespace folk::ui {

namespace {
// Ten distinguishable colours (Tableau 10); a run keeps its colour while it is selected.
const QColor kPalette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                           QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                           QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                           QColor(0xba, 0xb0, 0xac)};

QString seriesKey(const QString& path, const char* metric) { return path + QStringLiteral("|") + QLatin1String(metric); }

// Where a group's curves are in the plot (and its colour in the palette): apart from any run's.
QString groupPrefix(const QString& id) { return QStringLiteral("group:") + id; }

// What one background read of a run's metrics.jsonl brings: the new points of its curves.
struct CurvePoints {
  MetricsTail metrics{std::string()};  // the reader, moved on past the lines read
  bool restarted = false;
  bool more = false;  // a large file: the rest comes with the next read
  QString error;
  QVector<double> step, value, lr;  // value: the metric the first panel shows
};

CurvePoints readCurvePoints(MetricsTail metrics, StepMetric metric) {
  CurvePoints points;
  const MetricsTailUpdate update = metrics.read();
  points.restarted = update.restarted;
  points.error = QString::fromStdString(update.error);
  points.more = metrics.more();
  for (const auto& row : update.rows) {
    points.step.append(double(row.step));
    points.value.append(row.values[metric]);
    points.lr.append(row.values[StepMetric::Lr]);
  }
  points.metrics = std::move(metrics);
  return points;
}

QVector<double> qvector(const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); }

void setBand(TrainingCurves* curves, const QString& key, const CurveBand& band) {
  curves->setBandPoints(key, qvector(band.steps), qvector(band.mean), qvector(band.lower), qvector(band.upper));
}

}  // namespace

// The curves of a group's runs as far as they are read, and where each run's reading of its
// metrics.jsonl stands. Only the group's read job touches it while one runs; the page starts no
// second one before the first has delivered.
struct GroupCurveData {
  std::vector<MetricsTail> metrics;       // one reader per run of the group
  std::vector<StepCurve> values, lrs;     // per run: the metric the first panel shows, the learning rate
  StepMetric metric = StepMetric::Total;
};

namespace {

// What one background read of a group's runs brings: the band of the metric and of the learning
// rate over every run, when any run logged new steps.
struct GroupPoints {
  std::shared_ptr<GroupCurveData> data;
  bool changed = false;
  CurveBand value, lr;
  QStringList errors;
};

GroupPoints readGroupPoints(const std::shared_ptr<GroupCurveData>& data, JobControl& control) {
  GroupPoints points;
  points.data = data;
  for (std::size_t run = 0; run < data->metrics.size(); ++run) {
    do {
      if (control.cancelled()) return points;
      const MetricsTailUpdate update = data->metrics[run].read();
      if (update.restarted) {
        data->values[run].clear();
        data->lrs[run].clear();
        points.changed = true;
      }
      for (const auto& row : update.rows) {
        data->values[run].emplace_back(double(row.step), row.values[data->metric]);
        data->lrs[run].emplace_back(double(row.step), row.values[StepMetric::Lr]);
      }
      points.changed = points.changed || !update.rows.empty();
      if (!update.error.empty()) points.errors << QString::fromStdString(update.error);
    } while (data->metrics[run].more());  // a group's band needs every run's whole curve
  }
  if (points.changed) {
    points.value = curveBand(data->values);
    points.lr = curveBand(data->lrs);
  }
  return points;
}

}  // namespace

ResultsPage::ResultsPage(QWidget* parent) : QWidget(parent) {
  buildUi();
  watch_.setInterval(2000);
  connect(&watch_, &QTimer::timeout, this, [this] { scan(false); });
  watch_.start();
  applySummaries_.setSingleShot(true);
  applySummaries_.setInterval(50);
  connect(&applySummaries_, &QTimer::timeout, this, [this] {
    model_->updateRuns(std::move(pendingSummaries_));
    pendingSummaries_.clear();
    updateSettingsComparison();
    samples_->refresh();  // a run that trains saves new samples
    for (auto it = plottedGroups_.cbegin(); it != plottedGroups_.cend(); ++it) plotGroupKnn(it.key());
  });
  confirmDelete_ = [this](const QStringList& paths) {
    QStringList names;
    for (const auto& p : paths) names << fileNameOf(p);
    return QMessageBox::question(this, tr("Delete runs"),
                                 tr("Delete %n run folder(s) with their checkpoints? This cannot be undone.\n\n%1", "",
                                    int(paths.size()))
                                     .arg(names.join(QLatin1Char('\n')))) == QMessageBox::Yes;
  };
}

ResultsPage::~ResultsPage() = default;  // jobs_ cancels the jobs: an embedding stops at its next batch

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
    const QString folder = fileNameOf(runs.front());
    const QString current = folder.section(QLatin1Char('-'), 1);
    const QString name = QInputDialog::getText(this, tr("Rename run"), tr("New name:"), QLineEdit::Normal, current, &ok);
    QString error;
    if (ok && !renameRun(runs.front(), name, &error)) errors_->addError(error);  // else: runRenamed or the banner
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
              const QString suggested = childPath(lastDirectory(QStringLiteral("weights"), runs.front()),
                                                  fileNameOf(runs.front()) + QStringLiteral("_backbone.safetensors"));
              const QString path = QFileDialog::getSaveFileName(this, tr("Export backbone weights"), suggested,
                                                                tr("safetensors (*.safetensors)"));
              if (path.isEmpty()) return;
              rememberDirectory(QStringLiteral("weights"), parentOf(path));
              exportWeights(runs.front(), path);
            });
  addButton(tr("Export table…"), tr("The learning table of the selected runs (all when none is selected), as CSV or "
                                    "Markdown"),
            [this] {
              const QString path = QFileDialog::getSaveFileName(
                  this, tr("Export learning table"), lastDirectory(QStringLiteral("export"), runsDir_),
                  tr("CSV (*.csv);;Markdown (*.md)"));
              if (path.isEmpty()) return;
              rememberDirectory(QStringLiteral("export"), parentOf(path));
              exportLearningTable(path);
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
  // Any setting can be a column (right-click on the header).
  table_->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
  table_->horizontalHeader()->setToolTip(tr("Right-click to add columns for settings"));
  connect(table_->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
          &ResultsPage::showSettingColumnsMenu);
  model_->setSettingColumns(QSettings().value(QStringLiteral("results/settingColumns")).toStringList());
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    if (!keepCurves_) updateCurves();
  });
  // A double click opens the run folder (config.json, metrics.csv, samples/) in the file manager.
  table_->setToolTip(tr("Select runs to compare their curves; double-click opens a run's folder"));
  connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    if (const auto* run = model_->runAt(proxy_->mapToSource(index).row())) {
      QDesktopServices::openUrl(QUrl::fromLocalFile(QString::fromStdString(run->path)));
    }
  });

  // The same runs as groups: a study's objectives and baselines, or each value of a setting.
  groupsPanel_ = new QWidget(this);
  auto* groupsLayout = new QVBoxLayout(groupsPanel_);
  groupsLayout->setContentsMargins(0, 0, 0, 0);
  auto* groupingRow = new QHBoxLayout;
  auto* groupByLabel = new QLabel(tr("Group by"), groupsPanel_);
  groupBy_ = new QComboBox(groupsPanel_);
  groupBy_->setAccessibleName(tr("Group runs by"));
  groupBy_->setToolTip(tr("Study: the runs of each study folder by objective, with the study's baselines. A setting: "
                          "every run by its value of that setting"));
  groupBy_->addItem(tr("Study"), QString());
  // Every setting by its label, a separator between the Train form's groups; its key in the tooltip.
  for (const auto group : settingGroups()) {
    groupBy_->insertSeparator(groupBy_->count());
    for (const auto& setting : settingsRegistry()) {
      if (setting.group != group) continue;
      const QString key = QString::fromStdString(setting.key);
      groupBy_->addItem(QCoreApplication::translate(kSettingsTranslationContext, setting.label), key);
      groupBy_->setItemData(groupBy_->count() - 1, key, Qt::ToolTipRole);
    }
  }
  groupByLabel->setBuddy(groupBy_);
  groupingRow->addWidget(groupByLabel);
  groupingRow->addWidget(groupBy_);
  groupingRow->addStretch(1);
  groupsLayout->addLayout(groupingRow);
  groups_ = new RunGroupsModel(model_, this);
  groupsProxy_ = new QSortFilterProxyModel(this);
  groupsProxy_->setSourceModel(groups_);
  groupsProxy_->setSortRole(Qt::UserRole);
  groupsProxy_->setFilterKeyColumn(-1);
  groupsProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  groupsProxy_->setRecursiveFilteringEnabled(true);  // a group stays while one of its runs matches
  connect(filter_, &QLineEdit::textChanged, groupsProxy_, &QSortFilterProxyModel::setFilterFixedString);
  groupsView_ = new QTreeView(groupsPanel_);
  groupsView_->setObjectName(QStringLiteral("runGroups"));
  groupsView_->setModel(groupsProxy_);
  groupsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  groupsView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  groupsView_->setAlternatingRowColors(true);
  groupsView_->setUniformRowHeights(true);
  groupsView_->header()->setStretchLastSection(false);
  // The groups' own order (a study's objectives as planned) until a column is clicked.
  groupsView_->header()->setSortIndicator(-1, Qt::AscendingOrder);
  groupsView_->setSortingEnabled(true);
  groupsView_->setAccessibleName(tr("Run groups"));
  groupsView_->setToolTip(tr("Select groups to compare their mean curves with the min–max band of their runs; expand "
                             "a group to see and select its runs"));
  groupsLayout->addWidget(groupsView_, 1);
  connect(groupsView_, &QTreeView::expanded, this, [this](const QModelIndex& index) {
    if (const RunGroup* g = groups_->groupAt(groupsProxy_->mapToSource(index)))
      expandedGroups_.insert(QString::fromStdString(g->id));
    groupsView_->resizeColumnToContents(RunGroupsModel::Group);  // the runs' folder names
  });
  connect(groupsView_, &QTreeView::collapsed, this, [this](const QModelIndex& index) {
    if (const RunGroup* g = groups_->groupAt(groupsProxy_->mapToSource(index)))
      expandedGroups_.remove(QString::fromStdString(g->id));
  });
  connect(groupsView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    if (keepCurves_) return;
    rememberTreeSelection();
    updateCurves();
  });
  connect(groupsView_, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
    if (const RunSummary* run = groups_->runAt(groupsProxy_->mapToSource(index)))
      QDesktopServices::openUrl(QUrl::fromLocalFile(QString::fromStdString(run->path)));
  });
  // Recomputed groups (a run joined one): the expanded groups and the selection stay.
  connect(groups_, &QAbstractItemModel::modelReset, this, [this] { restoreTree(); });
  connect(groupBy_, qOverload<int>(&QComboBox::currentIndexChanged), this,
          [this](int) { setGroupBy(groupBy_->currentData().toString()); });

  lists_ = new QTabWidget(this);
  lists_->setObjectName(QStringLiteral("resultsLists"));
  lists_->setAccessibleName(tr("Runs and groups"));
  lists_->addTab(table_, tr("Runs"));
  lists_->addTab(groupsPanel_, tr("Groups"));
  connect(lists_, &QTabWidget::currentChanged, this, [this](int) {
    QSettings().setValue(QStringLiteral("results/groupsShown"), groupsShown());
    if (!keepCurves_) updateCurves();  // the curves show what the list shown selects
  });

  auto* curvesPanel = new QWidget(this);
  auto* curvesLayout = new QVBoxLayout(curvesPanel);
  curvesLayout->setContentsMargins(0, 0, 0, 0);
  auto* tools = new QHBoxLayout;
  curves_ = new TrainingCurves(curvesPanel);
  curves_->setPlaceholderText(tr("Select runs in the table to compare their curves"));
  auto* metricLabel = new QLabel(tr("Metric"), curvesPanel);
  metricPicker_ = new QComboBox(curvesPanel);
  metricPicker_->setAccessibleName(tr("Metric of the first panel"));
  metricPicker_->setToolTip(tr("The logged step metric the first panel shows for every selected run and group"));
  for (const auto& d : stepMetrics()) metricPicker_->addItem(stepMetricLabel(d), QString::fromLatin1(d.key));
  metricLabel->setBuddy(metricPicker_);
  connect(metricPicker_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int) {
    if (const auto metric = stepMetricByKey(metricPicker_->currentData().toString().toStdString())) setCurveMetric(*metric);
  });
  tools->addWidget(metricLabel);
  tools->addWidget(metricPicker_);
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
  auto* log = new QCheckBox(tr("Log scale"), curvesPanel);
  log->setToolTip(tr("The first panel's y axis in a logarithmic scale"));
  connect(log, &QCheckBox::toggled, curves_, &TrainingCurves::setLogLoss);
  log->setChecked(QSettings().value(QStringLiteral("results/logLoss"), false).toBool());
  connect(log, &QCheckBox::toggled, this, [](bool on) { QSettings().setValue(QStringLiteral("results/logLoss"), on); });
  tools->addWidget(log);
  auto* exportCurvesButton = new QPushButton(tr("Export…"), curvesPanel);
  connect(exportCurvesButton, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export curves"), lastDirectory(QStringLiteral("export"), runsDir_),
                                                      tr("PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)"));
    if (path.isEmpty()) return;
    rememberDirectory(QStringLiteral("export"), parentOf(path));
    exportCurves(curves_, path, fileJobs_, errors_);
  });
  tools->addWidget(exportCurvesButton);
  tools->addStretch(1);
  curvesLayout->addLayout(tools);
  curvesLayout->addWidget(curves_, 1);
  stepComparison_ = new StepComparisonPanel(curves_, curvesPanel);
  curvesLayout->addWidget(stepComparison_);

  embedding_ = new EmbeddingPlot(this);
  embedding_->clearPoints(tr("Select a run and press Embedding"));
  tabs_ = new QTabWidget(this);
  tabs_->setAccessibleName(tr("Curves, samples, embedding and settings of the selected runs"));
  tabs_->addTab(curvesPanel, tr("Curves"));
  samples_ = new ProbeSamplesPanel(this);
  tabs_->addTab(samples_, tr("Samples"));
  tabs_->addTab(embedding_, tr("Embedding"));
  tabs_->addTab(buildSettingsTab(), tr("Settings"));
  updateSettingsComparison();

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->setObjectName(QStringLiteral("resultsSplitter"));  // its sizes are kept across restarts
  splitter->addWidget(lists_);
  splitter->addWidget(tabs_);
  splitter->setStretchFactor(1, 2);
  layout->addWidget(splitter, 1);

  // The Diagnostics panel's figures are a choice of the metric picker here (one panel for all).
  curves_->setPanelVisible(TrainingCurves::Panel::Diagnostics, false);
  const QString metricKey = QSettings().value(QStringLiteral("results/metric"), QStringLiteral("total")).toString();
  metric_ = stepMetricByKey(metricKey.toStdString()).value_or(StepMetric::Total);
  showCurveMetric();
  const int groupBy = groupBy_->findData(QSettings().value(QStringLiteral("results/groupBy"), QString()).toString());
  groupBy_->setCurrentIndex(std::max(groupBy, 0));
  if (QSettings().value(QStringLiteral("results/groupsShown"), false).toBool()) lists_->setCurrentWidget(groupsPanel_);
}

void ResultsPage::setRunsDirectory(const QString& dir) {
  if (dir != runsDir_) {
    // The old folder's rows and curves go at once; the new folder's rows come with its scan.
    table_->clearSelection();
    jobs_.cancelAll();
    pendingSummaries_.clear();
    model_->setRunFolders({});
    model_->setStudies({});
  }
  runsDir_ = dir;
  folderLabel_->setText(tr("Runs in %1").arg(nativePath(dir)));
  refresh();
}

void ResultsPage::refresh() { scan(true); }

bool ResultsPage::upToDate() const {
  return jobs_.runningCount() == 0 && fileJobs_.runningCount() == 0 && pendingSummaries_.empty() &&
         !groups_->regroupPending();
}

void ResultsPage::scan(bool replaceRunning) {
  if (runsDir_.isEmpty()) return;
  const QString key = QStringLiteral("scan");
  // A watcher tick does not pile up scans behind one that a stalled disk holds up.
  if (!replaceRunning && jobs_.running(key)) return;
  jobs_.start(
      key, [dir = runsDir_.toStdString()](JobControl&) { return listRunsFolder(dir); },
      [this, dir = runsDir_](const RunsFolderListing& listing) { scanned(dir, listing); },
      [this](const QString& message) { reportOnce(message); });
}

void ResultsPage::scanned(const QString& dir, const RunsFolderListing& listing) {
  if (dir != runsDir_) return;
  const bool revealing = !selectAfterScan_.isEmpty();
  const QStringList selected = revealing ? selectAfterScan_ : tableSelection();
  selectAfterScan_.clear();
  // A changed set of runs resets the model, which clears the selection: the curves of the runs
  // that stay selected keep their points and their place in metrics.jsonl.
  keepCurves_ = true;
  model_->setRunFolders(listing.runs);
  model_->setStudies(listing.studies);
  selectInTable(selected);
  keepCurves_ = false;
  if (revealing && !table_->selectionModel()->selectedRows().isEmpty())
    table_->scrollTo(table_->selectionModel()->selectedRows().front());
  for (const auto& study : listing.studies) {
    if (!study.problem.empty()) reportOnce(QString::fromStdString(study.problem));
  }
  for (const auto& path : listing.runs) summarize(QString::fromStdString(path));
  updateCurves();
}

void ResultsPage::summarize(const QString& path) {
  const QString key = QStringLiteral("summary:") + path;
  if (jobs_.running(key)) return;  // still reading (a stalled disk?): this row waits, the others do not
  // The summary is read on a worker thread (a job), never here.
  jobs_.start(key, [run = path.toStdString()](JobControl&) { return summarizeRun(run); },
              [this](RunSummary summary) { summarized(std::move(summary)); });
}

void ResultsPage::summarized(RunSummary summary) {
  for (const auto& problem : summary.skipped) reportOnce(QString::fromStdString(problem));
  const QString path = QString::fromStdString(summary.path);
  auto plotted = plotted_.find(path);
  if (plotted != plotted_.end() && plotted->knn != summary.knnHistory) plotKnn(path, summary.knnHistory);
  pendingSummaries_.push_back(std::move(summary));
  if (!applySummaries_.isActive()) applySummaries_.start();
}

void ResultsPage::reportOnce(const QString& message) {
  if (reported_.contains(message)) return;
  reported_.insert(message);
  errors_->addError(message);
}

void ResultsPage::setSettingColumns(const QStringList& keys) {
  const QStringList selected = tableSelection();
  keepCurves_ = true;  // the same runs stay selected: nothing to redraw
  model_->setSettingColumns(keys);
  // Rows are selected column by column: new columns would leave them only partly selected.
  selectInTable(selected);
  keepCurves_ = false;
  QSettings().setValue(QStringLiteral("results/settingColumns"), model_->settingColumns());
}

QStringList ResultsPage::settingColumns() const { return model_->settingColumns(); }

void ResultsPage::showSettingColumnsMenu(const QPoint& position) {
  QMenu menu(this);
  menu.addSection(tr("Columns for settings"));
  const QStringList shown = model_->settingColumns();
  for (SettingGroup group : settingGroups()) {
    QMenu* sub = menu.addMenu(QCoreApplication::translate(kSettingsTranslationContext, settingGroupTitle(group)));
    for (const Setting& setting : settingsRegistry()) {
      if (setting.group != group) continue;
      const QString key = QString::fromStdString(setting.key);
      QAction* action = sub->addAction(QCoreApplication::translate(kSettingsTranslationContext, setting.label));
      action->setToolTip(key);
      action->setCheckable(true);
      action->setChecked(shown.contains(key));
      connect(action, &QAction::toggled, this, [this, key](bool on) {
        QStringList keys = model_->settingColumns();
        if (on && !keys.contains(key)) keys << key;
        if (!on) keys.removeAll(key);
        setSettingColumns(keys);
      });
    }
  }
  if (!shown.isEmpty()) {
    menu.addSeparator();
    menu.addAction(tr("Remove the setting columns"), this, [this] { setSettingColumns({}); });
  }
  menu.exec(table_->horizontalHeader()->mapToGlobal(position));
}

QStringList ResultsPage::tableSelection() const {
  QStringList paths;
  for (const auto& index : table_->selectionModel()->selectedRows()) {
    if (const auto* run = model_->runAt(proxy_->mapToSource(index).row())) paths << QString::fromStdString(run->path);
  }
  return paths;
}

QStringList ResultsPage::selectedRuns() const {
  if (!groupsShown()) return tableSelection();
  QStringList paths;
  for (const auto& index : groupsView_->selectionModel()->selectedRows()) {
    const RunSummary* run = groups_->runAt(groupsProxy_->mapToSource(index));
    if (run && !paths.contains(QString::fromStdString(run->path))) paths << QString::fromStdString(run->path);
  }
  return paths;
}

void ResultsPage::selectRuns(const QStringList& paths) {
  keepCurves_ = true;  // one update of the curves, for the list and the selection shown
  lists_->setCurrentWidget(table_);
  selectInTable(paths);
  keepCurves_ = false;
  updateCurves();
}

void ResultsPage::selectInTable(const QStringList& paths) {
  QItemSelection selection;
  bool allListed = true;
  for (const auto& path : paths) {
    const int row = model_->rowOf(path);
    allListed = allListed && row >= 0;
    if (row < 0) continue;
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    if (index.isValid()) selection.select(index, index);
  }
  table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  if (!allListed && jobs_.running(QStringLiteral("scan"))) selectAfterScan_ = paths;  // e.g. a run just renamed
}

bool ResultsPage::groupsShown() const { return lists_->currentWidget() == groupsPanel_; }

void ResultsPage::setGroupBy(const QString& key) {
  const int index = groupBy_->findData(key);
  if (index < 0) return;
  if (groupBy_->currentIndex() != index) {
    groupBy_->setCurrentIndex(index);  // comes back here
    return;
  }
  QSettings().setValue(QStringLiteral("results/groupBy"), key);
  groups_->setGroupBy(key);
  restoreTree();
}

QStringList ResultsPage::selectedGroups() const {
  QStringList ids;
  if (!groupsShown()) return ids;
  for (const auto& index : groupsView_->selectionModel()->selectedRows()) {
    const QModelIndex source = groupsProxy_->mapToSource(index);
    if (groups_->isGroupRow(source)) ids << QString::fromStdString(groups_->groupAt(source)->id);
  }
  return ids;
}

void ResultsPage::selectGroups(const QStringList& ids) {
  keepCurves_ = true;
  lists_->setCurrentWidget(groupsPanel_);
  QItemSelection selection;
  for (const auto& id : ids) {
    const QModelIndex index = groupsProxy_->mapFromSource(groups_->groupIndex(id));
    if (index.isValid()) selection.select(index, index);
  }
  groupsView_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  keepCurves_ = false;
  rememberTreeSelection();
  updateCurves();
}

void ResultsPage::rememberTreeSelection() {
  treeGroups_.clear();
  treeMembers_.clear();
  for (const auto& index : groupsView_->selectionModel()->selectedRows()) {
    const QModelIndex source = groupsProxy_->mapToSource(index);
    const RunGroup* group = groups_->groupAt(source);
    if (!group) continue;
    const QString id = QString::fromStdString(group->id);
    if (groups_->isGroupRow(source)) {
      treeGroups_ << id;
    } else if (const RunSummary* run = groups_->runAt(source)) {
      treeMembers_.append({id, QString::fromStdString(run->path)});
    }
  }
}

void ResultsPage::restoreTree() {
  // A grouping by a setting has no studies.
  groupsView_->setColumnHidden(RunGroupsModel::Study, !groups_->groupBy().isEmpty());
  for (int c = 0; c < groups_->columnCount(); ++c) groupsView_->resizeColumnToContents(c);
  const bool keep = keepCurves_;
  keepCurves_ = true;
  for (const auto& id : std::as_const(expandedGroups_)) {
    const QModelIndex index = groupsProxy_->mapFromSource(groups_->groupIndex(id));
    if (index.isValid()) groupsView_->expand(index);
  }
  QItemSelection selection;
  for (const auto& id : std::as_const(treeGroups_)) {
    const QModelIndex index = groupsProxy_->mapFromSource(groups_->groupIndex(id));
    if (index.isValid()) selection.select(index, index);
  }
  for (const auto& member : std::as_const(treeMembers_)) {
    const QModelIndex index = groupsProxy_->mapFromSource(groups_->memberIndex(member.first, member.second));
    if (index.isValid()) selection.select(index, index);
  }
  groupsView_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  keepCurves_ = keep;
  if (!keep) updateCurves();  // a group's runs may have changed
}

QString ResultsPage::groupSeriesKey(const QString& groupId, const QString& metric) {
  return groupPrefix(groupId) + QStringLiteral("|") + metric;
}

void ResultsPage::setFilterText(const QString& text) { filter_->setText(text); }
int ResultsPage::visibleRowCount() const { return proxy_->rowCount(); }

QColor ResultsPage::colourOf(const QString& key) {
  // A run or group keeps its colour for the whole session; a new one takes the first colour no
  // plotted run or group uses, so those on screen never share one (up to ten).
  constexpr int kColours = int(sizeof kPalette / sizeof kPalette[0]);
  auto it = colourIndex_.constFind(key);
  if (it == colourIndex_.constEnd()) {
    QSet<int> used;
    for (auto p = plotted_.constBegin(); p != plotted_.constEnd(); ++p) used.insert(colourIndex_.value(p.key(), -1));
    for (auto g = plottedGroups_.constBegin(); g != plottedGroups_.constEnd(); ++g)
      used.insert(colourIndex_.value(groupPrefix(g.key()), -1));
    int index = 0;
    while (index < kColours && used.contains(index)) ++index;
    it = colourIndex_.insert(key, index % kColours);
  }
  return kPalette[*it];
}

void ResultsPage::setCurveMetric(StepMetric metric) {
  if (metric == metric_) return;
  // Everything plotted is read again, from the start, for the new metric.
  for (auto it = plotted_.cbegin(); it != plotted_.cend(); ++it) {
    jobs_.cancel(QStringLiteral("curves:") + it.key());
    removeSeriesOf(it.key());
  }
  plotted_.clear();
  for (auto it = plottedGroups_.cbegin(); it != plottedGroups_.cend(); ++it) {
    jobs_.cancel(QStringLiteral("groupCurves:") + it.key());
    removeSeriesOf(groupPrefix(it.key()));
  }
  plottedGroups_.clear();
  metric_ = metric;
  QSettings().setValue(QStringLiteral("results/metric"), QString::fromLatin1(declaration(metric).key));
  showCurveMetric();
  updateCurves();
}

void ResultsPage::showCurveMetric() {
  const auto& d = declaration(metric_);
  const QSignalBlocker blocker(metricPicker_);
  metricPicker_->setCurrentIndex(metricPicker_->findData(QString::fromLatin1(d.key)));
  curves_->setPanelTitle(TrainingCurves::Panel::Loss,
                         *d.unit ? QStringLiteral("%1 (%2)").arg(stepMetricLabel(d), QString::fromLatin1(d.unit))
                                 : stepMetricLabel(d));
  // With the learning rate on the first panel, the schedule panel would repeat it.
  curves_->setPanelVisible(TrainingCurves::Panel::Schedule, metric_ != StepMetric::Lr);
  // Compare at step reads what the panels show for each run and group.
  QVector<StepComparisonModel::Column> columns{{QString::fromLatin1(d.key), stepMetricLabel(d), false}};
  if (metric_ != StepMetric::Lr) columns.append({QStringLiteral("lr"), tr("learning rate"), false});
  columns.append({QStringLiteral("knn"), tr("k-NN"), true});
  stepComparison_->model()->setColumns(std::move(columns));
}

void ResultsPage::addRunSeries(const QString& path) {
  const QString name = fileNameOf(path);
  const QColor colour = colourOf(path);
  const auto& d = declaration(metric_);
  curves_->addSeries(seriesKey(path, d.key), tr("%1 %2", "a run's name, a metric's name").arg(name, stepMetricLabel(d)),
                     TrainingCurves::Panel::Loss, 0, colour);
  if (metric_ != StepMetric::Lr)
    curves_->addSeries(seriesKey(path, "lr"), tr("%1 lr").arg(name), TrainingCurves::Panel::Schedule, 0, colour);
}

void ResultsPage::removeSeriesOf(const QString& prefix) {
  for (const auto& d : stepMetrics()) curves_->removeSeries(seriesKey(prefix, d.key));
  curves_->removeSeries(seriesKey(prefix, "knn"));
}

void ResultsPage::plotKnn(const QString& path, const std::vector<std::pair<std::int64_t, double>>& history) {
  curves_->removeSeries(seriesKey(path, "knn"));
  curves_->addSeries(seriesKey(path, "knn"), tr("%1 k-NN").arg(fileNameOf(path)),
                     TrainingCurves::Panel::Accuracy, 0, colourOf(path));
  QVector<double> x, y;
  for (const auto& [step, knn] : history) {
    x.append(double(step));
    y.append(knn);
  }
  curves_->appendPoints(seriesKey(path, "knn"), x, y);
  plotted_[path].knn = history;
}

QWidget* ResultsPage::buildSettingsTab() {
  auto* panel = new QWidget(this);
  auto* layout = new QVBoxLayout(panel);
  auto* top = new QHBoxLayout;
  auto* only = new QCheckBox(tr("Only the settings that differ"), panel);
  only->setObjectName(QStringLiteral("onlyDifferingSettings"));
  only->setChecked(true);
  only->setToolTip(tr("Show only the settings whose value is not the same in every selected run"));
  settingsSummary_ = new QLabel(panel);
  top->addWidget(settingsSummary_, 1);
  top->addWidget(only);
  layout->addLayout(top);
  settingsComparison_ = new SettingsComparisonModel(this);
  settingsView_ = new QTableView(panel);
  settingsView_->setModel(settingsComparison_);
  settingsView_->verticalHeader()->hide();
  settingsView_->setAlternatingRowColors(true);
  settingsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  settingsView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  settingsView_->setAccessibleName(tr("Settings of the selected runs"));
  layout->addWidget(settingsView_, 1);
  connect(only, &QCheckBox::toggled, this, [this](bool on) {
    settingsComparison_->setOnlyDifferences(on);
    updateSettingsComparison();
  });
  return panel;
}

void ResultsPage::updateSettingsComparison() {
  std::vector<SettingsComparisonModel::Run> runs;
  for (const QString& path : selectedRuns())
    if (const RunSummary* run = model_->runAt(model_->rowOf(path)))
      runs.push_back({QString::fromStdString(run->folder), run->settings});
  settingsComparison_->setRuns(std::move(runs));
  const int count = settingsComparison_->runCount();
  if (count == 0)
    settingsSummary_->setText(tr("Select runs to compare their settings"));
  else if (count == 1)
    settingsSummary_->setText(tr("The settings of %1").arg(settingsComparison_->headerData(1, Qt::Horizontal).toString()));
  else if (settingsComparison_->differingCount() == 0)
    settingsSummary_->setText(tr("These %n runs have the same settings", nullptr, count));
  else
    settingsSummary_->setText(tr("%n setting(s) differ between these %1 runs", nullptr, settingsComparison_->differingCount())
                                  .arg(count));
}

QString ResultsPage::settingsSummaryText() const { return settingsSummary_->text(); }

void ResultsPage::updateCurves() {
  updateSettingsComparison();
  const QStringList selected = selectedRuns();
  samples_->setRun(selected.size() == 1 ? selected.front() : QString());
  // Runs no longer selected leave the plot.
  for (auto it = plotted_.begin(); it != plotted_.end();) {
    if (selected.contains(it.key())) {
      ++it;
      continue;
    }
    jobs_.cancel(QStringLiteral("curves:") + it.key());
    removeSeriesOf(it.key());
    it = plotted_.erase(it);
  }
  for (const auto& path : selected) {
    if (!plotted_.contains(path)) {
      colourOf(path);  // before the insert: a new run takes a colour no plotted run uses
      plotted_.insert(path, Plotted{MetricsTail(childPath(path, QLatin1String(run_files::kMetricsJsonl)).toStdString()), {}});
      addRunSeries(path);
      if (const RunSummary* run = model_->runAt(model_->rowOf(path))) plotKnn(path, run->knnHistory);
    }
    readCurves(path);
  }
  updateGroupCurves();
  updateStepComparisonRows();
}

void ResultsPage::updateStepComparisonRows() {
  QVector<StepComparisonModel::Row> rows;
  for (const auto& path : selectedRuns()) {
    if (plotted_.contains(path)) rows.append({fileNameOf(path), seriesKey(path, ""), colourOf(path)});
  }
  for (const auto& id : selectedGroups()) {
    const RunGroup* group = groups_->groupAt(groups_->groupIndex(id));
    if (group && plottedGroups_.contains(id)) {
      rows.append({groups_->groupName(*group), groupSeriesKey(id, QString()), colourOf(groupPrefix(id))});
    }
  }
  const auto& shown = stepComparison_->model()->rows();
  const bool same = std::equal(rows.cbegin(), rows.cend(), shown.cbegin(), shown.cend(), [](const auto& a, const auto& b) {
    return a.label == b.label && a.keyPrefix == b.keyPrefix && a.colour == b.colour;
  });
  if (!same) stepComparison_->model()->setRows(std::move(rows));
}

void ResultsPage::readCurves(const QString& path) {
  const QString key = QStringLiteral("curves:") + path;
  if (jobs_.running(key)) return;  // the next tick continues where that read stops
  jobs_.start(key,
              [metrics = plotted_[path].metrics, metric = metric_](JobControl&) { return readCurvePoints(metrics, metric); },
              [this, path](CurvePoints points) {
                auto plotted = plotted_.find(path);
                if (plotted == plotted_.end()) return;  // deselected meanwhile
                const char* metric = declaration(metric_).key;
                if (points.restarted) {
                  // Rewritten (a resume truncates to its checkpoint): plot again from the start.
                  curves_->removeSeries(seriesKey(path, metric));
                  curves_->removeSeries(seriesKey(path, "lr"));
                  addRunSeries(path);
                }
                curves_->appendPoints(seriesKey(path, metric), points.step, points.value);
                if (metric_ != StepMetric::Lr) curves_->appendPoints(seriesKey(path, "lr"), points.step, points.lr);
                plotted->metrics = std::move(points.metrics);
                if (!points.error.isEmpty()) reportOnce(points.error);
                if (points.more) readCurves(path);  // a large file arrives in pieces
              });
}

void ResultsPage::updateGroupCurves() {
  // The groups with curves: those of trained runs (a baseline's or a difference's runs trained
  // something else).
  QHash<QString, const RunGroup*> wanted;
  for (const auto& id : selectedGroups()) {
    const RunGroup* group = groups_->groupAt(groups_->groupIndex(id));
    if (group && !group->runs.empty() &&
        (group->kind == RunGroup::Kind::Objective || group->kind == RunGroup::Kind::Setting))
      wanted.insert(id, group);
  }
  for (auto it = plottedGroups_.begin(); it != plottedGroups_.end();) {
    const auto want = wanted.constFind(it.key());
    if (want != wanted.constEnd() && (*want)->runs == it->runs) {
      ++it;
      continue;
    }
    // Deselected, or its runs changed (a run of the study started): its band is drawn anew.
    jobs_.cancel(QStringLiteral("groupCurves:") + it.key());
    removeSeriesOf(groupPrefix(it.key()));
    it = plottedGroups_.erase(it);
  }
  for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
    const QString& id = it.key();
    if (!plottedGroups_.contains(id)) {
      const RunGroup& group = **it;
      const QColor colour = colourOf(groupPrefix(id));  // before the insert, as for a run
      PlottedGroup plotted;
      plotted.runs = group.runs;
      plotted.data = std::make_shared<GroupCurveData>();
      plotted.data->metric = metric_;
      for (const auto& run : group.runs) plotted.data->metrics.emplace_back(run + "/metrics.jsonl");
      plotted.data->values.resize(group.runs.size());
      plotted.data->lrs.resize(group.runs.size());
      plottedGroups_.insert(id, plotted);
      const QString name = groups_->groupName(group);
      const auto& d = declaration(metric_);
      const int runs = int(group.runs.size());
      curves_->addBandSeries(groupSeriesKey(id, QString::fromLatin1(d.key)),
                             tr("%1 %2: mean, min–max of %n run(s)", "a group's name, a metric's name", runs)
                                 .arg(name, stepMetricLabel(d)),
                             TrainingCurves::Panel::Loss, 0, colour);
      if (metric_ != StepMetric::Lr) {
        curves_->addBandSeries(groupSeriesKey(id, QStringLiteral("lr")), tr("%1 lr").arg(name),
                               TrainingCurves::Panel::Schedule, 0, colour);
      }
      curves_->addBandSeries(groupSeriesKey(id, QStringLiteral("knn")), tr("%1 k-NN").arg(name),
                             TrainingCurves::Panel::Accuracy, 0, colour);
      plotGroupKnn(id);
    }
    readGroupCurves(id);
  }
  QHash<QString, QColor> colours;  // the rows say which curves are theirs
  for (auto it = plottedGroups_.cbegin(); it != plottedGroups_.cend(); ++it) colours.insert(it.key(), colourOf(groupPrefix(it.key())));
  groups_->setCurveColours(colours);
}

void ResultsPage::readGroupCurves(const QString& id) {
  const QString key = QStringLiteral("groupCurves:") + id;
  if (jobs_.running(key)) return;  // the next tick reads what that read did not
  jobs_.start(key, [data = plottedGroups_[id].data](JobControl& control) { return readGroupPoints(data, control); },
              [this, id](GroupPoints points) {
                auto plotted = plottedGroups_.find(id);
                if (plotted == plottedGroups_.end() || plotted->data != points.data) return;  // redrawn meanwhile
                for (const auto& error : std::as_const(points.errors)) reportOnce(error);
                if (!points.changed) return;
                setBand(curves_, groupSeriesKey(id, QString::fromLatin1(declaration(metric_).key)), points.value);
                if (metric_ != StepMetric::Lr) setBand(curves_, groupSeriesKey(id, QStringLiteral("lr")), points.lr);
              });
}

void ResultsPage::plotGroupKnn(const QString& id) {
  auto plotted = plottedGroups_.find(id);
  if (plotted == plottedGroups_.end()) return;
  // The runs' k-NN histories come with their summaries (eval.json), already in memory.
  std::vector<std::vector<std::pair<std::int64_t, double>>> histories;
  for (const auto& run : plotted->runs) {
    const RunSummary* summary = model_->runAt(model_->rowOf(QString::fromStdString(run)));
    histories.push_back(summary ? summary->knnHistory : std::vector<std::pair<std::int64_t, double>>());
  }
  if (histories == plotted->knn) return;
  std::vector<StepCurve> curves;
  for (const auto& history : histories) {
    StepCurve curve;
    for (const auto& point : history) curve.emplace_back(double(point.first), point.second);
    curves.push_back(std::move(curve));
  }
  setBand(curves_, groupSeriesKey(id, QStringLiteral("knn")), curveBand(curves));
  plotted->knn = std::move(histories);
}

QStringList ResultsPage::selectedOrAll() const {
  QStringList paths = selectedRuns();
  if (paths.isEmpty()) {
    for (const auto& r : model_->runs()) paths << QString::fromStdString(r.path);
  }
  return paths;
}

void ResultsPage::exportWeights(const QString& runPath, const QString& outPath) {
  // Checkpoint reading and writing run in the background.
  const QString runName = fileNameOf(runPath);
  longJobs_.start(
      QString(),
      [run = runPath.toStdString(), out = outPath.toStdString()](JobControl&) {
        // On the job's worker thread: the run folder and checkpoint are read here, not on the GUI thread.
        return exportRunBackbone(RunDirectory::open(run), out);
      },
      [this, runPath, outPath, runName](const ExportSummary& summary) {
        const QString role = summary.role == "teacher" ? tr("teacher") : tr("student");
        Q_EMIT weightsExported(runPath, outPath,
                               tr("Exported the %1 backbone of %2 at step %3 (%4 tensors) to %5")
                                   .arg(role, runName, QString::number(summary.step), QString::number(summary.tensors),
                                        nativePath(outPath)));
      },
      [this, runPath, runName](const QString& error) {
        const QString message = tr("Could not export the weights of %1: %2").arg(runName, error);
        errors_->addError(message);
        Q_EMIT weightsExportFailed(runPath, message);
      });
}

void ResultsPage::showEmbedding(const QString& runPath) {
  if (embeddingJob_) return;
  addRecentItem(QLatin1String(kRecentRuns), runPath);
  embeddingRun_ = runPath;
  embeddingLabel_->setText(tr("Embedding of %1:").arg(fileNameOf(runPath)));
  embeddingProgress_->setRange(0, 0);  // busy until the data is read
  embeddingBar_->show();
  tabs_->setCurrentWidget(embedding_);
  embedding_->clearPoints(tr("Computing the features of %1 …").arg(fileNameOf(runPath)));
  const auto finish = [this] {
    embeddingJob_.reset();
    embeddingBar_->hide();
  };
  // The engine's torch work runs in the background; the result comes back as plain values.
  embeddingJob_ = longJobs_.start(
      QString(),
      [path = runPath.toStdString()](JobControl& control) {
        const auto progress = [&control](std::size_t done, std::size_t total) {
          control.setProgress(qint64(done), qint64(total));
          return !control.cancelled();
        };
        // On the job's worker thread, as every read of the run folder.
        return Session::embedRun(RunDirectory::open(path), 2000, progress);
      },
      [this, runPath, finish](const Embedding& e) {
        finish();
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
                                  .arg(fileNameOf(runPath),
                                       e.backboneRole == "student" ? tr("student") : tr("teacher"))
                                  .arg(e.step)
                                  .arg(e.explained[0] * 100.0, 0, 'f', 1)
                                  .arg(e.explained[1] * 100.0, 0, 'f', 1));
        Q_EMIT embeddingReady(runPath);
      },
      [this, runPath, finish](const QString& message) {
        finish();
        embedding_->clearPoints(tr("No embedding: %1").arg(message));
        errors_->addError(message);
        Q_EMIT embeddingFailed(runPath, message);
      },
      [this](qint64 done, qint64 total) {
        embeddingProgress_->setRange(0, total > 0 ? int(total) : 0);
        if (total > 0) embeddingProgress_->setValue(int(done));
        Q_EMIT embeddingProgress(int(done), int(total));
      });
}

void ResultsPage::cancelEmbedding() {
  if (!embeddingJob_) return;
  // The job stops at its next batch; its result is not wanted any more.
  embeddingJob_->cancel();
  embeddingJob_.reset();
  embeddingBar_->hide();
  embedding_->clearPoints(tr("Embedding of %1 cancelled").arg(fileNameOf(embeddingRun_)));
  Q_EMIT embeddingCancelled(embeddingRun_);
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
  const QString stamp = fileNameOf(path).section(QLatin1Char('-'), 0, 0);
  const QString target = childPath(parentOf(path), stamp + QLatin1Char('-') + name);
  fileJobs_.start(
      QStringLiteral("rename:") + path,
      [path, target, name](JobControl&) { return renameRunFolder(path, target, name); },
      [this, path](const QString& renamed) {
        plotted_.remove(path);
        removeSeriesOf(path);
        refresh();
        selectRuns({renamed});  // when the scan lists it
        Q_EMIT runRenamed(path, renamed);
      },
      [this](const QString& message) { fileOperationFailed(message); });
  return true;
}

bool ResultsPage::deleteRuns(const QStringList& paths, QString* error) {
  for (const auto& path : paths) {
    if (path == activeRun_) {
      if (error) *error = tr("%1 is training; stop it before deleting").arg(path);
      return false;
    }
  }
  fileJobs_.start(
      QStringLiteral("delete:") + paths.join(QChar(0)),
      [paths](JobControl& control) {
        deleteRunFolders(paths, [&control](qint64 done, qint64 all) { control.setProgress(done, all); });
        return paths;
      },
      [this](const QStringList& deleted) {
        table_->clearSelection();
        refresh();
        Q_EMIT runsDeleted(deleted);
      },
      [this](const QString& message) { fileOperationFailed(message); });
  return true;
}

void ResultsPage::exportLearningTable(const QString& path) {
  std::vector<RunSummary> runs;
  const QStringList wanted = selectedOrAll();
  for (const auto& r : model_->runs()) {
    if (wanted.contains(QString::fromStdString(r.path))) runs.push_back(r);
  }
  const bool markdown = path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive);
  fileJobs_.start(
      QStringLiteral("export:") + path,
      [path, text = markdown ? learningTableMarkdown(runs) : learningTableCsv(runs)](JobControl&) {
        writeTextFileAtomically(path, text);
        return path;
      },
      [this](const QString& written) { Q_EMIT learningTableExported(written); },
      [this](const QString& message) { fileOperationFailed(message); });
}

void ResultsPage::fileOperationFailed(const QString& message) {
  errors_->addError(message);
  refresh();  // whatever did happen on disk shows
  Q_EMIT fileOperationError(message);
}

}  // namespace folk::ui
