// Recipe settings: the multi-crop, grey-augmentation and drop-path keys round-trip and are
// validated against the model and objective; the named presets (desk, paper) apply and restore.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/io/settings_registry.h"
#include "core/io/train_config.h"
#include "core/io/train_presets.h"

namespace folk {
namespace {

bool anyContains(const std::vector<std::string>& problems, const std::string& text) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

TEST(RecipeSettings, NewKeysRoundTripAndDefaultsKeepTwoViews) {
  const TrainConfig defaults = defaultConfig();
  EXPECT_EQ(defaults.data.augment.local.count, 0);
  EXPECT_FALSE(defaults.data.augment.jitter.grey);
  EXPECT_EQ(defaults.data.augment.eraseProbability, 0.0);
  EXPECT_EQ(defaults.data.augment.noiseProbability, 0.0);
  EXPECT_EQ(defaults.model.dropPath, 0.0);
  TrainConfig c = defaults;
  applyOverride(c, "data.augment.local_crops.count=6");
  applyOverride(c, "data.augment.local_crops.scale_max=0.3");
  applyOverride(c, "data.augment.jitter.grey=true");
  applyOverride(c, "data.augment.erase_probability=0.25");
  applyOverride(c, "data.augment.noise_std=0.1");
  applyOverride(c, "model.drop_path=0.1");
  const TrainConfig back = configFromJson(toJson(c));
  EXPECT_EQ(back.data.augment.local.count, 6);
  EXPECT_DOUBLE_EQ(back.data.augment.local.scaleMax, 0.3);
  EXPECT_TRUE(back.data.augment.jitter.grey);
  EXPECT_DOUBLE_EQ(back.data.augment.eraseProbability, 0.25);
  EXPECT_DOUBLE_EQ(back.data.augment.noiseStd, 0.1);
  EXPECT_DOUBLE_EQ(back.model.dropPath, 0.1);
  EXPECT_EQ(toJson(back), toJson(c));
}

TEST(RecipeSettings, LocalCropsAreCheckedAgainstModelAndObjective) {
  TrainConfig c = defaultConfig();
  c.data.augment.local.count = 4;
  c.data.augment.local.size = 12;  // not a multiple of the 7 px patches
  auto problems = validationProblems(c);
  EXPECT_TRUE(anyContains(problems, "local_crops.size 12 is not a multiple of model.patch_size 7")) << problems.size();
  c.data.augment.local.size = 14;
  c.objective.name = "mfm";
  problems = validationProblems(c);
  EXPECT_TRUE(anyContains(problems, "objective 'mfm' has none"));
  c.objective.name = "dino";
  c.data.augment.local.size = 35;  // larger than the 28 px views
  EXPECT_TRUE(anyContains(validationProblems(c), "local crop size must lie in [1, output size 28]"));
  c.data.augment.local.size = 14;
  EXPECT_FALSE(anyContains(validationProblems(c), "local"));
  c.model.dropPath = 1.0;  // [0, 1): at 1 the last block would always skip its branches
  EXPECT_TRUE(anyContains(validationProblems(c), "model.drop_path must lie in [0, 1) (got 1.0)"));
  c.model.dropPath = 0.1;
  c.model.name = "resnet18";
  EXPECT_TRUE(anyContains(validationProblems(c), "drop path applies to ViT backbones only"));
}

TEST(Presets, PaperSetsThePapersRecipe) {
  EXPECT_EQ(presetNames(), (std::vector<std::string>{"desk", "paper"}));
  TrainConfig c = defaultConfig();
  applyPreset(c, "paper");
  EXPECT_EQ(c.model.prototypes, 65536);
  EXPECT_EQ(c.model.name, "vit-small");
  EXPECT_EQ(c.model.imageSize, 224);
  EXPECT_EQ(c.model.patchSize, 16);
  EXPECT_DOUBLE_EQ(c.objective.momentum, 0.996);
  EXPECT_DOUBLE_EQ(c.objective.teacherTemp, 0.04);
  EXPECT_EQ(c.data.augment.local.count, 8);
  EXPECT_EQ(c.data.augment.local.size, 96);
  EXPECT_EQ(c.data.augment.outputSize, 224);  // follows the model
  EXPECT_DOUBLE_EQ(c.data.augment.blurProbability[0], 1.0);
  EXPECT_DOUBLE_EQ(c.data.augment.solarizeProbability[1], 0.2);
  EXPECT_DOUBLE_EQ(c.model.dropPath, 0.1);
  // Everything the preset sets is consistent (only the dataset path depends on this machine).
  for (const auto& problem : validationProblems(c)) EXPECT_NE(problem.find("data.path"), std::string::npos) << problem;
}

TEST(Presets, DeskRestoresTheDefaultRecipe) {
  TrainConfig c = defaultConfig();
  c.optimisation.batchSize = 64;  // not part of any preset: kept
  applyPreset(c, "paper");
  applyPreset(c, "desk");
  TrainConfig expected = defaultConfig();
  expected.optimisation.batchSize = 64;
  EXPECT_EQ(toJson(c), toJson(expected));
  TrainConfig plain = defaultConfig();
  applyPreset(plain, "desk");
  EXPECT_EQ(toJson(plain), toJson(defaultConfig()));
  // Every setting of the desk recipe is the registry's default.
  TrainConfig desk = defaultConfig();
  applyPreset(desk, "paper");
  applyPreset(desk, "desk");
  for (const auto& s : settingsRegistry()) EXPECT_EQ(s.get(desk), s.defaultValue) << s.key;
}

TEST(Presets, EveryValueIsARegistrySettingWithinItsRange) {
  for (const auto& preset : trainPresets()) {
    TrainConfig c = defaultConfig();
    applyPreset(c, preset.name);
    for (const auto& v : preset.values) {
      const Setting* setting = findSetting(v.key);
      ASSERT_NE(setting, nullptr) << preset.name << ": " << v.key;
      EXPECT_EQ(setting->get(c), v.value) << preset.name << ": " << v.key;
      EXPECT_TRUE(setting->problems(c).empty()) << preset.name << ": " << v.key;
    }
  }
}

TEST(Presets, UnknownPresetNamesTheKnownOnes) {
  TrainConfig c = defaultConfig();
  try {
    applyPreset(c, "papr");
    FAIL() << "no error for an unknown preset";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown preset 'papr' (known: desk, paper)"), std::string::npos) << e.what();
  }
  for (const auto& preset : trainPresets()) {
    EXPECT_FALSE(preset.description.empty()) << preset.name;
    EXPECT_FALSE(preset.values.empty()) << preset.name;
  }
}

}  // namespace
}  // namespace folk
