#pragma once
// What the Results workspace and `folk` tools show about a run folder, read from its files only
// (config.json, state.json, metrics.jsonl, eval.json), so a run that another process is writing
// (a `folk train` on a server, a cluster job on a shared disk) can be listed and followed live.
// Nothing here throws for a damaged run: the summary says what is wrong instead.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace folk {

struct RunScores {
  double knnTop1 = 0.0;
  double linearTop1 = 0.0;
  std::vector<double> fewShotFractions;  // e.g. 0.01, 0.1
  std::vector<double> fewShotTop1;
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
  double bestKnnTop1 = 0.0;     // over the evaluation history of the latest evaluation's protocol
  double bestLinearTop1 = 0.0;
  double lastUpdateAgeSeconds = 0.0;  // since metrics.jsonl / state.json last changed
};

// A run whose state.json says running or paused but whose files have not changed for this long
// is reported as interrupted (its process was killed or lost).
constexpr double kStaleRunSeconds = 600.0;

// True when `path` holds a config.json (i.e. looks like a run folder).
bool isRunFolder(const std::string& path);
RunSummary summarizeRun(const std::string& path);
// Every run folder directly inside `runsDir`, newest first (by folder name). Missing folder: none.
std::vector<RunSummary> scanRuns(const std::string& runsDir);

// The learning table: one row per run with its final and best scores, and the random-init
// baseline where it was measured. Percentages with one decimal.
std::string learningTableCsv(const std::vector<RunSummary>& runs);
std::string learningTableMarkdown(const std::vector<RunSummary>& runs);

// state.json, written by the Session on every state change (atomic).
void writeRunState(const std::string& runPath, const std::string& state, std::int64_t step,
                   const std::string& detail = {});

}  // namespace folk
