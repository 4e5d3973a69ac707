#include "app/cli/runs_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "core/io/run_summary.h"
#include "core/io/runs_folder.h"

namespace folk::cli {

CLI::Option* addRunsDirOption(CLI::App& command, std::string& runsDir) {
  // The default is not printed by CLI11: it depends on the user (and help2man would put the build
  // machine's home folder into the man page).
  return command.add_option("--runs-dir", runsDir,
                            std::string("Folder that holds the run folders (default: $") + kRunsFolderVariable +
                                ", else \"FOLK runs\" in your documents folder, ~/Documents; the workbench "
                                "uses the same folder)");
}

std::string runsFolderOrDefault(const std::string& runsDir) { return runsDir.empty() ? defaultRunsFolder() : runsDir; }

int runRunsCommand(const std::string& runsDir, bool json, std::ostream& out, std::ostream& err) {
  const std::string folder = runsFolderOrDefault(runsDir);
  const std::vector<RunSummary> runs = scanRuns(folder);
  if (json) {
    out << runsListJson(runs);
  } else if (!runs.empty()) {
    out << runsListText(runs);
  }
  if (runs.empty()) {
    std::error_code ec;
    err << "folk runs: no runs in " << folder
        << (std::filesystem::is_directory(folder, ec) ? "" : " (the folder does not exist yet)") << "\n";
  }
  return 0;
}

CLI::App* addRunsCommand(CLI::App& app, int& exitCode) {
  auto runsDir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* runs = app.add_subcommand("runs", "List the runs of the runs folder with status, steps and scores, "
                                              "as the workbench's Results workspace does");
  addRunsDirOption(*runs, *runsDir);
  runs->add_flag("--json", *json, "Print the runs as a JSON array");
  runs->callback([runsDir, json, &exitCode] { exitCode = runRunsCommand(*runsDir, *json, std::cout, std::cerr); });
  return runs;
}

}  // namespace folk::cli
