// Session: state changes, pause / resume, stop with a checkpoint, and resume equality of losses.
// Tiny model (dim 32, depth 1), 256 Fashion-MNIST images, a handful of steps, one thread.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "core/train/session.h"

namespace fs = std::filesystem;

namespace folk {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

TrainConfig tinyConfig() {
  TrainConfig c = defaultConfig();
  c.name = "tiny";
  c.seed = 3;
  c.data.path = kFashion;
  c.data.trainSubset = 256;
  c.data.workers = 1;
  c.model.vitDim = 32;
  c.model.vitDepth = 1;
  c.model.vitHeads = 2;
  c.model.patchSize = 7;
  c.model.prototypes = 64;
  c.model.headHidden = 64;
  c.model.headBottleneck = 32;
  c.optimisation.batchSize = 32;
  c.optimisation.steps = 6;
  c.optimisation.warmupEpochs = 0.25;
  c.optimisation.freezeLastLayerEpochs = 0.25;
  c.evaluation.atEnd = false;
  c.evaluation.trainSamples = 200;
  c.evaluation.testSamples = 100;
  c.evaluation.linearEpochs = 10;
  c.device.device = "cpu";
  c.device.threads = 1;
  c.checkpoint.intervalSteps = 0;
  c.logIntervalSteps = 1;
  c.sampleIntervalSteps = 0;
  return c;
}

// Records states; runs `onStepAction` on the session thread after each step.
class Recorder : public SessionObserver {
 public:
  std::function<void(const StepReport&)> onStepAction;
  void onState(SessionState s) override {
    std::lock_guard<std::mutex> lock(mutex_);
    states.push_back(s);
    changed_.notify_all();
  }
  void onStep(const StepReport& r) override {
    steps.push_back(r);
    if (onStepAction) onStepAction(r);
  }
  void onError(const std::string& message) override { errors.push_back(message); }
  void onSample(const SampleReport& r) override { samples.push_back(r); }
  void onEval(const EvalReport& r) override { evals.push_back(r); }
  bool waitFor(SessionState s) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(120), [&] {
      return !states.empty() && (states.back() == s || states.back() == SessionState::Failed);
    });
    return !states.empty() && states.back() == s;
  }
  std::vector<SessionState> statesCopy() {
    std::lock_guard<std::mutex> lock(mutex_);
    return states;
  }
  std::vector<SessionState> states;
  std::vector<StepReport> steps;
  std::vector<std::string> errors;
  std::vector<SampleReport> samples;
  std::vector<EvalReport> evals;

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
};

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // scripts/setup-debian.sh installs it; a missing dataset is a broken setup, not a reason to skip.
  ASSERT_TRUE(fs::exists(kFashion)) << "dataset-fashion-mnist is not installed (run scripts/setup-debian.sh)";
    root_ = fs::temp_directory_path() / ("folk_session_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string runsDir() const { return root_.string(); }
  fs::path root_;
};

std::vector<double> losses(const RunDirectory& run) {
  std::vector<double> out;
  for (const auto& row : readMetrics(run.metricsJsonlPath())) out.push_back(row.values[StepMetric::Total]);
  return out;
}

