// Run summaries read from run folders written by hand here (as another process would): config,
// state.json, metrics with a cut last line, eval.json with a history; damaged files give a status
// instead of an exception; the learning table in CSV and Markdown.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "core/io/run_summary.h"
#include "core/io/train_config.h"

namespace fs = std::filesystem;

namespace folk {
namespace {

class RunSummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("folk_run_summary_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string makeRun(const std::string& name, const std::string& objective, int steps) {
    TrainConfig config = defaultConfig();
    config.name = name;
    config.objective.name = objective;
    config.data.path = root_.string();  // exists
    const auto run = RunDirectory::create(root_.string(), config);
    MetricsWriter writer(run.metricsJsonlPath(), run.metricsCsvPath());
    for (int s = 1; s <= steps; ++s) {
      MetricsRow row;
      row.step = s;
      row.values[StepMetric::Total] = 1.0 / s;
      writer.append(row);
    }
    return run.root();
  }
  static void write(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
  }

  fs::path root_;
};

TEST_F(RunSummaryTest, ReadsStateMetricsAndEvaluation) {
  const auto path = makeRun("alpha", "dino", 30);
  writeRunState(path, "stopped", 30);
  write(fs::path(path) / "eval.json", R"({"step": 30, "backbone": "teacher",
    "trained": {"knn_top1": 0.70, "linear_top1": 0.75, "few_shot_top1": {"1%": 0.40, "10%": 0.60}},
    "random_init": {"knn_top1": 0.64, "linear_top1": 0.66, "few_shot_top1": {"1%": 0.35, "10%": 0.50}},
    "history": [{"step": 10, "knn_top1": 0.72, "linear_top1": 0.70}, {"step": 30, "knn_top1": 0.70, "linear_top1": 0.75}]})");
  // A cut last line, as a crash mid-write leaves it.
  std::ofstream(fs::path(path) / "metrics.jsonl", std::ios::app) << R"({"step": 31, "tot)";
  const auto s = summarizeRun(path);
  EXPECT_EQ(s.name, "alpha");
  EXPECT_EQ(s.objective, "dino");
  EXPECT_EQ(s.model, "vit-nano");
  EXPECT_EQ(s.steps, 30);
  EXPECT_EQ(s.status, "stopped");
  EXPECT_TRUE(s.hasEval);
  EXPECT_EQ(s.evalStep, 30);
  EXPECT_DOUBLE_EQ(s.final.knnTop1, 0.70);
  EXPECT_DOUBLE_EQ(s.bestKnnTop1, 0.72);
  EXPECT_DOUBLE_EQ(s.bestLinearTop1, 0.75);
  ASSERT_EQ(s.final.fewShotFractions.size(), 2u);
  EXPECT_DOUBLE_EQ(s.final.fewShotFractions[0], 0.01);
  EXPECT_DOUBLE_EQ(s.final.fewShotTop1[1], 0.60);
  ASSERT_TRUE(s.randomInit.has_value());
  EXPECT_DOUBLE_EQ(s.randomInit->knnTop1, 0.64);
  EXPECT_FALSE(s.created.empty());
  EXPECT_NE(s.created.find("UTC"), std::string::npos);

  const auto csv = learningTableCsv({s});
  EXPECT_NE(csv.find("run,objective,model,steps,k-NN %,best k-NN %,linear %,1 % labels %,10 % labels %"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",dino,vit-nano,30,70.0,72.0,75.0,40.0,60.0,64.0,66.0,35.0,50.0\n"), std::string::npos) << csv;
  const auto md = learningTableMarkdown({s});
  EXPECT_EQ(md.rfind("| run | objective |", 0), 0u) << md;
  EXPECT_NE(md.find("| dino | vit-nano | 30 | 70.0 | 72.0 | 75.0 |"), std::string::npos) << md;
}

TEST_F(RunSummaryTest, StaleRunningRunsAreInterruptedAndDamageIsReported) {
  const auto running = makeRun("beta", "folk", 5);
  writeRunState(running, "running", 5);
  EXPECT_EQ(summarizeRun(running).status, "running");
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(fs::path(running) / "state.json", old);
  fs::last_write_time(fs::path(running) / "metrics.jsonl", old);
  EXPECT_EQ(summarizeRun(running).status, "interrupted");

  const auto broken = makeRun("gamma", "mfm", 0);
  write(fs::path(broken) / "config.json", "{ not json");
  const auto b = summarizeRun(broken);
  EXPECT_EQ(b.status, "unreadable");
  EXPECT_NE(b.statusDetail.find("config.json"), std::string::npos) << b.statusDetail;

  const auto noState = makeRun("delta", "folk", 0);
  EXPECT_EQ(summarizeRun(noState).status, "new");
  write(fs::path(noState) / "eval.json", "{ cut");
  EXPECT_FALSE(summarizeRun(noState).hasEval);
  EXPECT_NE(summarizeRun(noState).statusDetail.find("eval.json"), std::string::npos);
}

