// Decoding rules of DESIGN.md §3 on real files: channel order, alpha, 16-bit, palette, greyscale,
// and clear errors (naming the file) for everything that is not a usable image.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "core/data/image_file.h"

namespace {

const std::string kImages = std::string(FOLK_TEST_DATA_DIR) + "/images/";

std::string errorOf(const std::string& path) {
  try {
    folk::loadImage(path);
  } catch (const folk::ImageFileError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(ImageFile, RgbIsPlanarInRgbOrder) {
  const folk::Image im = folk::loadImage(kImages + "rgb_3x4.png");
  ASSERT_EQ(im.channels, 3);
  ASSERT_EQ(im.height, 3);
  ASSERT_EQ(im.width, 4);
  EXPECT_FLOAT_EQ(im.at(0, 0, 0), 1.0f);
  EXPECT_FLOAT_EQ(im.at(1, 0, 0), 0.0f);
  EXPECT_FLOAT_EQ(im.at(1, 1, 2), 1.0f);
  EXPECT_FLOAT_EQ(im.at(2, 2, 3), 1.0f);
  EXPECT_FLOAT_EQ(im.at(0, 2, 3), 0.0f);
}

TEST(ImageFile, AlphaIsDropped) {
  const folk::Image im = folk::loadImage(kImages + "rgba_2x2.png");
  ASSERT_EQ(im.channels, 3);
  EXPECT_NEAR(im.at(0, 1, 1), 200.0f / 255.0f, 1e-6);
  EXPECT_FLOAT_EQ(im.at(1, 1, 1), 0.0f);
}

TEST(ImageFile, SixteenBitIsScaledToUnitRange) {
  const folk::Image im = folk::loadImage(kImages + "grey16_2x2.png");
  ASSERT_EQ(im.channels, 1);
  EXPECT_FLOAT_EQ(im.at(0, 0, 1), 1.0f);
  EXPECT_NEAR(im.at(0, 1, 0), 32768.0f / 65535.0f, 1e-6);
  EXPECT_NEAR(im.at(0, 1, 1), 1000.0f / 65535.0f, 1e-6);
}

TEST(ImageFile, GreyscaleKeepsOneChannel) {
  const folk::Image im = folk::loadImage(kImages + "grey_1x3.png");
  ASSERT_EQ(im.channels, 1);
  ASSERT_EQ(im.height, 1);
  ASSERT_EQ(im.width, 3);
  EXPECT_NEAR(im.at(0, 0, 1), 0.2f, 1e-6);
}

TEST(ImageFile, PaletteIsExpandedToRgb) {
  const folk::Image im = folk::loadImage(kImages + "palette_2x1.png");
  ASSERT_EQ(im.channels, 3);
  EXPECT_NEAR(im.at(0, 0, 0), 10.0f / 255.0f, 1e-6);
  EXPECT_NEAR(im.at(2, 0, 0), 30.0f / 255.0f, 1e-6);
  EXPECT_NEAR(im.at(0, 0, 1), 200.0f / 255.0f, 1e-6);
}

TEST(ImageFile, RealPhotographDecodes) {
  const folk::Image im = folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/rocket.jpg");
  EXPECT_EQ(im.channels, 3);
  EXPECT_EQ(im.height, 427);
  EXPECT_EQ(im.width, 640);
}

TEST(ImageFile, UnusableFilesGiveErrorsNamingTheFile) {
  const auto tmp = std::filesystem::temp_directory_path() / "folk_image_file_test";
  std::filesystem::create_directories(tmp);
  const std::string empty = (tmp / "empty.png").string();
  std::ofstream(empty).close();

  const struct {
    std::string path;
    std::string mustContain;
  } cases[] = {
      {kImages + "not_an_image.png", "not a readable image"},
      {kImages + "truncated.png", "truncated.png"},
      {kImages + "does_not_exist.png", "does not exist"},
      {empty, "empty"},
      {tmp.string(), "folder"},
  };
  for (const auto& c : cases) {
    const std::string message = errorOf(c.path);
    EXPECT_NE(message.find(c.path), std::string::npos) << "error must name the file: " << message;
    EXPECT_NE(message.find(c.mustContain), std::string::npos) << message;
  }
  std::filesystem::remove_all(tmp);
}

TEST(ImageFile, PixelBudgetRefusesBeforeDecoding) {
  folk::ImageLoadOptions options;
  options.maxPixels = 100;
  try {
    folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/camera.png", options);
    FAIL() << "expected a pixel budget error";
  } catch (const folk::ImageFileError& e) {
    EXPECT_NE(std::string(e.what()).find("512x512"), std::string::npos) << e.what();
  }
}

// Found by fuzz_image: a PNG header claiming 4294967295 x 4294967295 pixels overflowed the budget
// check (the product does not fit in 64 bits), which then let the header through to the decoder.
TEST(ImageFile, PixelBudgetHoldsForTheLargestSizeAHeaderCanClaim) {
  const std::string what = errorOf(std::string(FOLK_TEST_DATA_DIR) + "/fuzz-regressions/image/png_claims_4294967295_squared.png");
  EXPECT_NE(what.find("claims 4294967295x4294967295 pixels"), std::string::npos) << what;
}

// Found by fuzz_image: OpenCV passes DICOM files to GDCM, whose assert aborted the process on this
// malformed one. DICOM is refused before decoding, with a clear error.
TEST(ImageFile, DicomIsRefusedBeforeDecoding) {
  const std::string what = errorOf(std::string(FOLK_TEST_DATA_DIR) + "/fuzz-regressions/image/dicom_that_aborts_gdcm.dcm");
  EXPECT_NE(what.find("in the DICOM format, which FOLK does not read"), std::string::npos) << what;
}

// Found by fuzz_image: dropping this PNG's unused chunks (to keep libpng's warnings off stderr) moved
// "DICM" to offset 128, where OpenCV would have handed the copy to GDCM. The decoder is only ever
// given bytes that still sniff as a PNG.
TEST(ImageFile, TheDecoderNeverSeesAStrippedPngThatLooksLikeDicom) {
  const std::string path = std::string(FOLK_TEST_DATA_DIR) + "/fuzz-regressions/image/png_stripped_chunks_put_dicm_at_128.png";
  std::ifstream in(path, std::ios::binary);
  const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_GT(bytes.size(), 132u);
  folk::ImageLoadOptions options;
  int decoderCalls = 0;
  options.beforeDecoder = [&](const std::vector<std::uint8_t>& input, const char* format) {
    ++decoderCalls;
    EXPECT_STREQ(format, "PNG");
    EXPECT_FALSE(input.size() >= 132 && std::memcmp(input.data() + 128, "DICM", 4) == 0) << "GDCM would get it";
  };
  try {
    folk::decodeImage(bytes, path, options);
  } catch (const folk::ImageFileError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();  // a damaged PNG: fine
  }
  // Its chunk type is not four letters: refused as a damaged PNG before any decoder, or decoded
  // as the file is; never the stripped copy.
  EXPECT_LE(decoderCalls, 1);
}

TEST(ImageFile, PngRoundTripIsLosslessAtEightBits) {
  const folk::Image im = folk::loadImage(kImages + "rgb_3x4.png");
  const auto out = std::filesystem::temp_directory_path() / "folk_roundtrip.png";
  folk::savePng(im, out.string());
  const folk::Image back = folk::loadImage(out.string());
  EXPECT_EQ(back.pixels, im.pixels);
  std::filesystem::remove(out);
}
