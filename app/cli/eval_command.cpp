#include "app/cli/eval_command.h"

#include <iostream>
#include <memory>

#include "core/io/run_directory.h"
#include "core/train/eval_json.h"
#include "core/train/session.h"

namespace folk::cli {

int runEvalCommand(const std::string& runDir, bool json, std::ostream& out, std::ostream& err) {
  try {
    const auto run = RunDirectory::open(runDir);
    const auto report = Session::evaluateRun(run);
    if (json) {
      out << toJson(report).dump(2) << "\n";
    } else {
      out << "step " << report.step << " (" << report.trainSamples << " train / " << report.testSamples
          << " test images): " << evalSummary(report) << "\n"
          << "written: " << run.evalPath() << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    err << "folk eval: " << e.what() << "\n";
    return 1;
  }
}

CLI::App* addEvalCommand(CLI::App& app, int& exitCode) {
  auto runDir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* eval = app.add_subcommand("eval", "k-NN / linear / few-shot evaluation of a run (writes eval.json)");
  eval->add_option("run", *runDir, "Run folder")->required();
  eval->add_flag("--json", *json, "Print the result as JSON");
  eval->callback([runDir, json, &exitCode] { exitCode = runEvalCommand(*runDir, *json, std::cout, std::cerr); });
  return eval;
}

}  // namespace folk::cli
