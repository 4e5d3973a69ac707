// ImageFolder indexing on real photos: labels from sorted sub-folders, a flat folder
// is unlabelled, non-images and hidden files are skipped, bad images are skipped and counted by the
// loaders, empty or unusable folders are clear errors.
#include "core/data/image_folder_dataset.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/data/dataset_probe.h"
#include "core/data/eval_loader.h"
#include "core/data/image_file.h"
#include "tests/core/data/temp_dir.h"

namespace folk {
namespace {
namespace fs = std::filesystem;

void copySample(const std::string& name, const std::string& to) {
  fs::create_directories(fs::path(to).parent_path());
  fs::copy_file(std::string(FOLK_SAMPLE_DIR) + "/" + name, to);
}

// root/colour: 3 colour photos; root/grey: 2 grey photos (one nested), a text file named .png, a
// .txt, a hidden file, a symlink back to root; root/empty: nothing; root/loose.png: not in a class.
void makeFolder(const test::TempDir& dir) {
  copySample("chelsea.png", dir / "colour/chelsea.png");
  copySample("astronaut.png", dir / "colour/astronaut.png");
  copySample("rocket.jpg", dir / "colour/rocket.JPG");
  copySample("camera.png", dir / "grey/camera.png");
  copySample("moon.png", dir / "grey/nested/moon.png");
  test::writeText(dir / "grey/broken.png", "this is not a PNG file\n");
  test::writeText(dir / "grey/notes.txt", "not an image");
  test::writeText(dir / "grey/.hidden.png", "hidden");
  fs::create_directory_symlink(dir.path(), dir.path() / "grey/loop");
  fs::create_directories(dir.path() / "empty");
  copySample("coffee.png", dir / "loose.png");
}

TEST(ImageFolderDataset, LabelsFromSortedSubFolders) {
  test::TempDir dir;
  makeFolder(dir);
  const ImageFolderDataset ds(dir.str());
  ASSERT_EQ(ds.numClasses(), 2);
  EXPECT_EQ(ds.classNames()[0], "colour");
  EXPECT_EQ(ds.classNames()[1], "grey");
  ASSERT_EQ(ds.size(), 6u);  // 3 colour + camera, moon, broken
  const std::vector<std::string> expected{"colour/astronaut.png", "colour/chelsea.png", "colour/rocket.JPG",
                                          "grey/broken.png",      "grey/camera.png",    "grey/nested/moon.png"};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(ds.relativePath(i), expected[i]);
    EXPECT_EQ(ds.label(i), i < 3 ? 0 : 1);
  }
  EXPECT_EQ(ds.describe(1), (dir.path() / "colour/chelsea.png").string());
  EXPECT_EQ(ds.scan().ignoredRootImages, 1u);
  ASSERT_EQ(ds.scan().emptyClassFolders.size(), 1u);
  EXPECT_EQ(ds.scan().emptyClassFolders[0], "empty");
  EXPECT_GE(ds.scan().nonImageFiles, 2u);  // notes.txt and .hidden.png

  const Image astronaut = ds.load(0);
  EXPECT_EQ(astronaut.channels, 3);
  EXPECT_EQ(astronaut.height, 512);
  EXPECT_EQ(ds.load(4).channels, 1);  // camera.png is greyscale
  EXPECT_THROW(ds.load(3), ImageFileError);
}

TEST(ImageFolderDataset, BadFileIsSkippedAndCountedByTheLoader) {
  test::TempDir dir;
  makeFolder(dir);
  auto ds = std::make_shared<ImageFolderDataset>(dir.str());
  EvalLoader loader(ds, EvalTransform{32, 3, 1.0}, {}, 4, 2);
  std::vector<std::int64_t> seen;
  while (auto batch = loader.next()) {
    ASSERT_EQ(batch->images.sizes(), (std::vector<std::int64_t>{batch->size(), 3, 32, 32}));
    for (std::int64_t r = 0; r < batch->size(); ++r) seen.push_back(batch->indices[r].item<std::int64_t>());
  }
  EXPECT_EQ(seen, (std::vector<std::int64_t>{0, 1, 2, 4, 5}));  // index 3 (broken.png) skipped
  const LoadReport report = loader.report();
  ASSERT_EQ(report.badFiles, 1u);
  EXPECT_EQ(report.files[0].path, (dir.path() / "grey/broken.png").string());
  EXPECT_FALSE(report.files[0].reason.empty());
  EXPECT_NE(report.text().find("broken.png"), std::string::npos);
}

TEST(ImageFolderDataset, FlatFolderIsUnlabelled) {
  test::TempDir dir;
  copySample("coffee.png", dir / "b.png");
  copySample("camera.png", dir / "a.png");
  test::writeText(dir / "readme.md", "text");
  const ImageFolderDataset ds(dir.str());
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds.numClasses(), 0);
  EXPECT_FALSE(ds.labelled());
  EXPECT_EQ(ds.label(0), -1);
  EXPECT_EQ(ds.relativePath(0), "a.png");
  EXPECT_EQ(ds.scan().nonImageFiles, 1u);
}

TEST(ImageFolderDataset, EmptyOrMissingFolderIsAClearError) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "classA");
  test::writeText(dir / "classA/readme.txt", "no images here");
  try {
    ImageFolderDataset ds(dir.str());
    FAIL() << "empty folder accepted";
  } catch (const DatasetError& e) {
    EXPECT_NE(std::string(e.what()).find(dir.str()), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("no image files"), std::string::npos);
  }
  EXPECT_THROW(ImageFolderDataset(dir / "does-not-exist"), DatasetError);
  EXPECT_THROW(ImageFolderDataset(dir / "classA/readme.txt"), DatasetError);
}

TEST(ImageFolderDataset, FolderOfUndecodableFilesFailsTheProbe) {
  test::TempDir dir;
  test::writeText(dir / "a.png", "not a png");
  test::writeText(dir / "b.jpg", "not a jpeg");
  const ImageFolderDataset ds(dir.str());
  ASSERT_EQ(ds.size(), 2u);
  try {
    probeDataset(ds);
    FAIL() << "unusable dataset passed the probe";
  } catch (const DatasetError& e) {
    EXPECT_NE(std::string(e.what()).find("unusable"), std::string::npos) << e.what();
  }
}

TEST(ImageFolderDataset, ProbeReportsSizesOfUsableData) {
  test::TempDir dir;
  makeFolder(dir);
  const ImageFolderDataset ds(dir.str());
  const DatasetProbe probe = probeDataset(ds);
  EXPECT_EQ(probe.probed, 6u);
  EXPECT_EQ(probe.decoded, 5u);
  EXPECT_EQ(probe.failures.size(), 1u);
  EXPECT_EQ(probe.maxChannels, 3);
  EXPECT_EQ(probe.maxWidth, 640);  // rocket.jpg is 427×640
}

TEST(ImageFolderDataset, ImageExtensions) {
  EXPECT_TRUE(ImageFolderDataset::hasImageExtension("a.PNG"));
  EXPECT_TRUE(ImageFolderDataset::hasImageExtension("x.y.jpeg"));
  EXPECT_FALSE(ImageFolderDataset::hasImageExtension("a.png.txt"));
  EXPECT_FALSE(ImageFolderDataset::hasImageExtension("png"));
}

}  // namespace
}  // namespace folk
