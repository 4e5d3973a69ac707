#include "app/gui/train_page.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/gui/config_form.h"
#include "app/gui/curves_export.h"
#include "app/gui/engine_controller.h"
#include "app/gui/error_banner.h"
#include "app/gui/path_text.h"
#include "app/gui/image_convert.h"
#include "app/gui/recent_items.h"
#include "app/gui/run_file_operations.h"
#include "app/gui/runs_table_model.h"
#include "app/gui/step_metric_curves.h"
#include "core/io/metrics_log.h"
#include "core/io/probe_samples.h"
#include "core/io/run_directory.h"
#include "core/io/runs_folder.h"
#include "core/io/train_presets.h"
#include "core/method/objective.h"
#include "widgets/image_view.h"
#include "widgets/training_curves.h"

namespace folk::ui {

namespace {

QString duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
  const auto s = static_cast<long long>(seconds + 0.5);
  if (s >= 3600) return TrainPage::tr("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar('0'));
  if (s >= 60) return TrainPage::tr("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
  return TrainPage::tr("%1s").arg(s);
}

// FOLK_RUNS_DIR, else the folder chosen here last time, else the default `folk train` writes to
// (core/io/runs_folder.h). The variable wins over the saved choice so that a user who sets it for
// both programs finds the runs of the terminal here.
// Paths are decoded as the file system's local 8-bit names; no file is touched here except the
// local settings and, for the default, ~/.config/user-dirs.dirs (a small local file, as QSettings).
QString startupRunsDirectory() {
  if (const auto fromEnvironment = runsFolderFromEnvironment()) return QString::fromLocal8Bit(*fromEnvironment);
  return QSettings().value(QStringLiteral("train/runsDir"), QString::fromLocal8Bit(defaultRunsFolder())).toString();
}

}  // namespace

TrainPage::TrainPage(QWidget* parent) : QWidget(parent), controller_(new EngineController(this)) {
  runsDir_ = startupRunsDirectory();
  buildUi();
  connect(controller_, &EngineController::stepsArrived, this, &TrainPage::onSteps);
  connect(controller_, &EngineController::evalArrived, this, &TrainPage::onEval);
  connect(controller_, &EngineController::sampleArrived, this, &TrainPage::onSample);
  connect(controller_, &EngineController::stateChanged, this, &TrainPage::onState);
  connect(controller_, &EngineController::errorOccurred, errors_, &ErrorBanner::addError);
  connect(controller_, &EngineController::warningChanged, this, &TrainPage::onWarning);
  connect(controller_, &EngineController::ended, this, [this] {
    updateButtons();
    Q_EMIT runFinished(controller_->runDirectory());
  });
  // The form as it was left (dataset choice and every hyperparameter), when it still reads.
  const QString saved = QSettings().value(QStringLiteral("train/config")).toString();
  if (!saved.isEmpty()) {
    try {
      form_->setConfig(configFromJson(nlohmann::json::parse(saved.toStdString()), "settings"));
    } catch (const std::exception&) {
      // Written by another version: keep the defaults.
    }
  }
  restoringForm_ = false;
  updateValidation();
}

TrainPage::~TrainPage() = default;

void TrainPage::setRunsDirectory(const QString& dir) {
  runsDir_ = dir;
  QSettings().setValue(QStringLiteral("train/runsDir"), dir);
  Q_EMIT runsDirectoryChanged(dir);
}

void TrainPage::resumeRun(const QString& runPath) {
  if (busy()) {
    errors_->addError(tr("A training session is already running; stop it first."));
    return;
  }
  errors_->clearErrors();
  setPreparing(true, tr("Opening %1 …").arg(nativePath(runPath)));
  jobs_.start(
      QStringLiteral("prepare"),
      [path = runPath.toStdString()](JobControl&) { return openRunToResume(path); },
      [this](RunToResume resumable) {
        setPreparing(false);
        curves_->clearData();
        samplesShown_ = 0;
        form_->setConfig(resumable.config);
        device_ = QString::fromStdString(resumable.config.device.device);
        // The run's history up to now, so the curves continue rather than restart.
        prepareCurves(resumable.config);
        QVector<StepReport> earlier;
        for (const auto& row : resumable.metrics) {
          StepReport r;
          r.step = row.step;
          r.epoch = row.epoch;
          r.values = row.values;
          earlier.append(r);
        }
        onSteps(earlier);
        launch(std::move(resumable.run));
      },
      [this](const QString& message) {
        setPreparing(false);
        errors_->addError(message);
      });
}

void TrainPage::setPreparing(bool preparing, const QString& status) {
  preparing_ = preparing;
  if (!status.isEmpty()) status_->setText(status);
  updateButtons();
}

void TrainPage::launch(RunDirectory run) {
  QString error;
  if (controller_->start(std::move(run), &error)) {
    status_->setText(tr("Starting %1 …").arg(nativePath(controller_->runDirectory())));
  } else {
    errors_->addError(error);
  }
  updateButtons();
}

void TrainPage::buildUi() {
  // Left: the configuration.
  auto* configPanel = new QWidget(this);
  auto* configLayout = new QVBoxLayout(configPanel);
  auto* dataRow = new QHBoxLayout;
  auto* dataButton = new QToolButton(configPanel);
  dataButton->setText(tr("Dataset"));
  dataButton->setPopupMode(QToolButton::InstantPopup);
  auto* dataMenu = new QMenu(dataButton);
  dataMenu->addAction(tr("Fashion-MNIST (embedded default)"), this, [this] {
    form_->setConfig(defaultConfig());
    updateValidation();
  });
  dataMenu->addAction(tr("Image folder…"), this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Image folder (one sub-folder per class, or flat)"),
                                                          lastDirectory(QStringLiteral("dataset")));
    if (dir.isEmpty()) return;
    rememberDirectory(QStringLiteral("dataset"), parentOf(dir));
    useDataset(dir, QStringLiteral("folder"));
  });
  dataMenu->addAction(tr("IDX or CIFAR folder…"), this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder with IDX or CIFAR binary files"),
                                                          lastDirectory(QStringLiteral("dataset")));
    if (dir.isEmpty()) return;
    rememberDirectory(QStringLiteral("dataset"), parentOf(dir));
    useDataset(dir, QStringLiteral("auto"));
  });
  dataButton->setMenu(dataMenu);
  auto* loadButton = new QPushButton(tr("Load…"), configPanel);
  loadButton->setToolTip(tr("Load a config JSON (e.g. a run's config.json)"));
  connect(loadButton, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load config"), lastDirectory(QStringLiteral("config"), runsDir_),
                                                      tr("Config (*.json)"));
    if (path.isEmpty()) return;
    rememberDirectory(QStringLiteral("config"), parentOf(path));
    loadConfigFile(path);
  });
  auto* saveButton = new QPushButton(tr("Save…"), configPanel);
  saveButton->setToolTip(tr("Save these settings as a config JSON for `folk train --config`"));
  connect(saveButton, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save config"), lastDirectory(QStringLiteral("config"), runsDir_),
                                                      tr("Config (*.json)"));
    if (path.isEmpty()) return;
    rememberDirectory(QStringLiteral("config"), parentOf(path));
    saveConfigFile(path);
  });
  auto* defaultsButton = new QPushButton(tr("Defaults"), configPanel);
  defaultsButton->setToolTip(tr("Defaults for the chosen dataset"));
  connect(defaultsButton, &QPushButton::clicked, this, [this] {
    const auto current = form_->config();
    useDataset(QString::fromStdString(current.data.path), QString::fromStdString(current.data.format));
  });
  auto* recipeButton = new QToolButton(configPanel);
  recipeButton->setObjectName(QStringLiteral("recipeButton"));
  recipeButton->setText(tr("Recipe"));
  recipeButton->setToolTip(tr("Apply a named recipe to these settings (as folk train --preset); the dataset stays"));
  recipeButton->setPopupMode(QToolButton::InstantPopup);
  auto* recipeMenu = new QMenu(recipeButton);
  for (const auto& preset : trainPresets()) {
    const QString name = QString::fromStdString(preset.name);
    recipeMenu->addAction(recipeTitle(name), this, [this, name] { applyRecipe(name); });
  }
  recipeButton->setMenu(recipeMenu);
  // What to train (dataset, recipe) above what to do with the settings (load, save, defaults): all
  // five in one row would widen the window's smallest size.
  auto* chooseRow = new QHBoxLayout;
  chooseRow->addWidget(dataButton);
  chooseRow->addWidget(recipeButton);
  chooseRow->addStretch(1);
  dataRow->addWidget(loadButton);
  dataRow->addWidget(saveButton);
  dataRow->addWidget(defaultsButton);
  configLayout->addLayout(chooseRow);
  configLayout->addLayout(dataRow);

  form_ = new ConfigForm(configPanel);
  auto* scroll = new QScrollArea(configPanel);
  scroll->setWidget(form_);
  scroll->setWidgetResizable(true);
  scroll->setAccessibleName(tr("Training settings"));
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  configLayout->addWidget(scroll, 1);
  problems_ = new QLabel(configPanel);
  problems_->setObjectName(QStringLiteral("configProblems"));
  problems_->setWordWrap(true);
  problems_->setStyleSheet(QStringLiteral("color: #d32f2f;"));  // a red readable on light and dark palettes
  configLayout->addWidget(problems_);
  connect(form_, &ConfigForm::changed, this, &TrainPage::updateValidation);

  // Right: controls, progress, curves, samples.
  auto* runPanel = new QWidget(this);
  auto* runLayout = new QVBoxLayout(runPanel);
  errors_ = new ErrorBanner(runPanel);
  errors_->setHeading([](int count) { return TrainPage::tr("%n problem(s) with the training session:", nullptr, count); });
  runLayout->addWidget(errors_);
  warnings_ = new ErrorBanner(runPanel);
  warnings_->setObjectName(QStringLiteral("trainWarnings"));
  warnings_->setTone(ErrorBanner::Tone::Warning);
  warnings_->setHeading([](int) { return TrainPage::tr("The self-distillation of this run has collapsed:"); });
  runLayout->addWidget(warnings_);
  auto* controls = new QHBoxLayout;
  start_ = new QPushButton(tr("Start"), runPanel);
  start_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  start_->setToolTip(tr("Start a new run with these settings (Ctrl+Enter)"));
  pause_ = new QPushButton(tr("Pause"), runPanel);
  pause_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
  pause_->setToolTip(tr("Pause or resume at the next step boundary (Ctrl+P)"));
  stop_ = new QPushButton(tr("Stop"), runPanel);
  stop_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  stop_->setToolTip(tr("Stop at the next step boundary and write a checkpoint (Ctrl+.)"));
  connect(start_, &QPushButton::clicked, this, &TrainPage::startTraining);
  connect(pause_, &QPushButton::clicked, this, &TrainPage::togglePause);
  connect(stop_, &QPushButton::clicked, this, &TrainPage::stopTraining);
  controls->addWidget(start_);
  controls->addWidget(pause_);
  controls->addWidget(stop_);
  progress_ = new QProgressBar(runPanel);
  progress_->setAccessibleName(tr("Training progress"));
  progress_->setRange(0, 1);
  progress_->setValue(0);
  controls->addWidget(progress_, 1);
  runLayout->addLayout(controls);
  status_ = new QLabel(tr("Not started."), runPanel);
  status_->setObjectName(QStringLiteral("trainStatus"));
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  runLayout->addWidget(status_);

  curves_ = new TrainingCurves(runPanel);
  addStepMetricSeries(curves_);
  curves_->addSeries("knn", tr("k-NN top-1"), TrainingCurves::Panel::Accuracy, 0, QColor(0x17, 0xbe, 0xcf));
  curves_->addSeries("knn_random", tr("k-NN top-1, random init"), TrainingCurves::Panel::Accuracy, 0,
                     QColor(0x7f, 0x7f, 0x7f));
  auto* tools = new QHBoxLayout;
  tools->addWidget(new QLabel(tr("Smoothing"), runPanel));
  smoothing_ = new QSlider(Qt::Horizontal, runPanel);
  smoothing_->setRange(0, 99);
  smoothing_->setValue(90);
  smoothing_->setToolTip(tr("Weight of the past in the debiased moving average; the raw values stay drawn faintly"));
  smoothing_->setAccessibleName(tr("Smoothing of the curves"));
  connect(smoothing_, &QSlider::valueChanged, this, [this](int v) {
    curves_->setSmoothing(v / 100.0);
    QSettings().setValue(QStringLiteral("train/smoothing"), v);
  });
  tools->addWidget(smoothing_);
  logLoss_ = new QCheckBox(tr("Log loss axis"), runPanel);
  connect(logLoss_, &QCheckBox::toggled, curves_, &TrainingCurves::setLogLoss);
  connect(logLoss_, &QCheckBox::toggled, this, [](bool on) { QSettings().setValue(QStringLiteral("train/logLoss"), on); });
  tools->addWidget(logLoss_);
  {
    const QSettings settings;  // the last session's choices
    smoothing_->setValue(std::clamp(settings.value(QStringLiteral("train/smoothing"), 90).toInt(), 0, 99));
    logLoss_->setChecked(settings.value(QStringLiteral("train/logLoss"), false).toBool());
  }
  auto* exportButton = new QPushButton(tr("Export…"), runPanel);
  exportButton->setToolTip(tr("Save the curves as PNG or PDF, or their data as CSV"));
  connect(exportButton, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export curves"), lastDirectory(QStringLiteral("export"), runsDir_),
                                                      tr("PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)"));
    if (path.isEmpty()) return;
    rememberDirectory(QStringLiteral("export"), parentOf(path));
    exportCurves(curves_, path, jobs_, errors_);
  });
  tools->addWidget(exportButton);
  tools->addStretch(1);
  runLayout->addLayout(tools);

  // The curves above the probe samples, the border between them draggable: the curves get most of
  // the height (their four panels need it), the samples a row of small pictures.
  auto* curvesAndSamples = new QSplitter(Qt::Vertical, runPanel);
  curvesAndSamples->setObjectName(QStringLiteral("trainCurvesSplitter"));  // its sizes are kept across restarts
  curvesAndSamples->setChildrenCollapsible(false);
  curves_->setParent(curvesAndSamples);
  curvesAndSamples->addWidget(curves_);
  auto* samplesRow = new QWidget(curvesAndSamples);
  auto* samples = new QHBoxLayout(samplesRow);
  samples->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < 4; ++i) {
    sampleViews_[i] = new ImageView(samplesRow);
    sampleViews_[i]->setTitle(QCoreApplication::translate("ProbePicture", probePictureLabel(kProbePictures[std::size_t(i)])));
    sampleViews_[i]->setPlaceholderText(tr("appears during training"));
    sampleViews_[i]->setMinimumSize(120, 120);
    samples->addWidget(sampleViews_[i]);
  }
  curvesAndSamples->addWidget(samplesRow);
  curvesAndSamples->setStretchFactor(0, 3);
  curvesAndSamples->setStretchFactor(1, 1);
  curvesAndSamples->setSizes({600, 180});
  runLayout->addWidget(curvesAndSamples, 1);

  auto* splitter = new QSplitter(this);
  splitter->setObjectName(QStringLiteral("trainSplitter"));  // its sizes are kept across restarts
  splitter->addWidget(configPanel);
  splitter->addWidget(runPanel);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({380, 900});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
}

