#pragma once
// `folk eval RUN`: k-NN, linear and few-shot probes and the effective rank of the run's latest
// checkpoint and of the baselines its config asks for (random initialisation of the same
// architecture, raw pixels); writes RUN/eval.json and prints the figures with their protocol.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace folk::cli {

struct EvalCommandOptions {
  std::string runDir;
  std::string protocol;           // "" keeps the run's evaluation.protocol
  bool rawBaseline = false;       // also score raw pixels
  std::vector<std::string> sets;  // config overrides for this evaluation
  bool json = false;
};

// 0 on success, 1 when the run cannot be evaluated (message on `err` naming the folder).
int runEvalCommand(const EvalCommandOptions& options, std::ostream& out, std::ostream& err);

CLI::App* addEvalCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
