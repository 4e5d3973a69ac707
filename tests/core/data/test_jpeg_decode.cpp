// JPEG decoding through libjpeg itself: pixels and EXIF orientations against Pillow's decode
// (tests/data/jpeg/make_jpeg_goldens.py), damaged compressed data refused with libjpeg's words,
// harmless warnings silent, and nothing written to stderr either way.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "core/data/exif_orientation.h"
#include "core/data/image_file.h"
#include "core/data/jpeg_decode.h"

namespace folk {
namespace {

const std::string kJpeg = std::string(FOLK_TEST_DATA_DIR) + "/jpeg/";

nlohmann::json goldens() {
  std::ifstream in(kJpeg + "goldens.json");
  return nlohmann::json::parse(in);
}

// Every pixel as 8 bits equals Pillow's.
void expectPixels(const Image& image, const nlohmann::json& golden) {
  ASSERT_EQ(image.width, golden["width"].get<int>());
  ASSERT_EQ(image.height, golden["height"].get<int>());
  ASSERT_EQ(image.channels, golden["channels"].get<int>());
  int differing = 0;
  for (int c = 0; c < image.channels; ++c) {
    const auto& plane = golden["planes"][c];
    for (std::size_t i = 0; i < image.planeSize(); ++i) {
      differing += int(std::lround(image.plane(c)[i] * 255.0f)) != plane[i].get<int>();
    }
  }
  EXPECT_EQ(differing, 0);
}

TEST(JpegDecode, PixelsAndAllEightExifOrientationsMatchPillow) {
  const auto all = goldens();
  int checked = 0;
  for (const auto& name : {"orientation_1.jpg", "orientation_2.jpg", "orientation_3.jpg", "orientation_4.jpg",
                           "orientation_5.jpg", "orientation_6.jpg", "orientation_7.jpg", "orientation_8.jpg",
                           "colour_420.jpg"}) {
    SCOPED_TRACE(name);
    testing::internal::CaptureStderr();
    const Image image = loadImage(kJpeg + name);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    expectPixels(image, all.at(name));
    ++checked;
  }
  EXPECT_EQ(checked, 9);
  // Orientations 5-8 turn the 5x3 picture on its side.
  EXPECT_EQ(all.at("orientation_6.jpg")["width"], 3);
}

TEST(JpegDecode, ExtraneousBytesBeforeTheEndAreHarmlessAndSilent) {
  testing::internal::CaptureStderr();
  const Image image = loadImage(kJpeg + "extraneous_bytes.jpg");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "") << "libjpeg's warning must not reach stderr";
  expectPixels(image, goldens().at("extraneous_bytes.jpg"));
}

TEST(JpegDecode, DamagedCompressedDataIsRefusedInLibjpegsWordsNotPrinted) {
  testing::internal::CaptureStderr();
  try {
    loadImage(kJpeg + "damaged_scan.jpg");
    ADD_FAILURE() << "a damaged scan decoded";
  } catch (const ImageFileError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("damaged_scan.jpg"), std::string::npos) << what;
    EXPECT_NE(what.find("damaged JPEG data"), std::string::npos) << what;
    EXPECT_NE(what.find("libjpeg: \"Corrupt JPEG data"), std::string::npos) << what;
    EXPECT_NE(what.find("copy the file again"), std::string::npos) << what;
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(JpegDecode, OddExifPayloadsMeanNoTurn) {
  const std::uint8_t notExif[] = {'X', 'M', 'P', 0, 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0};
  EXPECT_EQ(exifOrientation(notExif, sizeof notExif), 1);
  const std::uint8_t shortPayload[] = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I'};
  EXPECT_EQ(exifOrientation(shortPayload, sizeof shortPayload), 1);
  // A directory said to hold 1000 entries in a 28-byte payload: read no further than the bytes.
  const std::uint8_t lying[] = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 0xE8, 0x03,
                                0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0};
  EXPECT_EQ(exifOrientation(lying, sizeof lying), 6);  // the one whole entry is read
  const std::uint8_t outOfRange[] = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
                                     0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 9, 0, 0};
  EXPECT_EQ(exifOrientation(outOfRange, sizeof outOfRange), 1);
  const std::uint8_t bigEndian[] = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
                                    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0};
  EXPECT_EQ(exifOrientation(bigEndian, sizeof bigEndian), 8);
}

}  // namespace
}  // namespace folk
