// One runs folder for the terminal and the workbench, and runs opened by path: a run that
// `folk train` wrote without --runs-dir is in the Results table of a fresh workbench without any
// setting changed; FOLK_RUNS_DIR wins for both; `folk-workbench RUN` opens Results with the run
// selected, a runs folder opens in Results, images and image folders still go to Explore.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <filesystem>

#include "app/gui/main_window.h"
#include "app/gui/results_page.h"
#include "app/gui/runs_table_model.h"
#include "app/gui/startup_paths.h"
#include "app/gui/train_page.h"
#include "core/io/run_summary.h"
#include "core/io/train_config.h"
#include "gui_test_support.h"
#include "tests/app/cli/cli_runner.h"

namespace folk::ui::test {
namespace {

namespace fs = std::filesystem;

using cli::test::ScopedEnv;

// A run folder as far as listing and selecting go: a valid config.json.
QString fakeRun(const QString& runsDir, const QString& folder) {
  const QString path = QDir(runsDir).filePath(folder);
  QDir().mkpath(path);
  TrainConfig config = defaultConfig();
  config.name = folder.section(QLatin1Char('-'), 1).toStdString();
  saveConfig(config, QDir(path).filePath(QStringLiteral("config.json")).toStdString());
  return path;
}

using RunsFolderTest = IsolatedSettingsTest;

TEST_F(RunsFolderTest, ARunFromTheTerminalIsInResultsWithoutChangingAnySetting) {
  ASSERT_TRUE(fs::exists("/usr/share/datasets/fashion-mnist")) << "dataset-fashion-mnist is not installed";
  QTemporaryDir home;
  ASSERT_TRUE(home.isValid());
  ScopedEnv homeVar("HOME", home.path().toStdString());
  ScopedEnv noOverride("FOLK_RUNS_DIR", std::nullopt);
  ScopedEnv noConfigHome("XDG_CONFIG_HOME", std::nullopt);
  const auto trained = cli::test::runFolk(cli::test::tinyTrainArgs("from-terminal"));
  ASSERT_EQ(trained.exitCode, 0) << trained.err;

  MainWindow window;
  window.show();
  const QString expected = QDir(home.path()).filePath(QStringLiteral("Documents/FOLK runs"));
  EXPECT_EQ(window.trainPage()->runsDirectory(), expected);
  EXPECT_EQ(window.resultsPage()->runsDirectory(), expected);
  const RunsTableModel* model = window.resultsPage()->model();
  // The runs folder is read in the background.
  ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 1 && window.resultsPage()->upToDate(); }));
  EXPECT_EQ(model->runAt(0)->name, "from-terminal");
  EXPECT_EQ(model->runAt(0)->status, "finished");
  EXPECT_EQ(model->runAt(0)->steps, 3);
  EXPECT_FALSE(QSettings().contains(QStringLiteral("train/runsDir"))) << "no setting was needed (or written)";
}

TEST_F(RunsFolderTest, FolkRunsDirWinsOverTheFolderChosenLastTime) {
  QTemporaryDir chosen, shared;
  ASSERT_TRUE(chosen.isValid() && shared.isValid());
  QSettings().setValue(QStringLiteral("train/runsDir"), chosen.path());
  fakeRun(shared.path(), QStringLiteral("20261207T010203Z-shared"));
  {
    ScopedEnv override("FOLK_RUNS_DIR", shared.path().toStdString());
    MainWindow window;
    EXPECT_EQ(window.trainPage()->runsDirectory(), shared.path());
    EXPECT_TRUE(waitUntil([&] { return window.resultsPage()->model()->rowCount() == 1; }));
  }
  ScopedEnv noOverride("FOLK_RUNS_DIR", std::nullopt);
  MainWindow window;
  EXPECT_EQ(window.trainPage()->runsDirectory(), chosen.path());
}

