// IDX parsing on Debian's real Fashion-MNIST and on corrupt files.
#include "core/data/idx_dataset.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <vector>

#include "core/data/image_file.h"
#include "tests/core/data/temp_dir.h"

namespace folk {
namespace {

const std::string kFashion = "/usr/share/datasets/fashion-mnist";

std::vector<unsigned char> gunzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  std::vector<unsigned char> out;
  unsigned char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.insert(out.end(), buf, buf + n);
  gzclose(f);
  return out;
}

std::vector<unsigned char> idxHeader(std::uint32_t magic, const std::vector<std::uint32_t>& dims) {
  std::vector<unsigned char> b;
  auto put = [&](std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) b.push_back((unsigned char)(v >> s));
  };
  put(magic);
  for (auto d : dims) put(d);
  return b;
}

// The training split is opened once: inflating 26 MB takes a moment.
const IdxDataset& fashionTrain() {
  static const std::unique_ptr<IdxDataset> train = IdxDataset::open(kFashion, Split::Train);
  return *train;
}

TEST(IdxDataset, RealFashionMnistTrainSplit) {
  const IdxDataset& train = fashionTrain();
  ASSERT_EQ(train.size(), 60000u);
  EXPECT_EQ(train.height(), 28);
  EXPECT_EQ(train.width(), 28);
  EXPECT_EQ(train.channels(), 1);
  ASSERT_EQ(train.numClasses(), 10);
  EXPECT_EQ(train.label(0), 9);  // python: labels[0] == 9
  EXPECT_EQ(train.classNames()[9], "Ankle boot");
  EXPECT_EQ(train.label(59999), 5);
  std::vector<int> histogram(10, 0);
  for (std::size_t i = 0; i < train.size(); ++i) {
    const int l = train.label(i);
    ASSERT_GE(l, 0);
    ASSERT_LT(l, 10);
    ++histogram[std::size_t(l)];
  }
  for (int c = 0; c < 10; ++c) EXPECT_EQ(histogram[std::size_t(c)], 6000) << "class " << c;

  const Image first = train.load(0);
  ASSERT_EQ(first.channels, 1);
  ASSERT_EQ(first.height, 28);
  double sum = 0;
  for (float v : first.pixels) {
    ASSERT_GE(v, 0.0f);
    ASSERT_LE(v, 1.0f);
    sum += v;
  }
  EXPECT_NEAR(sum * 255.0, 76247.0, 0.5);  // python: pixel sum of image 0
  EXPECT_NE(train.describe(7).find("train-images-idx3-ubyte.gz:7"), std::string::npos);
}

TEST(IdxDataset, RealFashionMnistTestSplit) {
  const auto test = IdxDataset::open(kFashion, Split::Test);
  ASSERT_EQ(test->size(), 10000u);
  EXPECT_EQ(test->label(0), 9);
  EXPECT_EQ(test->label(9999), 5);
  const Image img = test->load(0);
  // python: image 0 row 14, columns 10..15 = 0 0 98 136 110 109
  EXPECT_FLOAT_EQ(img.at(0, 14, 12), 98.0f / 255.0f);
  EXPECT_FLOAT_EQ(img.at(0, 14, 13), 136.0f / 255.0f);
  EXPECT_TRUE(IdxDataset::hasSplit(kFashion, Split::Test));
}

TEST(IdxDataset, RawAndGzipGiveTheSameData) {
  test::TempDir dir;
  test::writeBytes(dir / "t10k-images-idx3-ubyte", gunzip(kFashion + "/t10k-images-idx3-ubyte.gz"));
  test::writeBytes(dir / "t10k-labels-idx1-ubyte", gunzip(kFashion + "/t10k-labels-idx1-ubyte.gz"));
  const auto raw = IdxDataset::open(dir.str(), Split::Test);
  const auto gz = IdxDataset::open(kFashion, Split::Test);
  ASSERT_EQ(raw->size(), gz->size());
  EXPECT_EQ(raw->imagesPath(), dir / "t10k-images-idx3-ubyte");
  for (std::size_t i : {std::size_t(0), std::size_t(1234), std::size_t(9999)}) {
    EXPECT_EQ(raw->label(i), gz->label(i));
    EXPECT_EQ(raw->load(i).pixels, gz->load(i).pixels);
  }
  EXPECT_FALSE(IdxDataset::hasSplit(dir.str(), Split::Train));
}

