#pragma once
// `folk study`: the learning table in one command. Trains each objective with each of S seeds
// (same data and steps) as ordinary `folk train` processes of this same executable, as many at a
// time as the cores allow (jobs x threads <= cores), in one study folder (core/io/study_plan.h);
// then writes the study summary (core/io/study_summary.h) as JSON, CSV and Markdown.
// `folk study --resume DIR` continues a study that was stopped or killed: finished runs are kept,
// unfinished ones resume from their checkpoints.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace folk::cli {

struct StudyCommandOptions {
  std::string resume;  // a study folder to continue
  std::string runsDir;  // empty: the default runs folder of `folk train` and the workbench
  std::string name = "study";
  std::string configFile;
  std::string data;
  int seeds = 3;
  std::int64_t steps = -1;  // -1: the config's own
  std::vector<std::string> objectives{"folk", "mfm", "mfm-comrcom", "folk-fixed", "dino"};
  std::vector<std::string> sets;
  std::string protocol = "full";  // evaluation protocol of the runs' final evaluation
  int jobs = 0;                   // 0: cores / threads
  int threads = 1;
  double progressSeconds = 30.0;  // a progress line at least this often
};

// 0: every run finished and the summary is written; 1: a run failed (the summary holds the
// others); 2: bad options; 130: interrupted (resume with --resume).
int runStudyCommand(const StudyCommandOptions& options, std::ostream& out, std::ostream& err);

CLI::App* addStudyCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