void TrainPage::updateValidation() {
  QStringList problems;
  const TrainConfig config = form_->config(&problems);
  if (problems.isEmpty() && !restoringForm_)
    QSettings().setValue(QStringLiteral("train/config"), QString::fromStdString(toJson(config).dump()));
  settingsProblems_ = problems;
  // The files the settings name are checked in the background (a network share may stall): until
  // that answers, only what the settings themselves say keeps Start disabled, and Start checks the
  // files again off the GUI thread anyway.
  const QString files = QString::fromStdString(config.data.path) + QChar(0) + QString::fromStdString(config.initFrom);
  if (files != filesChecked_) {
    filesChecked_ = files;
    fileProblems_.clear();
    jobs_.start(
        QStringLiteral("fileCheck"), [config](JobControl&) { return fileProblems(config); },
        [this](const std::vector<std::string>& found) {
          fileProblems_.clear();
          for (const auto& p : found) fileProblems_ << QString::fromStdString(p);
          showProblems();
        },
        [this](const QString& message) {
          fileProblems_ = QStringList{message};
          showProblems();
        });
  }
  showProblems();
}

void TrainPage::showProblems() {
  const QStringList problems = settingsProblems_ + fileProblems_;
  problems_->setText(problems.isEmpty() ? QString() : tr("Cannot start: %1").arg(problems.join(QStringLiteral("; "))));
  problems_->setVisible(!problems.isEmpty());
  start_->setProperty("configValid", problems.isEmpty());
  updateButtons();
}

