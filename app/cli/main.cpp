// folk: the headless command line. Each command lives in its own file and registers itself on the
// app; this file only wires them together, so new commands (train, eval, ...) are one line here.
#include <CLI/CLI.hpp>

#include "app/cli/bench_command.h"
#include "app/cli/mask_command.h"
#include "app/cli/version.h"

int main(int argc, char** argv) {
  CLI::App app{"folk: frequency-guided self-supervised learning (FOLK) from the command line"};
  app.set_version_flag("--version", folk::cli::versionText());
  app.require_subcommand(1);

  int exitCode = 0;  // set by the command that runs
  folk::cli::addMaskCommand(app, exitCode);
  folk::cli::addBenchCommand(app, exitCode);

  CLI11_PARSE(app, argc, argv);
  return exitCode;
}
