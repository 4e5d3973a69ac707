#pragma once
// The Train workspace: configure a run (every hyperparameter, validated before Start is enabled),
// start / pause / resume / stop it on a background session, and watch it: progress, images/s,
// ETA, live loss / schedule / self-distillation diagnostics / accuracy curves (with a warning
// while the distillation has collapsed) and the probe image's views. Errors from the engine
// appear in a banner; the window never waits on training.
#include <QElapsedTimer>
#include <QWidget>

#include "core/io/train_config.h"
#include "core/train/session_observer.h"

class QAction;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;

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
  // The translated menu text of a recipe; a recipe without one shows its name and the engine's
  // English description.
  static QString recipeTitle(const QString& name);
  int samplesShown() const { return samplesShown_; }

 public Q_SLOTS:
  void startTraining();
  void togglePause();
  void stopTraining();
  void loadConfigFile(const QString& path);
  bool saveConfigFile(const QString& path);
  // Continues a stopped run from its last checkpoint; its earlier curves are shown first.
  void resumeRun(const QString& runPath);
  // Fills the form with the defaults for a dataset folder (image size, channels, patch size).
  void useDataset(const QString& path, const QString& format);
  // Applies a named recipe (core/io/train_presets.h: "desk", "paper") to the form's settings, as
  // `folk train --preset` does; false (with the error shown) for an unknown name.
  bool applyRecipe(const QString& name);

 Q_SIGNALS:
  void runFinished(const QString& runDirectory);
  void runsDirectoryChanged(const QString& dir);

 private:
  void buildUi();
  void updateValidation();
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
  ImageView* sampleViews_[4];
  QString runsDir_;
  QString device_;
  int samplesShown_ = 0;
  bool restoringForm_ = true;  // the constructor reads the last form back before saving it
};

}  // namespace folk::ui
