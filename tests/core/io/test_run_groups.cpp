// Groups of runs for the Results workspace, on run and study folders written as the engine and
// `folk study` write them: the listing finds the runs inside study folders (and never blocks on a
// study.json that is a named pipe), a study's rows are its objectives (finished runs only), its
// baselines one per seed and the paired difference, runs group by any setting, and a group's
// curve band is the mean, min and max per step. Expected figures computed with NumPy (mean,
// std with ddof=1).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>

#include "core/io/run_groups.h"
#include "tests/core/io/study_fixture.h"

namespace fs = std::filesystem;

namespace folk {
namespace {

using test::FixtureRun;

class RunGroupsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("folk_run_groups_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // folk and mfm over seeds 0-2; mfm's seed 2 is still running (its eval.json is a live point).
  std::string writeStudy() {
    std::vector<FixtureRun> runs{
        {"folk", 0, "finished", 0.712, 0.754, 0.603, 20.5, 0.401, 0.520, 5},
        {"folk", 1, "finished", 0.698, 0.761, 0.611, 21.0, 0.395, 0.520, 5},
        {"folk", 2, "finished", 0.731, 0.749, 0.598, 19.5, 0.410, 0.530, 5},
        {"mfm", 0, "finished", 0.688, 0.741, 0.590, 18.0, std::nullopt, std::nullopt, 5},
        {"mfm", 1, "finished", 0.702, 0.750, 0.581, 18.5, std::nullopt, std::nullopt, 5},
        {"mfm", 2, "running", 0.650, 0.700, 0.500, 15.0, std::nullopt, std::nullopt, 3},
    };
    return test::writeFixtureStudy(root_.string(), "tiny", {"folk", "mfm"}, {0, 1, 2}, runs);
  }

  static const RunGroup* find(const RunGroups& groups, const std::string& label) {
    for (const auto& g : groups.groups)
      if (g.label == label) return &g;
    return nullptr;
  }
  static std::size_t metric(const RunGroups& groups, const std::string& name) {
    const auto it = std::find(groups.metrics.begin(), groups.metrics.end(), name);
    EXPECT_NE(it, groups.metrics.end()) << name;
    return std::size_t(it - groups.metrics.begin());
  }

  fs::path root_;
};

TEST_F(RunGroupsTest, TheListingFindsTheRunsInsideStudyFolders) {
  const auto loose = test::writeFixtureRun(root_.string(), {"dino", 0, "finished", 0.5, 0.5, 0.5, 5.0});
  const auto study = writeStudy();
  const auto listing = listRunsFolder(root_.string());
  EXPECT_EQ(listing.runs.size(), 7u);
  EXPECT_NE(std::find(listing.runs.begin(), listing.runs.end(), loose), listing.runs.end());
  ASSERT_EQ(listing.studies.size(), 1u);
  EXPECT_EQ(listing.studies[0].path, study);
  EXPECT_EQ(listing.studies[0].plan.name, "tiny");
  EXPECT_EQ(listing.studies[0].plan.objectives, (std::vector<std::string>{"folk", "mfm"}));
  EXPECT_EQ(listing.studies[0].problem, "");
  EXPECT_EQ(listRunFolders(root_.string()), listing.runs);
  // `folk runs` lists them too.
  EXPECT_EQ(scanRuns(root_.string()).size(), 7u);

  // The runs folder may be the study folder itself.
  const auto inside = listRunsFolder(study);
  EXPECT_EQ(inside.runs.size(), 6u);
  ASSERT_EQ(inside.studies.size(), 1u);
  EXPECT_EQ(inside.studies[0].plan.name, "tiny");
}

TEST_F(RunGroupsTest, ADamagedOrPipedStudyPlanIsAProblemNotABlock) {
  const auto study = writeStudy();
  const auto plan = fs::path(study) / StudyFiles::plan;
  std::ofstream(plan) << "{\"name\": ";
  auto listing = listRunsFolder(root_.string());
  ASSERT_EQ(listing.studies.size(), 1u);
  EXPECT_NE(listing.studies[0].problem.find("is damaged"), std::string::npos) << listing.studies[0].problem;
  EXPECT_EQ(listing.runs.size(), 6u);

  fs::remove(plan);
  ASSERT_EQ(::mkfifo(plan.c_str(), 0600), 0);
  auto pending = std::async(std::launch::async, [&] { return listRunsFolder(root_.string()); });
  ASSERT_EQ(pending.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "blocked on a named pipe";
  listing = pending.get();
  ASSERT_EQ(listing.studies.size(), 1u);
  EXPECT_NE(listing.studies[0].problem.find("named pipe"), std::string::npos) << listing.studies[0].problem;
  // Without a plan the runs still group by their objectives.
  const auto groups = groupStudyRuns(scanRuns(root_.string()), listing.studies);
  EXPECT_NE(find(groups, "folk"), nullptr);
  EXPECT_NE(find(groups, "mfm"), nullptr);
}

TEST_F(RunGroupsTest, AStudyGroupsByObjectiveWithItsBaselinesAndThePairedDifference) {
  const auto study = writeStudy();
  const auto listing = listRunsFolder(root_.string());
  const auto groups = groupStudyRuns(scanRuns(root_.string()), listing.studies);
  ASSERT_EQ(groups.metrics, (std::vector<std::string>{"k-NN", "linear", "10% labels", "effective rank"}));
  std::vector<std::string> labels;
  for (const auto& g : groups.groups) labels.push_back(g.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"folk", "mfm", "random-init", "raw pixels", "folk - mfm (paired per seed)"}));

