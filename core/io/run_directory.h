#pragma once
// The on-disk layout of one training run (DESIGN.md §5):
//   runs/<UTC timestamp>-<name>/config.json, metrics.jsonl, metrics.csv, eval.json,
//   checkpoints/ (step-NNNNNNNN.pt + latest.json), samples/ (PNG)
// A GUI can watch such a folder while another process writes it: every whole-file write is atomic.
#include <cstdint>
#include <optional>
#include <string>

#include "core/io/run_files.h"
#include "core/io/train_config.h"

namespace folk {

class RunDirectory {
 public:
  // Creates runsDir/<UTC timestamp>-<name>/ with its sub-folders and writes config.json. Adds a
  // "-2", "-3", ... suffix when a run of that name started in the same second. Throws
  // std::runtime_error naming the folder when it cannot be created.
  static RunDirectory create(const std::string& runsDir, const TrainConfig& config);
  // An existing run; throws std::runtime_error when the folder or its config.json is missing.
  static RunDirectory open(const std::string& path);

  const std::string& root() const { return root_; }
  std::string configPath() const { return file(run_files::kConfig); }
  std::string metricsJsonlPath() const { return file(run_files::kMetricsJsonl); }
  std::string metricsCsvPath() const { return file(run_files::kMetricsCsv); }
  std::string evalPath() const { return file(run_files::kEval); }
  std::string checkpointsDir() const { return file(run_files::kCheckpoints); }
  std::string checkpointIndexPath() const { return checkpointsDir() + "/" + run_files::kCheckpointIndex; }
  std::string samplesDir() const { return file(run_files::kSamples); }
  std::string checkpointPath(std::int64_t step) const;  // checkpoints/step-NNNNNNNN.pt

  TrainConfig loadConfig() const;

 private:
  explicit RunDirectory(std::string root) : root_(std::move(root)) {}
  std::string file(const char* name) const { return root_ + "/" + name; }
  std::string root_;
};

// "20261126T235501Z"
std::string utcTimestamp();

// What checkpoints/latest.json records: the step the checkpoint was taken after (steps completed),
// its file (relative to checkpoints/), and the global torch RNG state (hex) for full restoration.
struct CheckpointIndex {
  std::int64_t step = 0;
  std::string file;
  std::string torchRngHex;
  double elapsedSeconds = 0.0;
};

void writeCheckpointIndex(const RunDirectory& run, const CheckpointIndex& index);  // atomic
// std::nullopt when the run has no checkpoint yet; throws std::runtime_error for a corrupt index.
std::optional<CheckpointIndex> readCheckpointIndex(const RunDirectory& run);
// Deletes step-*.pt files other than the newest `keep` ones (never the one `latest.json` names).
void pruneCheckpoints(const RunDirectory& run, int keep);
// Deletes the temporary files (`*.tmp-<pid>-<n>`, see atomic_file.h) a killed process left in the
// run folder, its checkpoints/ and samples/. Only the process that writes the run may call it.
// Returns how many it removed.
int removeStaleTemporaries(const RunDirectory& run);

}  // namespace folk
