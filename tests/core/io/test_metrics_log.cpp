// Metrics files and the run directory layout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"

namespace fs = std::filesystem;

namespace folk {
namespace {

class TempFolder {
 public:
  TempFolder() {
    path_ = fs::temp_directory_path() / ("folk_io_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  std::string str() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

std::string readAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

MetricsRow row(std::int64_t step, double loss) {
  MetricsRow r;
  r.step = step;
  r.values[StepMetric::Total] = loss;
  r.values[StepMetric::Lr] = 1e-4 * double(step);
  return r;
}

TEST(MetricsLog, WritesBothFilesAndReadsThemBack) {
  TempFolder dir;
  {
    MetricsWriter writer(dir / "m.jsonl", dir / "m.csv");
    writer.append(row(1, 2.5));
    writer.append(row(2, 2.25));
  }
  {
    MetricsWriter writer(dir / "m.jsonl", dir / "m.csv");  // reopened: appends, no second header
    writer.append(row(3, 2.0));
  }
  const auto rows = readMetrics(dir / "m.jsonl");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].step, 3);
  EXPECT_DOUBLE_EQ(rows[1].values[StepMetric::Total], 2.25);
  const auto csv = readAll(dir / "m.csv");
  EXPECT_EQ(csv.find(metricsCsvHeader()), 0u);
  EXPECT_EQ(csv.find(metricsCsvHeader(), 1), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
}

TEST(MetricsLog, ReaderSkipsACutLastLineButNotABrokenMiddleOne) {
  TempFolder dir;
  const auto path = dir / "m.jsonl";
  std::ofstream(path) << toJsonLine(row(1, 1.0)) << "\n" << toJsonLine(row(2, 0.5)) << "\n{\"step\": 3, \"tot";
  auto rows = readMetrics(path);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].step, 2);

  std::ofstream(path) << toJsonLine(row(1, 1.0)) << "\n{\"step\": 2, \"tot\n" << toJsonLine(row(3, 0.5)) << "\n";
  EXPECT_THROW(readMetrics(path), std::runtime_error);
  EXPECT_TRUE(readMetrics(dir / "missing.jsonl").empty());
}

TEST(MetricsLog, TruncateKeepsRowsUpToAStep) {
  TempFolder dir;
  {
    MetricsWriter writer(dir / "m.jsonl", dir / "m.csv");
    for (int s = 1; s <= 5; ++s) writer.append(row(s, 1.0 / s));
  }
  truncateMetrics(dir / "m.jsonl", dir / "m.csv", 3);
  const auto rows = readMetrics(dir / "m.jsonl");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows.back().step, 3);
  const auto csv = readAll(dir / "m.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);  // header + 3 rows
}

TEST(RunDirectory, CreatesTheLayoutAndUniqueNames) {
  TempFolder dir;
  TrainConfig config = defaultConfig();
  config.name = "unit";
  const auto a = RunDirectory::create(dir / "runs", config);
  const auto b = RunDirectory::create(dir / "runs", config);
  EXPECT_NE(a.root(), b.root());
  EXPECT_NE(fs::path(a.root()).filename().string().find("-unit"), std::string::npos);
  EXPECT_TRUE(fs::is_directory(a.checkpointsDir()));
  EXPECT_TRUE(fs::is_directory(a.samplesDir()));
  EXPECT_EQ(toJson(a.loadConfig()), toJson(config));
  EXPECT_EQ(toJson(RunDirectory::open(a.root() + "/").loadConfig()), toJson(config));
  EXPECT_THROW(RunDirectory::open(dir / "runs/none"), std::runtime_error);
}

TEST(RunDirectory, CheckpointIndexRoundTripAndPruning) {
  TempFolder dir;
  const auto run = RunDirectory::create(dir.str(), defaultConfig());
  EXPECT_FALSE(readCheckpointIndex(run).has_value());
  for (int step : {10, 20, 30}) std::ofstream(run.checkpointPath(step)) << "x";
  writeCheckpointIndex(run, {30, "step-00000030.pt", "00ff", 12.5});
  const auto index = readCheckpointIndex(run);
  ASSERT_TRUE(index);
  EXPECT_EQ(index->step, 30);
  EXPECT_EQ(index->file, "step-00000030.pt");
  EXPECT_EQ(index->torchRngHex, "00ff");
  EXPECT_DOUBLE_EQ(index->elapsedSeconds, 12.5);
  pruneCheckpoints(run, 2);
  EXPECT_FALSE(fs::exists(run.checkpointPath(10)));
  EXPECT_TRUE(fs::exists(run.checkpointPath(20)));
  EXPECT_TRUE(fs::exists(run.checkpointPath(30)));
}

}  // namespace
}  // namespace folk
