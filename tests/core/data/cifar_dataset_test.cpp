// CIFAR-10/100 binary batches: format tests on tiny synthetic files.
#include "core/data/cifar_dataset.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "core/data/image_file.h"
#include "tests/core/data/temp_dir.h"

namespace folk {
namespace {

// One record: label byte(s), then planes R, G, B, each 32×32; pixel (y,x) of plane c holds
// (seed + c*50 + y + x) mod 256 so positions can be checked.
std::vector<unsigned char> record(const std::vector<unsigned char>& labels, int seed) {
  std::vector<unsigned char> r(labels);
  for (int c = 0; c < 3; ++c)
    for (int y = 0; y < 32; ++y)
      for (int x = 0; x < 32; ++x) r.push_back((unsigned char)((seed + c * 50 + y + x) % 256));
  return r;
}

std::vector<unsigned char> batch(const std::vector<std::vector<unsigned char>>& records) {
  std::vector<unsigned char> b;
  for (const auto& r : records) b.insert(b.end(), r.begin(), r.end());
  return b;
}

void makeCifar10(const test::TempDir& dir) {
  const std::string root = dir / "cifar-10-batches-bin";
  test::writeBytes(root + "/data_batch_1.bin", batch({record({3}, 0), record({7}, 1), record({0}, 2)}));
  test::writeBytes(root + "/data_batch_2.bin", batch({record({9}, 3), record({1}, 4)}));
  test::writeBytes(root + "/test_batch.bin", batch({record({5}, 5), record({6}, 6)}));
  test::writeText(root + "/batches.meta.txt",
                  "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
}

TEST(CifarDataset, Cifar10SplitsLabelsAndPixels) {
  test::TempDir dir;
  makeCifar10(dir);
  const auto train = CifarDataset::open(dir.str(), Split::Train);  // parent folder is accepted
  ASSERT_EQ(train->size(), 5u);
  EXPECT_EQ(train->variant(), CifarVariant::Cifar10);
  EXPECT_EQ(train->numClasses(), 10);
  EXPECT_EQ(train->classNames()[3], "cat");
  EXPECT_EQ(train->channels(), 3);
  const std::vector<int> expected{3, 7, 0, 9, 1};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(train->label(i), expected[i]);

  const Image img = train->load(3);  // first record of the second batch, seed 3
  ASSERT_EQ(img.channels, 3);
  ASSERT_EQ(img.height, 32);
  ASSERT_EQ(img.width, 32);
  EXPECT_FLOAT_EQ(img.at(0, 0, 0), 3.0f / 255.0f);
  EXPECT_FLOAT_EQ(img.at(1, 2, 5), (3.0f + 50 + 7) / 255.0f);
  EXPECT_FLOAT_EQ(img.at(2, 31, 31), (3.0f + 100 + 62) / 255.0f);
  EXPECT_NE(train->describe(3).find("data_batch_2.bin:0"), std::string::npos);

  const auto test = CifarDataset::open(dir / "cifar-10-batches-bin", Split::Test);
  ASSERT_EQ(test->size(), 2u);
  EXPECT_EQ(test->label(1), 6);
  EXPECT_FLOAT_EQ(test->load(1).at(0, 0, 1), 7.0f / 255.0f);
  EXPECT_TRUE(CifarDataset::hasSplit(dir.str(), Split::Test));
}

TEST(CifarDataset, Cifar100FineAndCoarseLabels) {
  test::TempDir dir;
  test::writeBytes(dir / "train.bin", batch({record({4, 88}, 0), record({19, 2}, 1)}));
  test::writeBytes(dir / "test.bin", batch({record({0, 99}, 2)}));
  const auto fine = CifarDataset::open(dir.str(), Split::Train, CifarLabels::Fine);
  EXPECT_EQ(fine->variant(), CifarVariant::Cifar100);
  EXPECT_EQ(fine->numClasses(), 100);
  EXPECT_EQ(fine->label(0), 88);
  EXPECT_EQ(fine->label(1), 2);
  EXPECT_FLOAT_EQ(fine->load(1).at(0, 0, 0), 1.0f / 255.0f);  // pixels start after two label bytes
  const auto coarse = CifarDataset::open(dir.str(), Split::Train, CifarLabels::Coarse);
  EXPECT_EQ(coarse->numClasses(), 20);
  EXPECT_EQ(coarse->label(1), 19);
  EXPECT_EQ(CifarDataset::open(dir.str(), Split::Test)->label(0), 99);
}

TEST(CifarDataset, TruncatedBatchIsAClearError) {
  test::TempDir dir;
  makeCifar10(dir);
  const std::string path = dir / "cifar-10-batches-bin/data_batch_2.bin";
  auto bytes = batch({record({9}, 3), record({1}, 4)});
  bytes.resize(bytes.size() - 100);
  test::writeBytes(path, bytes);
  try {
    CifarDataset::open(dir.str(), Split::Train);
    FAIL() << "truncated batch accepted";
  } catch (const DatasetError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path), std::string::npos) << what;
    EXPECT_NE(what.find("not a whole number of 3073-byte records"), std::string::npos) << what;
  }
}

TEST(CifarDataset, LabelOutOfRangeSuggestsTheWrongVariant) {
  test::TempDir dir;
  test::writeBytes(dir / "test_batch.bin", batch({record({42}, 0)}));
  try {
    CifarDataset::open(dir.str(), Split::Test);
    FAIL();
  } catch (const DatasetError& e) {
    EXPECT_NE(std::string(e.what()).find("label 42"), std::string::npos) << e.what();
  }
}

TEST(CifarDataset, FolderWithoutBatchesIsAnError) {
  test::TempDir dir;
  EXPECT_FALSE(CifarDataset::hasSplit(dir.str(), Split::Train));
  EXPECT_THROW(CifarDataset::open(dir.str(), Split::Train), DatasetError);
}

}  // namespace
}  // namespace folk
