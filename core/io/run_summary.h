#pragma once
// What the Results workspace and `folk` tools show about a run folder, read from its files only
// (config.json, state.json, metrics.jsonl, eval.json), so a run that another process is writing
// (a `folk train` on a server, a cluster job on a shared disk) can be listed and followed live.
// Nothing here throws for a damaged run: the summary says what is wrong instead.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/io/step_metrics.h"
#include "core/io/study_plan.h"

namespace folk {

struct RunScores {
  double knnTop1 = 0.0;
  double linearTop1 = 0.0;
  std::vector<double> fewShotFractions;  // e.g. 0.01, 0.1
  std::vector<double> fewShotTop1;
  double effectiveRank = std::numeric_limits<double>::quiet_NaN();  // NaN: not in eval.json
};

struct RunSummary {
  std::string path;       // the run folder
  std::string folder;     // its name: <UTC timestamp>-<name>
  std::string name;       // config name
  std::string created;    // "2026-11-27 03:12:05 UTC", from the folder name ("" when it has none)
  std::string objective, model, dataset;
  std::int64_t steps = 0;        // steps completed (metrics.jsonl, else the checkpoint index)
  std::int64_t plannedSteps = 0;  // config optimisation.steps; 0: given by epochs
  std::string status;      // running, paused, stopped, finished, failed, interrupted, unreadable
  std::string statusDetail;  // the error of a failed run, why a run is unreadable
  bool hasEval = false;
  std::int64_t evalStep = 0;
  RunScores final;              // the latest evaluation of the trained backbone
  // Which protocol that evaluation used (eval.json "protocol"; older files: fast, test split) and
  // how many labelled images the probes were fitted on and scored on.
  std::string evalProtocol = "fast";
  std::string evalSplit = "test";
  std::int64_t evalTrainSamples = 0, evalTestSamples = 0;
  std::optional<RunScores> randomInit;
  std::optional<RunScores> rawPixels;  // the raw-pixels baseline, where it was measured
  double bestKnnTop1 = 0.0;     // over the evaluation history of the latest evaluation's protocol
  // (step, k-NN top-1) of every fast-protocol evaluation in eval.json's history, for accuracy curves.
  std::vector<std::pair<std::int64_t, double>> knnHistory;
  double bestLinearTop1 = 0.0;
  double lastUpdateAgeSeconds = 0.0;  // since metrics.jsonl / state.json last changed
  StepValues lastMetrics;            // of the last logged step (NaN where not logged)
  std::int64_t prototypes = 0;       // K of the projection head (config model.prototypes)
  std::uint64_t seed = 0;            // config seed
  // The value of every setting as text (settingValueText), in settingsRegistry() order, so runs
  // can be grouped by any setting; empty when config.json cannot be read.
  std::vector<std::string> settings;
  // Files of the run that were not read, one sentence each naming the file and why: a named pipe
  // or device where a file should be, a file that cannot be opened or is far too large.
  std::vector<std::string> skipped;
};

// A run whose state.json says running or paused but whose files have not changed for this long
// is reported as interrupted (its process was killed or lost).
constexpr double kStaleRunSeconds = 600.0;

// True when `path` holds a config.json (i.e. looks like a run folder).
bool isRunFolder(const std::string& path);
// Never blocks on a named pipe or device in the folder: such files are skipped (RunSummary::skipped).
RunSummary summarizeRun(const std::string& path);
// The run's latest evaluation in eval.json's form (the scores of the trained backbone and of the
// baselines, the protocol and the sample counts; no history): what the study summary reads. Null
// without an evaluation.
nlohmann::json evaluationJson(const RunSummary& run);

// A study folder (`folk study`, core/io/study_plan.h) found in a runs folder.
struct StudyFolder {
  std::string path;
  StudyPlan plan;       // objectives and seeds; empty when study.json cannot be read
  std::string problem;  // why study.json cannot be read ("" when it was)
};

struct RunsFolderListing {
  // Run folders (those holding an entry named config.json, of any type: one that is not a file
  // makes an "unreadable" run, not a silently missing one): the folders directly inside the runs
  // folder and those inside its study folders, newest first (by folder name).
  std::vector<std::string> runs;
  // The folders directly inside the runs folder that hold study.json, and the runs folder itself
  // when it is a study folder, by path.
  std::vector<StudyFolder> studies;
};
// Reads the folder listings and each study's study.json (never blocking on one that is not a
// regular file). Missing folder: nothing.
RunsFolderListing listRunsFolder(const std::string& runsDir);
// listRunsFolder(runsDir).runs.
std::vector<std::string> listRunFolders(const std::string& runsDir);
// summarizeRun of every listRunFolders entry.
std::vector<RunSummary> scanRuns(const std::string& runsDir);

// The learning table: one row per run with its final and best scores, and the random-init
// baseline where it was measured. Percentages with one decimal.
std::string learningTableCsv(const std::vector<RunSummary>& runs);
std::string learningTableMarkdown(const std::vector<RunSummary>& runs);

// `folk runs`: the runs as the Results workspace lists them (run, status, steps, objective, model,
// final and best k-NN, linear and few-shot scores, random-init k-NN), as an aligned text table or
// as a JSON array with every field of RunSummary (scores as fractions, absent without eval.json).
std::string runsListText(const std::vector<RunSummary>& runs);
std::string runsListJson(const std::vector<RunSummary>& runs);

// state.json, written by the Session on every state change (atomic).
void writeRunState(const std::string& runPath, const std::string& state, std::int64_t step,
                   const std::string& detail = {});

}  // namespace folk
