#pragma once
// `folk bench masks [--sizes 224,512] [--repeats N] [--image PATH] [--batch B] [--device D]`: time per image of
// the mask pipeline (luma spectrum + Com mask + filtering of all channels). Figures, not tests.
// `bench` is a command group so that `folk bench step` (training) can join it later.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace folk::cli {

struct BenchMasksOptions {
  std::vector<int> sizes{224, 512};
  int repeats = 50;
  std::string image;   // empty: find astronaut.png (see sample_photo.h)
  double ratio = 0.05; // rho of the Com mask
  int batch = 64;      // batch size of the torch path
  bool torch = true;   // also time the batched torch path when it is built in
  std::string device = "cpu";  // where the torch path runs: cpu, cuda, cuda:N, auto
};

// Prints one line per size for the CPU path, e.g. "224x224 rgb: 0.71 ms/image (...)", then the
// torch path's line per size. Returns 0, or 2 when the options, the --image file or the --device
// are unusable.
int runBenchMasks(const BenchMasksOptions& options, std::ostream& out, std::ostream& err);

// Registers `bench` with its `masks` subcommand; the exit code of the run goes to `exitCode`.
CLI::App* addBenchCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
