#include "app/cli/export_command.h"

#include <iostream>
#include <memory>

#include "core/io/run_directory.h"
#include "core/train/backbone_weights.h"

namespace folk::cli {

int runExportCommand(const std::string& runDir, const std::string& format, const std::string& outPath,
                     std::ostream& out, std::ostream& err) {
  if (format != "safetensors") {
    err << "folk export: format '" << format << "' is not supported (use safetensors)\n";
    return 2;
  }
  try {
    const auto run = RunDirectory::open(runDir);
    const auto summary = exportRunBackbone(run, outPath);
    out << "exported the " << summary.role << " backbone at step " << summary.step << " (" << summary.tensors
        << " tensors, " << summary.values << " values) to " << outPath << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "folk export: " << e.what() << "\n";
    return 1;
  }
}

CLI::App* addExportCommand(CLI::App& app, int& exitCode) {
  auto runDir = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("safetensors");
  auto outPath = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "export", "Write a run's backbone weights for PyTorch (safetensors, timm / torchvision names)");
  command->add_option("run", *runDir, "Run folder")->required();
  command->add_option("--format", *format, "Output format (safetensors)")->capture_default_str();
  command->add_option("--out", *outPath, "Output file, e.g. backbone.safetensors")->required();
  command->callback([runDir, format, outPath, &exitCode] {
    exitCode = runExportCommand(*runDir, *format, *outPath, std::cout, std::cerr);
  });
  return command;
}

}  // namespace folk::cli
