#pragma once
// Per-step training metrics on disk (DESIGN.md §5): metrics.jsonl (one JSON object a line) and
// metrics.csv (the same rows for spreadsheets). Both are append-only and flushed after every line,
// so a GUI or `tail -f` can follow a run another process is writing. A crash can only cut the last
// line short; the reader skips such a line instead of failing.
#include <cstdio>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/io/step_metrics.h"

namespace folk {

struct MetricsRow {
  std::int64_t step = 0;  // steps completed (1 after the first step)
  std::int64_t epoch = 0;
  StepValues values;      // the metrics of stepMetrics(); NaN where not logged
};

class MetricsWriter {
 public:
  // Opens (creating when missing) jsonlPath and csvPath for appending; writes the CSV header to an
  // empty CSV file. Throws std::runtime_error naming the file when it cannot be opened.
  MetricsWriter(std::string jsonlPath, std::string csvPath);
  ~MetricsWriter();
  MetricsWriter(const MetricsWriter&) = delete;
  MetricsWriter& operator=(const MetricsWriter&) = delete;

  // Appends one line to each file and flushes both. Throws std::runtime_error on a write error.
  void append(const MetricsRow& row);

 private:
  std::string jsonlPath_, csvPath_;
  std::FILE* jsonl_ = nullptr;
  std::FILE* csv_ = nullptr;
};

std::string metricsCsvHeader();
std::string toJsonLine(const MetricsRow& row);  // without the newline
// One line of metrics.jsonl (without its newline) as a row. Throws std::runtime_error saying what
// is wrong when it is not a metrics row (not a JSON object with a whole-number "step").
MetricsRow parseMetricsLine(const std::string& line);

// Rows of a metrics.jsonl file in file order. Keys that stepMetrics() does not declare are ignored
// (a newer version's metrics), missing ones stay NaN (an older version's files). A last line that
// is cut short (no newline, or not parseable) is skipped; a broken line before the last one throws
// std::runtime_error naming the file and line. A missing file gives no rows.
std::vector<MetricsRow> readMetrics(const std::string& jsonlPath);

// Keeps only the rows with step <= lastStep in both files, rewritten atomically: a resumed run
// repeats the steps after its checkpoint and must not log them twice.
void truncateMetrics(const std::string& jsonlPath, const std::string& csvPath, std::int64_t lastStep);

}  // namespace folk
