#include "core/io/metrics_tail.h"

#include <algorithm>
#include <cstring>
#include <exception>

#include "core/util/regular_file.h"

namespace folk {

MetricsTail::MetricsTail(std::string path, std::size_t maxLineBytes)
    : path_(std::move(path)), maxLineBytes_(std::max<std::size_t>(maxLineBytes, 1)) {}

void MetricsTail::restart() {
  offset_ = 0;
  lines_ = 0;
  error_.clear();
}

MetricsTailUpdate MetricsTail::read(std::size_t maxReadBytes) {
  MetricsTailUpdate update;
  more_ = false;
  const RegularFile file(path_);
  if (!file.isOpen()) {
    if (!file.problem().empty()) {
      update.error = file.problem();
      return update;
    }
    if (offset_ > 0 || !error_.empty()) {  // removed
      update.restarted = true;
      restart();
    }
    device_ = inode_ = 0;
    return update;
  }
  const bool replaced = (inode_ != 0 && (file.inode() != inode_ || file.device() != device_)) || file.size() < offset_;
  if (replaced) {
    update.restarted = offset_ > 0 || !error_.empty();
    restart();
  }
  device_ = file.device();
  inode_ = file.inode();
  if (!error_.empty()) {
    update.error = error_;
    return update;
  }

  // Complete lines are parsed as they are found; `partial` holds the start of a line whose end
  // is in a later chunk, never more than maxLineBytes_.
  // The budget holds at least one whole line, so every call makes progress.
  const std::uint64_t budget = std::max<std::uint64_t>(maxReadBytes, maxLineBytes_ + 1);
  const std::uint64_t end = std::min<std::uint64_t>(file.size(), offset_ + budget);
  std::vector<char> chunk(std::size_t(64) * 1024);
  std::string partial;
  std::uint64_t position = offset_;  // file offset of chunk[0]
  const auto fail = [&](const std::string& why) {
    error_ = path_ + ": line " + std::to_string(lines_ + 1) + " (from byte " + std::to_string(offset_) + ") " + why +
             "; the file is damaged, its rows after this line are not shown";
    update.error = error_;
  };
  try {
    while (position < end) {
      const std::size_t want = std::size_t(std::min<std::uint64_t>(chunk.size(), end - position));
      const std::size_t got = file.readAt(position, chunk.data(), want);
      if (got == 0) break;  // cut since the fstat
      std::size_t from = 0;
      for (;;) {
        const void* found = std::memchr(chunk.data() + from, '\n', got - from);
        if (!found) break;
        const std::size_t newline = std::size_t(static_cast<const char*>(found) - chunk.data());
        if (partial.size() + (newline - from) > maxLineBytes_) {
          fail("is longer than " + std::to_string(maxLineBytes_) + " bytes, which no metrics row is");
          return update;
        }
        partial.append(chunk.data() + from, newline - from);
        if (!partial.empty()) {
          try {
            update.rows.push_back(parseMetricsLine(partial));
          } catch (const std::exception& e) {
            fail(std::string("is not a metrics row (") + e.what() + ")");
            return update;
          }
        }
        partial.clear();
        offset_ = position + newline + 1;
        ++lines_;
        from = newline + 1;
      }
      if (partial.size() + (got - from) > maxLineBytes_) {
        fail("is longer than " + std::to_string(maxLineBytes_) + " bytes, which no metrics row is");
        return update;
      }
      partial.append(chunk.data() + from, got - from);
      position += got;
    }
  } catch (const std::exception& e) {
    update.error = e.what();  // a read error (an I/O error of a network disk): try again next time
    return update;
  }
  // An unfinished last line (being written, or cut by a crash) is read again next time.
  more_ = end < file.size();
  return update;
}

}  // namespace folk
