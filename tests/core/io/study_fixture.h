#pragma once
// Study folders written the way `folk study` and the engine write them (saveStudyPlan,
// RunDirectory, MetricsWriter, writeEvalJson, writeRunState), with chosen figures in place of
// training, so the tests of grouping know every number and take milliseconds.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "core/io/run_summary.h"
#include "core/io/study_plan.h"
#include "core/io/train_config.h"
#include "core/train/eval_json.h"

namespace folk::test {

struct FixtureRun {
  std::string objective;
  int seed = 0;
  std::string state = "finished";
  // Final figures (fractions; the 10 % few-shot score, the effective rank).
  double knn = 0.0, linear = 0.0, fewShot10 = 0.0, rank = 0.0;
  std::optional<double> randomInitKnn, rawPixelsKnn;  // the baselines the run measured
  int steps = 0;      // metrics rows 1..steps: total loss lossScale * (1 + 4 / step)
  double lossScale = 1.0;
  bool evaluated = true;
  std::int64_t prototypes = 64;
};

inline ProbeScores fixtureScores(double knn, double linear, double fewShot10, double rank) {
  ProbeScores s;
  s.knnTop1 = knn;
  s.linearTop1 = linear;
  s.fewShotFractions = {0.1};
  s.fewShotTop1 = {fewShot10};
  s.fewShotStd = {0.0};
  s.effectiveRank = rank;
  return s;
}

// Writes the run folder "<UTC time>-<objective>-s<seed>" into `dir` (a study folder, or any runs
// folder) and returns its path.
inline std::string writeFixtureRun(const std::string& dir, const FixtureRun& r) {
  TrainConfig config = defaultConfig();
  config.name = r.objective + "-s" + std::to_string(r.seed);
  config.objective.name = r.objective;
  config.seed = std::uint64_t(r.seed);
  config.model.prototypes = r.prototypes;
  config.optimisation.steps = r.steps;
  const auto run = RunDirectory::create(dir, config);
  {
    MetricsWriter writer(run.metricsJsonlPath(), run.metricsCsvPath());
    for (int step = 1; step <= r.steps; ++step) {
      MetricsRow row;
      row.step = step;
      row.values[StepMetric::Total] = r.lossScale * (1.0 + 4.0 / step);
      row.values[StepMetric::Lr] = 1e-4;
      row.values[StepMetric::TeacherEntropy] = 2.0 + 0.01 * r.seed;
      writer.append(row);
    }
  }
  if (r.evaluated) {
    EvalReport report;
    report.step = r.steps;
    report.backboneRole = "teacher";
    report.protocol = {"fast", "test", "cls", 1};
    report.trainSamples = 200;
    report.testSamples = 100;
    report.numClasses = 10;
    report.trained = fixtureScores(r.knn, r.linear, r.fewShot10, r.rank);
    if (r.randomInitKnn) {
      report.hasRandomBaseline = true;
      report.randomInit = fixtureScores(*r.randomInitKnn, 0.3, 0.2, 5.0);
    }
    if (r.rawPixelsKnn) {
      report.hasRawBaseline = true;
      report.rawPixels = fixtureScores(*r.rawPixelsKnn, 0.4, 0.3, 9.0);
    }
    writeEvalJson(run.evalPath(), report);
  }
  writeRunState(run.root(), r.state, r.steps);
  return run.root();
}

// The study folder "<created>-study-<name>" in `runsDir` with its plan, and its runs.
inline std::string writeFixtureStudy(const std::string& runsDir, const std::string& name,
                                     const std::vector<std::string>& objectives, const std::vector<int>& seeds,
                                     const std::vector<FixtureRun>& runs) {
  StudyPlan plan;
  plan.name = name;
  plan.created = "20261207T072601Z";
  plan.objectives = objectives;
  plan.seeds = seeds;
  plan.trainArgs = {"--steps", "10"};
  const std::string dir = runsDir + "/" + plan.created + "-study-" + name;
  std::filesystem::create_directories(dir);
  for (const auto& r : runs) writeFixtureRun(dir, r);
  saveStudyPlan(dir, plan);
  return dir;
}

}  // namespace folk::test
