// EngineController, headless with QSignalSpy: a real tiny run is delivered completely and in
// order, steps arrive coalesced (fewer signals than steps), the end is signalled once after the
// thread is joined, and a second start while one runs is refused with a reason.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <thread>

#include "app/gui/engine_controller.h"
#include "wait_until.h"
#include "tiny_train_config.h"

namespace folk::ui::test {
namespace {

TrainConfig tinyConfig(std::int64_t steps) {
  TrainConfig c = tinyTrainConfig(steps);
  c.evaluation.atEnd = false;
  c.checkpoint.intervalSteps = 0;
  return c;
}

TEST(EngineController, DeliversEveryStepCoalescedAndSignalsTheEndOnce) {
  QTemporaryDir runs;
  EngineController controller;
  QSignalSpy steps(&controller, &EngineController::stepsArrived);
  QSignalSpy ended(&controller, &EngineController::ended);
  QSignalSpy started(&controller, &EngineController::runStarted);
  QString error;
  ASSERT_TRUE(controller.startNew(tinyConfig(40), runs.path(), &error)) << error.toStdString();
  EXPECT_EQ(started.count(), 1);
  QString second;
  EXPECT_FALSE(controller.startNew(tinyConfig(40), runs.path(), &second));
  EXPECT_TRUE(second.contains("already running"));
  // The GUI thread is busy (no events) while the whole run happens: everything waits in the
  // queue, and the next drain delivers all 40 steps as one signal.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (controller.isActive() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_FALSE(controller.isActive());
  EXPECT_EQ(steps.count(), 0);
  ASSERT_TRUE(waitUntil([&] { return ended.count() == 1; }));
  EXPECT_EQ(ended.at(0).at(0).value<SessionState>(), SessionState::Finished);
  EXPECT_FALSE(controller.isActive());
  std::vector<std::int64_t> seen;
  for (const auto& call : steps) {
    for (const auto& r : call.at(0).value<QVector<StepReport>>()) seen.push_back(r.step);
  }
  ASSERT_EQ(seen.size(), 40u);
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], std::int64_t(i + 1));
  EXPECT_EQ(steps.count(), 1) << "steps are coalesced per drain";
  QTest::qWait(100);
  EXPECT_EQ(ended.count(), 1);
}

TEST(EngineController, RefusesAnInvalidConfigWithTheProblems) {
  QTemporaryDir runs;
  EngineController controller;
  auto config = tinyConfig(5);
  config.model.patchSize = 5;
  QString error;
  EXPECT_FALSE(controller.startNew(config, runs.path(), &error));
  EXPECT_TRUE(error.contains("patch size 5")) << error.toStdString();
  EXPECT_FALSE(controller.isActive());
}

}  // namespace
}  // namespace folk::ui::test
