#include "core/train/session.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "core/data/image_file.h"
#include "core/io/metrics_log.h"
#include "core/io/probe_samples.h"
#include "core/io/run_summary.h"
#include "core/method/collapse_check.h"
#include "core/method/train_step.h"
#include "core/method/views.h"
#include "core/train/backbone_weights.h"
#include "core/train/eval_json.h"
#include "core/train/evaluation.h"
#include "core/train/image_tensors.h"
#include "core/train/method_setup.h"
#include "core/train/training_data.h"
#include "core/util/torch_threads.h"

namespace folk {

const char* sessionStateName(SessionState state) {
  switch (state) {
    case SessionState::Idle: return "idle";
    case SessionState::Running: return "running";
    case SessionState::Paused: return "paused";
    case SessionState::Stopping: return "stopping";
    case SessionState::Stopped: return "stopped";
    case SessionState::Finished: return "finished";
    case SessionState::Failed: return "failed";
  }
  return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;

std::string toHex(const torch::Tensor& bytes) {
  static const char* digits = "0123456789abcdef";
  const auto t = bytes.contiguous();
  const auto* p = t.data_ptr<std::uint8_t>();
  std::string out;
  out.reserve(t.numel() * 2);
  for (std::int64_t i = 0; i < t.numel(); ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

torch::Tensor fromHex(const std::string& hex) {
  auto t = torch::empty({static_cast<std::int64_t>(hex.size() / 2)}, torch::kUInt8);
  auto* p = t.data_ptr<std::uint8_t>();
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) p[i / 2] = std::uint8_t(nibble(hex[i]) << 4 | nibble(hex[i + 1]));
  return t;
}

torch::Tensor torchRngState() {
  auto generator = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(generator.mutex());
  return generator.get_state();
}

void setTorchRngState(const torch::Tensor& state) {
  auto generator = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(generator.mutex());
  generator.set_state(state);
}

// A randomly initialised backbone of the run's architecture, drawn from its own seed without
// disturbing the global RNG the run's state is saved with.
Backbone randomBackbone(const ModelConfig& model, std::uint64_t seed, torch::Device device) {
  const auto saved = torchRngState();
  torch::manual_seed(seed);
  auto backbone = makeBackbone(model);
  setTorchRngState(saved);
  backbone->to(device);
  return backbone;
}

EvaluatorSettings evaluatorSettings(const TrainConfig& config, const TrainingData& data) {
  EvaluatorSettings s;
  s.k = config.evaluation.k;
  s.temperature = config.evaluation.temperature;
  s.linear.maxIterations = config.evaluation.linearEpochs;
  s.linear.initialStep = config.evaluation.linearLr;
  s.linear.seed = config.seed;
  s.fewShotFractions = config.evaluation.fewShotFractions;
  s.fewShotDraws = config.evaluation.fewShotDraws;
  s.batchSize = config.evaluation.batchSize;
  s.features = parseFeatureSelection(config.evaluation.features).value_or(FeatureSelection::Cls);
  s.workers = config.data.workers;
  s.imageSize = config.model.imageSize;
  s.channels = config.model.channels;
  s.mean = data.mean();
  s.std = data.std();
  return s;
}

// Scores of the baselines per protocol ("fast" / "full"): they never change during a run.
struct BaselineCache {
  std::map<std::string, ProbeScores> randomInit, rawPixels;
};

// The backbone evaluation.backbone names, and its role for eval.json: the teacher unless the
// objective has none or the student is asked for.
std::pair<Backbone, std::string> evaluatedBackbone(const TrainStep& trainer, const TrainConfig& config) {
  if (trainer.teacher() && config.evaluation.backbone != "student") return {trainer.teacher(), "teacher"};
  return {trainer.student(), "student"};
}

// Evaluation of one trained state under `protocol` ("fast" or "full").
EvalReport evaluate(TrainStep& trainer, const TrainConfig& config, const TrainingData& data, std::int64_t step,
                    const std::string& protocol, BaselineCache& cache) {
  const auto started = Clock::now();
  const bool full = protocol == "full";
  if (!data.evalTrainSet(full) || !data.evalTestSet(full)) {
    throw DatasetError(config.data.path + ": evaluation needs labelled data with a test split or held-out part");
  }
  FeatureEvaluator evaluator(data.evalTrainSet(full), data.evalTestSet(full), evaluatorSettings(config, data));
  EvalReport report;
  report.step = step;
  const auto [backbone, role] = evaluatedBackbone(trainer, config);
  report.backboneRole = role;
  report.protocol.name = protocol;
  report.protocol.split = data.evalSplit();
  report.protocol.features = config.evaluation.features;
  report.protocol.fewShotDraws = config.evaluation.fewShotDraws;
  auto timed = [](auto&& score) {
    const auto start = Clock::now();
    ProbeScores scores = score();
    scores.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return scores;
  };
  report.trained = timed([&, scored = backbone] { return evaluator.score(*scored, trainer.device()); });
  if (config.evaluation.randomBaseline) {
    if (!cache.randomInit.count(protocol)) {
      auto random = randomBackbone(trainer.modelConfig(), config.seed + 7919, trainer.device());
      cache.randomInit[protocol] = timed([&] { return evaluator.score(*random, trainer.device()); });
    }
    report.hasRandomBaseline = true;
    report.randomInit = cache.randomInit[protocol];
  }
  if (config.evaluation.rawBaseline) {
    if (!cache.rawPixels.count(protocol)) cache.rawPixels[protocol] = timed([&] { return evaluator.scorePixels(); });
    report.hasRawBaseline = true;
    report.rawPixels = cache.rawPixels[protocol];
  }
  report.trainSamples = evaluator.trainSamples();
  report.testSamples = evaluator.testSamples();
  report.numClasses = evaluator.classes();
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return report;
}

// Loads the run's latest checkpoint into `trainer`; returns the index (nullopt: fresh run).
std::optional<CheckpointIndex> restore(const RunDirectory& run, TrainStep& trainer) {
  auto index = readCheckpointIndex(run);
  if (!index) return std::nullopt;
  trainer.load(run.checkpointsDir() + "/" + index->file);
  if (!index->torchRngHex.empty()) setTorchRngState(fromHex(index->torchRngHex));
  return index;
}

}  // namespace

Session::Session(RunDirectory run, SessionObserver* observer) : run_(std::move(run)), observer_(observer) {}

Session::~Session() {
  stop();
  wait();
}

void Session::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (state_.load() != SessionState::Idle || thread_.joinable()) return;
  state_ = SessionState::Running;  // set before the thread runs, so state() is never stale Idle
  thread_ = std::thread([this] { threadMain(); });
}

void Session::pause() {
  pauseRequested_ = true;
  wake_.notify_all();
}

void Session::resume() {
  {
    std::lock_guard<std::mutex> lock(pauseMutex_);
    pauseRequested_ = false;
  }
  wake_.notify_all();
}

void Session::stop() {
  stopRequested_ = true;
  wake_.notify_all();  // may run on a signal-watching thread: takes no lock
}

void Session::wait() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable()) thread_.join();
}

