#include "app/cli/eval_command.h"

#include <iostream>
#include <memory>

#include "core/io/run_directory.h"
#include "core/train/eval_json.h"
#include "core/train/session.h"

namespace folk::cli {

int runEvalCommand(const EvalCommandOptions& options, std::ostream& out, std::ostream& err) {
  try {
    const auto run = RunDirectory::open(options.runDir);
    std::vector<std::string> overrides = options.sets;
    if (!options.protocol.empty()) overrides.push_back("evaluation.protocol=" + options.protocol);
    if (options.rawBaseline) overrides.push_back("evaluation.raw_baseline=true");
    const auto report = Session::evaluateRun(run, nullptr, overrides);
    if (options.json) {
      out << toJson(report).dump(2) << "\n";
    } else {
      out << "step " << report.step << " (" << protocolText(report) << ", " << report.seconds << " s): "
          << evalSummary(report) << "\n"
          << "written: " << run.evalPath() << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    err << "folk eval: " << e.what() << "\n";
    return 1;
  }
}

CLI::App* addEvalCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<EvalCommandOptions>();
  CLI::App* eval = app.add_subcommand(
      "eval", "k-NN / linear / few-shot evaluation and effective rank of a run (writes eval.json)");
  eval->add_option("run", options->runDir, "Run folder")->required();
  eval->add_option("--protocol", options->protocol,
                   "fast (evaluation.train_samples / test_samples draws) or full (every labelled image); "
                   "default: the run's evaluation.protocol")
      ->check(CLI::IsMember({"fast", "full"}));
  eval->add_flag("--raw-baseline", options->rawBaseline,
                 "Also score the normalised pixels as features (the raw-pixel baseline, same protocol)");
  eval->add_option("--set", options->sets,
                   "Override an evaluation setting for this evaluation, key.path=value (repeatable)");
  eval->add_flag("--json", options->json, "Print the result as JSON");
  eval->callback([options, &exitCode] { exitCode = runEvalCommand(*options, std::cout, std::cerr); });
  return eval;
}

}  // namespace folk::cli
