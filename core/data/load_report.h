#pragma once
// Bookkeeping for samples that could not be used: which files failed, why, and how often a loader
// had to substitute another sample. Filled concurrently by loader threads.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

namespace folk {

struct SkippedFile {
  std::size_t index = 0;  // dataset index
  std::string path;       // ImageDataset::describe(index)
  std::string reason;
};

struct LoadReport {
  std::size_t substitutions = 0;     // times a sample was replaced by another (over all epochs)
  std::size_t badFiles = 0;          // distinct dataset indices that failed
  std::vector<SkippedFile> files;    // the first kMaxListed of them, in the order they failed
  static constexpr std::size_t kMaxListed = 1000;
  bool empty() const { return badFiles == 0; }
  // "3 files skipped (5 substitutions): a.png: not an image; ..." (first few listed).
  std::string text(std::size_t maxListed = 5) const;
};

// Thread-safe accumulator. Remembers bad indices so a file that failed is not decoded again in later
// epochs (a file that does not decode once will not decode next time either).
class LoadReportLog {
 public:
  void recordFailure(std::size_t index, std::string path, std::string reason);
  void recordSubstitution();
  bool knownBad(std::size_t index) const;
  LoadReport snapshot() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_set<std::size_t> bad_;
  LoadReport report_;
};

}  // namespace folk
