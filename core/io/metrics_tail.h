#pragma once
// Follows a metrics.jsonl that a run appends to (DESIGN.md §5) for a view whose curves grow while
// the run trains: each read() parses only the complete lines added since the previous one, so a
// run of 10^6 steps costs its new lines per refresh, not its whole file. Bounded: a line longer
// than any real record (a damaged file, e.g. one endless line) is an error for this file, never
// an allocation of its size. A named pipe or device of that name is refused before it is opened
// (core/util/regular_file.h). One thread at a time; the object may move between threads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/io/metrics_log.h"

namespace folk {

// A metrics row is a few hundred bytes; a line this long is damage, not data.
constexpr std::size_t kMaxMetricsLineBytes = 64 * 1024;

struct MetricsTailUpdate {
  std::vector<MetricsRow> rows;  // the complete lines added since the last read, in file order
  // The file was replaced or cut (a resume rewrites it to its checkpoint), or removed: `rows`
  // start from its beginning, and whatever was shown from the old file is stale.
  bool restarted = false;
  // Why the file cannot be followed (further), naming it (and the line): a FIFO, a line that is
  // too long or not a metrics row. Repeated by every read until the file is replaced; the rows
  // before the bad line still arrive.
  std::string error;
};

class MetricsTail {
 public:
  explicit MetricsTail(std::string path, std::size_t maxLineBytes = kMaxMetricsLineBytes);

  // Reads what was appended since the last call: at most about maxReadBytes of the file, so a
  // large file arrives in pieces (call again while more() is true). A missing file gives nothing.
  MetricsTailUpdate read(std::size_t maxReadBytes = std::size_t(64) << 20);

  const std::string& path() const { return path_; }
  std::uint64_t offset() const { return offset_; }  // the start of the first line not parsed yet
  bool more() const { return more_; }  // the last read stopped at maxReadBytes, not at the end

 private:
  void restart();

  std::string path_;
  std::size_t maxLineBytes_;
  std::uint64_t offset_ = 0;
  std::uint64_t device_ = 0, inode_ = 0;  // of the file offset_ refers to
  std::int64_t lines_ = 0;                // lines before offset_, for messages
  std::string error_;
  bool more_ = false;
};

}  // namespace folk
