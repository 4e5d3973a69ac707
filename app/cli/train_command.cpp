#include "app/cli/train_command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "app/cli/runs_command.h"
#include "app/cli/train_printer.h"
#include "core/dist/communicator.h"
#include "core/dist/dist_environment.h"
#include "core/io/run_directory.h"
#include "core/io/train_config.h"
#include "core/io/train_presets.h"
#include "core/train/session.h"

namespace folk::cli {

namespace {

volatile std::sig_atomic_t interrupted = 0;

void onInterrupt(int) {
  interrupted = 1;
  // A second Ctrl-C ends the process at once (the default action).
  std::signal(SIGINT, SIG_DFL);
}

// Command-line flags win over --set, which wins over --preset, which wins over the config file.
void applyFlags(const TrainCommandOptions& o, TrainConfig& config) {
  if (!o.preset.empty()) applyPreset(config, o.preset);
  for (const auto& assignment : o.sets) applyOverride(config, assignment);
  if (!o.data.empty()) applyOverride(config, "data.path=" + o.data);  // checked like --set data.path
  if (!o.objective.empty()) config.objective.name = o.objective;
  if (o.steps >= 0) config.optimisation.steps = o.steps;
  if (!o.device.empty()) config.device.device = o.device;
  if (o.threads >= 0) config.device.threads = o.threads;
  if (!o.name.empty()) config.name = o.name;
  // Absolute, so config.json still names the file when the run is resumed from elsewhere.
  if (!o.initFrom.empty()) config.initFrom = std::filesystem::absolute(o.initFrom).lexically_normal().string();
}

// Ranks other than 0 print only what went wrong, prefixed with their rank.
class RankErrorPrinter : public SessionObserver {
 public:
  RankErrorPrinter(std::ostream& err, int rank) : err_(err), rank_(rank) {}
  void onError(const std::string& message) override {
    err_ << "folk train (rank " << rank_ << "): " << message << std::endl;
  }

 private:
  std::ostream& err_;
  int rank_;
};

}  // namespace

int runTrainCommand(const TrainCommandOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<RunDirectory> run;
  std::shared_ptr<Communicator> communicator;
  try {
    // Under torchrun (or SLURM) this process is one rank of a data-parallel job.
    if (const auto env = distEnvironmentFromProcess(); env && env->worldSize > 1) {
      // Gloo serves CPU and CUDA tensors alike, so the device does not matter yet.
      communicator = joinProcessGroup(*env, torch::Device(torch::kCPU), distTimeoutFromProcess());
    }
  } catch (const std::exception& e) {
    err << "folk train: " << e.what() << "\n";
    return 2;
  }
  const bool leader = !communicator || communicator->rank() == 0;
  std::string setupError;
  try {
    TrainConfig config;
    if (!options.resume.empty()) {
      if (!options.configFile.empty()) {
        err << "folk train: --resume continues a run with its own config.json; --config cannot be combined with it\n";
        return 2;
      }
      if (!options.initFrom.empty()) {
        err << "folk train: --resume continues from the run's checkpoint; --init-from only starts a new run\n";
        return 2;
      }
      if (!options.preset.empty()) {
        err << "folk train: --resume continues a run with its own recipe; --preset only starts a new run\n";
        return 2;
      }
      run = RunDirectory::open(options.resume);
      config = run->loadConfig();
      applyFlags(options, config);  // e.g. more --steps, another --device
      validate(config);
      if (leader) saveConfig(config, run->configPath());
    } else if (!leader) {
      // Rank 0 creates the run folder and tells the others where it is (after the config was saved).
      const auto root = communicator->shareString("run", "");
      if (root.empty()) throw std::runtime_error("rank 0 could not create the run folder");
      run = RunDirectory::open(root);
    } else {
      config = options.configFile.empty() ? defaultConfig() : loadConfig(options.configFile);
      applyFlags(options, config);
      validate(config);
      run = RunDirectory::create(runsFolderOrDefault(options.runsDir), config);
    }
  } catch (const std::exception& e) {
    setupError = e.what();
  }
  if (communicator && leader && options.resume.empty()) {
    communicator->shareString("run", run ? run->root() : std::string());  // "" tells the others to give up
  }
  if (!setupError.empty()) {
    err << "folk train: " << setupError << "\n";
    return 2;
  }
  if (leader) out << "run: " << run->root() << std::endl;

  const bool terminal = ::isatty(STDOUT_FILENO) == 1;
  TrainPrinter printer(out, err, terminal, run->loadConfig().logIntervalSteps);
  RankErrorPrinter rankPrinter(err, communicator ? communicator->rank() : 0);
  Session session(*run, leader ? static_cast<SessionObserver*>(&printer) : &rankPrinter);
  session.setCommunicator(communicator);
  interrupted = 0;
  auto previous = std::signal(SIGINT, onInterrupt);
  session.start();
  bool stopAsked = false;
  for (;;) {
    const auto state = session.state();
    if (state == SessionState::Stopped || state == SessionState::Finished || state == SessionState::Failed) break;
    if (interrupted && !stopAsked) {
      stopAsked = true;
      printer.onMessage("interrupted: stopping at the next step boundary and writing a checkpoint "
                        "(Ctrl-C again to quit at once)");
      session.stop();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  session.wait();
  std::signal(SIGINT, previous);
  const auto state = session.state();
  if (state == SessionState::Failed) return 1;
  if (state == SessionState::Stopped && leader) out << "resume with: folk train --resume " << run->root() << std::endl;
  return 0;
}

CLI::App* addTrainCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<TrainCommandOptions>();
  CLI::App* train = app.add_subcommand(
      "train", "Train a model (default: vit-nano on Fashion-MNIST from /usr/share/datasets/fashion-mnist)");
  train->add_option("--config", options->configFile, "JSON config (see `folk config --print-default`)");
  train->add_option("--preset", options->preset, "Start from a named recipe: " + presetNameList() + " (applied before --set)");
  train->add_option("--set", options->sets, "Override a config value, key.path=value (repeatable)");
  train->add_option("--data", options->data, "Dataset folder (IDX, CIFAR binary or image folder)");
  train->add_option("--objective", options->objective, "folk, mfm, mfm-comrcom, folk-fixed or dino");
  train->add_option("--steps", options->steps, "Stop after this many steps")->check(CLI::NonNegativeNumber);
  train->add_option("--init-from", options->initFrom,
                   "Start from these backbone weights (.safetensors from `folk export`) instead of random ones");
  train->add_option("--resume", options->resume, "Continue the run in this folder from its last checkpoint");
  train->add_option("--device", options->device, "auto, cpu, cuda or cuda:N");
  train->add_option("--threads", options->threads, "Torch threads (0: the measured default)")
      ->check(CLI::NonNegativeNumber);
  addRunsDirOption(*train, options->runsDir);
  train->add_option("--name", options->name, "Run name (the folder is <UTC time>-<name>)");
  train->callback([options, &exitCode] { exitCode = runTrainCommand(*options, std::cout, std::cerr); });
  return train;
}

}  // namespace folk::cli
