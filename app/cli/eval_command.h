#pragma once
// `folk eval RUN`: k-NN, linear and few-shot probes of the run's latest checkpoint and of a random
// initialisation of the same architecture; writes RUN/eval.json and prints the figures.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace folk::cli {

// 0 on success, 1 when the run cannot be evaluated (message on `err` naming the folder).
int runEvalCommand(const std::string& runDir, bool json, std::ostream& out, std::ostream& err);

CLI::App* addEvalCommand(CLI::App& app, int& exitCode);

}  // namespace folk::cli
