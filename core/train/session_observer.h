#pragma once
// What a training Session tells the outside world (DESIGN.md §2): plain value structs through one
// small interface. The GUI adapter turns the calls into queued Qt signals, the CLI prints them.
// All calls come from the session's own thread; implementations must be quick and thread-safe
// towards their own readers, and must not call back into the session's blocking methods (wait()).
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/image.h"
#include "core/io/step_metrics.h"

namespace folk {

enum class SessionState { Idle, Running, Paused, Stopping, Stopped, Finished, Failed };
const char* sessionStateName(SessionState state);

struct StepReport {
  std::int64_t step = 0;  // steps completed
  std::int64_t totalSteps = 0;
  std::int64_t epoch = 0;
  StepValues values;       // losses, schedules, diagnostics, throughput (over the steps since the
                           // previous report) and elapsed time
  double etaSeconds = 0.0;  // at that throughput, for the remaining steps
};

// Top-1 accuracies in [0,1] of one feature source (a backbone's frozen features, or raw pixels).
struct ProbeScores {
  double knnTop1 = 0.0;
  double linearTop1 = 0.0;
  // How the linear probe ended: the L2 weight decay chosen on a held-out tenth of the probe's
  // training features, the L-BFGS iterations of the final fit and whether it met the tolerance.
  double linearWeightDecay = 0.0;
  int linearIterations = 0;
  bool linearConverged = false;
  std::vector<double> fewShotFractions;  // e.g. 0.01, 0.1
  std::vector<double> fewShotTop1;       // mean over the draws of a linear probe on that fraction of the labels
  std::vector<double> fewShotStd;        // sample standard deviation over the draws (0 for one draw)
  // exp(entropy of the normalised singular values) of the centred training features (Roy &
  // Vetterli 2007): how many directions the features really use, at most their width.
  double effectiveRank = 0.0;
  int featureWidth = 0;
  double seconds = 0.0;  // feature extraction and all probes of this source
};

// Which data a number comes from, so figures of different protocols are never compared unknowingly.
struct EvalProtocolInfo {
  std::string name;      // "fast" (evaluation.train_samples / test_samples draws) or "full" (all of them)
  std::string split;     // "test" or "validation" (held out of the training data)
  std::string features;  // evaluation.features of the backbones
  int fewShotDraws = 1;  // random draws per few-shot fraction (mean and std over them)
};

struct EvalReport {
  std::int64_t step = 0;
  std::string backboneRole;  // "teacher" (or "student" for objectives without one)
  EvalProtocolInfo protocol;
  ProbeScores trained;
  bool hasRandomBaseline = false;
  ProbeScores randomInit;  // randomly initialised backbone of the same architecture
  bool hasRawBaseline = false;
  ProbeScores rawPixels;  // the normalised pixels themselves as features
  std::size_t trainSamples = 0, testSamples = 0;
  int numClasses = 0;
  double seconds = 0.0;
};

// The fixed probe image through the student's pipeline, in [0,1] (the mask as 0/1, one channel).
struct SampleReport {
  std::int64_t step = 0;
  Image unfiltered, mask, filtered, reconstruction;  // reconstruction empty without a rec. head
};

class SessionObserver {
 public:
  virtual ~SessionObserver() = default;
  virtual void onState(SessionState /*state*/) {}
  virtual void onStep(const StepReport& /*report*/) {}
  virtual void onEval(const EvalReport& /*report*/) {}
  virtual void onSample(const SampleReport& /*report*/) {}
  virtual void onError(const std::string& /*message*/) {}
  virtual void onMessage(const std::string& /*message*/) {}  // informational (resumed, checkpoint written)
  // The run entered or left a state worth the user's attention while it goes on (a collapse of the
  // self-distillation); `active` false clears it.
  virtual void onWarning(const std::string& /*message*/, bool /*active*/) {}
};

}  // namespace folk