// Explore's Model → Choose run folder… opens where Train and Results look, and follows a change.
TEST_F(RunsFolderTest, ExploreChoosesRunsInTheSameFolder) {
  QTemporaryDir chosen, other;
  ASSERT_TRUE(chosen.isValid() && other.isValid());
  QSettings().setValue(QStringLiteral("train/runsDir"), chosen.path());
  ScopedEnv noOverride("FOLK_RUNS_DIR", std::nullopt);
  MainWindow window;
  EXPECT_EQ(window.explorePage()->runsDirectory(), chosen.path());
  window.trainPage()->setRunsDirectory(other.path());
  EXPECT_EQ(window.explorePage()->runsDirectory(), other.path());
  EXPECT_EQ(window.resultsPage()->runsDirectory(), other.path());
}

TEST_F(RunsFolderTest, PathsAreSortedIntoImagesRunsAndRunsFolders) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString runs = dir.filePath(QStringLiteral("runs"));
  const QString run = fakeRun(runs, QStringLiteral("20261207T010203Z-picked"));
  const QString images = dir.filePath(QStringLiteral("photos"));
  QDir().mkpath(images + QStringLiteral("/cats"));
  const QString image = QString::fromUtf8(FOLK_SAMPLE_DIR) + QStringLiteral("/camera.png");
  const QString missing = dir.filePath(QStringLiteral("gone.png"));

  const StartupPaths sorted = classifyStartupPaths({image, images, run, missing});
  EXPECT_EQ(sorted.images, (QStringList{image, images, missing}));
  EXPECT_EQ(sorted.run, run);
  EXPECT_TRUE(sorted.runsFolder.isEmpty());
  const StartupPaths folder = classifyStartupPaths({runs});
  EXPECT_TRUE(folder.images.isEmpty());
  EXPECT_EQ(folder.runsFolder, runs);
  // As a shell's completion writes them: the trailing slash must not make the run its own parent.
  EXPECT_EQ(classifyStartupPaths({run + QStringLiteral("/")}).run, run);
  EXPECT_EQ(classifyStartupPaths({runs + QStringLiteral("/")}).runsFolder, runs);
  // Relative paths become absolute: the runs folder is kept in the settings.
  const QString cwd = QDir::currentPath();
  ASSERT_TRUE(QDir::setCurrent(runs));
  const StartupPaths relative = classifyStartupPaths({QStringLiteral("20261207T010203Z-picked")});
  QDir::setCurrent(cwd);
  EXPECT_EQ(relative.run, run);
}

TEST_F(RunsFolderTest, ARunGivenOnTheCommandLineOpensSelectedInResults) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString runs = dir.filePath(QStringLiteral("runs"));
  fakeRun(runs, QStringLiteral("20261207T010203Z-other"));
  const QString run = fakeRun(runs, QStringLiteral("20261207T020304Z-picked"));
  const StartupPaths startup = classifyStartupPaths({run});
  MainWindow window(startup.images);
  openStartupRuns(window, startup);
  window.show();
  EXPECT_EQ(window.currentWorkspace(), 2);
  ResultsPage* results = window.resultsPage();
  // The run's folder is checked in the background; then Results shows its runs folder.
  ASSERT_TRUE(waitUntil([&] {
    return QFileInfo(results->runsDirectory()).canonicalFilePath() == QFileInfo(runs).canonicalFilePath();
  }));
  // The run is selected once the background scan lists it.
  ASSERT_TRUE(waitUntil([&] { return results->model()->rowCount() == 2 && results->selectedRuns().size() == 1; }));
  EXPECT_EQ(results->model()->rowCount(), 2);
  ASSERT_EQ(results->selectedRuns().size(), 1);
  EXPECT_EQ(QFileInfo(results->selectedRuns().front()).canonicalFilePath(), QFileInfo(run).canonicalFilePath());

  // A runs folder: Results on that folder, nothing selected.
  const StartupPaths folder = classifyStartupPaths({runs});
  MainWindow second(folder.images);
  openStartupRuns(second, folder);
  EXPECT_EQ(second.currentWorkspace(), 2);
  EXPECT_EQ(second.resultsPage()->runsDirectory(), runs);
  EXPECT_TRUE(waitUntil([&] { return second.resultsPage()->model()->rowCount() == 2; }));
  EXPECT_TRUE(second.resultsPage()->selectedRuns().isEmpty());
}

}  // namespace
}  // namespace folk::ui::test
