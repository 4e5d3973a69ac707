#include "core/io/train_config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/io/settings_registry.h"
#include "core/method/objective.h"
#include "core/util/atomic_file.h"
#include "core/util/regular_file.h"

namespace folk {

using nlohmann::json;

namespace {

// The augmentation's view size and channels are the model's, not settings of their own.
void deriveFromModel(TrainConfig& c) {
  c.data.augment.outputSize = c.model.imageSize;
  c.data.augment.channels = c.model.channels;
}

// A key that holds settings ("optimisation", "data.augment").
bool isSection(const std::string& key) {
  const auto prefix = key + ".";
  for (const auto& s : settingsRegistry()) {
    if (s.key.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

// Assigns every member of `object` (at `prefix` in config.json) to its setting; a key that is no
// setting is an error (a typo must not be ignored).
void assign(TrainConfig& c, const json& object, const std::string& prefix, const std::string& where) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string key = prefix + it.key();
    if (const Setting* setting = findSetting(key)) {
      try {
        setting->set(c, it.value());
      } catch (const ConfigError& e) {
        throw ConfigError(where + "." + it.key() + ": " + e.what());
      }
    } else if (!isSection(key)) {
      throw ConfigError(where + ": unknown key '" + it.key() + "'");
    } else if (!it->is_object()) {
      throw ConfigError(where + "." + it.key() + ": expected an object");
    } else {
      assign(c, *it, key + ".", where + "." + it.key());
    }
  }
}

}  // namespace

TrainConfig::TrainConfig() {
  applyRegistryDefaults(*this);
  deriveFromModel(*this);
}

TrainConfig defaultConfig() { return TrainConfig(); }

json toJson(const TrainConfig& c) {
  json j = json::object();
  for (const auto& s : settingsRegistry()) {
    std::string pointer = "/" + s.key;
    std::replace(pointer.begin(), pointer.end(), '.', '/');
    j[json::json_pointer(pointer)] = s.get(c);
  }
  return j;
}

TrainConfig configFromJson(const json& given, const std::string& source) {
  if (!given.is_object()) throw ConfigError(source + ": a config must be a JSON object");
  TrainConfig c;
  assign(c, given, "", source);
  deriveFromModel(c);
  return c;
}

TrainConfig loadConfig(const std::string& path) {
  // A config is a few kilobytes; the bound and the file-type check keep a damaged file or a named
  // pipe of that name (a run folder on a shared disk) from costing memory or blocking.
  std::string problem;
  const auto text = readSmallRegularFile(path, std::size_t(16) << 20, &problem);
  if (!text) throw ConfigError(problem.empty() ? path + ": cannot open the config file" : problem);
  json j;
  try {
    j = json::parse(*text);
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for numbers beyond a double (found by fuzz_config: 996e968).
    throw ConfigError(path + ": not valid JSON: " + e.what());
  }
  return configFromJson(j, path);
}

void saveConfig(const TrainConfig& config, const std::string& path) {
  writeFileAtomically(path, toJson(config).dump(2) + "\n");
}

void applyOverride(TrainConfig& config, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw ConfigError("override '" + assignment + "': expected key.path=value");
  }
  const auto key = assignment.substr(0, eq);
  const auto text = assignment.substr(eq + 1);
  const Setting* setting = findSetting(key);
  if (!setting) {
    if (isSection(key)) throw ConfigError("override '" + assignment + "': '" + key + "' is a section, not a value");
    throw ConfigError("override '" + assignment + "': unknown key '" + key + "'");
  }
  json value;
  try {
    value = json::parse(text);
  } catch (const json::parse_error&) {
    value = text;  // a bare word such as vit-tiny or a path
  } catch (const json::exception& e) {
    throw ConfigError("override '" + assignment + "': " + e.what());  // e.g. a number beyond a double
  }
  // Numbers given for a text setting (e.g. name=3) stay text.
  if (setting->type == SettingType::Text && !value.is_string()) value = text;
  try {
    setSetting(config, key, value);
  } catch (const ConfigError& e) {
    throw ConfigError("override '" + assignment + "': " + e.what());
  }
}

void setSetting(TrainConfig& config, const std::string& key, const json& value) {
  const Setting* setting = findSetting(key);
  if (!setting) throw ConfigError("unknown setting '" + key + "'");
  try {
    setting->set(config, value);  // leaves config as it was when the value does not fit
  } catch (const ConfigError& e) {
    throw ConfigError(key + ": " + e.what());
  }
  deriveFromModel(config);
}

std::vector<std::string> fileProblems(const TrainConfig& c) {
  std::vector<std::string> problems;
  std::error_code ec;
  if (!c.data.path.empty() && !std::filesystem::exists(c.data.path, ec)) {
    problems.push_back("data.path '" + c.data.path + "' does not exist");
  }
  if (!c.initFrom.empty() && !std::filesystem::is_regular_file(c.initFrom, ec)) {
    problems.push_back("init_from '" + c.initFrom + "' is not a file (name a .safetensors file written by folk export)");
  }
  return problems;
}

std::vector<std::string> validationProblems(const TrainConfig& c, FileChecks files) {
  // Each setting's own range and choices, from the registry.
  std::vector<std::string> problems;
  const auto problemUnder = [&](const std::string& prefix) {
    for (const auto& p : problems) {
      if (p.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
  };
  for (const auto& setting : settingsRegistry()) {
    for (auto& p : setting.problems(c)) problems.push_back(std::move(p));
  }

  // What no single setting can say: files on disk, settings that must agree with each other.
  auto add = [&](const std::string& s) { problems.push_back(s); };
  if (c.name.empty()) add("name must not be empty");
  if (c.name.find('/') != std::string::npos) add("name '" + c.name + "' must not contain '/'");
  if (c.data.path.empty()) add("data.path is empty: name a dataset folder");
  if (files == FileChecks::Include) {
    for (auto& p : fileProblems(c)) problems.push_back(std::move(p));
  }
  if (c.data.mean.size() != c.data.std.size() ||
      (!c.data.mean.empty() && int(c.data.mean.size()) != c.model.channels)) {
    add("data.mean and data.std must both be empty or hold one value per channel (" +
        std::to_string(c.model.channels) + ")");
  }
  // The components' own checks (crop ranges in order, the patch size dividing the image size, ...),
  // once the single values are in range, so one mistake gives one sentence.
  if (!problemUnder("data.augment.")) {
    try {
      c.data.augment.validate();
    } catch (const std::exception& e) {
      add(std::string("data.augment: ") + e.what());
    }
  }
  if (c.model.channels == 2) add("model.channels must be 1 or 3");
  if (!problemUnder("model.")) {
    if (auto problem = validateModelConfig(c.model); !problem.empty()) add("model: " + problem);
  }
  const auto& local = c.data.augment.local;
  if (local.count > 0) {
    if (isViT(c.model.name) && c.model.patchSize > 0 && local.size % c.model.patchSize != 0) {
      add("data.augment.local_crops.size " + std::to_string(local.size) + " is not a multiple of model.patch_size " +
          std::to_string(c.model.patchSize) + " (the ViT sees local crops as a smaller grid of whole patches)");
    }
    if (const auto objective = parseObjective(c.objective.name); objective && !objectiveTraits(*objective).distill) {
      add("data.augment.local_crops.count > 0 needs a teacher to supervise the local crops: objective '" +
          c.objective.name + "' has none (use folk, folk-fixed or dino, or set the count to 0)");
    }
  }
  const auto& dev = c.device.device;
  const bool cudaN = dev.rfind("cuda:", 0) == 0 && dev.size() > 5 &&
                     dev.find_first_not_of("0123456789", 5) == std::string::npos;
  if (dev != "auto" && dev != "cpu" && dev != "cuda" && !cudaN) {
    add("device.device '" + dev + "' is not auto, cpu, cuda or cuda:N");
  }
  return problems;
}

void validate(const TrainConfig& config) {
  const auto problems = validationProblems(config);
  if (problems.empty()) return;
  std::string text = "invalid config:";
  for (const auto& p : problems) text += "\n  - " + p;
  throw ConfigError(text);
}

}  // namespace folk