void Session::setState(SessionState state) {
  state_ = state;
  recordState(state);
  if (observer_) observer_->onState(state);
}

void Session::recordState(SessionState state) {
  if (!writesRun()) return;
  // state.json lets the Results workspace tell running, stopped and failed runs apart, also for
  // runs of other processes. Losing it (full disk) must not end the training.
  try {
    writeRunState(run_.root(), sessionStateName(state), completedSteps_.load(),
                  state == SessionState::Failed ? lastError_ : std::string());
  } catch (const std::exception&) {
  }
}

void Session::reportError(const std::string& message) {
  lastError_ = message;
  if (observer_) observer_->onError(message);
}

bool Session::waitWhilePaused() {
  if (!pauseRequested_.load() || stopRequested_.load()) return !stopRequested_.load();
  setState(SessionState::Paused);
  {
    std::unique_lock<std::mutex> lock(pauseMutex_);
    // The timeout covers stop() from a signal-watching thread, which notifies without the lock.
    while (pauseRequested_.load() && !stopRequested_.load()) wake_.wait_for(lock, std::chrono::milliseconds(50));
  }
  if (stopRequested_.load()) return false;
  setState(SessionState::Running);
  return true;
}

void Session::threadMain() {
  recordState(SessionState::Running);
  if (observer_) observer_->onState(SessionState::Running);
  std::int64_t step = 0;
  std::optional<CheckpointIndex> lastGood;
  try {
    const TrainConfig config = run_.loadConfig();
    validate(config);
    const int threads = configureComputeThreads(config.device.threads);
    const auto device = resolveDevice(config.device.device);
    const int rank = communicator_ ? communicator_->rank() : 0;
    const int world = communicator_ ? communicator_->worldSize() : 1;
    const bool writer = writesRun();
    TrainingData data(config, rank, world);
    const auto perEpoch = data.batchesPerEpoch();
    const auto total = totalSteps(config, perEpoch);
    const auto method = makeMethodConfig(config, perEpoch, data.mean(), data.std());
    torch::manual_seed(config.seed);  // initial weights
    TrainStep trainer(config.model, method, device);
    // Batch shards on the CPU (one per compute thread): measured faster than intra-op threads.
    trainer.setParallelShards(threads);
    double elapsedBefore = 0.0;
    lastGood = restore(run_, trainer);
    if (!lastGood && !config.initFrom.empty()) {
      initializeBackboneFrom(trainer, config.initFrom);
      if (observer_) observer_->onMessage("backbone initialised from " + config.initFrom);
    }
    trainer.setCommunicator(communicator_);
    trainer.synchronizeReplicas();  // every rank starts from rank 0's weights
    if (lastGood) {
      step = lastGood->step;
      elapsedBefore = lastGood->elapsedSeconds;
      if (writer) truncateMetrics(run_.metricsJsonlPath(), run_.metricsCsvPath(), step);
      if (observer_) observer_->onMessage("resumed from " + lastGood->file + " at step " + std::to_string(step));
    }
    if (observer_) {
      observer_->onMessage(data.summary() + "; " + std::to_string(total) + " steps on " + device.str() +
                           (world > 1 ? ", rank " + std::to_string(rank) + " of " + std::to_string(world) + " (" +
                                            communicator_->backendName() + ")"
                                      : std::string()));
    }
    completedSteps_ = step;
    data.seek(step);
    std::optional<MetricsWriter> metrics;
    if (writer) metrics.emplace(run_.metricsJsonlPath(), run_.metricsCsvPath());
    BaselineCache baselines;
    const auto runStart = Clock::now();
    auto elapsed = [&] { return elapsedBefore + std::chrono::duration<double>(Clock::now() - runStart).count(); };

    if (writer) removeStaleTemporaries(run_);  // left by a process killed while writing
    auto checkpoint = [&] {
      if (!writer) return;
      const auto path = run_.checkpointPath(step);
      try {
        trainer.save(path);
      } catch (const std::exception& e) {
        // E.g. a full disk: the new file never replaced anything, so the previous one is intact.
        throw std::runtime_error("could not write the checkpoint of step " + std::to_string(step) + " (" + e.what() +
                                 "); " +
                                 (lastGood ? "the previous checkpoint " + lastGood->file + " is intact"
                                           : std::string("there is no earlier checkpoint")) +
                                 ". Free disk space and resume with folk train --resume " + run_.root());
      }
      CheckpointIndex index{step, std::filesystem::path(path).filename().string(), toHex(torchRngState()), elapsed()};
      writeCheckpointIndex(run_, index);
      pruneCheckpoints(run_, config.checkpoint.keepLast);
      lastGood = index;
    };
    // The live curve during training uses the fast protocol; the end uses evaluation.protocol.
    auto evaluateNow = [&](const std::string& protocol) {
      if (!writer) return;  // the other ranks wait for rank 0 in the next collective
      auto report = evaluate(trainer, config, data, step, protocol, baselines);
      writeEvalJson(run_.evalPath(), report);
      if (observer_) observer_->onEval(report);
    };
    const Image probe = data.probeImage();
    auto sample = [&] {
      if (probe.empty() || !writer) return;
      torch::NoGradGuard noGrad;
      at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(config.seed);  // same mask every time
      ViewNormalization norm{data.mean(), data.std()};
      const auto x = fromImage(probe).unsqueeze(0).to(device);
      auto prepared = prepareViews(x, trainer.traits().filter, method.filter(), norm, generator);
      SampleReport report;
      report.step = step;
      report.unfiltered = probe;
      report.filtered = toImage(denormalize(prepared.studentInput, norm)[0]);
      report.mask = prepared.masks.defined() ? toImage(prepared.masks[0].unsqueeze(0).to(torch::kFloat32))
                                             : toImage(torch::ones({1, probe.height, probe.width}));
      if (trainer.reconstruction()) {
        auto student = trainer.student();
        student->eval();
        const auto out = trainer.reconstruction()->forward(student->forward(prepared.studentInput).patchMap);
        student->train();
        report.reconstruction = toImage(denormalize(out, norm)[0]);
      }
      const auto path = [&](ProbePicture picture) { return run_.samplesDir() + "/" + probeSampleFileName(step, picture); };
      savePng(report.unfiltered, path(ProbePicture::Unfiltered));
      savePng(report.mask, path(ProbePicture::Mask));
      savePng(report.filtered, path(ProbePicture::Filtered));
      if (!report.reconstruction.empty()) savePng(report.reconstruction, path(ProbePicture::Reconstruction));
      if (observer_) observer_->onSample(report);
    };

    const auto batchImages = static_cast<double>(config.optimisation.batchSize);
    double smoothedRate = 0.0;
    CollapseCheck collapseCheck(config.model.prototypes, collapseWarmupSteps(method));
    int badSteps = 0;  // steps whose loss or gradients were not finite (skipped, not applied)
    if (step == 0 && config.sampleIntervalSteps > 0) sample();
    while (step < total) {
      if (world > 1) {
        // A stop on any rank (Ctrl-C reaches every rank of torchrun at slightly different steps)
        // stops all of them at the same step, so none waits in a collective for a peer that left.
        std::vector<torch::Tensor> stopVotes{torch::full({1}, stopRequested_.load() ? 1.0f : 0.0f)};
        communicator_->allReduceSum(stopVotes);
        if (stopVotes[0].item<float>() > 0.0f) break;
      } else if (stopRequested_.load() || !waitWhilePaused()) {
        break;
      }
      const auto stepStart = Clock::now();
      const auto batch = data.next();
      const auto m = trainer.step(batch.views[0], batch.views[1], step, batch.locals);
      if (!m.fault.empty()) {
        // The step was not applied (TrainStep checks before updating anything).
        ++badSteps;
        const std::string what = "step " + std::to_string(step + 1) + ": the " + m.fault + " is not finite (loss " +
                                 std::to_string(m.values[StepMetric::Total]) + ", gradient norm " +
                                 std::to_string(m.values[StepMetric::GradNorm]) + ")";
        if (badSteps > config.optimisation.maxBadSteps) {
          reportError(what + "; training stopped, " +
                      (lastGood ? "the last good checkpoint (" + lastGood->file + ") is kept"
                                : std::string("no checkpoint had been written yet")) +
                      ". Try a lower optimisation.base_lr" +
                      (config.optimisation.maxBadSteps == 0 ? ", or allow skipping with optimisation.max_bad_steps"
                                                            : std::string()) +
                      ".");
          setState(SessionState::Failed);
          return;
        }
        if (observer_) {
          observer_->onMessage(what + "; this batch was skipped (" + std::to_string(badSteps) + " of at most " +
                               std::to_string(config.optimisation.maxBadSteps) + ")");
        }
        // The batch is consumed (the data position stays step-aligned for resumes), but no metrics
        // row or step report carries its non-finite values.
        ++step;
        completedSteps_ = step;
        continue;
      }
      ++step;
      completedSteps_ = step;
      const double seconds = std::chrono::duration<double>(Clock::now() - stepStart).count();
      const double rate = seconds > 0 ? batchImages / seconds : 0.0;
      smoothedRate = smoothedRate == 0.0 ? rate : 0.9 * smoothedRate + 0.1 * rate;

      StepReport r;
      r.step = step;
      r.totalSteps = total;
      r.epoch = m.epoch;
      r.values = m.values;
      r.values[StepMetric::ImagesPerSecond] = smoothedRate;
      r.values[StepMetric::ElapsedSeconds] = elapsed();
      r.etaSeconds = smoothedRate > 0 ? double(total - step) * batchImages / smoothedRate : 0.0;
      if (step % config.logIntervalSteps == 0 || step == total) {
        if (metrics) metrics->append({step, m.epoch, r.values});
      }
      if (auto change = collapseCheck.update(step, m.values); change && observer_) {
        observer_->onWarning(change->message, change->kind != CollapseKind::None);
      }
      if (observer_) observer_->onStep(r);

      if (config.checkpoint.intervalSteps > 0 && step % config.checkpoint.intervalSteps == 0 && step < total) {
        checkpoint();
      }
      if (config.sampleIntervalSteps > 0 && step % config.sampleIntervalSteps == 0) sample();
      if (config.evaluation.intervalSteps > 0 && step % config.evaluation.intervalSteps == 0 && step < total) {
        evaluateNow("fast");
      }
    }

    if (step < total) {  // stopped early
      setState(SessionState::Stopping);
      checkpoint();
      if (observer_) {
        observer_->onMessage("stopped at step " + std::to_string(step) +
                             (lastGood ? "; checkpoint " + lastGood->file : std::string()));
      }
      setState(SessionState::Stopped);
      return;
    }
    checkpoint();
    if (config.sampleIntervalSteps > 0 && step % config.sampleIntervalSteps != 0) sample();
    if (config.evaluation.atEnd && data.evalTestSet()) evaluateNow(config.evaluation.protocol);
    if (world > 1) communicator_->barrier();  // rank 0's evaluation ends before the group goes away
    setState(SessionState::Finished);
  } catch (const std::exception& e) {
    reportError(e.what());
    setState(SessionState::Failed);
  }
}

