#pragma once
// Named recipes (DESIGN.md §3 "Recipes"): a preset is a list of values of registry settings
// (core/io/settings_registry.h), applied over a config (the embedded default or a config file)
// before any --set override. The table in train_presets.cpp is the one place presets are declared;
// the CLI and the GUI list them from here.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/io/train_config.h"

namespace folk {

struct PresetValue {
  std::string key;  // a registry key, e.g. "model.prototypes"
  nlohmann::json value;
};

struct TrainPreset {
  std::string name;
  std::string description;          // one English sentence (engine text, not translated)
  std::vector<PresetValue> values;  // applied in order
};

// Every preset, the default one ("desk") first.
const std::vector<TrainPreset>& trainPresets();
std::vector<std::string> presetNames();
std::string presetNameList();  // "desk, paper": for help texts and messages

// Applies preset `name` to `config`. Throws ConfigError naming the known presets for an unknown
// name.
void applyPreset(TrainConfig& config, const std::string& name);

}  // namespace folk
