#pragma once
// The learning table of a study (`folk study`): several objectives, each trained with several
// seeds on the same data and steps, plus the baselines their evaluations carry (random-init
// backbone, raw pixels). Per row the mean ± sample standard deviation over the seeds of k-NN,
// linear and few-shot top-1 (percent) and of the effective rank, and the paired per-seed
// difference FOLK - MFM. Read from the runs' eval.json only, so it works on any study folder.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace folk {

struct MeanStd {
  double mean = 0.0;
  double std = 0.0;  // sample standard deviation (n - 1); 0 for a single value
  int n = 0;
};
MeanStd meanStd(const std::vector<double>& values);

// One run of a study: which objective and seed, and its eval.json (null when it has none yet).
struct StudyRunEval {
  std::string objective;
  int seed = 0;
  nlohmann::json eval;
};

struct StudyRow {
  std::string label;            // "folk", ..., "random-init", "raw pixels", "folk - mfm (paired)"
  std::vector<MeanStd> values;  // one per StudySummary::metrics entry
};

struct StudySummary {
  std::vector<std::string> metrics;  // "k-NN", "linear", "1% labels", "10% labels", "effective rank"
  std::vector<StudyRow> rows;        // the objectives in study order, then the baselines
  std::optional<StudyRow> folkMinusMfm;
  std::string protocol;  // of the evaluations summarised, e.g. "full, test split, 60000 / 10000 images"
};

// Rows for `objectives` (in that order) from the runs that have an evaluation; the baselines come
// from the runs that carry them, one value per seed.
StudySummary summarizeStudy(const std::vector<std::string>& objectives, const std::vector<StudyRunEval>& runs);

nlohmann::json studySummaryJson(const StudySummary& summary);
std::string studySummaryCsv(const StudySummary& summary);
std::string studySummaryMarkdown(const StudySummary& summary);

}  // namespace folk