Embedding Session::embedRun(const RunDirectory& run, std::size_t maxSamples,
                            const std::function<bool(std::size_t, std::size_t)>& progress) {
  TrainConfig config = run.loadConfig();
  config.evaluation.testSamples = maxSamples;
  configureComputeThreads(config.device.threads);
  const auto device = resolveDevice(config.device.device);
  TrainingData data(config);
  if (!data.evalTestSet()) {
    throw DatasetError(config.data.path + ": the embedding needs labelled data with a test split or held-out part");
  }
  const auto method = makeMethodConfig(config, data.batchesPerEpoch(), data.mean(), data.std());
  torch::manual_seed(config.seed);
  TrainStep trainer(config.model, method, device);
  const std::size_t total = data.evalTestSet()->size();
  if (progress && !progress(0, total)) throw OperationCancelled();
  const auto index = restore(run, trainer);
  if (progress && !progress(0, total)) throw OperationCancelled();
  EvaluatorSettings settings = evaluatorSettings(config, data);
  settings.progress = progress;
  FeatureEvaluator evaluator(data.evalTrainSet(), data.evalTestSet(), settings);
  const auto [backbone, role] = evaluatedBackbone(trainer, config);
  auto [features, labels] = evaluator.features(*backbone, *data.evalTestSet(), device);
  features = features.to(torch::kCPU, torch::kFloat32).contiguous();
  labels = labels.to(torch::kCPU, torch::kLong).contiguous();
  std::vector<float> values(features.data_ptr<float>(), features.data_ptr<float>() + features.numel());
  std::vector<int> classes(size_t(labels.size(0)));
  const auto* label = labels.data_ptr<std::int64_t>();
  for (std::int64_t i = 0; i < labels.size(0); ++i) classes[size_t(i)] = int(label[i]);
  auto e = pcaEmbedding(values, features.size(0), features.size(1), classes, data.evalTestSet()->numClasses());
  e.classNames = data.evalTestSet()->classNames();
  e.step = index ? index->step : 0;
  e.backboneRole = role;
  return e;
}