bool TrainPage::busy() const { return controller_->isActive() || preparing_; }

bool TrainPage::fileCheckPending() const { return jobs_.running(QStringLiteral("fileCheck")); }

void TrainPage::updateButtons() {
  const bool active = controller_->isActive();
  start_->setEnabled(!busy() && start_->property("configValid").toBool());
  pause_->setEnabled(active);
  stop_->setEnabled(active);
  pause_->setText(controller_->state() == SessionState::Paused ? tr("Resume") : tr("Pause"));
  form_->setEnabled(!busy());
}

void TrainPage::startTraining() {
  QStringList problems;
  const TrainConfig config = form_->config(&problems);
  problems += fileProblems_;
  if (!problems.isEmpty()) {
    errors_->addError(tr("Cannot start: %1").arg(problems.join(QStringLiteral("; "))));
    return;
  }
  if (busy()) return;
  errors_->clearErrors();
  curves_->clearData();
  prepareCurves(config);
  samplesShown_ = 0;
  for (auto* view : sampleViews_) view->setImage(QImage());
  device_ = QString::fromStdString(config.device.device);
  setPreparing(true, tr("Creating a run folder in %1 …").arg(nativePath(runsDir_)));
  jobs_.start(
      QStringLiteral("prepare"),
      [config, runsDir = runsDir_.toStdString()](JobControl&) {
        validate(config);  // the files too, now off the GUI thread
        return RunDirectory::create(runsDir, config);
      },
      [this](RunDirectory run) {
        setPreparing(false);
        launch(std::move(run));
      },
      [this](const QString& message) {
        setPreparing(false);
        status_->clear();
        errors_->addError(message);
      });
}

