// When a run's self-distillation is reported as collapsed, and when not.
#include <gtest/gtest.h>

#include <cmath>

#include "core/method/collapse_check.h"
#include "core/method/train_step.h"

namespace folk {
namespace {

StepValues diagnostics(double entropy, double used) {
  StepValues v;
  v[StepMetric::TeacherEntropy] = entropy;
  v[StepMetric::PrototypesUsed] = used;
  return v;
}

const double kLn256 = std::log(256.0);

TEST(CollapseCheck, NothingIsJudgedDuringTheWarmUp) {
  CollapseCheck check(256, 150);
  for (int step = 1; step < 150; ++step) EXPECT_FALSE(check.update(step, diagnostics(kLn256, 256))) << step;
  const auto change = check.update(150, diagnostics(kLn256, 256));
  ASSERT_TRUE(change.has_value());
  EXPECT_EQ(change->kind, CollapseKind::Uniform);
  EXPECT_EQ(check.state(), CollapseKind::Uniform);
}

TEST(CollapseCheck, WarmUpIsAtLeastThePrototypeWindow) {
  CollapseCheck check(256, 0);
  for (int step = 1; step < kPrototypeUsageWindowSteps; ++step) EXPECT_FALSE(check.update(step, diagnostics(kLn256, 1)));
  EXPECT_TRUE(check.update(kPrototypeUsageWindowSteps, diagnostics(kLn256, 1)).has_value());
}

TEST(CollapseCheck, UniformCollapseWarnsOnceNamesTheSettingsAndClears) {
  CollapseCheck check(256, 0);
  int warnings = 0;
  std::string message;
  for (int step = 1; step <= 300; ++step) {
    if (auto change = check.update(step, diagnostics(0.99 * kLn256, 200))) {
      ++warnings;
      message = change->message;
    }
  }
  EXPECT_EQ(warnings, 1);
  EXPECT_NE(message.find("uniform collapse at step 100"), std::string::npos) << message;
  EXPECT_NE(message.find("objective.teacher_temp"), std::string::npos) << message;
  EXPECT_NE(message.find("ln K = 5.55"), std::string::npos) << message;
  // The entropy falls: once its recent average is below the threshold the warning clears.
  std::optional<CollapseChange> cleared;
  for (int step = 301; step <= 400 && !cleared; ++step) cleared = check.update(step, diagnostics(0.5 * kLn256, 200));
  ASSERT_TRUE(cleared.has_value());
  EXPECT_EQ(cleared->kind, CollapseKind::None);
  EXPECT_NE(cleared->message.find("left the uniform collapse"), std::string::npos) << cleared->message;
}

TEST(CollapseCheck, OneNoisyStepDoesNotFlipTheState) {
  CollapseCheck check(256, 0);
  for (int step = 1; step <= 200; ++step) {
    const double entropy = step == 150 ? kLn256 : 0.6 * kLn256;
    EXPECT_FALSE(check.update(step, diagnostics(entropy, 100))) << step;
  }
}

TEST(CollapseCheck, OnePrototypeCollapse) {
  CollapseCheck check(1024, 0);
  std::optional<CollapseChange> change;
  for (int step = 1; step <= 100 && !change; ++step) change = check.update(step, diagnostics(0.01, 1));
  ASSERT_TRUE(change.has_value());
  EXPECT_EQ(change->kind, CollapseKind::OnePrototype);
  EXPECT_NE(change->message.find("only 1 of 1024 prototypes"), std::string::npos) << change->message;
  EXPECT_NE(change->message.find("objective.center_momentum"), std::string::npos) << change->message;
  // 10 of 1024 (under 1 %) is still a collapse; 11 is not.
  EXPECT_FALSE(check.update(101, diagnostics(0.01, 10)));
  const auto recovered = check.update(102, diagnostics(0.01, 11));
  ASSERT_TRUE(recovered.has_value());
  EXPECT_EQ(recovered->kind, CollapseKind::None);
}

TEST(CollapseCheck, HealthyAndTeacherlessRunsStayQuiet) {
  CollapseCheck check(256, 0);
  StepValues noTeacher;  // mfm: no diagnostics at all
  noTeacher[StepMetric::Total] = 1.0;
  for (int step = 1; step <= 500; ++step) {
    EXPECT_FALSE(check.update(step, diagnostics(0.5 * kLn256, 120)));
    EXPECT_FALSE(check.update(step, noTeacher));
  }
  EXPECT_EQ(check.state(), CollapseKind::None);
}

TEST(CollapseCheck, WarmUpStepsFollowTheSchedules) {
  MethodConfig method;
  method.stepsPerEpoch = 400;
  method.optimisation.warmupEpochs = 0.5;
  method.objective.warmupTeacherTempEpochs = 1.5;
  method.optimisation.freezeLastLayerEpochs = 1.0;
  EXPECT_EQ(collapseWarmupSteps(method), 600);
}

}  // namespace
}  // namespace folk
