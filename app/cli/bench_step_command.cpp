#include "app/cli/bench_step_command.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

#include "core/io/train_config.h"
#include "core/method/train_step.h"
#include "core/train/method_setup.h"
#include "core/util/torch_threads.h"

namespace folk::cli {

int runBenchStep(const BenchStepOptions& o, std::ostream& out, std::ostream& err) {
  try {
    const auto objective = parseObjective(o.objective);
    if (!objective) {
      err << "folk bench step: unknown objective '" << o.objective << "'\n";
      return 2;
    }
    const int threads = configureComputeThreads(o.threads);
    const auto device = resolveDevice(o.device);
    ModelConfig model = defaultConfig().model;
    model.name = o.model;
    model.patchSize = o.patch;
    model.imageSize = o.imageSize;
    model.channels = o.channels;
    model.prototypes = o.prototypes;
    MethodConfig method;
    method.objective.name = objectiveName(*objective);
    method.optimisation.batchSize = o.batch;
    method.epochs = 100;
    method.stepsPerEpoch = 1000;  // the prototypes stay frozen (epoch 0) as at the start of real runs
    method.optimisation.warmupEpochs = 0.0;
    if (o.precision != "float32" && o.precision != "bf16") {
      err << "folk bench step: precision '" << o.precision << "' is not one of float32, bf16\n";
      return 2;
    }
    method.bf16 = o.precision == "bf16";
    torch::manual_seed(0);
    TrainStep trainer(model, method, device);
    const int shards = trainer.setParallelShards(o.shards > 0 ? o.shards : threads);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(1);
    // Host batches as the loader hands them over: page-locked when a GPU copies them.
    auto hostBatch = [&] {
      auto t = torch::rand({o.batch, o.channels, o.imageSize, o.imageSize}, generator);
      return device.is_cuda() ? t.pin_memory() : t;
    };
    const auto view1 = hostBatch();
    const auto view2 = hostBatch();
    std::vector<double> seconds;
    for (int i = 0; i < o.warmup + o.steps; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const auto metrics = trainer.step(view1, view2, i);
      if (device.is_cuda()) torch::cuda::synchronize();
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (i >= o.warmup) seconds.push_back(s);
      if (!std::isfinite(metrics.values[StepMetric::Total])) {
        err << "folk bench step: non-finite loss at step " << i << "\n";
      }
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    char line[256];
    std::snprintf(line, sizeof line,
                  "bench step: %s p%d %dx%dx%d batch %d K %d %s %s on %s, %d threads, %d shards: %.1f images/s (%.3f s/step, median "
                  "of %zu)",
                  o.model.c_str(), o.patch, o.imageSize, o.imageSize, o.channels, o.batch, o.prototypes,
                  o.objective.c_str(), o.precision.c_str(), device.str().c_str(), threads, shards, o.batch / median, median, seconds.size());
    out << line << std::endl;
    return 0;
  } catch (const std::exception& e) {
    err << "folk bench step: " << e.what() << "\n";
    return 2;
  }
}

CLI::App* addBenchStepCommand(CLI::App& bench, int& exitCode) {
  auto o = std::make_shared<BenchStepOptions>();
  CLI::App* step = bench.add_subcommand("step", "Images/s of complete training steps on random data");
  step->add_option("--model", o->model, "Backbone preset")->capture_default_str();
  step->add_option("--patch", o->patch, "ViT patch size")->check(CLI::PositiveNumber)->capture_default_str();
  step->add_option("--image-size", o->imageSize, "Square image size")->check(CLI::PositiveNumber)->capture_default_str();
  step->add_option("--channels", o->channels, "1 or 3")->check(CLI::IsMember({1, 3}))->capture_default_str();
  step->add_option("--batch", o->batch, "Images per step")->check(CLI::PositiveNumber)->capture_default_str();
  step->add_option("--prototypes", o->prototypes, "K")->check(CLI::PositiveNumber)->capture_default_str();
  step->add_option("--objective", o->objective, "folk, mfm, mfm-comrcom, folk-fixed or dino")->capture_default_str();
  step->add_option("--steps", o->steps, "Timed steps")->check(CLI::PositiveNumber)->capture_default_str();
  step->add_option("--warmup", o->warmup, "Untimed first steps")->check(CLI::NonNegativeNumber)->capture_default_str();
  step->add_option("--threads", o->threads, "Torch threads (0: default)")->check(CLI::NonNegativeNumber);
  step->add_option("--shards", o->shards, "Batch shards computed concurrently (0: one per thread on the CPU, ViT)")
      ->check(CLI::NonNegativeNumber);
  step->add_option("--device", o->device, "cpu, cuda, cuda:N or auto")->capture_default_str();
  step->add_option("--precision", o->precision, "float32, or bf16 (autocast for the forward passes)")
      ->capture_default_str();
  step->callback([o, &exitCode] { exitCode = runBenchStep(*o, std::cout, std::cerr); });
  return step;
}

}  // namespace folk::cli
