// What the bytes of an image file claim before decoding (core/data/image_header): the declared pixel
// size of PNG and JPEG, checked against what OpenCV then decodes, on well-formed and on malformed
// files (the fuzz regressions whose frames libjpeg finds behind broken marker segments).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/data/image_file.h"
#include "core/data/image_header.h"

namespace folk {
namespace {

const std::string kData = std::string(FOLK_TEST_DATA_DIR) + "/";

std::vector<std::uint8_t> bytesOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ImageHeader, WellFormedFilesClaimTheSizeTheyDecodeTo) {
  // (exif_rotated.jpg is left out: its header is 12x4, OpenCV turns it upright to 4x12.)
  const std::string seeds = "../../fuzz/corpus/image/";
  const std::pair<std::string, std::string> cases[] = {
      {"images/rgb_3x4.png", "PNG"},      {"images/grey16_2x2.png", "PNG"}, {"hostile/cmyk.jpg", "JPEG"},
      {"hostile/one_by_nine.png", "PNG"}, {seeds + "rgb.tiff", "TIFF"},     {seeds + "rgb.bmp", "BMP"},
      {seeds + "rgb.jpg", "JPEG"}};
  for (const auto& [file, format] : cases) {
    SCOPED_TRACE(file);
    const auto bytes = bytesOf(kData + file);
    const ClaimedSize claimed = claimedImageSize(bytes);
    const Image decoded = decodeImage(bytes, file);
    ASSERT_TRUE(claimed.known());
    ASSERT_NE(claimed.format, nullptr);
    EXPECT_EQ(claimed.format, format);
    EXPECT_EQ(claimed.width, decoded.width);
    EXPECT_EQ(claimed.height, decoded.height);
  }
}

TEST(ImageHeader, JpegFramesBehindBrokenSegmentsAreFoundAsLibjpegFindsThem) {
  // Both were found by fuzz_image: OpenCV allocated 2.2 GB for the hidden frame before the decode
  // failed, because an earlier header walk stopped (or skipped too far) at the broken segment.
  for (const std::string file : {"jpeg_short_app1_hides_11342x64780_frame.jpg",
                                 "jpeg_stuffed_zero_hides_11342x64780_frame.jpg"}) {
    SCOPED_TRACE(file);
    const ClaimedSize claimed = claimedImageSize(bytesOf(kData + "fuzz-regressions/image/" + file));
    EXPECT_EQ(claimed.width, 64780);
    EXPECT_EQ(claimed.height, 11342);
  }
}

TEST(ImageHeader, BombsInEveryFormatWithAHeaderReaderClaimTheirFullSize) {
  const std::pair<std::string, std::string> cases[] = {{"bomb_20000x20000.tiff", "TIFF"},
                                                       {"bomb_20000x20000.bmp", "BMP"}};
  for (const auto& [file, format] : cases) {
    SCOPED_TRACE(file);
    const ClaimedSize claimed = claimedImageSize(bytesOf(kData + "hostile/" + file));
    ASSERT_NE(claimed.format, nullptr);
    EXPECT_EQ(claimed.format, format);
    EXPECT_EQ(claimed.width, 20000);
    EXPECT_EQ(claimed.height, 20000);
  }
}

TEST(ImageHeader, HugePngClaimsAreReadWithoutOverflow) {
  const ClaimedSize claimed = claimedImageSize(bytesOf(kData + "fuzz-regressions/image/png_claims_4294967295_squared.png"));
  EXPECT_EQ(claimed.width, 4294967295LL);
  EXPECT_EQ(claimed.height, 4294967295LL);
}

TEST(ImageHeader, UnknownFormatsAndBrokenJpegHeadersClaimNothing) {
  const std::vector<std::uint8_t> text = {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'};
  EXPECT_FALSE(claimedImageSize(text).known());
  EXPECT_EQ(claimedImageSize(text).format, nullptr);
  // A PPM's header is not read (raw samples: nothing to inflate), so it claims nothing either.
  EXPECT_EQ(claimedImageSize(bytesOf(kData + "../../fuzz/corpus/image/rgb.ppm")).format, nullptr);
  EXPECT_FALSE(claimedImageSize({}).known());
  // A start-of-image and then nothing libjpeg accepts (no frame): not a size, and no crash or
  // message from libjpeg's error handler, which must jump back out instead of exiting.
  const std::vector<std::uint8_t> onlyStart = {0xFF, 0xD8, 0xFF, 0xD9};
  EXPECT_FALSE(claimedImageSize(onlyStart).known());
  const std::vector<std::uint8_t> garbage = {0xFF, 0xD8, 0x12, 0x34, 0xFF, 0x02, 0x00, 0x04, 0x00, 0x00};
  EXPECT_FALSE(claimedImageSize(garbage).known());
  // A TIFF signature with no readable directory; a BMP whose header size no decoder accepts.
  const std::vector<std::uint8_t> tiff = {'I', 'I', 42, 0, 0xFF, 0xFF, 0xFF, 0x7F};
  EXPECT_FALSE(claimedImageSize(tiff).known());
  EXPECT_STREQ(claimedImageSize(tiff).format, "TIFF");
  std::vector<std::uint8_t> bmp(40, 0);
  bmp[0] = 'B';
  bmp[1] = 'M';
  bmp[14] = 20;  // header size 20: neither the OS/2 (12) nor the Windows (>= 36) layout
  bmp[18] = 0x10;
  bmp[22] = 0x10;
  EXPECT_FALSE(claimedImageSize(bmp).known());
  // A PNG signature without its IHDR chunk first.
  std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  png.resize(40, 0);
  EXPECT_FALSE(claimedImageSize(png).known());
}

TEST(ImageHeader, TruncatedJpegIsRecognisedAndACompleteOneIsNot) {
  EXPECT_TRUE(isTruncatedJpeg(bytesOf(kData + "hostile/truncated.jpg")));
  EXPECT_FALSE(isTruncatedJpeg(bytesOf(kData + "hostile/cmyk.jpg")));
  // EXIF inside APP1 (with its own markers) does not count as the image's end.
  auto rotated = bytesOf(kData + "hostile/exif_rotated.jpg");
  EXPECT_FALSE(isTruncatedJpeg(rotated));
  rotated.resize(rotated.size() - 2);  // drop the end-of-image marker
  EXPECT_TRUE(isTruncatedJpeg(rotated));
  EXPECT_FALSE(isTruncatedJpeg(bytesOf(kData + "images/rgb_3x4.png")));  // not a JPEG at all
}

}  // namespace
}  // namespace folk
