// Schedules against hand-computed values.
#include <gtest/gtest.h>

#include <cmath>

#include "core/method/schedules.h"

namespace folk {
namespace {

TEST(CosineSchedule, WarmupThenCosine) {
  // peak 1e-3, min 1e-5, 100 steps, 10 of warm-up.
  CosineSchedule lr{1e-3, 1e-5, 100, 10, 0.0};
  EXPECT_DOUBLE_EQ(lr.at(0), 0.0);
  EXPECT_DOUBLE_EQ(lr.at(5), 5e-4);
  EXPECT_DOUBLE_EQ(lr.at(10), 1e-3);
  // Halfway through the cosine (step 10 + 45): (base + final) / 2.
  EXPECT_NEAR(lr.at(55), 0.5 * (1e-3 + 1e-5), 1e-15);
  // Step 40: progress 30/90 = 1/3, cos(pi/3) = 0.5 -> final + 0.75 (base - final).
  EXPECT_NEAR(lr.at(40), 1e-5 + 0.75 * (1e-3 - 1e-5), 1e-15);
  EXPECT_DOUBLE_EQ(lr.at(100), 1e-5);
  EXPECT_DOUBLE_EQ(lr.at(1000), 1e-5);
}

TEST(CosineSchedule, WeightDecayAndMomentumWithoutWarmup) {
  CosineSchedule wd{0.04, 0.4, 200, 0, 0.04};
  EXPECT_DOUBLE_EQ(wd.at(0), 0.04);
  EXPECT_NEAR(wd.at(100), 0.22, 1e-12);
  // Step 50: progress 1/4, cos(pi/4) = sqrt(2)/2.
  EXPECT_NEAR(wd.at(50), 0.4 + 0.5 * (0.04 - 0.4) * (1.0 + std::sqrt(0.5)), 1e-12);
  EXPECT_DOUBLE_EQ(wd.at(200), 0.4);

  CosineSchedule momentum{0.996, 1.0, 1000, 0, 0.996};
  EXPECT_DOUBLE_EQ(momentum.at(0), 0.996);
  EXPECT_NEAR(momentum.at(500), 0.998, 1e-12);
  EXPECT_NEAR(momentum.at(250), 1.0 - 0.002 * (1.0 + std::sqrt(0.5)), 1e-12);
  EXPECT_DOUBLE_EQ(momentum.at(1000), 1.0);
}

TEST(CosineSchedule, WarmupLongerThanTrainingStaysLinear) {
  CosineSchedule lr{2.0, 0.0, 10, 20, 0.0};
  EXPECT_DOUBLE_EQ(lr.at(5), 0.5);
  EXPECT_DOUBLE_EQ(lr.at(25), 0.0);  // past the end: final
}

TEST(LinearWarmup, TeacherTemperature) {
  LinearWarmup temp{0.04, 0.07, 30};
  EXPECT_DOUBLE_EQ(temp.at(0), 0.04);
  EXPECT_NEAR(temp.at(10), 0.05, 1e-15);
  EXPECT_DOUBLE_EQ(temp.at(30), 0.07);
  EXPECT_DOUBLE_EQ(temp.at(31), 0.07);
  LinearWarmup none{0.04, 0.04, 0};
  EXPECT_DOUBLE_EQ(none.at(0), 0.04);
}

}  // namespace
}  // namespace folk
