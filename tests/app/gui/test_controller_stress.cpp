// Thread stress: 1000 seeded-random start / pause / resume / stop / close-window
// commands to real sessions through the EngineController, with the GUI thread's event loop turning
// in between. Bounded time, no deadlock, no crash; afterwards the state is consistent, and every
// session that ended Stopped left a checkpoint at the step it stopped and a state.json saying so.
// (Writing it showed that a start right after a stop discarded the previous session's last reports,
// its `ended` among them; EngineController::launch now drains them first.)
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "app/gui/engine_controller.h"
#include "core/io/run_directory.h"
#include "wait_until.h"
#include "tiny_train_config.h"

namespace fs = std::filesystem;

namespace folk::ui::test {
namespace {

struct EndRecord {
  std::string run;
  SessionState state;
};

nlohmann::json readJson(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

TEST(EngineControllerStress, ThousandRandomCommandsEndConsistently) {
  QTemporaryDir runs;
  TrainConfig config = tinyTrainConfig(1000000);  // never finishes by itself
  config.data.trainSubset = 64;
  config.evaluation.atEnd = false;
  config.checkpoint.intervalSteps = 0;  // checkpoints only when a session stops
  config.checkpoint.keepLast = 1;

  std::mt19937 random(6);
  // Weights: start 3, pause 2, resume 2, stop 3, close 1, and up to 120 ms between commands. A
  // session needs most of a second to set up (the dataset is opened) before a stop can take
  // effect; with closes more frequent hardly a session would end while its window lives.
  std::discrete_distribution<int> command({3, 2, 2, 3, 1});
  std::uniform_int_distribution<int> waitMs(0, 120);
  std::vector<EndRecord> ends;
  std::map<std::string, int> counts;
  std::string lastRun;
  auto controller = std::make_unique<EngineController>();
  int stateChanges = 0;
  auto watch = [&](EngineController* c) {
    QObject::connect(c, &EngineController::ended, c, [&ends, c](SessionState s) {
      ends.push_back({c->runDirectory().toStdString(), s});
    });
    QObject::connect(c, &EngineController::stateChanged, c, [&stateChanges](SessionState) { ++stateChanges; });
  };
  watch(controller.get());

  const auto started = std::chrono::steady_clock::now();
  const int commands = qEnvironmentVariableIntValue("FOLK_STRESS_COMMANDS") > 0
                           ? qEnvironmentVariableIntValue("FOLK_STRESS_COMMANDS")
                           : 1000;
  for (int i = 0; i < commands; ++i) {
    switch (command(random)) {
      case 0: {
        // Start: a new run the first time, then mostly resume the last one (exercises checkpoints).
        QString error;
        const bool fresh = lastRun.empty() || random() % 4 == 0;
        const bool ok = fresh ? controller->startNew(config, runs.path(), &error)
                              : controller->resumeRun(QString::fromStdString(lastRun), &error);
        if (ok) lastRun = controller->runDirectory().toStdString();
        ++counts[ok ? "started" : "start refused"];
        break;
      }
      case 1: controller->pause(); ++counts["pause"]; break;
      case 2: controller->resume(); ++counts["resume"]; break;
      case 3: controller->stop(); ++counts["stop"]; break;
      case 4:
        // Closing the window: the controller goes (stopping and joining its session), a new one comes.
        controller.reset();
        controller = std::make_unique<EngineController>();
        watch(controller.get());
        ++counts["close"];
        break;
    }
    QTest::qWait(waitMs(random));
  }
  controller->stop();
  controller->waitForEnd();
  QTest::qWait(100);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(seconds, 600.0) << "bounded time";
  EXPECT_FALSE(controller->isActive());
  std::cout << commands << " commands in " << seconds << " s:";
  for (const auto& [name, n] : counts) std::cout << " " << name << " " << n;
  std::cout << "; " << stateChanges << " state changes, " << ends.size() << " sessions ended with a signal\n";
  EXPECT_GT(counts["started"], 10);
  // Sessions of a closed controller end without a signal (their window is gone); every other
  // session's end is signalled, also when a start follows its stop before the 30 ms drain. How many
  // end while their window lives depends on how fast sessions set up: 20+ in release, but exactly 5
  // under ThreadSanitizer on a slow day (2026-11-27, CI failed on "> 5"). The floor only proves
  // that the signal path works; the per-run consistency below is the real check.
  EXPECT_GE(ends.size(), 1u);

  // Every run folder: a checkpoint whose step matches state.json, which says stopped (no session
  // may be left running, paused or failed).
  int folders = 0;
  for (const auto& entry : fs::directory_iterator(runs.path().toStdString())) {
    ++folders;
    const auto state = readJson(entry.path() / "state.json");
    EXPECT_EQ(state.at("state"), "stopped") << entry.path() << " " << state.dump();
    const auto index = readCheckpointIndex(RunDirectory::open(entry.path().string()));
    ASSERT_TRUE(index.has_value()) << entry.path() << ": a stopped run without a checkpoint";
    EXPECT_EQ(index->step, state.at("step").get<std::int64_t>()) << entry.path();
    EXPECT_TRUE(fs::exists(entry.path() / "checkpoints" / index->file)) << entry.path();
  }
  EXPECT_GE(folders, 1);
  for (const auto& e : ends) EXPECT_EQ(e.state, SessionState::Stopped) << e.run;
}

}  // namespace
}  // namespace folk::ui::test