void expectIdxError(const std::string& path, int rank, const std::string& fragment) {
  try {
    readIdxFile(path, rank);
    FAIL() << "no error for " << path;
  } catch (const DatasetError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path), std::string::npos) << what;
    EXPECT_NE(what.find(fragment), std::string::npos) << what;
  }
}

TEST(IdxDataset, CorruptFilesAreClearErrorsNamingTheFile) {
  test::TempDir dir;
  // Wrong magic: a PNG signature.
  test::writeBytes(dir / "png", {0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0});
  expectIdxError(dir / "png", 3, "bad magic");
  // A labels file where images are expected.
  auto labels = idxHeader(0x801, {2});
  labels.insert(labels.end(), {1, 2});
  test::writeBytes(dir / "labels", labels);
  expectIdxError(dir / "labels", 3, "has 1 dimensions, expected 3");
  // Unsupported element type (float 0x0D).
  test::writeBytes(dir / "float", idxHeader(0x0D03, {1, 1, 1}));
  expectIdxError(dir / "float", 3, "element type 0x0d");
  // Truncated: header says 3 images of 2x2, 7 bytes present.
  auto truncated = idxHeader(0x803, {3, 2, 2});
  truncated.insert(truncated.end(), 7, 0);
  test::writeBytes(dir / "truncated", truncated);
  expectIdxError(dir / "truncated", 3, "truncated");
  // Too long: trailing bytes after the data.
  auto longer = idxHeader(0x803, {1, 2, 2});
  longer.insert(longer.end(), 5, 0);
  test::writeBytes(dir / "longer", longer);
  expectIdxError(dir / "longer", 3, "data after");
  // Header cut short.
  test::writeBytes(dir / "short", {0, 0, 8, 3, 0, 0});
  expectIdxError(dir / "short", 3, "truncated inside the header");
  // A huge header on a tiny file must not allocate its claimed size.
  test::writeBytes(dir / "huge", idxHeader(0x803, {1u << 30, 28, 28}));
  expectIdxError(dir / "huge", 3, "64 GB");
  expectIdxError(dir / "missing", 3, "not found");
}

TEST(IdxDataset, TruncatedGzipIsAnError) {
  test::TempDir dir;
  std::ifstream in(kFashion + "/t10k-labels-idx1-ubyte.gz", std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bytes.resize(bytes.size() / 2);
  test::writeBytes(dir / "t10k-labels-idx1-ubyte.gz", bytes);
  EXPECT_THROW(readIdxFile(dir / "t10k-labels-idx1-ubyte.gz", 1), DatasetError);
}

TEST(IdxDataset, LabelCountMustMatchImageCount) {
  test::TempDir dir;
  auto images = idxHeader(0x803, {2, 2, 2});
  images.insert(images.end(), 8, 128);
  test::writeBytes(dir / "train-images-idx3-ubyte", images);
  auto labels = idxHeader(0x801, {3});
  labels.insert(labels.end(), {0, 1, 2});
  test::writeBytes(dir / "train-labels-idx1-ubyte", labels);
  try {
    IdxDataset::open(dir.str(), Split::Train);
    FAIL();
  } catch (const DatasetError& e) {
    EXPECT_NE(std::string(e.what()).find("3 labels but"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(dir / "train-labels-idx1-ubyte"), std::string::npos) << e.what();
  }
  // Without a labels file the images are unlabelled.
  std::filesystem::remove(dir / "train-labels-idx1-ubyte");
  const auto unlabelled = IdxDataset::open(dir.str(), Split::Train);
  EXPECT_EQ(unlabelled->size(), 2u);
  EXPECT_EQ(unlabelled->label(1), -1);
  EXPECT_FALSE(unlabelled->labelled());
  EXPECT_FLOAT_EQ(unlabelled->load(1).at(0, 1, 1), 128.0f / 255.0f);
}

TEST(IdxDataset, MissingSplitNamesTheFolder) {
  test::TempDir dir;
  try {
    IdxDataset::open(dir.str(), Split::Train);
    FAIL();
  } catch (const DatasetError& e) {
    EXPECT_NE(std::string(e.what()).find(dir.str()), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("train-images-idx3-ubyte"), std::string::npos);
  }
}

}  // namespace
}  // namespace folk
