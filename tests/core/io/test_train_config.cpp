// TrainConfig: JSON round trip, overrides, and validation messages that name the problem.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/io/train_config.h"

namespace folk {
namespace {

bool anyContains(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(TrainConfig, JsonRoundTripKeepsEveryValue) {
  TrainConfig c = defaultConfig();
  c.name = "round-trip";
  c.seed = 42;
  c.model.name = "vit-tiny";
  c.model.imageSize = 32;
  c.model.channels = 3;
  c.masks.ratios = {0.02, 0.2};
  c.optimisation.baseLr = 1.25e-3;
  c.evaluation.fewShotFractions = {0.05};
  c.data.augment.blurProbability = {0.5, 0.1};
  const auto j = toJson(c);
  const auto back = configFromJson(j);
  EXPECT_EQ(toJson(back), j);
  EXPECT_EQ(back.model.name, "vit-tiny");
  EXPECT_EQ(back.data.augment.outputSize, 32);  // taken from the model
  EXPECT_EQ(back.data.augment.channels, 3);
  EXPECT_DOUBLE_EQ(back.optimisation.baseLr, 1.25e-3);
}

TEST(TrainConfig, SaveAndLoadFile) {
  const auto path = (std::filesystem::temp_directory_path() / "folk_config_test.json").string();
  TrainConfig c = defaultConfig();
  c.objective.name = "dino";
  saveConfig(c, path);
  EXPECT_EQ(toJson(loadConfig(path)), toJson(c));
  std::filesystem::remove(path);
}

TEST(TrainConfig, PartialJsonKeepsDefaultsAndUnknownKeysAreErrors) {
  const auto c = configFromJson(nlohmann::json::parse(R"({"optimisation": {"batch_size": 32}})"));
  EXPECT_EQ(c.optimisation.batchSize, 32);
  EXPECT_EQ(c.model.name, defaultConfig().model.name);
  try {
    configFromJson(nlohmann::json::parse(R"({"optimisation": {"batch_sise": 32}})"), "my.json");
    FAIL() << "a misspelt key was accepted";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("batch_sise"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("my.json"), std::string::npos) << e.what();
  }
  EXPECT_THROW(configFromJson(nlohmann::json::parse(R"({"seed": "many"})")), ConfigError);
}

TEST(TrainConfig, BrokenJsonFileNamesTheFile) {
  const auto path = (std::filesystem::temp_directory_path() / "folk_broken_config.json").string();
  std::ofstream(path) << "{\"seed\": ";
  try {
    loadConfig(path);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
  }
  std::filesystem::remove(path);
  EXPECT_THROW(loadConfig(path), ConfigError);  // missing
}

TEST(TrainConfig, OverridesParseValuesAndRejectUnknownKeys) {
  TrainConfig c = defaultConfig();
  applyOverride(c, "optimisation.base_lr=1e-3");
  applyOverride(c, "model.name=vit-tiny");
  applyOverride(c, "masks.ratios=[0.1,0.2]");
  applyOverride(c, "name=123");  // a number for a text setting stays text
  EXPECT_DOUBLE_EQ(c.optimisation.baseLr, 1e-3);
  EXPECT_EQ(c.model.name, "vit-tiny");
  EXPECT_EQ(c.masks.ratios, (std::vector<double>{0.1, 0.2}));
  EXPECT_EQ(c.name, "123");
  EXPECT_THROW(applyOverride(c, "optimisation.nope=1"), ConfigError);
  EXPECT_THROW(applyOverride(c, "no-equals-sign"), ConfigError);
  EXPECT_THROW(applyOverride(c, "optimisation=3"), ConfigError);
  EXPECT_THROW(applyOverride(c, "optimisation.batch_size=many"), ConfigError);
}

// Bytes that are not UTF-8 (a command line can hold any) are refused with a ConfigError that shows
// them, for text settings and in the messages of other settings; config.json could not hold them.
TEST(TrainConfig, OverridesThatAreNotUtf8AreRefusedWithAMessage) {
  TrainConfig c = defaultConfig();
  for (const std::string& assignment : {std::string("data.path=/data/\x8f"), std::string("masks.ratios=[0\x8f]"),
                                        std::string("name=\xff\xfe")}) {
    try {
      applyOverride(c, assignment);
      ADD_FAILURE() << "accepted " << assignment;
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find("\xEF\xBF\xBD"), std::string::npos) << e.what();  // U+FFFD
    }
  }
  EXPECT_EQ(c.data.path, defaultConfig().data.path);
  EXPECT_NO_THROW(saveConfig(c, ::testing::TempDir() + "/utf8_config.json"));
}

TEST(TrainConfig, DefaultIsValidWhenFashionMnistIsInstalled) {
  ASSERT_TRUE(std::filesystem::exists("/usr/share/datasets/fashion-mnist"))
      << "dataset-fashion-mnist is not installed (run scripts/setup-debian.sh)";
  EXPECT_TRUE(validationProblems(defaultConfig()).empty());
  EXPECT_NO_THROW(validate(defaultConfig()));
}

TEST(TrainConfig, ValidationNamesEachProblem) {
  TrainConfig c = defaultConfig();
  c.data.path = "/no/such/dataset";
  c.model.patchSize = 5;  // 28 is not a multiple of 5
  c.masks.ratios = {0.05, 1.5};
  c.optimisation.baseLr = -1e-3;
  c.objective.name = "magic";
  c.device.device = "tpu";
  const auto problems = validationProblems(c);
  EXPECT_TRUE(anyContains(problems, "/no/such/dataset")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(anyContains(problems, "patch")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(anyContains(problems, "outside (0, 1]")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(anyContains(problems, "optimisation.base_lr")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(anyContains(problems, "'magic' is unknown")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(anyContains(problems, "tpu")) << ::testing::PrintToString(problems);
  try {
    validate(c);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("invalid config"), std::string::npos);
  }
}

TEST(TrainConfig, ZeroRatioAndEmptyPathAreRejected) {
  TrainConfig c = defaultConfig();
  c.data.path = "";
  c.masks.ratios = {0.0};
  const auto problems = validationProblems(c);
  EXPECT_TRUE(anyContains(problems, "data.path is empty"));
  EXPECT_TRUE(anyContains(problems, "masks.ratios value 0.0"));
}

}  // namespace
}  // namespace folk