void TrainPage::prepareCurves(const TrainConfig& config) {
  warnings_->clearErrors();
  // The diagnostics describe the teacher: objectives without one have nothing to show there.
  const auto objective = parseObjective(config.objective.name);
  const bool teacher = objective && objectiveTraits(*objective).distill;
  curves_->setPanelVisible(TrainingCurves::Panel::Diagnostics, teacher);
  if (teacher && config.model.prototypes > 0) {
    const double lnK = std::log(double(config.model.prototypes));
    curves_->setReferenceLine(TrainingCurves::Panel::Diagnostics, 0, lnK,
                              tr("ln K = %L1 (uniform teacher)").arg(lnK, 0, 'f', 2));
  } else {
    curves_->clearReferenceLine(TrainingCurves::Panel::Diagnostics);
  }
}

void TrainPage::onWarning(const QString& message, bool active) {
  // One collapse at a time: entering a new state replaces the old warning, leaving it clears it.
  warnings_->clearErrors();
  if (active) warnings_->addError(message);
}

void TrainPage::togglePause() {
  if (controller_->state() == SessionState::Paused)
    controller_->resume();
  else
    controller_->pause();
}

void TrainPage::stopTraining() { controller_->stop(); }

void TrainPage::loadConfigFile(const QString& path) {
  jobs_.start(
      QStringLiteral("loadConfig"), [file = path.toStdString()](JobControl&) { return loadConfig(file); },
      [this](const TrainConfig& config) {
        if (busy()) return;  // a run started meanwhile: its settings stay shown
        form_->setConfig(config);
        updateValidation();
      },
      [this](const QString& message) { errors_->addError(message); });
}

