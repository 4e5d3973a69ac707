// PCA embedding against NumPy-free hand cases: points on a line project onto it with all the
// variance on the first component; a 2-D cloud stretched along a known direction; deterministic
// signs; bad shapes are errors.
#include <gtest/gtest.h>

#include <cmath>

#include "core/train/embedding.h"

namespace folk {
namespace {

TEST(Embedding, PointsOnALineHaveAllVarianceOnTheFirstComponent) {
  // Rows t * (3, 4) for t = -2..2: centred already, direction (0.6, 0.8), projections 5t.
  std::vector<float> features;
  std::vector<int> labels;
  for (int t = -2; t <= 2; ++t) {
    features.push_back(3.0f * t);
    features.push_back(4.0f * t);
    labels.push_back(t < 0 ? 0 : 1);
  }
  const auto e = pcaEmbedding(features, 5, 2, labels, 2);
  ASSERT_EQ(e.x.size(), 5u);
  EXPECT_NEAR(e.explained[0], 1.0, 1e-9);
  EXPECT_NEAR(e.explained[1], 0.0, 1e-9);
  for (int i = 0; i < 5; ++i) {
    EXPECT_NEAR(e.x[size_t(i)], 5.0 * (i - 2), 1e-4);  // sign: loading 0.8 > 0 positive
    EXPECT_NEAR(e.y[size_t(i)], 0.0, 1e-4);
  }
  EXPECT_EQ(e.labels, labels);
  EXPECT_EQ(e.classes, 2);
}

TEST(Embedding, StretchedCloudAndCentring) {
  // (10 + a, -7 + b) with a in {-3, 3}, b in {-1, 1}: variance 9 along x, 1 along y.
  std::vector<float> features{7, -8, 7, -6, 13, -8, 13, -6};
  const auto e = pcaEmbedding(features, 4, 2, {0, 0, 1, 1}, 2);
  EXPECT_NEAR(e.explained[0], 0.9, 1e-9);
  EXPECT_NEAR(e.explained[1], 0.1, 1e-9);
  EXPECT_NEAR(std::abs(e.x[0]), 3.0, 1e-4);
  EXPECT_NEAR(std::abs(e.y[0]), 1.0, 1e-4);
  EXPECT_NEAR(e.x[0] + e.x[3], 0.0, 1e-4);  // centred
}

TEST(Embedding, RejectsBadShapes) {
  EXPECT_THROW(pcaEmbedding({1, 2}, 1, 2, {0}, 1), std::invalid_argument);
  EXPECT_THROW(pcaEmbedding({1, 2, 3}, 2, 2, {0, 1}, 2), std::invalid_argument);
  EXPECT_THROW(pcaEmbedding({1, 2, 3, 4}, 2, 2, {0}, 2), std::invalid_argument);
}

}  // namespace
}  // namespace folk
