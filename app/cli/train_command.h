#pragma once
// `folk train [--config FILE] [--set key=value ...] [--data PATH] [--objective NAME] [--steps N]
//  [--init-from FILE.safetensors] [--resume RUN] [--device auto|cpu|cuda[:N]] [--threads N] [--runs-dir DIR] [--name NAME]`:
// trains in a new run directory (or continues RUN), printing a progress line on a terminal and
// plain lines otherwise. Ctrl-C stops at the next step boundary with a checkpoint.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace folk::cli {

struct TrainCommandOptions {
  std::string configFile;
  std::string preset;             // a named recipe (core/io/train_presets.h), applied after the file
  std::vector<std::string> sets;  // key.path=value overrides, applied after the file and the preset
  std::string data;
  std::string objective;
  long long steps = -1;
  std::string initFrom;  // backbone weights for a fresh run (folk export)
  std::string resume;
  std::string device;
  int threads = -1;
  std::string runsDir;  // empty: the default runs folder (core/io/runs_folder.h)
  std::string name;
};

// 0: finished or stopped with a checkpoint; 1: training failed; 2: unusable options or config.
int runTrainCommand(const TrainCommandOptions& options, std::ostream& out, std::ostream& err);

CLI::App* addTrainCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
