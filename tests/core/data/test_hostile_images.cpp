// Hostile inputs, table-driven over the corpus in tests/data/hostile/ (made by
// make_hostile.py there): each file either decodes as documented or fails with an ImageFileError
// that names the file and the problem. Plus what cannot live in git: a non-UTF-8 file name, and an
// image folder with a symlink loop and an unreadable sub-folder.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "core/data/image_file.h"
#include "core/data/image_folder_dataset.h"
#include "tests/core/data/temp_dir.h"

namespace fs = std::filesystem;

namespace folk {
namespace {

const std::string kHostile = std::string(FOLK_TEST_DATA_DIR) + "/hostile/";

struct Decodes {
  const char* file;
  int width, height, channels;
  const char* why;
};

struct Fails {
  const char* file;
  const char* mustContain;
};

TEST(HostileImages, UsableOddFilesDecodeAsDocumented) {
  const Decodes cases[] = {
      {"jpeg_named.png", 12, 8, 3, "the content decides the format, not the extension"},
      {"cmyk.jpg", 10, 6, 3, "CMYK is converted to RGB"},
      {"exif_rotated.jpg", 4, 12, 3, "the EXIF orientation (90 degrees) is applied"},
      {"grey16.png", 5, 3, 1, "16-bit greyscale stays one channel, scaled to [0,1]"},
      {"palette.png", 7, 5, 3, "a palette is expanded to RGB"},
      {"rgba.png", 6, 4, 3, "alpha is dropped"},
      {"one_by_one.png", 1, 1, 3, "a single pixel is an image"},
      {"one_by_nine.png", 1, 9, 1, "so is a single column"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.file) + ": " + c.why);
    const Image image = loadImage(kHostile + c.file);
    EXPECT_EQ(image.width, c.width);
    EXPECT_EQ(image.height, c.height);
    EXPECT_EQ(image.channels, c.channels);
    for (float v : image.pixels) {
      ASSERT_GE(v, 0.0f);
      ASSERT_LE(v, 1.0f);
    }
  }
}

TEST(HostileImages, UnusableFilesAreClearErrorsNamingTheFile) {
  const Fails cases[] = {
      {"zero_bytes.png", "empty (0 bytes)"},
      {"text_named.png", "not a readable image"},
      {"truncated.png", "truncated PNG"},
      {"truncated.jpg", "truncated JPEG"},
      {"truncated.tiff", "truncated TIFF"},
      // Compressed data changed in place: libtiff's words for the block it could not decode.
      {"damaged_deflate.tiff", "damaged TIFF data: strip 0 of 1 (libtiff: \"ZIPDecode: Decoding error"},
      {"damaged_lzw.tiff", "damaged TIFF data: strip 0 of 1 (libtiff: \"Using code not yet in table"},
      {"jpeg2000_compressed.tiff", "the TIFF is compressed with scheme 34712, which FOLK's TIFF decoder"},
      // Compressed data written corrupt (the CRC matches them): libpng's words, not its stderr line.
      {"idat_corrupt_crc_right.png", "the PNG decoder found it corrupt (libpng: \""},
      {"bomb_100000x100000.png", "claims 100000x100000 pixels"},
      {"bomb_behind_bad_segment_length.jpg", "claims 64780x11342 pixels"},
      {"bomb_behind_stuffed_zero.jpg", "claims 64780x11342 pixels"},
      // 623 bytes, 400 MB once decoded by OpenCV; the TIFF took 1.9 GB of memory before this check.
      {"bomb_20000x20000.bmp", "the BMP header claims 20000x20000 pixels"},
      {"bomb_20000x20000.tiff", "the TIFF header claims 20000x20000 pixels"},
      // Sun raster is not on the allowlist: refused by its magic bytes before any header is read.
      {"bomb_20000x20000.ras", "in the Sun raster format, which FOLK does not read"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string path = kHostile + c.file;
    try {
      loadImage(path);
      ADD_FAILURE() << "expected an error";
    } catch (const ImageFileError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(path), std::string::npos) << message;
      EXPECT_NE(message.find(c.mustContain), std::string::npos) << message;
    }
  }
}

// Formats OpenCV would decode but FOLK does not read, each in a valid file named .png: the magic
// bytes decide, and the error names the file, the format it is and the formats FOLK reads.
TEST(HostileImages, FormatsOffTheAllowlistAreRefusedNamingTheFormat) {
  const Fails cases[] = {
      {"gif_named.png", "in the GIF format"},
      {"jpeg2000_named.png", "in the JPEG 2000 format"},
      {"openexr_named.png", "in the OpenEXR format"},
      {"radiance_hdr_named.png", "in the Radiance HDR format"},
      {"svg_named.png", "in the SVG format"},
      {"ico_named.png", "in the ICO format"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string path = kHostile + c.file;
    int decoderCalls = 0;
    ImageLoadOptions options;
    options.beforeDecoder = [&](const std::vector<std::uint8_t>&, const char*) { ++decoderCalls; };
    try {
      loadImage(path, options);
      ADD_FAILURE() << "expected an error";
    } catch (const ImageFileError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(path), std::string::npos) << message;
      EXPECT_NE(message.find(c.mustContain), std::string::npos) << message;
      EXPECT_NE(message.find("it reads PNG, JPEG, TIFF, BMP, WebP, PNM, PAM and PFM"), std::string::npos) << message;
    }
    EXPECT_EQ(decoderCalls, 0) << "OpenCV must not see the file";
  }
}

TEST(HostileImages, PixelBudgetRefusesTheBombBeforeDecoding) {
  ImageLoadOptions options;
  options.maxPixels = std::int64_t(1) << 40;  // a budget the bomb fits: now its tiny IDAT fails to decode
  EXPECT_THROW(loadImage(kHostile + "bomb_100000x100000.png", options), ImageFileError);
}

TEST(HostileImages, NonUtf8FileNameLoads) {
  test::TempDir dir;
  const std::string name = dir / std::string("caf\xe9-\xff.png");  // Latin-1 bytes, invalid UTF-8
  fs::copy_file(kHostile + "one_by_one.png", name);
  const Image image = loadImage(name);
  EXPECT_EQ(image.width, 1);
}

TEST(HostileImages, FolderWithSymlinkLoopAndUnreadableSubfolderIsScannedInBoundedTime) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "shirts" / "deep");
  fs::create_directories(dir.path() / "shoes");
  fs::copy_file(kHostile + "one_by_one.png", dir.path() / "shirts" / "a.png");
  fs::copy_file(kHostile + "palette.png", dir.path() / "shirts" / "deep" / "b.png");
  fs::copy_file(kHostile + "rgba.png", dir.path() / "shoes" / "c.png");
  fs::create_directory_symlink("..", dir.path() / "shirts" / "deep" / "loop");  // shirts/deep/loop -> shirts
  fs::create_directories(dir.path() / "shoes" / "locked");
  fs::copy_file(kHostile + "rgba.png", dir.path() / "shoes" / "locked" / "d.png");
  ::chmod((dir.path() / "shoes" / "locked").c_str(), 0);

  const ImageFolderDataset dataset(dir.str());
  ::chmod((dir.path() / "shoes" / "locked").c_str(), 0755);  // so the TempDir can be removed
  EXPECT_EQ(dataset.numClasses(), 2);
  // The loop is not followed inside a class folder. The locked folder is skipped and counted,
  // except for root, whom permissions do not stop.
  if (::geteuid() == 0) {
    EXPECT_EQ(dataset.size(), 4u);
  } else {
    EXPECT_EQ(dataset.size(), 3u);
    EXPECT_GE(dataset.scan().unreadableEntries, 1u);
  }
}

}  // namespace
}  // namespace folk
