#pragma once
// `folk config --print-default [--preset NAME]` prints the embedded default training config (with
// a named recipe applied) as JSON;
// `folk config --check FILE [--preset NAME] [--set key=value ...]` validates a config and prints
// the result;
// `folk config --settings-markdown` prints docs/settings.md (every setting, from the registry).
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace folk::cli {

struct ConfigCommandOptions {
  bool printDefault = false;
  bool settingsMarkdown = false;
  std::string preset;  // applied before `sets`
  std::string check;
  std::vector<std::string> sets;
};

// 0: printed / valid; 2: invalid config or no action given (message on `err`).
int runConfigCommand(const ConfigCommandOptions& options, std::ostream& out, std::ostream& err);

CLI::App* addConfigCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
