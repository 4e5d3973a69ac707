// The image format allowlist (core/data/image_format.h): which files reach OpenCV, what the others
// are called in errors, and the PNG chunks removed so that libpng stays quiet.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/data/image_file.h"
#include "core/data/image_format.h"
#include "core/data/png_chunks.h"

namespace folk {
namespace {

const std::string kData = std::string(FOLK_TEST_DATA_DIR) + "/";
const std::string kSeeds = std::string(FOLK_TEST_DATA_DIR) + "/../../fuzz/corpus/image/";

std::vector<std::uint8_t> bytesOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> bytesOfText(const std::string& text) { return {text.begin(), text.end()}; }

std::string sniffedName(const std::vector<std::uint8_t>& bytes) {
  const SniffedImageFormat format = sniffImageFormat(bytes);
  return format.name == nullptr ? std::string("(none)") : std::string(format.name);
}

std::vector<std::string> chunkTypes(const std::vector<std::uint8_t>& png) {
  std::vector<std::string> types;
  for (std::size_t at = 8; at + 12 <= png.size();) {
    const std::size_t length = (std::size_t(png[at]) << 24) | (std::size_t(png[at + 1]) << 16) |
                               (std::size_t(png[at + 2]) << 8) | png[at + 3];
    types.emplace_back(reinterpret_cast<const char*>(png.data() + at + 4), 4);
    at += 12 + length;
  }
  return types;
}

TEST(ImageFormat, EveryReadableFormatIsRecognisedAndDecodes) {
  // Real files of each readable format (the fuzz seeds, made by fuzz/corpus/make_seeds.py).
  const std::pair<const char*, const char*> files[] = {
      {"rgb.png", "PNG"},   {"rgb.jpg", "JPEG"}, {"rgb.tiff", "TIFF"}, {"rgb.bmp", "BMP"},
      {"rgb.webp", "WebP"}, {"grey.pgm", "PNM"}, {"rgb.ppm", "PNM"},   {"rgb.pam", "PAM"},
      {"grey.pfm", "PFM"},
  };
  for (const auto& [file, name] : files) {
    SCOPED_TRACE(file);
    const auto bytes = bytesOf(kSeeds + file);
    const SniffedImageFormat format = sniffImageFormat(bytes);
    ASSERT_NE(format.name, nullptr);
    EXPECT_EQ(std::string(format.name), name);
    EXPECT_TRUE(format.readable);
    std::string seen;
    ImageLoadOptions options;
    options.beforeDecoder = [&](const std::vector<std::uint8_t>&, const char* f) { seen = f; };
    const Image image = decodeImage(bytes, file, options);
    EXPECT_EQ(seen, name) << "the bytes reach OpenCV as " << name;
    EXPECT_EQ(image.width, 6);
    EXPECT_EQ(image.height, 5);
  }
}

TEST(ImageFormat, RefusedFormatsAreNamed) {
  EXPECT_EQ(sniffedName(bytesOfText("GIF89a\x01\x00\x01\x00")), "GIF");
  EXPECT_EQ(sniffedName(bytesOfText(std::string("\xFF\x4F\xFF\x51\x00\x2F", 6))), "JPEG 2000");
  EXPECT_EQ(sniffedName(bytesOfText(std::string("\x76\x2F\x31\x01\x02\x00\x00\x00", 8))), "OpenEXR");
  EXPECT_EQ(sniffedName(bytesOfText("#?RGBE\nFORMAT=32-bit_rle_rgbe\n")), "Radiance HDR");
  EXPECT_EQ(sniffedName(bytesOfText("\xEF\xBB\xBF  \n<svg xmlns='http://www.w3.org/2000/svg'/>")), "SVG");
  EXPECT_EQ(sniffedName(bytesOfText(std::string("\x00\x00\x01\x00\x01\x00", 6))), "ICO");
  EXPECT_EQ(sniffedName(bytesOfText("%PDF-1.7\n")), "PDF");
  EXPECT_EQ(sniffedName(bytesOfText(std::string("\x00\x00\x00\x1C" "ftypavif", 12))), "AVIF");
  EXPECT_EQ(sniffedName(bytesOfText("P9 not a netpbm type")), "(none)");
  EXPECT_EQ(sniffedName(bytesOfText("P6no white space")), "(none)");
  EXPECT_FALSE(sniffImageFormat(bytesOfText("hello world")).readable);
  EXPECT_FALSE(sniffImageFormat(std::vector<std::uint8_t>{}).readable);
}

TEST(ImageFormat, DicomIsRefusedWhateverTheFileStartsWith) {
  // OpenCV hands any file with "DICM" at offset 128 to GDCM, even one that starts like a PNG.
  auto bytes = bytesOf(kSeeds + "rgb.png");
  bytes.resize(std::max<std::size_t>(bytes.size(), 140), 0);
  std::memcpy(bytes.data() + 128, "DICM", 4);
  EXPECT_EQ(sniffedName(bytes), "DICOM");
  EXPECT_FALSE(sniffImageFormat(bytes).readable);
  EXPECT_THROW(decodeImage(bytes, "dicom.png"), ImageFileError);
}

TEST(ImageFormat, UnknownBytesNameTheFormatsThatAreRead) {
  try {
    decodeImage(bytesOfText("just some text"), "notes.png");
    FAIL() << "expected an error";
  } catch (const ImageFileError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("notes.png: not a readable image"), std::string::npos) << what;
    EXPECT_NE(what.find("PNG, JPEG, TIFF, BMP, WebP, PNM, PAM and PFM"), std::string::npos) << what;
  }
}

TEST(ImageFormat, ExtensionsComeFromTheSameList) {
  EXPECT_TRUE(hasReadableImageExtension("a.PNG"));
  EXPECT_TRUE(hasReadableImageExtension("x.y.jpeg"));
  EXPECT_TRUE(hasReadableImageExtension("scan.pam"));
  EXPECT_TRUE(hasReadableImageExtension("depth.pfm"));
  EXPECT_FALSE(hasReadableImageExtension("a.png.txt"));
  EXPECT_FALSE(hasReadableImageExtension("png"));
  for (const char* refused : {"a.gif", "a.jp2", "a.exr", "a.hdr", "a.ras", "a.svg", "a.ico", "a.dcm"})
    EXPECT_FALSE(hasReadableImageExtension(refused)) << refused;
}

TEST(ImageFormat, TheDesktopEntryOffersExactlyTheReadableMimeTypes) {
  std::ifstream desktop(kData + "../../packaging/io.github.folk_workbench.FolkWorkbench.desktop");
  ASSERT_TRUE(desktop.good());
  std::vector<std::string> listed;
  for (std::string line; std::getline(desktop, line);) {
    if (line.rfind("MimeType=", 0) != 0) continue;
    std::string rest = line.substr(9);
    for (std::size_t end; (end = rest.find(';')) != std::string::npos; rest = rest.substr(end + 1))
      listed.push_back(rest.substr(0, end));
  }
  std::vector<std::string> readable;
  for (const auto& format : readableImageFormats())
    for (const char* mime : format.mimeTypes) readable.emplace_back(mime);
  EXPECT_EQ(readable.size(), 9u);
  std::sort(listed.begin(), listed.end());
  std::sort(readable.begin(), readable.end());
  EXPECT_EQ(listed, readable);
}

TEST(PngChunks, ColourProfileAndMetadataAreRemovedPixelsStay) {
  // astronaut.png carries the ICC profile that libpng warns about ("known incorrect sRGB profile").
  const auto original = bytesOf(std::string(FOLK_SAMPLE_DIR) + "/astronaut.png");
  const auto before = chunkTypes(original);
  ASSERT_NE(std::find(before.begin(), before.end(), "iCCP"), before.end());
  int removed = 0;
  const auto stripped = withoutUnusedPngChunks(original, &removed);
  const auto after = chunkTypes(stripped);
  EXPECT_EQ(removed, int(before.size() - after.size()));
  EXPECT_GT(removed, 0);
  for (const std::string& type : after) EXPECT_TRUE(type == "IHDR" || type == "IDAT" || type == "IEND") << type;
  // The critical chunks are kept byte for byte, in order.
  std::vector<std::string> critical;
  for (const std::string& type : before)
    if (type == "IHDR" || type == "IDAT" || type == "IEND") critical.push_back(type);
  EXPECT_EQ(after, critical);
  const Image image = decodeImage(stripped, "astronaut.png");
  EXPECT_EQ(image.width, 512);
  EXPECT_EQ(image.channels, 3);
}

TEST(PngChunks, TransparencyAndExifAreKeptBrokenFilesAreLeftAlone) {
  // The filter looks at chunk types and lengths only (CRCs are the decoder's business).
  auto chunk = [](const char* type, std::size_t length) {
    std::vector<std::uint8_t> c = {0, 0, 0, std::uint8_t(length)};
    c.insert(c.end(), type, type + 4);
    c.insert(c.end(), length + 4, 0);
    return c;
  };
  std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  for (const auto& [type, length] : std::vector<std::pair<const char*, std::size_t>>{
           {"IHDR", 13}, {"gAMA", 4}, {"PLTE", 6}, {"tRNS", 2}, {"eXIf", 8}, {"zTXt", 5}, {"IDAT", 9}, {"IEND", 0}}) {
    const auto c = chunk(type, length);
    png.insert(png.end(), c.begin(), c.end());
  }
  int removed = 0;
  const auto filtered = withoutUnusedPngChunks(png, &removed);
  EXPECT_EQ(chunkTypes(filtered), (std::vector<std::string>{"IHDR", "PLTE", "tRNS", "eXIf", "IDAT", "IEND"}));
  EXPECT_EQ(removed, 2);
  EXPECT_EQ(filtered.size(), png.size() - (12 + 4) - (12 + 5));
  EXPECT_FALSE(isTruncatedPng(png));
  png.resize(png.size() - 12);  // without IEND
  EXPECT_TRUE(isTruncatedPng(png));

  // A chunk whose length runs past the end: the decoder, not this filter, says what is wrong.
  const auto truncated = bytesOf(kData + "hostile/truncated.png");
  removed = -1;
  EXPECT_EQ(withoutUnusedPngChunks(truncated, &removed), truncated);
  EXPECT_EQ(removed, 0);
  EXPECT_TRUE(isTruncatedPng(truncated));
  const auto text = bytesOfText("not a png at all");
  EXPECT_EQ(withoutUnusedPngChunks(text), text);
}

// A flipped bit in the pixel data or a chunk type: refused with one error naming the file and the
// chunk, before libpng prints its own ("libpng error: IDAT: CRC error") on stderr.
TEST(PngChunks, DamagedChunksAreRefusedBeforeTheDecoderAndNothingIsPrinted) {
  const auto good = bytesOf(std::string(FOLK_SAMPLE_DIR) + "/astronaut.png");
  ASSERT_EQ(damagedPngChunk(good), "");
  // The chunk after the 8-byte signature and IHDR (25 bytes) and any others: find the first IDAT.
  std::size_t idat = 8;
  while (std::memcmp(good.data() + idat + 4, "IDAT", 4) != 0) {
    idat += 12 + ((std::size_t(good[idat]) << 24) | (good[idat + 1] << 16) | (good[idat + 2] << 8) | good[idat + 3]);
  }
  auto flipped = good;
  flipped[idat + 8 + 100] ^= 0x04;
  EXPECT_NE(damagedPngChunk(flipped).find("CRC) of its IDAT chunk does not match"), std::string::npos)
      << damagedPngChunk(flipped);
  testing::internal::CaptureStderr();
  try {
    decodeImage(flipped, "photo.png");
    ADD_FAILURE() << "a PNG with a flipped bit decoded";
  } catch (const ImageFileError& e) {
    EXPECT_NE(std::string(e.what()).find("photo.png: damaged PNG"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("at byte " + std::to_string(idat)), std::string::npos) << e.what();
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");

  auto badType = good;
  badType[12 + 2] = 0xC0;  // IHDR -> IH\xC0R
  EXPECT_NE(damagedPngChunk(badType).find("a chunk type is not four letters (chunk 1, at byte 8)"), std::string::npos)
      << damagedPngChunk(badType);
  // An ancillary chunk the decoder never reads may be damaged: it is dropped, not refused.
  std::size_t text = 8;
  while (text < good.size() && (good[text + 4] & 0x20) == 0) {
    text += 12 + ((std::size_t(good[text]) << 24) | (good[text + 1] << 16) | (good[text + 2] << 8) | good[text + 3]);
  }
  ASSERT_LT(text, good.size()) << "astronaut.png has an ancillary chunk (iCCP)";
  auto ancillary = good;
  ancillary[text + 8] ^= 0x01;
  EXPECT_EQ(damagedPngChunk(ancillary), "");
  EXPECT_EQ(decodeImage(ancillary, "photo.png").width, 512);
  EXPECT_EQ(damagedPngChunk(bytesOfText("not a png at all")), "");
}

}  // namespace
}  // namespace folk