TEST_F(SessionTest, PauseResumeAndFinish) {
  auto run = RunDirectory::create(runsDir(), tinyConfig());
  Recorder recorder;
  Session session(run, &recorder);
  recorder.onStepAction = [&](const StepReport& r) {
    if (r.step == 2) session.pause();
  };
  EXPECT_EQ(session.state(), SessionState::Idle);
  session.start();
  ASSERT_TRUE(recorder.waitFor(SessionState::Paused));
  EXPECT_EQ(session.completedSteps(), 2);
  EXPECT_EQ(session.state(), SessionState::Paused);
  session.resume();
  ASSERT_TRUE(recorder.waitFor(SessionState::Finished)) << ::testing::PrintToString(recorder.errors);
  session.wait();
  EXPECT_EQ(recorder.statesCopy(), (std::vector<SessionState>{SessionState::Running, SessionState::Paused,
                                                              SessionState::Running, SessionState::Finished}));
  ASSERT_EQ(recorder.steps.size(), 6u);
  EXPECT_EQ(recorder.steps.back().step, 6);
  EXPECT_EQ(recorder.steps.back().totalSteps, 6);
  EXPECT_GT(recorder.steps.back().values[StepMetric::ImagesPerSecond], 0.0);
  EXPECT_GT(recorder.steps.back().values[StepMetric::Distill], 0.0);
  EXPECT_GT(recorder.steps.back().values[StepMetric::Reconstruction], 0.0);
  EXPECT_EQ(losses(run).size(), 6u);
  // The self-distillation diagnostics reach the observer and every metrics row.
  for (const auto& row : readMetrics(run.metricsJsonlPath())) {
    for (auto metric : {StepMetric::TeacherEntropy, StepMetric::StudentTeacherKl, StepMetric::CenterNorm,
                        StepMetric::PrototypesUsed, StepMetric::ImagesPerSecond}) {
      EXPECT_TRUE(row.values.has(metric)) << declaration(metric).key << " at step " << row.step;
    }
  }
  EXPECT_TRUE(recorder.steps.back().values.has(StepMetric::TeacherEntropy));
  const auto index = readCheckpointIndex(run);
  ASSERT_TRUE(index);
  EXPECT_EQ(index->step, 6);
  EXPECT_TRUE(fs::exists(run.checkpointsDir() + "/" + index->file));
}

TEST_F(SessionTest, StopCheckpointsAndResumeGivesTheSameLosses) {
  // Uninterrupted reference.
  auto reference = RunDirectory::create(runsDir(), tinyConfig());
  {
    Recorder recorder;
    Session session(reference, &recorder);
    session.start();
    session.wait();
    ASSERT_EQ(session.state(), SessionState::Finished) << ::testing::PrintToString(recorder.errors);
  }
  // Stopped after step 3, then resumed by a new session on the same folder.
  auto interrupted = RunDirectory::create(runsDir(), tinyConfig());
  {
    Recorder recorder;
    Session session(interrupted, &recorder);
    recorder.onStepAction = [&](const StepReport& r) {
      if (r.step == 3) session.stop();
    };
    session.start();
    session.wait();
    EXPECT_EQ(session.state(), SessionState::Stopped);
    const auto states = recorder.statesCopy();
    ASSERT_GE(states.size(), 2u);
    EXPECT_EQ(states[states.size() - 2], SessionState::Stopping);
    const auto index = readCheckpointIndex(interrupted);
    ASSERT_TRUE(index);
    EXPECT_EQ(index->step, 3);
    EXPECT_TRUE(fs::exists(interrupted.checkpointPath(3)));
  }
  {
    Recorder recorder;
    Session session(RunDirectory::open(interrupted.root()), &recorder);
    session.start();
    session.wait();
    ASSERT_EQ(session.state(), SessionState::Finished) << ::testing::PrintToString(recorder.errors);
    ASSERT_FALSE(recorder.steps.empty());
    EXPECT_EQ(recorder.steps.front().step, 4);  // continued, not restarted
  }
  const auto expected = losses(reference);
  const auto got = losses(interrupted);
  ASSERT_EQ(expected.size(), 6u);
  ASSERT_EQ(got.size(), 6u);
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(got[i], expected[i], 1e-6) << "step " << i + 1;
}

