// The step-metric declarations and how metrics files carry them.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/io/metrics_log.h"
#include "core/io/step_metrics.h"

namespace folk {
namespace {

TEST(StepMetrics, KeysAreUniqueAndFoundByKey) {
  std::set<std::string> keys;
  for (const auto& d : stepMetrics()) {
    EXPECT_TRUE(keys.insert(d.key).second) << d.key;
    ASSERT_TRUE(stepMetricByKey(d.key).has_value()) << d.key;
    EXPECT_EQ(*stepMetricByKey(d.key), d.metric);
    EXPECT_EQ(&declaration(d.metric), &d);
    EXPECT_NE(std::string(d.label), "");
  }
  EXPECT_EQ(keys.size(), kStepMetricCount);
  EXPECT_FALSE(stepMetricByKey("no_such_metric").has_value());
  EXPECT_FALSE(keys.count("step") || keys.count("epoch"));  // the row's own columns
}

TEST(StepMetrics, ValuesStartAbsent) {
  StepValues v;
  for (const auto& d : stepMetrics()) EXPECT_FALSE(v.has(d.metric)) << d.key;
  v[StepMetric::TeacherEntropy] = 0.0;
  EXPECT_TRUE(v.has(StepMetric::TeacherEntropy));
}

TEST(StepMetrics, AbsentValuesAreLeftOutOfJsonAndEmptyInCsv) {
  MetricsRow row;
  row.step = 7;
  row.values[StepMetric::Total] = 1.5;
  row.values[StepMetric::PrototypesUsed] = 12;
  const auto line = toJsonLine(row);
  EXPECT_NE(line.find("\"total\":1.5"), std::string::npos) << line;
  EXPECT_NE(line.find("\"prototypes_used\":12"), std::string::npos) << line;
  EXPECT_EQ(line.find("teacher_entropy"), std::string::npos) << line;

  const auto back = parseMetricsLine(line);
  EXPECT_EQ(back.step, 7);
  EXPECT_DOUBLE_EQ(back.values[StepMetric::Total], 1.5);
  EXPECT_DOUBLE_EQ(back.values[StepMetric::PrototypesUsed], 12.0);
  EXPECT_FALSE(back.values.has(StepMetric::TeacherEntropy));

  const auto dir = std::filesystem::temp_directory_path() / ("folk_step_metrics_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    MetricsWriter writer((dir / "m.jsonl").string(), (dir / "m.csv").string());
    writer.append(row);
  }
  std::ifstream csv(dir / "m.csv");
  std::string header, values;
  std::getline(csv, header);
  std::getline(csv, values);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(header, metricsCsvHeader());
  // One cell per column, empty where the value is absent.
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), std::count(values.begin(), values.end(), ','));
  EXPECT_EQ(values.rfind("7,0,1.5,,", 0), 0u) << values;
}

TEST(StepMetrics, ReadsLinesOfOtherVersions) {
  // An older version's line (fewer metrics) and a newer one's (a key this version does not know).
  const auto older = parseMetricsLine(R"({"step":3,"epoch":0,"total":2.0,"distill":1.0,"lr":0.001})");
  EXPECT_DOUBLE_EQ(older.values[StepMetric::Lr], 0.001);
  EXPECT_FALSE(older.values.has(StepMetric::TeacherEntropy));
  const auto newer = parseMetricsLine(R"({"step":4,"total":2.0,"some_future_metric":5})");
  EXPECT_EQ(newer.step, 4);
  EXPECT_THROW(parseMetricsLine(R"({"total":2.0})"), std::runtime_error);  // no step
  EXPECT_THROW(parseMetricsLine(R"({"step":2.5})"), std::runtime_error);
  EXPECT_THROW(parseMetricsLine("[1,2]"), std::runtime_error);
  EXPECT_THROW(parseMetricsLine("{\"step\": 2, \"tot"), std::runtime_error);
}

// docs/run-folder.md describes every column of metrics.csv.
TEST(StepMetrics, RunFolderDocumentationListsEveryMetric) {
  std::ifstream in(std::string(FOLK_TEST_DATA_DIR) + "/../../docs/run-folder.md");
  ASSERT_TRUE(in) << "docs/run-folder.md not found";
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& d : stepMetrics()) {
    EXPECT_NE(text.find("`" + std::string(d.key) + "`"), std::string::npos) << d.key << " is not documented";
  }
}

}  // namespace
}  // namespace folk