EvalReport Session::evaluateRun(const RunDirectory& run, SessionObserver* observer,
                                const std::vector<std::string>& overrides) {
  TrainConfig config = run.loadConfig();
  const auto trainedSplit = config.evaluation.split;
  for (const auto& assignment : overrides) applyOverride(config, assignment);
  validate(config);
  if (config.evaluation.split != trainedSplit) {
    // Scoring another split than the run was trained for would score images it trained on (test
    // -> validation) or break the rule that the test split stays unseen while choosing settings.
    throw ConfigError(run.root() + " was trained with evaluation.split " + trainedSplit +
                      "; it can only be evaluated on that split");
  }
  configureComputeThreads(config.device.threads);
  const auto device = resolveDevice(config.device.device);
  TrainingData data(config);
  const auto method = makeMethodConfig(config, data.batchesPerEpoch(), data.mean(), data.std());
  torch::manual_seed(config.seed);
  TrainStep trainer(config.model, method, device);
  const auto index = restore(run, trainer);
  if (!index && observer) observer->onMessage(run.root() + ": no checkpoint yet, evaluating the initial weights");
  BaselineCache baselines;
  auto report = evaluate(trainer, config, data, index ? index->step : 0, config.evaluation.protocol, baselines);
  writeEvalJson(run.evalPath(), report);
  if (observer) observer->onEval(report);
  return report;
}

}  // namespace folk