void TrainPage::saveConfigFile(const QString& path) {
  jobs_.start(
      QStringLiteral("saveConfig:") + path,
      [config = form_->config(), file = path.toStdString()](JobControl&) {
        saveConfig(config, file);
        return true;
      },
      [this, path](bool) { Q_EMIT configSaved(path); }, [this](const QString& message) { errors_->addError(message); });
}

void TrainPage::useDataset(const QString& path, const QString& format) {
  // Whether an "auto" folder holds CIFAR batches is a directory listing: a job, like every read.
  jobs_.start(
      QStringLiteral("dataset"),
      [path, format](JobControl&) {
        return format == QStringLiteral("cifar") || (format == QStringLiteral("auto") && folderHoldsCifarBatches(path));
      },
      [this, path, format](bool cifar) {
        if (busy()) return;
        TrainConfig config = defaultConfig();
        config.data.path = path.toStdString();
        config.data.format = format.toStdString();
        if (format == QStringLiteral("folder") || cifar) {
          // Colour data: three channels; folders of photos are trained at 64 px with 8 px patches.
          config.model.channels = 3;
          config.model.imageSize = cifar ? 32 : 64;
          config.model.patchSize = cifar ? 4 : 8;
          config.name = (cifar ? "cifar-" : "folder-") + config.model.name;
        }
        form_->setConfig(config);
        updateValidation();
        Q_EMIT datasetApplied(path);
      },
      [this](const QString& message) { errors_->addError(message); });
}

