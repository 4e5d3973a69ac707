#pragma once
// The folder of a study (`folk study`): <runs>/<UTC timestamp>-study-<name>/ holds study.json (the
// plan: objectives, seeds and the `folk train` arguments every run shares), one ordinary run
// folder per objective and seed (<UTC timestamp>-<objective>-s<seed>, config name
// <objective>-s<seed>), logs/ (each run's output) and the summary files. Everything needed to
// resume is in the folder: a run is found again by its config name, and whether it finished by
// its state.json, so a study killed at any moment continues where it was.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace folk {

struct StudyRunSpec {
  std::string objective;
  int seed = 0;
  std::string label() const { return objective + "-s" + std::to_string(seed); }
};

struct StudyPlan {
  std::string name;
  std::string created;                // "20261207T072601Z"
  std::vector<std::string> objectives;
  std::vector<int> seeds;
  // Arguments of `folk train` shared by every run (--config, --data, --steps, --set ...); each
  // run adds --objective, --set seed=N, --name, --runs-dir and --threads.
  std::vector<std::string> trainArgs;
  // The runs in the order they are scheduled: seed by seed, so paired comparisons fill up early.
  std::vector<StudyRunSpec> runs() const;
};

// File names inside a study folder (one place for them).
struct StudyFiles {
  static constexpr const char* plan = "study.json";
  static constexpr const char* lock = "study.lock";
  static constexpr const char* logs = "logs";
  static constexpr const char* summaryJson = "study-summary.json";
  static constexpr const char* summaryCsv = "study-summary.csv";
  static constexpr const char* summaryMarkdown = "study-summary.md";
};

nlohmann::json toJson(const StudyPlan& plan);
// The plan in study.json's text; throws std::runtime_error saying what is wrong with it.
StudyPlan parseStudyPlan(const std::string& text);
// Throws std::runtime_error naming the file when study.json is missing or malformed.
StudyPlan loadStudyPlan(const std::string& studyDir);
// Atomic; also lists the runs with the folders found so far.
void saveStudyPlan(const std::string& studyDir, const StudyPlan& plan);

// The run folder of `spec` inside the study ("" when none was created yet); with several (a run
// restarted before its first config was written), the newest.
std::string findStudyRun(const std::string& studyDir, const StudyRunSpec& spec);

}  // namespace folk
