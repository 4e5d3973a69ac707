// Effective rank of feature matrices against NumPy
// (tests/data/effective_rank_golden/make_effective_rank_golden.py).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/train/evaluation.h"

namespace folk {
namespace {

TEST(EffectiveRank, MatchesNumPy) {
  const std::string path = std::string(FOLK_TEST_DATA_DIR) + "/effective_rank_golden/golden.json";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot open " << path;
  const nlohmann::json golden = nlohmann::json::parse(in);
  ASSERT_EQ(golden["cases"].size(), 5u);
  for (const auto& c : golden["cases"]) {
    const auto values = c["values"].get<std::vector<double>>();
    const auto rows = c["rows"].get<std::int64_t>(), cols = c["cols"].get<std::int64_t>();
    ASSERT_EQ(std::int64_t(values.size()), rows * cols);
    const auto x = torch::tensor(values, torch::kFloat64).view({rows, cols});
    const double expected = c["effective_rank"].get<double>();
    EXPECT_NEAR(effectiveRank(x), expected, 1e-9 * std::max(1.0, expected)) << c["name"];
    // Float32 features (what the evaluator extracts) agree to float precision.
    EXPECT_NEAR(effectiveRank(x.to(torch::kFloat32)), expected, 1e-5 * std::max(1.0, expected)) << c["name"];
  }
}

TEST(EffectiveRank, CountsEquallyUsedDirections) {
  // Orthogonal columns of equal spread: every direction counts fully.
  auto x = torch::zeros({8, 4}, torch::kFloat64);
  for (int i = 0; i < 4; ++i) {
    x[2 * i][i] = 1.0;
    x[2 * i + 1][i] = -1.0;
  }
  EXPECT_NEAR(effectiveRank(x), 4.0, 1e-12);
  EXPECT_DOUBLE_EQ(effectiveRank(torch::ones({1, 4})), 0.0);  // one row has no spread
}

}  // namespace
}  // namespace folk
