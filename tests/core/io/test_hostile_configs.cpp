// Hostile config files, table-driven over tests/data/hostile/config (made by
// make_hostile_datasets.py): malformed JSON, wrong shapes and types, numbers that do not fit their
// setting, absurd nesting and out-of-range values are each a ConfigError naming the file and the key;
// nothing is silently converted (2.5 -> 2, -1 -> 2^64 - 1).
#include <gtest/gtest.h>

#include "core/io/train_config.h"

namespace folk {
namespace {

const std::string kConfigs = std::string(FOLK_TEST_DATA_DIR) + "/hostile/config/";

TEST(HostileConfigs, MalformedConfigsAreClearErrorsNamingTheFileAndKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"zero_bytes.json", "not valid JSON"},
      {"not_json.json", "not valid JSON"},
      {"top_level_array.json", "a config must be a JSON object"},
      {"unknown_key.json", "unknown key 'modle'"},
      {"section_as_value.json", ".model: expected an object"},
      {"string_for_number.json", ".optimisation.batch_size: expected a whole number, got \"large\""},
      {"fraction_for_integer.json", ".optimisation.batch_size: expected a whole number, got 12.5"},
      {"negative_seed.json", ".seed: -1 is out of range"},
      {"integer_overflow.json", ".optimisation.batch_size: expected a whole number, got 1e+20"},
      {"huge_float_for_integer.json", ".optimisation.batch_size: expected a whole number"},
      {"deep_nesting.json", ".model: expected an object"},
      {"number_beyond_double.json", "not valid JSON: [json.exception.out_of_range.406] number overflow"},
  };
  for (const auto& [file, fragment] : cases) {
    SCOPED_TRACE(file);
    const auto path = kConfigs + file;
    try {
      loadConfig(path);
      ADD_FAILURE() << "loaded without an error";
    } catch (const ConfigError& e) {
      const std::string what = e.what();
      EXPECT_EQ(what.rfind(path, 0), 0u) << what;
      EXPECT_NE(what.find(fragment), std::string::npos) << what;
    }
  }
}

// Found by fuzz_config: such a number escaped as nlohmann's out_of_range instead of a ConfigError.
TEST(HostileConfigs, OverrideWithANumberBeyondADoubleIsAConfigError) {
  TrainConfig config = defaultConfig();
  try {
    applyOverride(config, "optimisation.base_lr=1e999");
    FAIL() << "applied";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("override 'optimisation.base_lr=1e999': "), std::string::npos) << e.what();
  }
}

TEST(HostileConfigs, OutOfRangeValuesAreAllListedByValidation) {
  const auto config = loadConfig(kConfigs + "out_of_range_values.json");  // well-formed: values checked next
  try {
    validate(config);
    FAIL() << "validated";
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    for (const char* problem : {"base_lr", "p_com", "ratios", "patch"}) {
      EXPECT_NE(what.find(problem), std::string::npos) << problem << " in: " << what;
    }
  }
}

}  // namespace
}  // namespace folk
