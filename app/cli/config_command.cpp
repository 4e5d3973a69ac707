#include "app/cli/config_command.h"

#include <iostream>
#include <memory>

#include "core/io/settings_registry.h"
#include "core/io/train_config.h"
#include "core/io/train_presets.h"

namespace folk::cli {

int runConfigCommand(const ConfigCommandOptions& options, std::ostream& out, std::ostream& err) {
  try {
    if (options.printDefault) {
      TrainConfig config = defaultConfig();
      if (!options.preset.empty()) applyPreset(config, options.preset);
      for (const auto& s : options.sets) applyOverride(config, s);
      out << toJson(config).dump(2) << "\n";
      return 0;
    }
    if (options.settingsMarkdown) {
      out << settingsMarkdown();
      return 0;
    }
    if (!options.check.empty()) {
      TrainConfig config = loadConfig(options.check);
      if (!options.preset.empty()) applyPreset(config, options.preset);
      for (const auto& s : options.sets) applyOverride(config, s);
      validate(config);
      out << options.check << ": valid\n";
      return 0;
    }
    err << "folk config: give --print-default, --check FILE or --settings-markdown\n";
    return 2;
  } catch (const std::exception& e) {
    err << "folk config: " << e.what() << "\n";
    return 2;
  }
}

CLI::App* addConfigCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ConfigCommandOptions>();
  CLI::App* config = app.add_subcommand("config", "Print the default training config or check one");
  config->add_flag("--print-default", options->printDefault, "Print the embedded default config (JSON)");
  config->add_option("--check", options->check, "Validate this config file");
  config->add_flag("--settings-markdown", options->settingsMarkdown,
                   "Print every setting (key, default, allowed values, unit, description) as Markdown: docs/settings.md");
  config->add_option("--preset", options->preset, "Apply this named recipe first: " + presetNameList());
  config->add_option("--set", options->sets, "Override a value first, key.path=value (repeatable)");
  config->callback([options, &exitCode] { exitCode = runConfigCommand(*options, std::cout, std::cerr); });
  return config;
}

}  // namespace folk::cli