QString TrainPage::recipeTitle(const QString& name) {
  if (name == QLatin1String("desk")) return tr("desk: the default, two views, minutes on a CPU");
  if (name == QLatin1String("paper")) return tr("paper: the FOLK paper's recipe, ViT-S/16 at 224 px, K 65536, "
                                                "multi-crop (for GPUs)");
  for (const auto& preset : trainPresets()) {
    if (QString::fromStdString(preset.name) == name) return name + QStringLiteral(": ") + QString::fromStdString(preset.description);
  }
  return name;
}

bool TrainPage::applyRecipe(const QString& name) {
  TrainConfig config = form_->config();
  try {
    applyPreset(config, name.toStdString());
  } catch (const std::exception& e) {
    errors_->addError(QString::fromStdString(e.what()));
    return false;
  }
  form_->setConfig(config);
  updateValidation();
  return true;
}

QString TrainPage::statusText() const { return status_->text(); }

void TrainPage::onSteps(const QVector<StepReport>& steps) {
  if (steps.isEmpty()) return;
  appendStepMetricPoints(curves_, steps);
  const auto& last = steps.back();
  progress_->setRange(0, int(std::min<std::int64_t>(last.totalSteps, INT32_MAX)));
  progress_->setValue(int(std::min<std::int64_t>(last.step, INT32_MAX)));
  status_->setText(tr("Epoch %L1 · step %L2 / %L3 · %L4 images/s · elapsed %5 · ETA %6 · device %7")
                       .arg(last.epoch + 1)
                       .arg(last.step)
                       .arg(last.totalSteps)
                       .arg(last.values[StepMetric::ImagesPerSecond], 0, 'f', 1)
                       .arg(duration(last.values[StepMetric::ElapsedSeconds]), duration(last.etaSeconds), device_));
}

void TrainPage::onEval(const EvalReport& report) {
  // The live curve shows the fast protocol only; a full evaluation at the end goes to Results.
  if (report.protocol.name != "fast") return;
  curves_->appendPoint(QStringLiteral("knn"), double(report.step), report.trained.knnTop1);
  if (report.hasRandomBaseline) {
    curves_->appendPoint(QStringLiteral("knn_random"), double(report.step), report.randomInit.knnTop1);
  }
}

void TrainPage::onSample(const SampleReport& sample) {
  const folk::Image* images[4] = {&sample.unfiltered, &sample.mask, &sample.filtered, &sample.reconstruction};
  for (int i = 0; i < 4; ++i) {
    if (!images[i]->empty()) sampleViews_[i]->setImage(toQImage(*images[i]));
  }
  ++samplesShown_;
}

void TrainPage::onState(SessionState state) {
  updateButtons();
  const QString name = RunsTableModel::statusText(QString::fromLatin1(sessionStateName(state)));
  if (state == SessionState::Stopped || state == SessionState::Finished || state == SessionState::Failed) {
    status_->setText(tr("Run %1: %2").arg(name, nativePath(controller_->runDirectory())));
  } else if (state == SessionState::Paused) {
    status_->setText(tr("Paused at step %L1.").arg(progress_->value()));
  }
}

}  // namespace folk::ui
