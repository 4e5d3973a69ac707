#pragma once
// `folk bench step --model vit-tiny --patch 4 --image-size 32 --channels 3 --batch 64
//  --prototypes 4096 [--objective folk] [--steps N] [--warmup N] [--threads N]`: times complete
// training steps (views, masks, forward, backward, AdamW, EMA) on random data and prints a line
// with images/s. Figures, not tests.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace folk::cli {

struct BenchStepOptions {
  std::string model = "vit-tiny";
  int patch = 4;
  int imageSize = 32;
  int channels = 3;
  int batch = 64;
  int prototypes = 4096;
  std::string objective = "folk";
  int steps = 5;   // timed steps (the median is reported)
  int warmup = 1;  // untimed first steps (allocator, OpenMP pool)
  int threads = 0;  // 0: the measured default (torch_threads.h)
  int shards = 0;   // 0: one per thread where sharding applies (TrainStep::setParallelShards)
  std::string device = "cpu";
  std::string precision = "float32";  // or bf16: autocast for the forward passes (TrainStep)
};

// Prints e.g. "bench step: vit-tiny p4 32x32x3 batch 64 K 4096 folk, 2 threads: 31.2 images/s
// (2.051 s/step, median of 5)". Returns 0, or 2 for unusable options.
int runBenchStep(const BenchStepOptions& options, std::ostream& out, std::ostream& err);

// Adds `step` to the existing `bench` command group.
CLI::App* addBenchStepCommand(CLI::App& bench, int& exitCode);

}  // namespace folk::cli
