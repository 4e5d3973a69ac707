#pragma once
// The one declaration of every training setting: key, type, default, range or choices, unit,
// label, tooltip, group and whether a newcomer needs it. Parsing and saving config.json, `--set`,
// validation, `folk config --print-default`, the Train form and docs/settings.md all read this
// table, and TrainConfig's constructor takes its values from it, so a default, a range or a name is
// stated nowhere else. Adding a setting: a member in train_config.h and one entry in
// settings_registry.cpp (docs/architecture.md).
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/io/train_config.h"
#include "core/util/translatable.h"

namespace folk {

inline constexpr const char* kSettingsTranslationContext = "Settings";

enum class SettingType { Boolean, Integer, Real, Text, RealList };

// In the order the Train form and docs/settings.md show them.
enum class SettingGroup { Data, Model, Objective, Masks, Optimisation, Evaluation, Augmentation, Device, Checkpoints, Run };

enum class SettingLevel {
  Essential,  // on the Train form's first screen: what a newcomer decides
  Advanced,   // under "All settings"
};

struct Setting {
  std::string key;  // dotted path in config.json, e.g. "optimisation.base_lr"
  SettingType type = SettingType::Real;
  SettingGroup group = SettingGroup::Run;
  SettingLevel level = SettingLevel::Advanced;
  nlohmann::json defaultValue;
  // Allowed values of a number, or of each value of a list; open ends exclude the bound.
  std::optional<double> min, max;
  bool minOpen = false, maxOpen = false;
  std::size_t listSize = 0;  // RealList: exactly this many values; 0: any number
  bool listNonEmpty = false;
  // Text settings with a fixed set of values. With choicesSuggested the list is what the form
  // offers, and other values are checked elsewhere (device.device also takes cuda:N).
  std::function<std::vector<std::string>()> choices;
  bool choicesSuggested = false;
  // Plain English, translated by the app (FOLK_TRANSLATE_NOOP): a human label, the unit after the
  // value ("" for none), what it does, and what an empty list means ("" where empty is not allowed).
  const char* label = "";
  const char* unit = "";
  const char* tooltip = "";
  const char* emptyListText = "";
  // The value in a TrainConfig as JSON, and the assignment of a JSON value (throws ConfigError with
  // the reason, e.g. "expected a whole number, got 2.5"; the caller adds where).
  std::function<nlohmann::json(const TrainConfig&)> get;
  std::function<void(TrainConfig&, const nlohmann::json&)> set;

  // This setting's problems in `config` (range, choices, list length), one sentence each.
  std::vector<std::string> problems(const TrainConfig& config) const;
  // The allowed values in words, e.g. "(0, 1]", "≥ 1", "folk, mfm, dino"; "" when anything goes.
  std::string allowedText() const;
};

// Every setting, in form order within each group.
const std::vector<Setting>& settingsRegistry();
// nullptr when no setting has this key.
const Setting* findSetting(const std::string& key);

std::vector<SettingGroup> settingGroups();
const char* settingGroupTitle(SettingGroup group);  // plain English, translatable like labels
const char* settingGroupKey(SettingGroup group);    // "optimisation", for docs anchors

// Sets every setting of `config` to its default.
void applyRegistryDefaults(TrainConfig& config);

// docs/settings.md: every setting with its key, default, allowed values, unit and description.
std::string settingsMarkdown();

// A setting's value as a person reads it, e.g. in a group label: text as it is, numbers as
// formatNumber writes them, lists comma-separated ("0.005, 0.01, 0.05"), true / false.
std::string settingValueText(const nlohmann::json& value);

// A number as people write it: at most `significant` digits, no trailing zeros ("1.333", "0.001",
// "1e-06" becomes "1e-6"). Whole numbers stay whole.
std::string formatNumber(double value, int significant = 4);

}  // namespace folk