TEST_F(SessionTest, SamplesAndEvaluationAreWritten) {
  TrainConfig config = tinyConfig();
  config.optimisation.steps = 2;
  config.sampleIntervalSteps = 2;
  config.evaluation.atEnd = true;
  auto run = RunDirectory::create(runsDir(), config);
  Recorder recorder;
  Session session(run, &recorder);
  session.start();
  session.wait();
  ASSERT_EQ(session.state(), SessionState::Finished) << ::testing::PrintToString(recorder.errors);
  ASSERT_GE(recorder.samples.size(), 1u);
  const auto& sample = recorder.samples.back();
  EXPECT_EQ(sample.unfiltered.height, 28);
  EXPECT_EQ(sample.mask.channels, 1);
  EXPECT_EQ(sample.reconstruction.width, 28);
  EXPECT_TRUE(fs::exists(run.samplesDir() + "/step-00000002-reconstruction.png"));
  ASSERT_EQ(recorder.evals.size(), 1u);
  const auto& eval = recorder.evals[0];
  EXPECT_EQ(eval.step, 2);
  EXPECT_EQ(eval.backboneRole, "teacher");
  EXPECT_TRUE(eval.hasRandomBaseline);
  EXPECT_EQ(eval.testSamples, 100u);
  EXPECT_GT(eval.trained.knnTop1, 0.1);  // far above chance (10 classes) even untrained
  EXPECT_EQ(eval.trained.fewShotTop1.size(), 2u);
  EXPECT_TRUE(fs::exists(run.evalPath()));

  const auto again = Session::evaluateRun(run);
  EXPECT_EQ(again.step, 2);
  EXPECT_DOUBLE_EQ(again.trained.knnTop1, eval.trained.knnTop1);
}

// evaluation.backbone: the teacher by default, the student when asked (a lagging EMA teacher shows
// as a gap between the two), and always the student for objectives without a teacher.
TEST_F(SessionTest, TheEvaluatedBackboneIsTheTeacherUnlessTheStudentIsAskedFor) {
  TrainConfig config = tinyConfig();
  config.evaluation.randomBaseline = false;
  const auto folkRun = RunDirectory::create(runsDir(), config);
  EXPECT_EQ(Session::evaluateRun(folkRun).backboneRole, "teacher");
  EXPECT_EQ(Session::evaluateRun(folkRun, nullptr, {"evaluation.backbone=student"}).backboneRole, "student");
  std::ifstream written(folkRun.evalPath());
  ASSERT_TRUE(written.good());
  EXPECT_EQ(nlohmann::json::parse(written).at("backbone"), "student");
  EXPECT_THROW(Session::evaluateRun(folkRun, nullptr, {"evaluation.backbone=both"}), ConfigError);

  config.objective.name = "mfm";
  const auto mfmRun = RunDirectory::create(runsDir(), config);
  EXPECT_EQ(Session::evaluateRun(mfmRun).backboneRole, "student");
}

TEST_F(SessionTest, EvaluationRecordsItsProtocolAndTheRawPixelBaseline) {
  TrainConfig config = tinyConfig();
  config.evaluation.split = "validation";
  config.evaluation.fewShotDraws = 3;
  auto run = RunDirectory::create(runsDir(), config);
  // No checkpoint yet: the initial weights are scored, on the validation split.
  const auto report = Session::evaluateRun(run, nullptr, {"evaluation.raw_baseline=true"});
  EXPECT_EQ(report.protocol.name, "fast");
  EXPECT_EQ(report.protocol.split, "validation");
  EXPECT_EQ(report.protocol.fewShotDraws, 3);
  EXPECT_EQ(report.testSamples, 100u);
  ASSERT_TRUE(report.hasRawBaseline);
  EXPECT_EQ(report.rawPixels.featureWidth, 28 * 28);
  EXPECT_GT(report.rawPixels.knnTop1, 0.3);  // raw pixels are far above chance on Fashion-MNIST
  EXPECT_GT(report.trained.effectiveRank, 1.0);
  EXPECT_LE(report.trained.effectiveRank, double(report.trained.featureWidth));
  ASSERT_EQ(report.trained.fewShotStd.size(), 2u);
  std::ifstream in(run.evalPath());
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["protocol"]["name"], "fast");
  EXPECT_EQ(j["protocol"]["split"], "validation");
  EXPECT_TRUE(j.contains("raw_pixels"));
  EXPECT_EQ(j["history"][0]["protocol"], "fast");
  // A run trained for the validation split is never scored on the test split, and vice versa.
  EXPECT_THROW(Session::evaluateRun(run, nullptr, {"evaluation.split=test"}), ConfigError);
}

