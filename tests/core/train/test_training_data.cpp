// The evaluation sets of TrainingData: the fast and full protocols, and the validation split held
// out of training (Fashion-MNIST: 60000 train / 10000 test images).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/train/training_data.h"

namespace folk {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

TrainConfig fashionConfig(const std::string& split, std::uint64_t seed) {
  TrainConfig c = defaultConfig();
  c.data.path = kFashion;
  c.data.workers = 0;
  c.seed = seed;
  c.evaluation.split = split;
  return c;
}

std::set<std::string> described(const ImageDataset& dataset) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < dataset.size(); ++i) out.insert(dataset.describe(i));
  return out;
}

TEST(TrainingData, FastAndFullProtocolsOnTheTestSplit) {
  ASSERT_TRUE(std::filesystem::exists(kFashion)) << "dataset-fashion-mnist is not installed";
  TrainingData data(fashionConfig("test", 0));
  EXPECT_EQ(data.evalSplit(), "test");
  EXPECT_EQ(data.evalTrainSet()->size(), 10000u);
  EXPECT_EQ(data.evalTestSet()->size(), 2000u);
  EXPECT_EQ(data.evalTrainSet(true)->size(), 60000u);
  EXPECT_EQ(data.evalTestSet(true)->size(), 10000u);
  EXPECT_EQ(data.trainSet()->size(), 60000u);
  EXPECT_NE(data.evalTestSet(true)->describe(0).find("t10k"), std::string::npos);
}

TEST(TrainingData, ValidationSplitIsHeldOutOfTrainingAndTheSameForEverySeed) {
  ASSERT_TRUE(std::filesystem::exists(kFashion)) << "dataset-fashion-mnist is not installed";
  TrainingData data(fashionConfig("validation", 0));
  EXPECT_EQ(data.evalSplit(), "validation");
  ASSERT_EQ(data.evalTestSet(true)->size(), 10000u);  // as large as the test split
  EXPECT_EQ(data.evalTrainSet(true)->size(), 50000u);
  EXPECT_EQ(data.trainSet()->size(), 50000u);
  const auto validation = described(*data.evalTestSet(true));
  EXPECT_EQ(validation.count(data.evalTestSet(true)->describe(0)), 1u);
  EXPECT_EQ(data.evalTestSet(true)->describe(0).find("t10k"), std::string::npos);  // from the training files
  for (const auto* set : {data.trainSet().get(), data.evalTrainSet(true).get(), data.evalTrainSet().get()}) {
    for (std::size_t i = 0; i < set->size(); ++i) ASSERT_EQ(validation.count(set->describe(i)), 0u) << i;
  }
  // Stratified: every class keeps its tenth-and-a-bit (Fashion-MNIST is balanced: 1000 each).
  std::vector<int> perClass(10, 0);
  for (std::size_t i = 0; i < data.evalTestSet(true)->size(); ++i) ++perClass[data.evalTestSet(true)->label(i)];
  for (int c = 0; c < 10; ++c) EXPECT_EQ(perClass[c], 1000) << c;
  TrainingData other(fashionConfig("validation", 5));
  EXPECT_EQ(described(*other.evalTestSet(true)), validation);
}

}  // namespace
}  // namespace folk
