#include "core/data/load_report.h"

namespace folk {

std::string LoadReport::text(std::size_t maxListed) const {
  if (badFiles == 0) return "no files skipped";
  std::string out = std::to_string(badFiles) + (badFiles == 1 ? " file" : " files") + " skipped (" +
                    std::to_string(substitutions) + " substitutions)";
  for (std::size_t i = 0; i < files.size() && i < maxListed; ++i)
    out += (i == 0 ? ": " : "; ") + files[i].path + ": " + files[i].reason;
  if (badFiles > maxListed) out += "; ...";
  return out;
}

void LoadReportLog::recordFailure(std::size_t index, std::string path, std::string reason) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!bad_.insert(index).second) return;
  ++report_.badFiles;
  if (report_.files.size() < LoadReport::kMaxListed)
    report_.files.push_back({index, std::move(path), std::move(reason)});
}

void LoadReportLog::recordSubstitution() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++report_.substitutions;
}

bool LoadReportLog::knownBad(std::size_t index) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bad_.count(index) != 0;
}

LoadReport LoadReportLog::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return report_;
}

}  // namespace folk
