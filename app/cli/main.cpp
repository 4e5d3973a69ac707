// folk: the headless command line. Each command lives in its own file and registers itself on the
// app; this file only wires them together, so new commands (train, eval, ...) are one line here.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <string>

#include "app/cli/bench_command.h"
#include "app/cli/bench_step_command.h"
#include "app/cli/config_command.h"
#include "app/cli/eval_command.h"
#include "app/cli/export_command.h"
#include "app/cli/inspect_command.h"
#include "app/cli/mask_command.h"
#include "app/cli/runs_command.h"
#include "app/cli/study_command.h"
#include "app/cli/train_command.h"
#include "app/cli/version.h"

namespace {

// CLI11 reports a mistyped command only as "A subcommand is required": name it instead.
bool rejectUnknownCommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  const std::string word = argv[1];
  std::string known;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->check_name(word)) return false;
    known += (known.empty() ? "" : ", ") + sub->get_name();
  }
  std::cerr << "folk: unknown command '" << word << "' (commands: " << known << "; see folk --help)\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f) a write must fail with EFBIG, which the atomic writers report
  // and recover from, rather than kill the process with SIGXFSZ halfway through a checkpoint.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"folk: frequency-guided self-supervised learning (FOLK) from the command line"};
  app.set_version_flag("--version", folk::cli::versionText());
  app.require_subcommand(1);

  int exitCode = 0;  // set by the command that runs
  folk::cli::addMaskCommand(app, exitCode);
  CLI::App* bench = folk::cli::addBenchCommand(app, exitCode);
  folk::cli::addBenchStepCommand(*bench, exitCode);
  folk::cli::addTrainCommand(app, exitCode);
  folk::cli::addEvalCommand(app, exitCode);
  folk::cli::addStudyCommand(app, exitCode);
  folk::cli::addExportCommand(app, exitCode);
  folk::cli::addInspectCommand(app, exitCode);
  folk::cli::addRunsCommand(app, exitCode);
  folk::cli::addConfigCommand(app, exitCode);

  if (rejectUnknownCommand(app, argc, argv)) return 2;
  CLI11_PARSE(app, argc, argv);
  return exitCode;
}
