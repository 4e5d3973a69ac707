// The Train workspace in the real MainWindow, offscreen: a tiny real session on Fashion-MNIST is
// started, paused, resumed and stopped from the buttons; the curves and samples fill, a checkpoint
// lands on disk; bad settings keep Start disabled with the reason; an unusable dataset shows the
// engine's error and leaves the window usable; files are read and written in the background.
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QApplication>
#include <QTemporaryDir>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "app/gui/config_form.h"
#include "app/gui/engine_controller.h"
#include "app/gui/error_banner.h"
#include "app/gui/main_window.h"
#include "app/gui/train_page.h"
#include "core/io/run_directory.h"
#include "core/io/settings_registry.h"
#include "gui_test_support.h"
#include "widgets/training_curves.h"

namespace folk::ui::test {
namespace {

namespace fs = std::filesystem;

class TrainPageTest : public IsolatedSettingsTest {
 protected:
  void SetUp() override {
    IsolatedSettingsTest::SetUp();
    ASSERT_TRUE(runs_.isValid());
    ASSERT_TRUE(fs::exists("/usr/share/datasets/fashion-mnist"))
        << "dataset-fashion-mnist is not installed (run scripts/setup-debian.sh)";
  }

  // A model small enough for a few steps per second on two cores, logging every step.
  static void makeTiny(ConfigForm* form) {
    const std::pair<const char*, const char*> values[] = {
        {"data.train_subset", "256"},    {"data.workers", "1"},          {"model.vit_dim", "32"},
        {"model.vit_depth", "2"},        {"model.vit_heads", "2"},       {"model.prototypes", "64"},
        {"model.head_hidden", "64"},     {"model.head_bottleneck", "16"}, {"optimisation.batch_size", "16"},
        {"optimisation.steps", "100000"}, {"evaluation.at_end", "false"}, {"log_interval_steps", "1"},
        {"sample_interval_steps", "3"},  {"checkpoint.interval_steps", "0"}, {"device.device", "cpu"},
    };
    for (const auto& [key, value] : values) ASSERT_TRUE(form->setFieldText(key, value)) << key;
  }

  void screenshotOfDefaultRun(const std::vector<std::pair<const char*, const char*>>& values, const char* file);

