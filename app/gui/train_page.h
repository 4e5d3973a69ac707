#pragma once
// The Train workspace: configure a run (every hyperparameter, validated before Start is enabled),
// start / pause / resume / stop it on a background session, and watch it: progress, images/s,
// ETA, live loss / schedule / self-distillation diagnostics / accuracy curves (with a warning
// while the distillation has collapsed) and the probe image's views. Errors from the engine
// appear in a banner; the window never waits on training.
#include <QElapsedTimer>
#include <QWidget>

#include "app/gui/background_jobs.h"
#include "core/io/train_config.h"
#include "core/train/session_observer.h"

class QAction;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;

namespace folk {
class RunDirectory;
}

namespace folk::ui {

class ConfigForm;
class EngineController;
class ErrorBanner;
class ImageView;
class TrainingCurves;

class TrainPage : public QWidget {
  Q_OBJECT

 public:
  explicit TrainPage(QWidget* parent = nullptr);
  ~TrainPage() override;

  EngineController* controller() const { return controller_; }
  ConfigForm* form() const { return form_; }
  TrainingCurves* curves() const { return curves_; }
  ErrorBanner* errorBanner() const { return errors_; }
  ErrorBanner* warningBanner() const { return warnings_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* stopButton() const { return stop_; }
  QString runsDirectory() const { return runsDir_; }
  void setRunsDirectory(const QString& dir);
  QString statusText() const;
  // The check of the files the settings name (data.path, init_from) has not answered yet.
  bool fileCheckPending() const;
  // The translated menu text of a recipe; a recipe without one shows its name and the engine's
  // English description.
  static QString recipeTitle(const QString& name);
  int samplesShown() const { return samplesShown_; }

 public Q_SLOTS:
  // Creates the run folder in the background, then starts the session; Start and the form stay
  // disabled meanwhile, and a folder that cannot be made shows its reason in the error banner.
  void startTraining();
  void togglePause();
  void stopTraining();
  // Every file operation below runs off the GUI thread (the runs folder may be a network share);
  // its result reaches the form, its error the banner.
  void loadConfigFile(const QString& path);
  void saveConfigFile(const QString& path);  // configSaved(path) when written
  // Continues a stopped run from its last checkpoint; its earlier curves are shown first.
  void resumeRun(const QString& runPath);
  // Fills the form with the defaults for a dataset folder (image size, channels, patch size);
  // datasetApplied(path) when the form shows them.
  void useDataset(const QString& path, const QString& format);
  // Applies a named recipe (core/io/train_presets.h: "desk", "paper") to the form's settings, as
  // `folk train --preset` does; false (with the error shown) for an unknown name.
  bool applyRecipe(const QString& name);

 Q_SIGNALS:
  void runFinished(const QString& runDirectory);
  void runsDirectoryChanged(const QString& dir);
  void configSaved(const QString& path);
  void datasetApplied(const QString& path);

 private:
  void buildUi();
  void updateValidation();
  void showProblems();
  bool busy() const;  // a session runs, or its folder is being prepared
  // Between Start (or resume) and the session's start: the run folder is being made or read.
  void setPreparing(bool preparing, const QString& status = {});
  void launch(folk::RunDirectory run);
  void updateButtons();
  void onSteps(const QVector<folk::StepReport>& steps);
  void onEval(const folk::EvalReport& report);
  void onSample(const folk::SampleReport& sample);
  void onState(folk::SessionState state);
  void onWarning(const QString& message, bool active);
  // The diagnostics panel and its ln K line for the run about to be shown.
  void prepareCurves(const folk::TrainConfig& config);

  EngineController* controller_;
  ConfigForm* form_;
  QLabel* problems_;
  ErrorBanner* errors_;
  ErrorBanner* warnings_;  // the run's collapse warning, while it lasts
  QPushButton* start_;
  QPushButton* pause_;
  QPushButton* stop_;
  QProgressBar* progress_;
  QLabel* status_;
  TrainingCurves* curves_;
  QSlider* smoothing_;
  QCheckBox* logLoss_;
  ImageView* sampleViews_[4];  // one per ProbePicture
  QString runsDir_;
  QStringList settingsProblems_;
  QStringList fileProblems_;  // for the files in filesChecked_
  QString filesChecked_;
  bool preparing_ = false;
  QString device_;
  int samplesShown_ = 0;
  bool restoringForm_ = true;  // the constructor reads the last form back before saving it
  BackgroundJobs jobs_;         // declared last: destroyed first, so no result reaches a dead member
};

}  // namespace folk::ui
