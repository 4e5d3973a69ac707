#include "core/io/train_presets.h"

#include <set>

#include "core/io/settings_registry.h"

namespace folk {

namespace {

// The paper's recipe: DESIGN.md §3's values, and DINO's (whose code FOLK builds on) where §3 names
// none: multi-crop (2 global crops of 0.4-1, 8 local crops of 0.05-0.4 at 96 px), blur and
// solarisation per view, drop path 0.1, ViT-S/16 at 224 px on 3 channels, 100 epochs. Meant for
// GPUs.
const std::vector<PresetValue>& paperValues() {
  static const std::vector<PresetValue> values = {
      {"model.name", "vit-small"},
      {"model.image_size", 224},
      {"model.patch_size", 16},
      {"model.channels", 3},
      {"model.prototypes", 65536},
      {"model.drop_path", 0.1},
      {"objective.teacher_temp", 0.04},
      {"objective.warmup_teacher_temp", 0.04},
      {"objective.warmup_teacher_temp_epochs", 0.0},
      {"objective.momentum", 0.996},
      {"objective.momentum_end", 1.0},
      {"optimisation.epochs", 100},
      {"optimisation.base_lr", 0.0005},
      {"optimisation.warmup_epochs", 10.0},
      {"optimisation.freeze_last_layer_epochs", 1.0},
      {"data.augment.scale_min", 0.4},
      {"data.augment.blur_probability", {1.0, 0.1}},
      {"data.augment.solarize_probability", {0.0, 0.2}},
      {"data.augment.local_crops.count", 8},
      {"data.augment.local_crops.size", 96},
      {"data.augment.local_crops.blur_probability", 0.5},
      {"evaluation.features", "cls"},
  };
  return values;
}

// The desk recipe is the embedded default: for every key another preset sets, the registry's
// default. So `--preset desk` over a config file written with another preset restores the desk
// recipe.
std::vector<PresetValue> deskValues() {
  std::set<std::string> seen;
  std::vector<PresetValue> values;
  for (const auto& v : paperValues()) {
    if (!seen.insert(v.key).second) continue;
    const Setting* setting = findSetting(v.key);
    if (!setting) throw ConfigError("preset paper: unknown setting '" + v.key + "'");
    values.push_back({v.key, setting->defaultValue});
  }
  return values;
}

}  // namespace

const std::vector<TrainPreset>& trainPresets() {
  static const std::vector<TrainPreset> presets = {
      {"desk",
       "The default: Fashion-MNIST-sized data, vit-nano with 7 px patches, K 1024, two views, minutes on a CPU.",
       deskValues()},
      {"paper",
       "The FOLK paper's recipe: ViT-S/16 at 224 px, K 65536, multi-crop, 100 epochs (DESIGN.md §3, DINO's values "
       "where §3 names none); meant for GPUs.",
       paperValues()},
  };
  return presets;
}

std::vector<std::string> presetNames() {
  std::vector<std::string> names;
  for (const auto& p : trainPresets()) names.push_back(p.name);
  return names;
}

std::string presetNameList() {
  std::string list;
  for (const auto& n : presetNames()) list += (list.empty() ? "" : ", ") + n;
  return list;
}

void applyPreset(TrainConfig& config, const std::string& name) {
  for (const auto& preset : trainPresets()) {
    if (preset.name != name) continue;
    TrainConfig result = config;  // all or nothing
    for (const auto& v : preset.values) {
      try {
        setSetting(result, v.key, v.value);
      } catch (const ConfigError& e) {
        throw ConfigError("preset " + name + ": " + e.what());
      }
    }
    config = result;
    return;
  }
  throw ConfigError("unknown preset '" + name + "' (known: " + presetNameList() + ")");
}

}  // namespace folk