  QTemporaryDir runs_;
};

TEST_F(TrainPageTest, StartPauseResumeStopFromTheButtons) {
  MainWindow window;
  window.show();
  TrainPage* page = window.trainPage();
  ASSERT_NE(page, nullptr);
  EXPECT_TRUE(window.workspaceNames().contains(QStringLiteral("Train")));
  page->setRunsDirectory(runs_.path());
  makeTiny(page->form());
  ASSERT_TRUE(page->startButton()->isEnabled()) << page->findChild<QLabel*>("configProblems")->text().toStdString();

  TrainingCurves* curves = page->curves();
  page->startButton()->click();
  EXPECT_FALSE(page->startButton()->isEnabled());
  ASSERT_TRUE(waitUntil([&] { return curves->pointCount("total") >= 3; })) << page->errorBanner()->text().toStdString();
  EXPECT_GE(curves->pointCount("lr"), 3);
  EXPECT_GE(curves->pointCount("momentum"), 3);
  // The self-distillation diagnostics, against ln K (K = 64 here).
  EXPECT_TRUE(curves->panelVisible(TrainingCurves::Panel::Diagnostics));
  EXPECT_NEAR(curves->referenceLine(TrainingCurves::Panel::Diagnostics), std::log(64.0), 1e-9);
  ASSERT_TRUE(waitUntil([&] { return curves->pointCount("teacher_entropy") >= 3; }));
  EXPECT_GE(curves->pointCount("prototypes_used"), 3);
  EXPECT_GE(curves->pointCount("student_teacher_kl"), 3);
  EXPECT_GE(curves->pointCount("center_norm"), 3);

  page->pauseButton()->click();
  ASSERT_TRUE(waitUntil([&] { return page->controller()->state() == SessionState::Paused; }));
  EXPECT_EQ(page->pauseButton()->text(), QStringLiteral("Resume"));
  page->controller()->drain();
  const int pausedAt = curves->pointCount("total");
  QTest::qWait(400);
  page->controller()->drain();
  EXPECT_EQ(curves->pointCount("total"), pausedAt) << "no steps while paused";

  page->pauseButton()->click();  // resume
  ASSERT_TRUE(waitUntil([&] { return curves->pointCount("total") > pausedAt + 2; }));
  EXPECT_GT(page->samplesShown(), 0);

  page->stopButton()->click();
  ASSERT_TRUE(waitUntil([&] { return page->controller()->state() == SessionState::Stopped; }));
  ASSERT_TRUE(waitUntil([&] { return page->startButton()->isEnabled(); }));
  const fs::path checkpoints = fs::path(page->controller()->runDirectory().toStdString()) / "checkpoints";
  ASSERT_TRUE(fs::exists(checkpoints));
  EXPECT_FALSE(fs::is_empty(checkpoints)) << "stop writes a checkpoint";
  EXPECT_TRUE(page->errorBanner()->errors().isEmpty()) << page->errorBanner()->text().toStdString();
}

TEST_F(TrainPageTest, DiagnosticsPanelOnlyForObjectivesWithATeacherAndCollapseWarnings) {
  MainWindow window;
  window.show();
  TrainPage* page = window.trainPage();
  page->setRunsDirectory(runs_.path());
  makeTiny(page->form());
  ASSERT_TRUE(page->form()->setFieldText("objective.name", "mfm"));
  page->startButton()->click();
  TrainingCurves* curves = page->curves();
  ASSERT_TRUE(waitUntil([&] { return curves->pointCount("total") >= 2; })) << page->errorBanner()->text().toStdString();
  EXPECT_FALSE(curves->panelVisible(TrainingCurves::Panel::Diagnostics));
  EXPECT_EQ(curves->pointCount("teacher_entropy"), 0);
  EXPECT_TRUE(std::isnan(curves->referenceLine(TrainingCurves::Panel::Diagnostics)));

  // The engine's collapse warning shows in its own banner while it lasts.
  EXPECT_FALSE(page->warningBanner()->isVisibleTo(page));
  Q_EMIT page->controller()->warningChanged(QStringLiteral("uniform collapse at step 300: ..."), true);
  EXPECT_TRUE(page->warningBanner()->isVisibleTo(page));
  EXPECT_EQ(page->warningBanner()->errors(), QStringList{QStringLiteral("uniform collapse at step 300: ...")});
  Q_EMIT page->controller()->warningChanged(QStringLiteral("left the uniform collapse"), false);
  EXPECT_FALSE(page->warningBanner()->isVisibleTo(page));
  EXPECT_TRUE(page->errorBanner()->errors().isEmpty());

  page->stopButton()->click();
  ASSERT_TRUE(waitUntil([&] { return page->startButton()->isEnabled(); }));
}

// Not checks: with FOLK_SCREENSHOT_DIR set (under Xvfb), a real training run of the defaults with
// these settings changed, and the finished window saved there as `file`. Skipped otherwise:
// they write documentation pictures (minutes of training), and what they show is asserted by the
// other tests here.
void TrainPageTest::screenshotOfDefaultRun(const std::vector<std::pair<const char*, const char*>>& values,
                                           const char* file) {
  const char* dir = std::getenv("FOLK_SCREENSHOT_DIR");
  // Justified skip: these write documentation pictures after minutes of training, not checks; the
  // Train page's behaviour they show is asserted by the other tests here.
  if (!dir) GTEST_SKIP() << "set FOLK_SCREENSHOT_DIR to write " << file;
  MainWindow window;
  window.resize(1500, 950);
  window.show();
  window.showWorkspace(1);
  TrainPage* page = window.trainPage();
  page->setRunsDirectory(runs_.path());
  for (const auto& [key, value] : values) ASSERT_TRUE(page->form()->setFieldText(key, value)) << key;
  page->startButton()->click();
  ASSERT_TRUE(waitUntil([&] { return page->controller()->state() == SessionState::Finished; }, 900000))
      << page->errorBanner()->text().toStdString();
  QTest::qWait(300);
  page->curves()->flushReplot();
  window.grab().save(QDir(dir).filePath(file));
}

// docs/train.png: the first 500 of the default 936 steps (about ten minutes on two cores),
// evaluated every 125 steps: the k-NN curve rises above the random init.
TEST_F(TrainPageTest, DocumentationScreenshot) {
  screenshotOfDefaultRun({{"optimisation.steps", "500"},
                          {"evaluation.interval_steps", "125"},
                          {"sample_interval_steps", "50"},
                          {"device.device", "cpu"}},
                         "train.png");
}

// docs/train-diagnostics.png: the first 150 steps of a default run, with its collapse warning.
TEST_F(TrainPageTest, DiagnosticsScreenshot) {
  screenshotOfDefaultRun({{"optimisation.steps", "150"},
                          {"evaluation.interval_steps", "0"},
                          {"evaluation.at_end", "false"},
                          {"sample_interval_steps", "50"},
                          {"device.device", "cpu"}},
                         "train-diagnostics.png");
}

// The form is the registry's: a field per setting, the essentials first and the rest behind "All
// settings"; human labels, units and numbers as people write them; the registry's defaults come
// back from the untouched form exactly (4/3 shown as 1.333 stays 4/3).
TEST_F(TrainPageTest, TheFormShowsTheEssentialsFirstAndRoundTripsTheDefaults) {
  ConfigForm form;
  form.show();
  for (const auto& s : settingsRegistry()) {
    const QString key = QString::fromStdString(s.key);
    ASSERT_NE(form.field(key), nullptr) << s.key;
    EXPECT_FALSE(form.field(key)->toolTip().isEmpty()) << s.key;
    EXPECT_EQ(form.field(key)->isVisible(), s.level == SettingLevel::Essential) << s.key;
  }
  EXPECT_EQ(form.keys().size(), int(settingsRegistry().size()));
  EXPECT_EQ(form.keys().first(), QStringLiteral("data.path"));  // essentials come first
  EXPECT_FALSE(form.allSettingsShown());
  form.findChild<QToolButton*>("allSettings")->click();
  EXPECT_TRUE(form.allSettingsShown());
  EXPECT_TRUE(form.field("data.augment.ratio_max")->isVisible());

  EXPECT_EQ(ConfigForm::labelFor("optimisation.base_lr"), QStringLiteral("Learning rate"));
  EXPECT_EQ(form.findChild<QLabel*>("optimisation.batch_size.unit")->text(), QStringLiteral("images"));
  EXPECT_EQ(form.fieldText("data.augment.ratio_max"), QStringLiteral("1.333"));
  EXPECT_EQ(form.fieldText("masks.ratios"), QStringLiteral("0.005, 0.01, 0.05"));
  EXPECT_EQ(form.fieldText("optimisation.min_lr"), QStringLiteral("1e-6"));
  EXPECT_EQ(form.fieldText("data.mean"), QString());
  EXPECT_EQ(qobject_cast<QLineEdit*>(form.field("data.mean"))->placeholderText(), QStringLiteral("auto (from the data)"));

  QStringList problems;
  const TrainConfig untouched = form.config(&problems);
  EXPECT_TRUE(problems.isEmpty()) << problems.join('\n').toStdString();
  EXPECT_EQ(toJson(untouched), toJson(TrainConfig()));
  EXPECT_DOUBLE_EQ(untouched.data.augment.ratioMax, 4.0 / 3.0);

  ASSERT_TRUE(form.setFieldText("data.augment.ratio_max", "1.5"));
  ASSERT_TRUE(form.setFieldText("masks.ratios", "[0.02, 0.2]"));
  ASSERT_TRUE(form.setFieldText("data.mean", "0.5"));
  ASSERT_TRUE(form.setFieldText("data.std", "0.25"));
  const TrainConfig edited = form.config(&problems);
  EXPECT_TRUE(problems.isEmpty()) << problems.join('\n').toStdString();
  EXPECT_DOUBLE_EQ(edited.data.augment.ratioMax, 1.5);
  EXPECT_EQ(edited.masks.ratios, (std::vector<double>{0.02, 0.2}));
  EXPECT_EQ(edited.data.mean, (std::vector<double>{0.5}));

  ASSERT_TRUE(form.setFieldText("masks.ratios", "0.02, much"));
  form.config(&problems);
  ASSERT_FALSE(problems.isEmpty());
  EXPECT_TRUE(problems.first().contains("masks.ratios")) << problems.first().toStdString();
  EXPECT_TRUE(problems.first().contains("Mask ratios")) << problems.first().toStdString();
}

// Not a check: with FOLK_SCREENSHOT_DIR set (under Xvfb), saves the Train form as a newcomer first
// sees it (train-settings.png) and with "All settings" open (train-all-settings.png).
TEST_F(TrainPageTest, SettingsScreenshots) {
  const char* dir = std::getenv("FOLK_SCREENSHOT_DIR");
  // Justified skip: this writes documentation pictures, not a check; the form's behaviour is
  // asserted by TheFormShowsTheEssentialsFirstAndRoundTripsTheDefaults.
  if (!dir) GTEST_SKIP() << "set FOLK_SCREENSHOT_DIR to write train-settings.png";
  MainWindow window;
  window.resize(1500, 950);
  window.show();
  window.showWorkspace(1);
  QTest::qWait(300);
  window.grab().save(QDir(dir).filePath("train-settings.png"));
  window.trainPage()->form()->setAllSettingsShown(true);
  QTest::qWait(300);
  window.grab().save(QDir(dir).filePath("train-all-settings.png"));
}

TEST_F(TrainPageTest, InvalidSettingsKeepStartDisabledWithTheReason) {
  MainWindow window;
  TrainPage* page = window.trainPage();
  makeTiny(page->form());
  EXPECT_TRUE(page->startButton()->isEnabled());
  page->form()->setFieldText("model.patch_size", "5");  // does not divide 28
  EXPECT_FALSE(page->startButton()->isEnabled());
  auto* problems = page->findChild<QLabel*>("configProblems");
  EXPECT_TRUE(problems->text().contains("patch size 5")) << problems->text().toStdString();
  page->form()->setFieldText("model.patch_size", "4");
  page->form()->setFieldText("optimisation.base_lr", "fast");
  EXPECT_FALSE(page->startButton()->isEnabled());
  EXPECT_TRUE(problems->text().contains("optimisation.base_lr")) << problems->text().toStdString();
  page->form()->setFieldText("optimisation.base_lr", "-1");
  EXPECT_FALSE(page->startButton()->isEnabled());
  page->form()->setFieldText("optimisation.base_lr", "5e-4");
  EXPECT_TRUE(page->startButton()->isEnabled());
  EXPECT_TRUE(ConfigForm::tooltipFor("optimisation.base_lr").contains("256"));
  EXPECT_FALSE(page->form()->field("masks.ratios")->toolTip().isEmpty());
}

// Every file the Train workspace reads or writes is read or written by a background job (the runs
// folder may be a network share): each operation's result reaches the form, its error the banner,
// and Start stays disabled while a run folder is being made.
TEST_F(TrainPageTest, FileOperationsRunInTheBackgroundAndReportTheirErrors) {
  MainWindow window;
  TrainPage* page = window.trainPage();
  ConfigForm* form = page->form();
  makeTiny(form);
  ASSERT_TRUE(waitUntil([&] { return !page->fileCheckPending(); }));
  ASSERT_TRUE(page->startButton()->isEnabled());

  // The dataset path is checked off the GUI thread; a missing one disables Start once it answers.
  const QString missing = runs_.filePath("no-such-dataset");
  ASSERT_TRUE(form->setFieldText("data.path", missing));
  ASSERT_TRUE(waitUntil([&] { return !page->fileCheckPending(); }));
  auto* problems = page->findChild<QLabel*>("configProblems");
  EXPECT_FALSE(page->startButton()->isEnabled());
  EXPECT_TRUE(problems->text().contains(missing + "' does not exist")) << problems->text().toStdString();
  ASSERT_TRUE(form->setFieldText("data.path", "/usr/share/datasets/fashion-mnist"));
  ASSERT_TRUE(waitUntil([&] { return !page->fileCheckPending(); }));
  EXPECT_TRUE(page->startButton()->isEnabled()) << problems->text().toStdString();

  // Save, then load back into a changed form.
  QSignalSpy saved(page, &TrainPage::configSaved);
  const QString file = runs_.filePath("tiny.json");
  page->saveConfigFile(file);
  ASSERT_TRUE(waitUntil([&] { return saved.count() == 1; })) << page->errorBanner()->text().toStdString();
  EXPECT_EQ(saved.front().at(0).toString(), file);
  ASSERT_TRUE(form->setFieldText("model.vit_dim", "48"));
  page->loadConfigFile(file);
  ASSERT_TRUE(waitUntil([&] { return form->fieldText("model.vit_dim") == "32"; }));

  // A folder that does not exist, and a named pipe where the config should be: errors naming them.
  const QString noFolder = runs_.filePath("absent/tiny.json");
  page->saveConfigFile(noFolder);
  ASSERT_TRUE(waitUntil([&] { return page->errorBanner()->errors().size() == 1; }));
  EXPECT_TRUE(page->errorBanner()->text().contains(noFolder)) << page->errorBanner()->text().toStdString();
  const QString pipe = runs_.filePath("pipe.json");
  ASSERT_EQ(::mkfifo(pipe.toLocal8Bit().constData(), 0600), 0);
  page->loadConfigFile(pipe);
  ASSERT_TRUE(waitUntil([&] { return page->errorBanner()->errors().size() == 2; }));
  EXPECT_TRUE(page->errorBanner()->text().contains("named pipe")) << page->errorBanner()->text().toStdString();
  EXPECT_EQ(form->fieldText("model.vit_dim"), "32") << "a config that did not load changes nothing";
  page->errorBanner()->clearErrors();

  // A folder of CIFAR batches: the defaults for 32 px colour images once its listing answers.
  const QString cifar = runs_.filePath("cifar");
  ASSERT_TRUE(QDir().mkpath(cifar));
  QFile batch(QDir(cifar).filePath("data_batch_1.bin"));
  ASSERT_TRUE(batch.open(QIODevice::WriteOnly));
  batch.close();
  QSignalSpy applied(page, &TrainPage::datasetApplied);
  page->useDataset(cifar, "auto");
  ASSERT_TRUE(waitUntil([&] { return applied.count() == 1; })) << page->errorBanner()->text().toStdString();
  EXPECT_EQ(form->fieldText("model.channels"), "3");
  EXPECT_EQ(form->fieldText("model.image_size"), "32");

  // A runs folder that cannot be made (a file is in the way): Start is disabled while the job
  // tries, then the reason shows and the page is usable again.
  makeTiny(form);
  ASSERT_TRUE(form->setFieldText("data.path", "/usr/share/datasets/fashion-mnist"));
  ASSERT_TRUE(form->setFieldText("data.format", "auto"));
  ASSERT_TRUE(waitUntil([&] { return !page->fileCheckPending() && page->startButton()->isEnabled(); }))
      << problems->text().toStdString();
  QFile blocker(runs_.filePath("a-file"));
  ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
  blocker.close();
  page->setRunsDirectory(runs_.filePath("a-file/runs"));
  page->startButton()->click();
  EXPECT_FALSE(page->startButton()->isEnabled());
  EXPECT_FALSE(form->isEnabled());
  ASSERT_TRUE(waitUntil([&] { return !page->errorBanner()->errors().isEmpty(); }));
  EXPECT_TRUE(page->errorBanner()->text().contains("cannot create the runs folder")) << page->errorBanner()->text().toStdString();
  EXPECT_FALSE(page->controller()->isActive());
  EXPECT_TRUE(page->startButton()->isEnabled());
  EXPECT_TRUE(form->isEnabled());
}

TEST_F(TrainPageTest, RecipesFillTheFormAndKeepTheDataset) {
  MainWindow window;
  TrainPage* page = window.trainPage();
  ConfigForm* form = page->form();
  ASSERT_TRUE(form->setFieldText("data.train_subset", "512"));
  ASSERT_TRUE(page->applyRecipe("paper"));
  EXPECT_EQ(form->fieldText("model.prototypes"), "65536");
  EXPECT_EQ(form->fieldText("data.augment.local_crops.count"), "8");
  EXPECT_EQ(form->fieldText("data.train_subset"), "512");  // not part of the recipe
  EXPECT_TRUE(page->startButton()->isEnabled());
  ASSERT_TRUE(page->applyRecipe("desk"));
  EXPECT_EQ(form->fieldText("model.prototypes"), "1024");
  EXPECT_EQ(form->fieldText("data.augment.local_crops.count"), "0");
  EXPECT_FALSE(page->applyRecipe("fast"));
  EXPECT_FALSE(TrainPage::recipeTitle("paper").isEmpty());
}

TEST_F(TrainPageTest, AnUnusableDatasetShowsTheErrorAndTheWindowStaysUsable) {
  MainWindow window;
  window.show();
  TrainPage* page = window.trainPage();
  page->setRunsDirectory(runs_.path());
  makeTiny(page->form());
  QTemporaryDir empty;  // exists, so validation passes; holds no data, so the engine refuses it
  page->form()->setFieldText("data.path", empty.path());
  ASSERT_TRUE(page->startButton()->isEnabled());
  page->startButton()->click();
  ASSERT_TRUE(waitUntil([&] { return page->controller()->state() == SessionState::Failed; }));
  ASSERT_TRUE(waitUntil([&] { return !page->errorBanner()->errors().isEmpty(); }));
  EXPECT_TRUE(page->errorBanner()->text().contains(empty.path())) << page->errorBanner()->text().toStdString();
  ASSERT_TRUE(waitUntil([&] { return page->startButton()->isEnabled(); }));  // usable again
  EXPECT_TRUE(page->form()->isEnabled());
}

TEST_F(TrainPageTest, ClosingDuringTrainingCanStopWithACheckpoint) {
  auto* window = new MainWindow;
  window->show();
  TrainPage* page = window->trainPage();
  page->setRunsDirectory(runs_.path());
  makeTiny(page->form());
  page->startButton()->click();
  ASSERT_TRUE(waitUntil([&] { return page->curves()->pointCount("total") >= 2; }));
  const QString run = page->controller()->runDirectory();
  window->setCloseDuringTraining(MainWindow::CloseDuringTraining::Stop);
  EXPECT_TRUE(window->close());
  EXPECT_FALSE(page->controller()->isActive());
  EXPECT_FALSE(fs::is_empty(fs::path(run.toStdString()) / "checkpoints"));
  delete window;
}

// "Keep training": the window goes away at once, the run goes on to its end (nothing lost), and
// the application is set to quit when the run has ended rather than when the window closed.
TEST_F(TrainPageTest, ClosingDuringTrainingCanKeepTrainingInTheBackground) {
  auto* window = new MainWindow;
  window->show();
  TrainPage* page = window->trainPage();
  page->setRunsDirectory(runs_.path());
  makeTiny(page->form());
  ASSERT_TRUE(page->form()->setFieldText("optimisation.steps", "25"));
  page->startButton()->click();
  ASSERT_TRUE(waitUntil([&] { return page->curves()->pointCount("total") >= 2; }));
  const QString run = page->controller()->runDirectory();
  window->setCloseDuringTraining(MainWindow::CloseDuringTraining::KeepTraining);
  EXPECT_FALSE(window->close()) << "the close is turned into hiding the window";
  EXPECT_FALSE(window->isVisible());
  EXPECT_FALSE(QApplication::quitOnLastWindowClosed());
  EXPECT_TRUE(page->controller()->isActive()) << "training continues in the background";
  QSignalSpy ended(page->controller(), &EngineController::ended);
  ASSERT_TRUE(waitUntil([&] { return ended.count() == 1; }, 120000));
  EXPECT_EQ(ended.at(0).at(0).value<SessionState>(), SessionState::Finished);
  const auto index = readCheckpointIndex(RunDirectory::open(run.toStdString()));
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(index->step, 25);
  QApplication::setQuitOnLastWindowClosed(true);
  delete window;
}

}  // namespace
}  // namespace folk::ui::test
