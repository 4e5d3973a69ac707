#include "core/io/run_directory.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/util/atomic_file.h"

namespace fs = std::filesystem;

namespace folk {

std::string utcTimestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

RunDirectory RunDirectory::create(const std::string& runsDir, const TrainConfig& config) {
  std::error_code ec;
  fs::create_directories(runsDir, ec);
  if (ec) throw std::runtime_error(runsDir + ": cannot create the runs folder: " + ec.message());
  const std::string base = runsDir + "/" + utcTimestamp() + "-" + config.name;
  std::string root = base;
  // create_directory reports whether it made the folder, so two sessions never share one.
  for (int n = 2; !fs::create_directory(root, ec); ++n) {
    if (ec) throw std::runtime_error(root + ": cannot create the run folder: " + ec.message());
    root = base + "-" + std::to_string(n);
  }
  RunDirectory run(root);
  fs::create_directories(run.checkpointsDir(), ec);
  if (!ec) fs::create_directories(run.samplesDir(), ec);
  if (ec) throw std::runtime_error(root + ": cannot create the run's sub-folders: " + ec.message());
  saveConfig(config, run.configPath());
  return run;
}

RunDirectory RunDirectory::open(const std::string& path) {
  std::string root = path;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  if (!fs::is_directory(root)) throw std::runtime_error(path + ": no such run folder");
  RunDirectory run(root);
  if (!fs::exists(run.configPath())) throw std::runtime_error(path + ": not a run folder (no " + run_files::kConfig + ")");
  std::error_code ec;
  fs::create_directories(run.checkpointsDir(), ec);
  fs::create_directories(run.samplesDir(), ec);
  return run;
}

std::string RunDirectory::checkpointPath(std::int64_t step) const {
  char name[48];
  std::snprintf(name, sizeof name, "step-%08lld.pt", static_cast<long long>(step));
  return checkpointsDir() + "/" + name;
}

TrainConfig RunDirectory::loadConfig() const { return folk::loadConfig(configPath()); }

void writeCheckpointIndex(const RunDirectory& run, const CheckpointIndex& index) {
  nlohmann::json j = {{"step", index.step},
                      {"file", index.file},
                      {"torch_rng", index.torchRngHex},
                      {"elapsed_s", index.elapsedSeconds}};
  writeFileAtomically(run.checkpointIndexPath(), j.dump(2) + "\n");
}

std::optional<CheckpointIndex> readCheckpointIndex(const RunDirectory& run) {
  const auto path = run.checkpointIndexPath();
  std::ifstream in(path);
  if (!in) return std::nullopt;
  try {
    const auto j = nlohmann::json::parse(in);
    CheckpointIndex index;
    index.step = j.at("step").get<std::int64_t>();
    index.file = j.at("file").get<std::string>();
    index.torchRngHex = j.value("torch_rng", std::string());
    index.elapsedSeconds = j.value("elapsed_s", 0.0);
    return index;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path + ": corrupt checkpoint index: " + e.what());
  }
}

int removeStaleTemporaries(const RunDirectory& run) {
  int removed = 0;
  for (const auto& dir : {run.root(), run.checkpointsDir(), run.samplesDir()}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().find(".tmp-") == std::string::npos) continue;
      std::error_code removeError;
      if (fs::remove(entry.path(), removeError)) ++removed;
    }
  }
  return removed;
}

void pruneCheckpoints(const RunDirectory& run, int keep) {
  const auto latest = readCheckpointIndex(run);
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(run.checkpointsDir(), ec)) {
    const auto name = entry.path().filename().string();
    if (name.rfind("step-", 0) == 0 && entry.path().extension() == ".pt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // zero-padded step numbers sort by step
  const auto excess = files.size() > std::size_t(keep) ? files.size() - std::size_t(keep) : 0;
  for (std::size_t i = 0; i < excess; ++i) {
    if (latest && files[i].filename() == latest->file) continue;
    fs::remove(files[i], ec);
  }
}

}  // namespace folk