TEST_F(RunSummaryTest, LongMetricsFilesAreReadFromTheirTail) {
  const auto path = makeRun("long", "folk", 5000);  // ~270 KB: far more than the 64 KB tail
  EXPECT_GT(fs::file_size(fs::path(path) / "metrics.jsonl"), 200u * 1024u);
  EXPECT_EQ(summarizeRun(path).steps, 5000);
  EXPECT_DOUBLE_EQ(summarizeRun(path).lastMetrics[StepMetric::Total], 1.0 / 5000);
  std::ofstream(fs::path(path) / "metrics.jsonl", std::ios::app) << "{\"step\": 5001, \"total\": ";  // cut
  EXPECT_EQ(summarizeRun(path).steps, 5000);
}

TEST_F(RunSummaryTest, ScanListsRunFoldersNewestFirstAndSkipsOtherFolders) {
  makeRun("one", "folk", 1);
  fs::create_directories(root_ / "not-a-run");
  sleep(1);  // folder names carry the second
  makeRun("two", "dino", 2);
  const auto runs = scanRuns(root_.string());
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].name, "two");
  EXPECT_EQ(runs[1].name, "one");
  EXPECT_TRUE(scanRuns((root_ / "missing").string()).empty());
  EXPECT_EQ(learningTableCsv(runs).find('\n'), learningTableCsv(runs).size() - 1) << "no evaluated runs: header only";
}

// A named pipe where a file should be would block the reader until a writer came (forever, for the
// Results workspace's watcher): every such file is skipped with a message naming it, and the rest
// of the run is still summarised. (A test that regresses hangs here, which ctest's timeout ends.)
TEST_F(RunSummaryTest, NamedPipesInARunAreSkippedWithAMessage) {
  const auto fifoFiles = makeRun("pipes", "folk", 4);
  writeRunState(fifoFiles, "stopped", 4);
  for (const char* name : {"metrics.jsonl", "eval.json", "state.json"}) {
    fs::remove(fs::path(fifoFiles) / name);
    ASSERT_EQ(::mkfifo((fs::path(fifoFiles) / name).c_str(), 0600), 0) << name;
  }
  const auto s = summarizeRun(fifoFiles);
  EXPECT_EQ(s.name, "pipes");
  EXPECT_FALSE(s.hasEval);
  ASSERT_EQ(s.skipped.size(), 3u);
  for (const char* name : {"metrics.jsonl", "eval.json", "state.json"}) {
    EXPECT_TRUE(std::any_of(s.skipped.begin(), s.skipped.end(), [&](const std::string& m) {
      return m.find(name) != std::string::npos && m.find("named pipe") != std::string::npos &&
             m.find("skipped") != std::string::npos;
    })) << name;
  }

  const auto fifoConfig = makeRun("pipe-config", "folk", 1);
  fs::remove(fs::path(fifoConfig) / "config.json");
  ASSERT_EQ(::mkfifo((fs::path(fifoConfig) / "config.json").c_str(), 0600), 0);
  const auto c = summarizeRun(fifoConfig);
  EXPECT_EQ(c.status, "unreadable");
  EXPECT_NE(c.statusDetail.find("config.json is a named pipe (FIFO)"), std::string::npos) << c.statusDetail;
  EXPECT_THROW(loadConfig((fs::path(fifoConfig) / "config.json").string()), ConfigError);

  // The scan lists the run with the named-pipe config as unreadable rather than dropping it.
  const auto runs = scanRuns(root_.string());
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_TRUE(std::any_of(runs.begin(), runs.end(), [](const RunSummary& r) { return r.status == "unreadable"; }));
}

TEST_F(RunSummaryTest, KeepsTheKnnHistoryForCurves) {
  const auto path = makeRun("history", "folk", 2);
  write(fs::path(path) / "eval.json", R"({"step": 20, "trained": {"knn_top1": 0.5},
    "history": [{"step": 10, "knn_top1": 0.4}, {"step": 20, "knn_top1": 0.5}]})");
  const auto s = summarizeRun(path);
  ASSERT_EQ(s.knnHistory.size(), 2u);
  EXPECT_EQ(s.knnHistory[0].first, 10);
  EXPECT_DOUBLE_EQ(s.knnHistory[1].second, 0.5);
}

}  // namespace
}  // namespace folk