  const RunGroup* folk = find(groups, "folk");
  ASSERT_NE(folk, nullptr);
  EXPECT_EQ(folk->kind, RunGroup::Kind::Objective);
  EXPECT_EQ(folk->study, study);
  EXPECT_EQ(folk->studyName, "tiny");
  EXPECT_EQ(folk->id, study + "|folk");
  EXPECT_EQ(folk->runs.size(), 3u);
  EXPECT_EQ(folk->protocol, "fast, test split, 200 / 100 images");
  const auto knn = metric(groups, "k-NN"), linear = metric(groups, "linear"), few = metric(groups, "10% labels"),
             rank = metric(groups, "effective rank");
  EXPECT_NEAR(folk->values[knn].mean, 71.36666666666666, 1e-9);
  EXPECT_NEAR(folk->values[knn].std, 1.6563010998406442, 1e-9);
  EXPECT_EQ(folk->values[knn].n, 3);
  EXPECT_NEAR(folk->values[linear].mean, 75.46666666666667, 1e-9);
  EXPECT_NEAR(folk->values[linear].std, 0.6027713773341649, 1e-9);
  EXPECT_NEAR(folk->values[few].mean, 60.4, 1e-9);
  EXPECT_NEAR(folk->values[few].std, 0.6557438524302023, 1e-9);
  EXPECT_NEAR(folk->values[rank].mean, 20.333333333333332, 1e-9);
  EXPECT_NEAR(folk->values[rank].std, 0.7637626158259733, 1e-9);

  // The running run is a member, not a figure: its eval.json is a point of its live curve.
  const RunGroup* mfm = find(groups, "mfm");
  ASSERT_NE(mfm, nullptr);
  EXPECT_EQ(mfm->runs.size(), 3u);
  EXPECT_EQ(mfm->values[knn].n, 2);
  EXPECT_NEAR(mfm->values[knn].mean, 69.5, 1e-9);
  EXPECT_NEAR(mfm->values[knn].std, 0.9899494936611706, 1e-9);

  const RunGroup* random = find(groups, "random-init");
  ASSERT_NE(random, nullptr);
  EXPECT_EQ(random->kind, RunGroup::Kind::Baseline);
  EXPECT_EQ(random->runs.size(), 3u);  // the folk runs measured it
  EXPECT_NEAR(random->values[knn].mean, 40.199999999999996, 1e-9);
  EXPECT_NEAR(random->values[knn].std, 0.7549834435270749, 1e-9);
  const RunGroup* raw = find(groups, "raw pixels");
  ASSERT_NE(raw, nullptr);
  EXPECT_NEAR(raw->values[knn].mean, 52.333333333333336, 1e-9);
  EXPECT_NEAR(raw->values[knn].std, 0.5773502691896258, 1e-9);

  const RunGroup* paired = find(groups, "folk - mfm (paired per seed)");
  ASSERT_NE(paired, nullptr);
  EXPECT_EQ(paired->kind, RunGroup::Kind::Difference);
  EXPECT_TRUE(paired->runs.empty());
  EXPECT_EQ(paired->values[knn].n, 2);  // seeds 0 and 1: mfm's seed 2 has not finished
  EXPECT_NEAR(paired->values[knn].mean, 1.0, 1e-9);
  EXPECT_NEAR(paired->values[knn].std, 1.9798989873223412, 1e-9);
  EXPECT_NEAR(paired->values[linear].mean, 1.2000000000000028, 1e-9);
  EXPECT_NEAR(paired->values[linear].std, 0.14142135623732158, 1e-9);

