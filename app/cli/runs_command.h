#pragma once
// `folk runs [--runs-dir DIR] [--json]`: the runs of the runs folder, as the workbench's Results
// workspace lists them (status, steps, scores), read by the same code (core/io/run_summary.h).
// Without --runs-dir: the folder `folk train` and the workbench use by default
// (core/io/runs_folder.h).
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace folk::cli {

// --runs-dir for `folk train` and `folk runs`: empty unless given (then defaultRunsFolder()).
CLI::Option* addRunsDirOption(CLI::App& command, std::string& runsDir);
// The folder a command works in: `runsDir` when given, else the default of both programs.
std::string runsFolderOrDefault(const std::string& runsDir);

// 0, also for an empty or missing folder (it says so on stderr); prints a table or JSON to `out`.
int runRunsCommand(const std::string& runsDir, bool json, std::ostream& out, std::ostream& err);

CLI::App* addRunsCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
