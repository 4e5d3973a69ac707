// MetricsTail: following a metrics.jsonl that a run appends to, line by line, with bounds.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/io/metrics_log.h"
#include "core/io/metrics_tail.h"

namespace fs = std::filesystem;

namespace folk {
namespace {

class MetricsTailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("folk_metrics_tail_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  static MetricsRow row(std::int64_t step) {
    MetricsRow r;
    r.step = step;
    r.values[StepMetric::Total] = 10.0 / double(step);
    r.values[StepMetric::Lr] = 1e-4 * double(step);
    return r;
  }
  void append(const std::string& file, std::int64_t from, std::int64_t to) {
    MetricsWriter writer(file, file + ".csv");
    for (std::int64_t s = from; s <= to; ++s) writer.append(row(s));
  }
  static void appendText(const std::string& file, const std::string& text) {
    std::ofstream(file, std::ios::app | std::ios::binary) << text;
  }

  fs::path dir_;
};

TEST_F(MetricsTailTest, AppendedLinesGiveExactlyTheNewRows) {
  const auto file = path("metrics.jsonl");
  MetricsTail tail(file);
  EXPECT_TRUE(tail.read().rows.empty()) << "missing file: nothing yet";
  append(file, 1, 3);
  auto update = tail.read();
  ASSERT_EQ(update.rows.size(), 3u);
  EXPECT_EQ(update.rows[0].step, 1);
  EXPECT_EQ(update.rows[2].step, 3);
  EXPECT_DOUBLE_EQ(update.rows[2].values[StepMetric::Lr], 3e-4);
  EXPECT_FALSE(update.restarted);
  EXPECT_TRUE(update.error.empty());
  EXPECT_EQ(tail.offset(), fs::file_size(file));

  EXPECT_TRUE(tail.read().rows.empty()) << "nothing new";
  append(file, 4, 5);
  update = tail.read();
  ASSERT_EQ(update.rows.size(), 2u);
  EXPECT_EQ(update.rows[0].step, 4);
  EXPECT_EQ(update.rows[1].step, 5);

  // A line being written: nothing until its newline arrives, then exactly that row.
  const std::string line = toJsonLine(row(6));
  appendText(file, line.substr(0, 10));
  EXPECT_TRUE(tail.read().rows.empty());
  appendText(file, line.substr(10) + "\n");
  update = tail.read();
  ASSERT_EQ(update.rows.size(), 1u);
  EXPECT_EQ(update.rows[0].step, 6);
}

TEST_F(MetricsTailTest, ARewrittenFileIsReadAgainFromItsStart) {
  const auto file = path("metrics.jsonl");
  append(file, 1, 10);
  MetricsTail tail(file);
  ASSERT_EQ(tail.read().rows.size(), 10u);
  truncateMetrics(file, file + ".csv", 4);  // what a resume from step 4 does (a new file, renamed over)
  const auto update = tail.read();
  EXPECT_TRUE(update.restarted);
  ASSERT_EQ(update.rows.size(), 4u);
  EXPECT_EQ(update.rows.front().step, 1);
  EXPECT_EQ(update.rows.back().step, 4);
}

TEST_F(MetricsTailTest, LargeFilesArriveInBoundedPieces) {
  const auto file = path("metrics.jsonl");
  append(file, 1, 2000);
  MetricsTail tail(file);
  std::int64_t expected = 1;
  int reads = 0;
  do {
    const auto update = tail.read(64 * 1024 + 1);  // the smallest budget: one maximal line
    ASSERT_TRUE(update.error.empty()) << update.error;
    for (const auto& r : update.rows) EXPECT_EQ(r.step, expected++);
    ++reads;
  } while (tail.more());
  EXPECT_EQ(expected, 2001) << "every row exactly once";
  EXPECT_GT(reads, 1);
}

TEST_F(MetricsTailTest, AnOverlongLineIsAnErrorNotAnAllocation) {
  const auto file = path("metrics.jsonl");
  append(file, 1, 2);
  appendText(file, std::string(200 * 1024, 'x'));  // one endless line, still growing, no newline
  MetricsTail tail(file);
  auto update = tail.read();
  ASSERT_EQ(update.rows.size(), 2u) << "the rows before the damage still arrive";
  EXPECT_NE(update.error.find(file), std::string::npos) << update.error;
  EXPECT_NE(update.error.find("line 3"), std::string::npos) << update.error;
  EXPECT_NE(update.error.find("longer than 65536 bytes"), std::string::npos) << update.error;
  // Every later read repeats the error and reads no further, also when a good line follows.
  appendText(file, "\n" + toJsonLine(row(3)) + "\n");
  update = tail.read();
  EXPECT_TRUE(update.rows.empty());
  EXPECT_FALSE(update.error.empty());
}

TEST_F(MetricsTailTest, ABrokenLineIsAnErrorNamingIt) {
  const auto file = path("metrics.jsonl");
  append(file, 1, 1);
  appendText(file, "{\"no step\": 1}\n");
  MetricsTail tail(file);
  const auto update = tail.read();
  EXPECT_EQ(update.rows.size(), 1u);
  EXPECT_NE(update.error.find("line 2"), std::string::npos) << update.error;
  EXPECT_NE(update.error.find("not a metrics row"), std::string::npos) << update.error;
}

TEST_F(MetricsTailTest, ANamedPipeIsRefusedWithoutBlocking) {
  const auto file = path("metrics.jsonl");
  ASSERT_EQ(::mkfifo(file.c_str(), 0600), 0);
  MetricsTail tail(file);
  const auto update = tail.read();  // would block forever if it opened the pipe for reading
  EXPECT_TRUE(update.rows.empty());
  EXPECT_NE(update.error.find("named pipe (FIFO)"), std::string::npos) << update.error;
  EXPECT_NE(update.error.find("skipped"), std::string::npos) << update.error;
}

}  // namespace
}  // namespace folk
