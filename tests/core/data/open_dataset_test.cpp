// Format detection, train/test splits, subsets and normalisation statistics.
#include "core/data/open_dataset.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/data/image_folder_dataset.h"
#include "core/data/normalization.h"
#include "core/data/subset_dataset.h"
#include "tests/core/data/synthetic_dataset.h"
#include "tests/core/data/temp_dir.h"

namespace folk {
namespace {
namespace fs = std::filesystem;

const std::string kFashion = "/usr/share/datasets/fashion-mnist";

TEST(OpenDataset, DetectsIdxWithItsTestSplit) {
  EXPECT_EQ(detectDatasetFormat(kFashion), DatasetFormat::Idx);
  EXPECT_TRUE(hasTestSplit(kFashion));
  const auto test = openDataset(kFashion, Split::Test);
  EXPECT_EQ(test->size(), 10000u);
  EXPECT_EQ(test->classNames()[0], "T-shirt/top");
}

TEST(OpenDataset, DetectsCifarAndImageFolders) {
  test::TempDir dir;
  test::writeBytes(dir / "cifar/test_batch.bin", std::vector<unsigned char>(3073, 0));
  EXPECT_EQ(detectDatasetFormat(dir / "cifar"), DatasetFormat::Cifar);
  EXPECT_EQ(openDataset(dir / "cifar", Split::Test)->size(), 1u);

  fs::create_directories(dir.path() / "photos/train/cat");
  fs::create_directories(dir.path() / "photos/val/cat");
  fs::copy_file(std::string(FOLK_SAMPLE_DIR) + "/chelsea.png", dir.path() / "photos/train/cat/a.png");
  fs::copy_file(std::string(FOLK_SAMPLE_DIR) + "/chelsea.png", dir.path() / "photos/val/cat/b.png");
  EXPECT_EQ(detectDatasetFormat(dir / "photos"), DatasetFormat::ImageFolder);
  EXPECT_TRUE(hasTestSplit(dir / "photos"));
  const auto val = openDataset(dir / "photos", Split::Test);
  EXPECT_NE(val->describe(0).find("val/cat/b.png"), std::string::npos);

  // A folder without train/test sub-folders is all training data.
  EXPECT_FALSE(hasTestSplit(dir / "photos/train"));
  EXPECT_EQ(openDataset(dir / "photos/train", Split::Train)->numClasses(), 1);
  EXPECT_THROW(openDataset(dir / "photos/train", Split::Test), DatasetError);
  EXPECT_THROW(openDataset(dir / "nothing-here", Split::Train), DatasetError);
  EXPECT_THROW(parseDatasetFormat("tfrecord"), DatasetError);
  EXPECT_EQ(parseDatasetFormat(datasetFormatName(DatasetFormat::Cifar)), DatasetFormat::Cifar);
}

TEST(SubsetDataset, StratifiedSubsetKeepsEveryClass) {
  auto train = openDataset(kFashion, Split::Train);
  const auto indices = sampleSubset(*train, 600, 1);  // 1 %
  ASSERT_EQ(indices.size(), 600u);
  EXPECT_TRUE(std::is_sorted(indices.begin(), indices.end()));
  std::vector<int> perClass(10, 0);
  for (auto i : indices) ++perClass[std::size_t(train->label(i))];
  for (int c = 0; c < 10; ++c) EXPECT_EQ(perClass[std::size_t(c)], 60);
  EXPECT_EQ(sampleSubset(*train, 600, 1), indices);  // deterministic
  EXPECT_NE(sampleSubset(*train, 600, 2), indices);

  SubsetDataset subset(train, indices);
  EXPECT_EQ(subset.size(), 600u);
  EXPECT_EQ(subset.label(5), train->label(indices[5]));
  EXPECT_EQ(subset.load(5).pixels, train->load(indices[5]).pixels);
  EXPECT_THROW(SubsetDataset(train, {60000}), DatasetError);
}

TEST(SubsetDataset, SmallSubsetsStillGetOnePerClass) {
  test::SyntheticDataset ds(100);  // 5 classes of 20
  const auto seven = sampleSubset(ds, 7, 0);
  ASSERT_EQ(seven.size(), 7u);
  std::set<int> classes;
  for (auto i : seven) classes.insert(ds.label(i));
  EXPECT_EQ(classes.size(), 5u);
  EXPECT_EQ(sampleSubset(ds, 3, 0).size(), 3u);
  EXPECT_EQ(sampleSubset(ds, 1000, 0).size(), 100u);
}

TEST(SubsetDataset, HoldoutSplitIsDisjoint) {
  test::SyntheticDataset ds(100);
  const auto [rest, held] = splitHoldout(ds, 0.2, 4);
  EXPECT_EQ(held.size(), 20u);
  EXPECT_EQ(rest.size(), 80u);
  std::set<std::size_t> all(rest.begin(), rest.end());
  all.insert(held.begin(), held.end());
  EXPECT_EQ(all.size(), 100u);
  EXPECT_THROW(splitHoldout(ds, 1.0, 0), DatasetError);
}

TEST(Normalization, EstimatedFromFashionMnist) {
  // python: mean 72.94 / 255 = 0.2860 over the training set; std 0.3530.
  const auto train = openDataset(kFashion, Split::Train);
  const Normalization norm = Normalization::estimate(*train, 1, 3000);
  ASSERT_EQ(norm.mean.size(), 1u);
  EXPECT_NEAR(norm.mean[0], 0.2860f, 0.01f);
  EXPECT_NEAR(norm.std[0], 0.3530f, 0.01f);
}

}  // namespace
}  // namespace folk