  // The same rows as the summary `folk study` writes from the finished runs' eval.json.
  std::vector<StudyRunEval> evals;
  for (const auto& spec : listing.studies[0].plan.runs()) {
    const auto run = summarizeRun(findStudyRun(study, spec));
    if (run.status != "finished") continue;
    std::ifstream in(fs::path(run.path) / "eval.json");
    evals.push_back({spec.objective, spec.seed, nlohmann::json::parse(in)});
  }
  const auto written = summarizeStudy({"folk", "mfm"}, evals);
  for (std::size_t m = 0; m < written.metrics.size(); ++m) {
    EXPECT_DOUBLE_EQ(written.rows[0].values[m].mean, folk->values[metric(groups, written.metrics[m])].mean);
    EXPECT_DOUBLE_EQ(written.rows[1].values[m].std, mfm->values[metric(groups, written.metrics[m])].std);
  }
}

TEST_F(RunGroupsTest, RunsGroupByAnySettingInNumericOrder) {
  FixtureRun a{"folk", 0, "finished", 0.712, 0.754, 0.603, 20.5};
  FixtureRun b{"folk", 1, "finished", 0.698, 0.761, 0.611, 21.0};
  FixtureRun c{"dino", 0, "finished", 0.700, 0.700, 0.600, 19.0};
  FixtureRun d{"mfm", 0, "running", 0.600, 0.600, 0.500, 10.0};
  c.prototypes = 128;
  d.prototypes = 1024;
  for (const auto& r : {a, b, c, d}) test::writeFixtureRun(root_.string(), r);
  writeStudy();  // its runs (K = 64) group with the others
  const auto runs = scanRuns(root_.string());

  auto groups = groupRunsBySetting(runs, "model.prototypes");
  std::vector<std::string> labels;
  for (const auto& g : groups.groups) labels.push_back(g.label);
  ASSERT_EQ(labels, (std::vector<std::string>{"64", "128", "1024"}));  // not "1024" < "128" < "64"
  const auto knn = metric(groups, "k-NN");
  EXPECT_EQ(groups.groups[0].kind, RunGroup::Kind::Setting);
  EXPECT_EQ(groups.groups[0].id, "model.prototypes=64");
  EXPECT_EQ(groups.groups[0].runs.size(), 8u);
  EXPECT_EQ(groups.groups[0].values[knn].n, 7);  // two loose runs, five finished study runs
  EXPECT_EQ(groups.groups[1].values[knn].n, 1);
  EXPECT_NEAR(groups.groups[1].values[knn].mean, 70.0, 1e-9);
  EXPECT_EQ(groups.groups[1].values[knn].std, 0.0);
  EXPECT_EQ(groups.groups[2].runs.size(), 1u);
  EXPECT_EQ(groups.groups[2].values[knn].n, 0);  // still running

  // Two runs of the same seed are two runs, not one.
  fs::remove_all(root_);
  fs::create_directories(root_);
  test::writeFixtureRun(root_.string(), a);
  a.knn = 0.698;
  test::writeFixtureRun(root_.string(), a);
  groups = groupRunsBySetting(scanRuns(root_.string()), "objective.name");
  ASSERT_EQ(groups.groups.size(), 1u);
  EXPECT_EQ(groups.groups[0].label, "folk");
  EXPECT_EQ(groups.groups[0].values[knn].n, 2);
  EXPECT_NEAR(groups.groups[0].values[knn].mean, 70.5, 1e-9);
  EXPECT_NEAR(groups.groups[0].values[knn].std, 0.9899494936611706, 1e-9);

  EXPECT_TRUE(groupRunsBySetting(runs, "no.such_setting").groups.empty());
}

TEST(CurveBand, MeanMinAndMaxPerStepOverTheCurvesThatHaveIt) {
  const double nan = std::nan("");
  const auto band = curveBand({{{1, 2.0}, {2, 4.0}, {3, 6.0}}, {{1, 1.0}, {2, 5.0}, {4, 3.0}}, {{2, nan}, {3, 7.0}}});
  EXPECT_EQ(band.steps, (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(band.mean, (std::vector<double>{1.5, 4.5, 6.5, 3.0}));
  EXPECT_EQ(band.lower, (std::vector<double>{1.0, 4.0, 6.0, 3.0}));
  EXPECT_EQ(band.upper, (std::vector<double>{2.0, 5.0, 7.0, 3.0}));
  EXPECT_TRUE(curveBand({}).steps.empty());
}

}  // namespace
}  // namespace folk
