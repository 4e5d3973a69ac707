// Valid TIFFs of every compression Pillow writes (tests/data/tiff/, made by make_tiffs.py there)
// decode to the pixels written: the check that decodes each compressed block before OpenCV (to
// refuse damaged data, test_hostile_images.cpp) must not refuse a good file.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/data/image_file.h"

namespace folk {
namespace {

const std::string kTiffs = std::string(FOLK_TEST_DATA_DIR) + "/tiff/";

struct TiffCase {
  const char* tiff;
  const char* png;  // the same pixels, lossless
  int channels;
  float tolerance;
};

class TiffFiles : public ::testing::TestWithParam<TiffCase> {};

TEST_P(TiffFiles, DecodeToThePixelsWritten) {
  const TiffCase& c = GetParam();
  const Image tiff = loadImage(kTiffs + c.tiff);
  const Image png = loadImage(kTiffs + c.png);
  ASSERT_EQ(tiff.channels, c.channels);
  ASSERT_EQ(tiff.width, png.width);
  ASSERT_EQ(tiff.height, png.height);
  ASSERT_EQ(tiff.pixels.size(), png.pixels.size());
  float worst = 0.0f;
  for (std::size_t i = 0; i < tiff.pixels.size(); ++i) worst = std::max(worst, std::fabs(tiff.pixels[i] - png.pixels[i]));
  EXPECT_LE(worst, c.tolerance);
}

INSTANTIATE_TEST_SUITE_P(
    EveryCompression, TiffFiles,
    ::testing::Values(TiffCase{"rgb_raw.tiff", "rgb.png", 3, 0.0f}, TiffCase{"rgb_tiff_lzw.tiff", "rgb.png", 3, 0.0f},
                      TiffCase{"rgb_tiff_adobe_deflate.tiff", "rgb.png", 3, 0.0f},
                      TiffCase{"rgb_packbits.tiff", "rgb.png", 3, 0.0f},
                      // Lossy: within what JPEG's quantisation moves a smooth picture.
                      TiffCase{"rgb_jpeg.tiff", "rgb.png", 3, 0.25f},
                      TiffCase{"grey_tiff_lzw.tiff", "grey.png", 1, 0.0f},
                      TiffCase{"grey16_tiff_adobe_deflate.tiff", "grey16.png", 1, 0.0f}),
    [](const ::testing::TestParamInfo<TiffCase>& info) {
      std::string name = info.param.tiff;
      for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    });

}  // namespace
}  // namespace folk
