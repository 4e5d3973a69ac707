// `folk mask` on real photographs: the five outputs per image with the right shapes and contents,
// the numbers it prints, and per-input failures that do not stop the other inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "core/data/image_file.h"
#include "core/util/npy.h"

namespace folk::cli::test {
namespace {

namespace fs = std::filesystem;

std::vector<nlohmann::json> parseJsonLines(const std::string& out) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : lines(out)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

TEST(FolkMask, WritesAllFiveOutputsWithTheRightShapes) {
  TempDir dir;
  const std::string out = dir / "out";  // does not exist yet: created by folk
  const CliResult r = runFolk({"mask", samplePhoto("astronaut.png"), "--filter", "com", "--ratio", "0.05", "--out", out});
  ASSERT_EQ(r.exitCode, 0) << r.err;

  const npy::Array mask = npy::read(out + "/astronaut_mask.npy");
  EXPECT_EQ(mask.dtype, "|u1");
  EXPECT_EQ(mask.shape, (std::vector<std::int64_t>{512, 512}));
  const auto keep = mask.as<std::uint8_t>();
  EXPECT_TRUE(std::all_of(keep.begin(), keep.end(), [](std::uint8_t v) { return v <= 1; }));
  const std::int64_t kept = std::count(keep.begin(), keep.end(), std::uint8_t(1));
  // Com keeps ceil(rho N) coefficients, or a few more when magnitudes tie at the cut.
  EXPECT_GE(kept, std::int64_t(std::ceil(0.05 * 512 * 512)));
  EXPECT_LT(kept, std::int64_t(0.051 * 512 * 512));
  EXPECT_EQ(keep[256 * 512 + 256], 1) << "the DC coefficient (strongest) is kept";

  const npy::Array filtered = npy::read(out + "/astronaut_filtered.npy");
  EXPECT_EQ(filtered.dtype, "<f4");
  EXPECT_EQ(filtered.shape, (std::vector<std::int64_t>{3, 512, 512}));
  const auto pixels = filtered.as<float>();
  EXPECT_TRUE(std::all_of(pixels.begin(), pixels.end(), [](float v) { return v >= 0.0f && v <= 1.0f; }));

  const Image maskPng = loadImage(out + "/astronaut_mask.png");
  EXPECT_EQ(maskPng.channels, 1);
  EXPECT_EQ(maskPng.height, 512);
  EXPECT_EQ(maskPng.width, 512);
  for (std::size_t i = 0; i < keep.size(); ++i) ASSERT_EQ(maskPng.pixels[i], float(keep[i])) << i;

  const Image spectrum = loadImage(out + "/astronaut_spectrum.png");
  EXPECT_EQ(spectrum.channels, 3);
  EXPECT_EQ(spectrum.height, 512);
  EXPECT_EQ(spectrum.width, 512);

  const Image filteredPng = loadImage(out + "/astronaut_filtered.png");
  EXPECT_EQ(filteredPng.channels, 3);
  for (std::size_t i = 0; i < pixels.size(); i += 997)
    ASSERT_NEAR(filteredPng.pixels[i], pixels[i], 0.5 / 255 + 1e-6) << i;

  // One line for the one image, naming it and the numbers.
  const auto printed = lines(r.out);
  ASSERT_EQ(printed.size(), 1u) << r.out;
  EXPECT_NE(printed[0].find("astronaut.png"), std::string::npos);
  EXPECT_NE(printed[0].find("kept " + std::to_string(kept) + "/262144"), std::string::npos) << printed[0];
  EXPECT_NE(printed[0].find("retained energy"), std::string::npos);
  EXPECT_NE(printed[0].find("PSNR"), std::string::npos);
}

TEST(FolkMask, GreyscalePhotoGivesOneChannel) {
  TempDir dir;
  const CliResult r = runFolk({"mask", samplePhoto("camera.png"), "--filter", "highpass", "--out", dir.path().string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const npy::Array filtered = npy::read(dir / "camera_filtered.npy");
  EXPECT_EQ(filtered.shape, (std::vector<std::int64_t>{1, 512, 512}));
  EXPECT_NE(r.out.find("grey"), std::string::npos) << r.out;
}

TEST(FolkMask, ComAndRComSplitTheCoefficientsExactly) {
  TempDir dir;
  const std::string photo = samplePhoto("coffee.png");
  const CliResult com = runFolk({"mask", photo, "--filter", "com", "--ratio", "0.01", "--out", dir / "com", "--json"});
  const CliResult rcom = runFolk({"mask", photo, "--filter", "rcom", "--ratio", "0.01", "--out", dir / "rcom", "--json"});
  ASSERT_EQ(com.exitCode, 0) << com.err;
  ASSERT_EQ(rcom.exitCode, 0) << rcom.err;
  const auto a = parseJsonLines(com.out), b = parseJsonLines(rcom.out);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  const std::int64_t total = a[0].at("total_coefficients");
  EXPECT_EQ(total, std::int64_t(a[0].at("width")) * std::int64_t(a[0].at("height")));
  EXPECT_EQ(std::int64_t(a[0].at("kept_coefficients")) + std::int64_t(b[0].at("kept_coefficients")), total);
  EXPECT_NEAR(double(a[0].at("retained_energy")) + double(b[0].at("retained_energy")), 1.0, 1e-4);

  const auto comMask = npy::read(dir / "com/coffee_mask.npy").as<std::uint8_t>();
  const auto rcomMask = npy::read(dir / "rcom/coffee_mask.npy").as<std::uint8_t>();
  ASSERT_EQ(comMask.size(), rcomMask.size());
  for (std::size_t i = 0; i < comMask.size(); ++i) ASSERT_EQ(comMask[i] + rcomMask[i], 1) << i;
}

TEST(FolkMask, JsonOutputParsesAndCarriesTheSpec) {
  TempDir dir;
  const CliResult r = runFolk({"mask", samplePhoto("camera.png"), samplePhoto("chelsea.png"), "--filter", "lowpass",
                               "--out", dir.path().string(), "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto objects = parseJsonLines(r.out);
  ASSERT_EQ(objects.size(), 2u) << r.out;
  for (const auto& o : objects) {
    EXPECT_TRUE(o.at("ok").get<bool>());
    EXPECT_EQ(o.at("filter"), "lowpass");
    const int h = o.at("height"), w = o.at("width");
    EXPECT_NEAR(o.at("radius").get<double>(), 16.0 * std::min(h, w) / 224.0, 1e-12) << "default radius";
    const double energy = o.at("retained_energy");
    EXPECT_GT(energy, 0.0);
    EXPECT_LE(energy, 1.0);
    EXPECT_TRUE(o.at("psnr_db").is_number());
    for (const char* key : {"mask_png", "spectrum_png", "filtered_png", "mask_npy", "filtered_npy"})
      EXPECT_TRUE(fs::exists(o.at("outputs").at(key).get<std::string>())) << key;
  }
  EXPECT_EQ(objects[1].at("input"), samplePhoto("chelsea.png"));
}

TEST(FolkMask, SoftFiltersWriteTheirGainsAndNameTheirParameters) {
  TempDir dir;
  const CliResult r = runFolk({"mask", samplePhoto("camera.png"), "--filter", "butterworth-bandpass", "--radius", "40",
                               "--band-width", "12", "--order", "3", "--out", dir / "out", "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto objects = parseJsonLines(r.out);
  ASSERT_EQ(objects.size(), 1u) << r.out;
  const auto& o = objects[0];
  EXPECT_EQ(o.at("filter"), "butterworth-bandpass");
  EXPECT_DOUBLE_EQ(o.at("radius").get<double>(), 40.0);
  EXPECT_DOUBLE_EQ(o.at("band_width").get<double>(), 12.0);
  EXPECT_DOUBLE_EQ(o.at("order").get<double>(), 3.0);
  EXPECT_TRUE(o.at("soft").get<bool>());
  EXPECT_FALSE(o.contains("ratio"));

  const npy::Array mask = npy::read(dir / "out/camera_mask.npy");
  EXPECT_EQ(mask.dtype, "<f4") << "a soft mask is written as its gains";
  ASSERT_EQ(mask.shape, (std::vector<std::int64_t>{512, 512}));
  const auto gain = mask.as<float>();
  EXPECT_FLOAT_EQ(gain[256 * 512 + 256], 0.0f) << "a band-pass stops the mean";
  EXPECT_FLOAT_EQ(gain[256 * 512 + 296], 1.0f) << "and passes its ring, 40 bins out";
  EXPECT_NEAR(gain[256 * 512 + 310], 1.0 / (1.0 + std::pow((54.0 * 54 - 1600) / (54.0 * 12), 6.0)), 1e-6);
  const std::int64_t half = std::count_if(gain.begin(), gain.end(), [](float g) { return g >= 0.5f; });
  EXPECT_EQ(o.at("kept_coefficients").get<std::int64_t>(), half);
  const Image maskPng = loadImage(dir / "out/camera_mask.png");
  EXPECT_NEAR(maskPng.pixels[256 * 512 + 310], gain[256 * 512 + 310], 0.5 / 255.0 + 1e-6) << "grey levels";

  const CliResult line = runFolk({"mask", samplePhoto("camera.png"), "--filter", "gaussian-highpass", "--radius", "10",
                                  "--out", dir / "line"});
  ASSERT_EQ(line.exitCode, 0) << line.err;
  EXPECT_NE(line.out.find("gaussian-highpass r=10.00: gain >= 0.5 on "), std::string::npos) << line.out;

  const CliResult badOrder = runFolk({"mask", samplePhoto("camera.png"), "--filter", "butterworth-lowpass", "--order",
                                      "0", "--out", dir / "bad"});
  EXPECT_NE(badOrder.exitCode, 0);
  EXPECT_NE(badOrder.err.find("--order"), std::string::npos) << badOrder.err;
}

TEST(FolkMask, AMaskWrittenByFolkMaskFiltersTheSameWhenGivenBack) {
  TempDir dir;
  const std::string photo = samplePhoto("camera.png");
  for (const char* filter : {"lowpass", "gaussian-lowpass"}) {
    SCOPED_TRACE(filter);
    const std::string first = dir / (std::string(filter) + "-first"), again = dir / (std::string(filter) + "-again");
    ASSERT_EQ(runFolk({"mask", photo, "--filter", filter, "--radius", "30", "--out", first}).exitCode, 0);
    // The .npy holds the exact gains; the PNG holds a 0/1 mask exactly and a soft one to 8 bits.
    for (const char* file : {"camera_mask.npy", "camera_mask.png"}) {
      SCOPED_TRACE(file);
      const CliResult r = runFolk({"mask", photo, "--mask-file", first + "/" + file, "--out", again, "--json"});
      ASSERT_EQ(r.exitCode, 0) << r.err;
      EXPECT_EQ(r.err, "") << "the mask folk wrote is symmetric: no note";
      const auto objects = parseJsonLines(r.out);
      ASSERT_EQ(objects.size(), 1u);
      EXPECT_EQ(objects[0].at("mask_file"), first + "/" + file);
      EXPECT_FALSE(objects[0].contains("filter"));
      const auto a = npy::read(first + "/camera_filtered.npy").as<float>();
      const auto b = npy::read(again + "/camera_filtered.npy").as<float>();
      ASSERT_EQ(a.size(), b.size());
      double worst = 0.0;
      for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, double(std::abs(a[i] - b[i])));
      const bool exact = std::string(file).find(".npy") != std::string::npos || std::string(filter) == "lowpass";
      EXPECT_LE(worst, exact ? 1e-5 : 5e-3) << "largest difference of the filtered samples";
    }
  }
}

TEST(FolkMask, BadMaskFilesAreRefusedWithTheReasonAndNothingIsWritten) {
  TempDir dir;
  const std::string photo = samplePhoto("camera.png");  // 512×512
  // Another size: refused for each image, naming both sizes.
  const CliResult wrongSize = runFolk({"mask", photo, "--mask-file", samplePhoto("coffee.png"), "--out", dir / "a"});
  EXPECT_EQ(wrongSize.exitCode, 2) << wrongSize.err;  // coffee.png has colour: refused before any image
  EXPECT_NE(wrongSize.err.find("greyscale"), std::string::npos) << wrongSize.err;

  std::vector<float> small(64 * 48, 1.0f);
  npy::writeFloat32(dir / "small.npy", {48, 64}, small.data());
  const CliResult mismatch = runFolk({"mask", photo, "--mask-file", dir / "small.npy", "--out", dir / "b"});
  EXPECT_EQ(mismatch.exitCode, 1);
  EXPECT_NE(mismatch.err.find("the image is 512x512 but the mask " + (dir / "small.npy") + " is 64x48"),
            std::string::npos)
      << mismatch.err;
  EXPECT_FALSE(fs::exists(dir / "b/camera_filtered.png"));

  small[5] = 2.0f;
  npy::writeFloat32(dir / "bad.npy", {48, 64}, small.data());
  const CliResult outOfRange = runFolk({"mask", photo, "--mask-file", dir / "bad.npy", "--out", dir / "c"});
  EXPECT_EQ(outOfRange.exitCode, 2);
  EXPECT_NE(outOfRange.err.find("row 0, column 5"), std::string::npos) << outOfRange.err;

  const CliResult both = runFolk({"mask", photo, "--mask-file", dir / "small.npy", "--filter", "com", "--out", dir / "d"});
  EXPECT_NE(both.exitCode, 0);
  EXPECT_NE(both.err.find("excludes"), std::string::npos) << both.err;
}

TEST(FolkMask, AnAsymmetricMaskIsAveragedWithItsPartnersAndSaysSo) {
  TempDir dir;
  std::vector<std::uint8_t> half(512 * 512, 0);
  for (int i = 0; i < 512; ++i)
    for (int j = 256; j < 512; ++j) half[std::size_t(i) * 512 + j] = 1;  // the right half only
  npy::writeUint8(dir / "right.npy", {512, 512}, half.data());
  const CliResult r = runFolk({"mask", samplePhoto("camera.png"), "--mask-file", dir / "right.npy", "--out", dir / "o"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("is not symmetric"), std::string::npos) << r.err;
  const auto gain = npy::read(dir / "o/camera_mask.npy").as<float>();
  EXPECT_FLOAT_EQ(gain[100 * 512 + 400], 0.5f);
  EXPECT_FLOAT_EQ(gain[100 * 512 + 100], 0.5f);
  EXPECT_FLOAT_EQ(gain[256 * 512 + 256], 1.0f) << "the centre is its own partner";
}

TEST(FolkMask, RelativeModeKeepsFewerCoefficientsAsRhoGrows) {
  TempDir dir;
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (const char* rho : {"0.001", "0.01", "0.1"}) {
    const CliResult r = runFolk({"mask", samplePhoto("camera.png"), "--ratio", rho, "--threshold-mode", "relative",
                                 "--out", dir.path().string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto o = parseJsonLines(r.out).at(0);
    EXPECT_EQ(o.at("threshold_mode"), "relative");
    const std::int64_t kept = o.at("kept_coefficients");
    EXPECT_LT(kept, previous) << "rho " << rho;
    previous = kept;
  }
}

TEST(FolkMask, BadInputsAreNamedWhileGoodInputsAreStillWritten) {
  TempDir dir;
  const std::string textAsPng = dir / "notes.png";
  { std::ofstream(textAsPng) << "these are meeting notes, not an image\n"; }
  const std::string missing = dir / "no_such_photo.jpg";
  const std::string out = dir / "out";
  const CliResult r = runFolk({"mask", textAsPng, samplePhoto("astronaut.png"), missing, "--out", out});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find(textAsPng), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  for (const char* suffix : {"_mask.png", "_spectrum.png", "_filtered.png", "_mask.npy", "_filtered.npy"})
    EXPECT_TRUE(fs::exists(out + "/astronaut" + suffix)) << suffix;
  EXPECT_FALSE(fs::exists(out + "/notes_mask.npy"));
  EXPECT_EQ(lines(r.out).size(), 1u) << r.out;
}

// libpng warned "iCCP: known incorrect sRGB profile" on stderr for astronaut and chelsea (OpenCV
// gives it no warning handler), and libpng and OpenCV reported failed decodes there too. Now stderr
// carries only folk's own lines.
TEST(FolkMask, DecodersPrintNothingOnStderr) {
  TempDir dir;
  std::vector<std::string> args = {"mask"};
  for (const char* photo : {"astronaut.png", "camera.png", "coffee.png", "chelsea.png", "rocket.jpg", "moon.png",
                            "hubble_deep_field.jpg"})
    args.push_back(samplePhoto(photo));
  args.insert(args.end(), {"--ratio", "0.05", "--out", dir / "out"});
  const CliResult r = runFolk(args);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(lines(r.out).size(), 7u) << r.out;

  const std::string truncated = std::string(FOLK_TEST_DATA_DIR) + "/hostile/truncated.png";
  const CliResult bad = runFolk({"mask", truncated, "--out", dir / "out"});
  EXPECT_NE(bad.exitCode, 0);
  EXPECT_NE(bad.err.find(truncated + ": truncated PNG"), std::string::npos) << bad.err;
  for (const std::string& line : lines(bad.err)) EXPECT_EQ(line.rfind("folk mask: ", 0), 0u) << line;
  EXPECT_NE(bad.err.find("folk mask: the input could not be read; nothing was written"), std::string::npos) << bad.err;

  // libjpeg printed "Corrupt JPEG data: ..." itself and the picture decoded partly grey.
  const std::string damaged = std::string(FOLK_TEST_DATA_DIR) + "/jpeg/damaged_scan.jpg";
  // libpng printed "libpng error: IDAT: ..." itself for a PNG written corrupt.
  const std::string corruptPng = std::string(FOLK_TEST_DATA_DIR) + "/hostile/idat_corrupt_crc_right.png";
  const CliResult corrupt = runFolk({"mask", damaged, truncated, corruptPng, "--out", dir / "out"});
  EXPECT_NE(corrupt.exitCode, 0);
  EXPECT_EQ(lines(corrupt.err).size(), 4u) << corrupt.err;
  for (const std::string& line : lines(corrupt.err)) EXPECT_EQ(line.rfind("folk mask: ", 0), 0u) << line;
  EXPECT_NE(corrupt.err.find(damaged + ": damaged JPEG data (libjpeg: \"Corrupt JPEG data"), std::string::npos)
      << corrupt.err;
  EXPECT_NE(corrupt.err.find(corruptPng + ": not a readable image: the PNG decoder found it corrupt (libpng: \""),
            std::string::npos)
      << corrupt.err;
  EXPECT_NE(corrupt.err.find("none of the 3 inputs could be read"), std::string::npos) << corrupt.err;

  // OpenCV's TIFF reader printed "imdecode_(''): can't read data: ..." for a cut TIFF and returned
  // black or garbled rows, silently, for damaged deflate or LZW data.
  std::vector<std::string> tiffArgs = {"mask"};
  for (const char* file : {"truncated.tiff", "damaged_deflate.tiff", "damaged_lzw.tiff"})
    tiffArgs.push_back(std::string(FOLK_TEST_DATA_DIR) + "/hostile/" + file);
  tiffArgs.insert(tiffArgs.end(), {"--out", dir / "out"});
  const CliResult tiffs = runFolk(tiffArgs);
  EXPECT_NE(tiffs.exitCode, 0);
  EXPECT_EQ(lines(tiffs.err).size(), 4u) << tiffs.err;
  for (const std::string& line : lines(tiffs.err)) EXPECT_EQ(line.rfind("folk mask: ", 0), 0u) << line;
  EXPECT_NE(tiffs.err.find("damaged_deflate.tiff: damaged TIFF data: strip 0 of 1 (libtiff: \"ZIPDecode"),
            std::string::npos)
      << tiffs.err;
}

TEST(FolkMask, FailedInputsAppearInTheJsonStream) {
  TempDir dir;
  const std::string missing = dir / "gone.png";
  const CliResult r = runFolk({"mask", missing, samplePhoto("moon.png"), "--out", dir / "out", "--json"});
  EXPECT_NE(r.exitCode, 0);
  const auto objects = parseJsonLines(r.out);
  ASSERT_EQ(objects.size(), 2u) << r.out;
  EXPECT_EQ(objects[0].at("input"), missing);
  EXPECT_FALSE(objects[0].at("ok").get<bool>());
  EXPECT_FALSE(objects[0].at("error").get<std::string>().empty());
  EXPECT_TRUE(objects[1].at("ok").get<bool>());
}

TEST(FolkMask, InputsWhoseOutputsWouldCollideAreRefused) {
  TempDir dir;
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::copy_file(samplePhoto("camera.png"), dir / "a/photo.png");
  fs::copy_file(samplePhoto("moon.png"), dir / "b/photo.png");
  const CliResult r = runFolk({"mask", dir / "a/photo.png", dir / "b/photo.png", "--out", dir / "out"});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find(dir / "b/photo.png"), std::string::npos) << r.err;
  // The first one was written and not overwritten by the second (camera and moon differ).
  const npy::Array filtered = npy::read(dir / "out/photo_filtered.npy");
  const Image camera = loadImage(samplePhoto("camera.png"));
  EXPECT_EQ(filtered.shape, (std::vector<std::int64_t>{1, camera.height, camera.width}));
}

// Measured FFTW plans are kept in FOLK_FFTW_WISDOM for the next run (which then plans instantly;
// not timed here), the next run's outputs are the same, and a folder that cannot be written costs
// nothing but the wisdom.
TEST(FolkMask, KeepsMeasuredFftwPlansForTheNextRun) {
  TempDir dir;
  const std::string wisdom = dir / "wisdom";
  const std::vector<std::string> env = {"FOLK_FFTW_WISDOM=" + wisdom};
  const std::vector<std::string> first = {"mask", samplePhoto("camera.png"), "--filter", "com", "--ratio", "0.1",
                                          "--out", dir / "first"};
  const CliResult r1 = ChildProcess(FOLK_CLI_PATH, first, env).wait();
  ASSERT_EQ(r1.exitCode, 0) << r1.err;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(wisdom)) {
    std::ifstream in(entry.path());
    std::string start(8, '\0');
    in.read(start.data(), 8);
    EXPECT_EQ(start, "(fftw-3.") << entry.path();
    ++files;
  }
  EXPECT_EQ(files, 2);  // double (luma) and single (channels) precision

  std::vector<std::string> second = first;
  second.back() = dir / "second";
  const CliResult r2 = ChildProcess(FOLK_CLI_PATH, second, env).wait();
  ASSERT_EQ(r2.exitCode, 0) << r2.err;
  EXPECT_EQ(npy::read(dir / "first/camera_mask.npy").as<std::uint8_t>(),
            npy::read(dir / "second/camera_mask.npy").as<std::uint8_t>());

  std::ofstream(dir / "a-file") << "x";
  std::vector<std::string> third = first;
  third.back() = dir / "third";
  const CliResult r3 = ChildProcess(FOLK_CLI_PATH, third, {"FOLK_FFTW_WISDOM=" + dir / "a-file/below"}).wait();
  EXPECT_EQ(r3.exitCode, 0) << r3.err;
  EXPECT_TRUE(fs::exists(dir / "third/camera_mask.npy"));
}

}  // namespace
}  // namespace folk::cli::test