TEST_F(SessionTest, InvalidConfigFailsWithAnError) {
  TrainConfig config = tinyConfig();
  config.data.path = "/no/such/folder";
  auto run = RunDirectory::create(runsDir(), config);
  Recorder recorder;
  Session session(run, &recorder);
  session.start();
  session.wait();
  EXPECT_EQ(session.state(), SessionState::Failed);
  ASSERT_EQ(recorder.errors.size(), 1u);
  EXPECT_NE(recorder.errors[0].find("/no/such/folder"), std::string::npos);
}

// Fault injection through the config: a learning rate of 1e30 (no warm-up) blows the weights up
// within a few of its 20 steps.
TrainConfig explodingConfig() {
  TrainConfig config = tinyConfig();
  config.optimisation.baseLr = 1e30;
  config.optimisation.warmupEpochs = 0;
  config.optimisation.steps = 20;
  return config;
}

// The session names the step and the term, stops in Failed, and keeps the last good checkpoint
// (written every step here) with finite metrics only.
TEST_F(SessionTest, NonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint) {
  TrainConfig config = explodingConfig();
  config.checkpoint.intervalSteps = 1;
  auto run = RunDirectory::create(runsDir(), config);
  Recorder recorder;
  Session session(run, &recorder);
  session.start();
  ASSERT_FALSE(recorder.waitFor(SessionState::Finished)) << "the run should fail, not finish";
  session.wait();
  ASSERT_EQ(session.state(), SessionState::Failed);
  ASSERT_EQ(recorder.errors.size(), 1u);
  const auto& error = recorder.errors[0];
  EXPECT_NE(error.find("is not finite"), std::string::npos) << error;
  EXPECT_NE(error.find("max_bad_steps"), std::string::npos) << error;
  const auto failedStep = session.completedSteps() + 1;
  EXPECT_NE(error.find("step " + std::to_string(failedStep) + ":"), std::string::npos) << error;
  const auto index = readCheckpointIndex(run);
  ASSERT_TRUE(index.has_value()) << error;
  EXPECT_EQ(index->step, session.completedSteps());
  EXPECT_TRUE(fs::exists(fs::path(run.checkpointsDir()) / index->file));
  EXPECT_NE(error.find(index->file), std::string::npos) << error;
  for (const auto& row : readMetrics(run.metricsJsonlPath())) EXPECT_TRUE(std::isfinite(row.values[StepMetric::Total]));
}

// With optimisation.max_bad_steps the bad steps are skipped (each announced) until the budget is spent.
TEST_F(SessionTest, BadStepsAreSkippedUpToTheConfiguredBudget) {
  TrainConfig config = explodingConfig();
  config.optimisation.maxBadSteps = 3;
  auto run = RunDirectory::create(runsDir(), config);
  struct Messages : Recorder {
    std::vector<std::string> messages;
    void onMessage(const std::string& m) override { messages.push_back(m); }
  } recorder;
  Session session(run, &recorder);
  session.start();
  recorder.waitFor(SessionState::Finished);
  session.wait();
  // Once the weights are broken every batch is bad: three are skipped, the fourth stops the run.
  ASSERT_EQ(session.state(), SessionState::Failed);
  int skipped = 0;
  for (const auto& m : recorder.messages) skipped += m.find("was skipped") != std::string::npos;
  EXPECT_EQ(skipped, 3);
  for (const auto& row : readMetrics(run.metricsJsonlPath())) EXPECT_TRUE(std::isfinite(row.values[StepMetric::Total])) << row.step;
  for (const auto& r : recorder.steps) EXPECT_TRUE(std::isfinite(r.values[StepMetric::Total])) << r.step;
}
}  // namespace
}  // namespace folk
