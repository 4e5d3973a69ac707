// differingSettings: which settings of several runs differ, with unreadable configs left out.
#include <gtest/gtest.h>

#include "core/io/settings_comparison.h"

namespace {

using Settings = std::vector<std::string>;

TEST(SettingsComparison, ListsTheSettingsWhoseValueIsNotTheSameInEveryRun) {
  const Settings a = {"folk", "0.001", "0.005, 0.01", "0"};
  const Settings b = {"folk", "0.004", "0.005, 0.01", "1"};
  const Settings c = {"folk", "0.001", "0.005, 0.01", "0"};
  EXPECT_EQ(folk::differingSettings({a, b, c}), (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(folk::differingSettings({a, c}), std::vector<std::size_t>{});
  EXPECT_EQ(folk::differingSettings({c, b}), (std::vector<std::size_t>{1, 3}));
}

TEST(SettingsComparison, RunsWithoutSettingsTakeNoPartAndOneRunDiffersInNothing) {
  const Settings a = {"folk", "0.001"};
  const Settings b = {"mfm", "0.001"};
  EXPECT_TRUE(folk::differingSettings({}).empty());
  EXPECT_TRUE(folk::differingSettings({a}).empty());
  EXPECT_TRUE(folk::differingSettings({a, Settings{}}).empty());
  EXPECT_EQ(folk::differingSettings({Settings{}, a, Settings{}, b}), std::vector<std::size_t>{0});
  // A shorter list (should not happen) differs where it has no value.
  EXPECT_EQ(folk::differingSettings({a, Settings{"folk"}}), std::vector<std::size_t>{1});
}

}  // namespace
