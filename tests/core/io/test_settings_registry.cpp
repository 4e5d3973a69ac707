// The settings registry: the one place defaults, ranges and names are stated. Its defaults are
// what TrainConfig and MethodConfig start from and what config.json holds; docs/settings.md is
// generated from it; configs written before it existed still load.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/io/settings_registry.h"
#include "core/io/train_config.h"
#include "core/method/train_step.h"

namespace folk {
namespace {

using nlohmann::json;

json at(const json& root, const std::string& key) {
  std::string pointer = "/" + key;
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return root.at(json::json_pointer(pointer));
}

std::size_t leafCount(const json& j) {
  if (!j.is_object()) return 1;
  std::size_t n = 0;
  for (const auto& v : j) n += leafCount(v);
  return n;
}

TEST(SettingsRegistry, KeysAreUniqueAndEverySettingIsDescribed) {
  std::set<std::string> keys;
  for (const auto& s : settingsRegistry()) {
    SCOPED_TRACE(s.key);
    EXPECT_TRUE(keys.insert(s.key).second) << "declared twice";
    EXPECT_FALSE(std::string(s.label).empty());
    EXPECT_FALSE(std::string(s.tooltip).empty());
    EXPECT_EQ(findSetting(s.key), &s);
  }
  EXPECT_GE(keys.size(), 70u);
  EXPECT_EQ(findSetting("optimisation.nope"), nullptr);
}

// TrainConfig states no default of its own: each member holds the registry's default, and
// config.json has exactly the registry's keys.
TEST(SettingsRegistry, TrainConfigStartsFromTheRegistryDefaults) {
  const json j = toJson(TrainConfig());
  EXPECT_EQ(leafCount(j), settingsRegistry().size());
  for (const auto& s : settingsRegistry()) {
    EXPECT_EQ(at(j, s.key), s.defaultValue) << s.key;
    EXPECT_EQ(s.get(TrainConfig()), s.defaultValue) << s.key;
  }
  EXPECT_EQ(toJson(defaultConfig()), j);
}

bool isZeroOrEmpty(const json& value) {
  if (value.is_array()) {
    return std::all_of(value.begin(), value.end(), [](const json& v) { return isZeroOrEmpty(v); });
  }
  if (value.is_string()) return value.get<std::string>().empty();
  if (value.is_boolean()) return !value.get<bool>();
  return value.is_number() && value.get<double>() == 0.0;
}

// ModelConfig and AugmentConfig are used on their own (tests, benches) as well as inside
// TrainConfig; a default written into them would be a second statement that can drift from the
// registry's. Built bare, every setting they hold is zero, false or empty.
TEST(SettingsRegistry, ModelAndAugmentStructsStateNoDefaultOfTheirOwn) {
  TrainConfig bare;
  bare.model = ModelConfig{};
  bare.data.augment = AugmentConfig{};
  int checked = 0;
  for (const auto& s : settingsRegistry()) {
    if (s.key.rfind("model.", 0) != 0 && s.key.rfind("data.augment.", 0) != 0) continue;
    EXPECT_TRUE(isZeroOrEmpty(s.get(bare))) << s.key << " = " << s.get(bare).dump();
    ++checked;
  }
  EXPECT_GE(checked, 35);
  EXPECT_EQ(AugmentConfig{}.outputSize, 0);
  EXPECT_EQ(AugmentConfig{}.channels, 0);
  // The registry's defaults reach a stand-alone config through TrainConfig.
  EXPECT_EQ(defaultConfig().model.patchSize, findSetting("model.patch_size")->defaultValue.get<int>());
  EXPECT_EQ(defaultConfig().data.augment.outputSize, defaultConfig().model.imageSize);
}

TEST(SettingsRegistry, DefaultsRoundTripThroughJsonAndAreValid) {
  const TrainConfig defaults;
  const json j = toJson(defaults);
  EXPECT_EQ(toJson(configFromJson(json::parse(j.dump(2)))), j);
  for (const auto& s : settingsRegistry()) EXPECT_TRUE(s.problems(defaults).empty()) << s.key;
}

// Where the copies disagreed, the embedded default config (`folk config --print-default`) decided:
// EMA momentum 0.99, teacher temperature 0.07 warmed up from 0.04 over 0.3 epochs, lr warm-up 0.2
// epochs. MethodConfig copies these sections, so the engine sees the same numbers.
TEST(SettingsRegistry, MethodConfigHasTheRegistryDefaults) {
  const MethodConfig method;
  const TrainConfig config;
  EXPECT_DOUBLE_EQ(method.objective.momentum, 0.99);
  EXPECT_DOUBLE_EQ(method.objective.teacherTemp, 0.07);
  EXPECT_DOUBLE_EQ(method.objective.warmupTeacherTemp, 0.04);
  EXPECT_DOUBLE_EQ(method.objective.warmupTeacherTempEpochs, 0.3);
  EXPECT_DOUBLE_EQ(method.optimisation.warmupEpochs, 0.2);
  TrainConfig fromMethod;
  fromMethod.objective = method.objective;
  fromMethod.masks = method.masks;
  fromMethod.optimisation = method.optimisation;
  EXPECT_EQ(toJson(fromMethod), toJson(config));
  EXPECT_EQ(method.maskSeed, config.seed);
  EXPECT_FALSE(method.bf16);
  EXPECT_EQ(method.filter().sampling.ratios, config.masks.ratios);
  EXPECT_TRUE(validateMethodConfig(method).empty()) << validateMethodConfig(method);
}

// A config.json written by the version before the registry (tests/data/config/, made with
// `folk config --print-default --set ...`) loads with every value, and the settings added since
// with their defaults.
TEST(SettingsRegistry, ConfigsWrittenByTheEarlierVersionStillLoad) {
  const std::string path = std::string(FOLK_TEST_DATA_DIR) + "/config/written_before_registry.json";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  const json written = json::parse(in);
  const TrainConfig c = loadConfig(path);
  // Every value it holds is kept; settings added since take their defaults.
  json expected = toJson(TrainConfig());
  expected.merge_patch(written);
  EXPECT_EQ(toJson(c), expected);
  EXPECT_EQ(c.objective.name, "mfm");
  EXPECT_DOUBLE_EQ(c.optimisation.baseLr, 2e-3);
  EXPECT_EQ(c.masks.ratios, (std::vector<double>{0.02, 0.2}));
  EXPECT_EQ(c.model.name, "vit-tiny");
  EXPECT_EQ(c.model.imageSize, 32);
  EXPECT_EQ(c.data.augment.outputSize, 32);  // taken from the model
  EXPECT_EQ(c.data.augment.blurProbability, (std::array<double, 2>{1.0, 0.1}));
  EXPECT_EQ(c.evaluation.intervalSteps, 100);
  EXPECT_EQ(c.seed, 7u);
}

TEST(SettingsRegistry, ValuesOfTheWrongShapeAreRefusedWithTheReason) {
  TrainConfig c;
  const auto refused = [&](const std::string& key, const json& value, const std::string& reason) {
    try {
      findSetting(key)->set(c, value);
      ADD_FAILURE() << key << " accepted " << value.dump();
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
    }
  };
  refused("optimisation.batch_size", 2.5, "expected a whole number, got 2.5");
  refused("seed", -1, "-1 is out of range");
  refused("optimisation.base_lr", "fast", "expected a number");
  refused("masks.ratios", json::array({0.1, "a"}), "expected a list of numbers");
  refused("data.augment.blur_probability", json::array({0.1, 0.2, 0.3}), "expected a list of 2 numbers");
  refused("evaluation.at_end", 1, "expected true or false");
  refused("model.name", 3, "expected text");
  EXPECT_EQ(toJson(c), toJson(TrainConfig())) << "a refused value leaves the config as it was";
  EXPECT_THROW(applyOverride(c, "data.augment.blur_probability=[0.5]"), ConfigError);
  applyOverride(c, "data.augment.blur_probability=[0.5,0.25]");
  EXPECT_EQ(c.data.augment.blurProbability, (std::array<double, 2>{0.5, 0.25}));
  applyOverride(c, "model.image_size=32");
  EXPECT_EQ(c.data.augment.outputSize, 32);
}

TEST(SettingsRegistry, RangesAndChoicesGiveOneSentenceEach) {
  TrainConfig c;
  c.masks.pCom = 1.5;
  c.optimisation.batchSize = 0;
  c.data.std = {-1.0};
  c.data.format = "zip";
  c.masks.ratios = {};
  const auto problems = validationProblems(c);
  const auto has = [&](const std::string& text) {
    for (const auto& p : problems) {
      if (p == text) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("masks.p_com must lie in [0, 1] (got 1.5)")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(has("optimisation.batch_size must be at least 1 (got 0)")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(has("data.std value -1.0 must be positive")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(has("data.format 'zip' is unknown (use one of auto, idx, cifar, folder)"))
      << ::testing::PrintToString(problems);
  EXPECT_TRUE(has("masks.ratios must not be empty")) << ::testing::PrintToString(problems);
  EXPECT_EQ(findSetting("masks.ratios")->allowedText(), "at least one value, each (0, 1]");
  EXPECT_EQ(findSetting("optimisation.base_lr")->allowedText(), "> 0");
}

TEST(SettingsRegistry, NumbersAreFormattedAsPeopleWriteThem) {
  EXPECT_EQ(formatNumber(4.0 / 3.0), "1.333");
  EXPECT_EQ(formatNumber(0.75), "0.75");
  EXPECT_EQ(formatNumber(1e-3), "0.001");
  EXPECT_EQ(formatNumber(5e-4), "0.0005");
  EXPECT_EQ(formatNumber(1e-6), "1e-6");
  EXPECT_EQ(formatNumber(3.0), "3");
  EXPECT_EQ(formatNumber(-1.0), "-1");
  EXPECT_EQ(formatNumber(0.996), "0.996");
  EXPECT_EQ(formatNumber(12345.5), "12345.5");
  EXPECT_EQ(formatNumber(2.5e20), "2.5e20");
}

// docs/settings.md is generated (folk config --settings-markdown > docs/settings.md).
TEST(SettingsRegistry, DocsSettingsMarkdownIsCurrent) {
  const std::string path = std::string(FOLK_TEST_DATA_DIR) + "/../../docs/settings.md";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), settingsMarkdown())
      << "docs/settings.md is stale: run build/release/app/folk config --settings-markdown > docs/settings.md";
  for (const auto& s : settingsRegistry()) EXPECT_NE(text.str().find("`" + s.key + "`"), std::string::npos) << s.key;
}

}  // namespace
}  // namespace folk
