#pragma once
// Groups of runs as the Results workspace shows them: the runs of each study folder by objective,
// with the baselines and the paired difference of the study's summary (the rows `folk study` writes
// to study-summary.md, computed live by the same summarizeStudy from the runs' summaries), or any
// runs by the value of one setting. A group's figures are the mean ± sample standard deviation over
// its finished, evaluated runs, as in the study summary; a group's curve is the mean of its runs'
// curves with their min-max band (curveBand).
#include <string>
#include <utility>
#include <vector>

#include "core/io/run_summary.h"
#include "core/io/study_summary.h"

namespace folk {

struct RunGroup {
  enum class Kind {
    Objective,   // the runs of one objective in a study
    Baseline,    // a baseline (random-init, raw pixels) measured by some of a study's runs, one per seed
    Difference,  // a study's paired per-seed difference folk - mfm
    Setting,     // the runs with one value of a setting
  };
  Kind kind = Kind::Objective;
  std::string id;         // stable across rescans: "<study folder>|<label>", or "<key>=<value>"
  std::string label;      // "folk", "random-init", "raw pixels", "folk - mfm (paired per seed)", "64"
  std::string study;      // its study folder; "" for a setting's group
  std::string studyName;  // the study's name in study.json, else its folder's name
  std::string protocol;   // of the evaluations summarised, as the study summary states it
  // Member run folders, newest first; of a baseline the runs that measured it; none for a difference.
  std::vector<std::string> runs;
  std::vector<MeanStd> values;  // one per RunGroups::metrics; n: the runs (seeds, pairs) it is over
};

struct RunGroups {
  // The study summary's names, in its order: "k-NN", "linear", "1% labels", "10% labels", ...,
  // "effective rank" (the few-shot fractions that any group has).
  std::vector<std::string> metrics;
  std::vector<RunGroup> groups;
};

// The study whose folder `runPath` lies directly in, nullptr when none.
const StudyFolder* studyOfRun(const std::string& runPath, const std::vector<StudyFolder>& studies);
// The study's name in study.json, else its folder's name.
std::string studyName(const StudyFolder& study);

// The groups of each study (by path): its objectives in the plan's order, then any other objective
// its runs have, the baselines its runs measured and, with folk and mfm, the paired difference.
// `runs` are the summaries of the runs folder; those directly inside a study folder are its runs.
RunGroups groupStudyRuns(const std::vector<RunSummary>& runs, const std::vector<StudyFolder>& studies);

// One group per value of the setting `key` (a settingsRegistry() key) among the runs whose config
// was read, in increasing order of the value (numerically when every value is a number). No
// groups for a key that is not a setting.
RunGroups groupRunsBySetting(const std::vector<RunSummary>& runs, const std::string& key);

// One run's curve: (step, value) points in increasing step order.
using StepCurve = std::vector<std::pair<double, double>>;

// At every step that any curve has: the mean, the smallest and the largest value over the curves
// that have a value there (NaN values do not count), so a run that is further along extends the
// band alone.
struct CurveBand {
  std::vector<double> steps, mean, lower, upper;
};
CurveBand curveBand(const std::vector<StepCurve>& curves);

}  // namespace folk
