// The C++ spectral core against golden data computed independently with NumPy
// (tests/data/make_spectral_golden.py): luma, centred |F|, Com/RCom (top and relative), LowPass /
// HighPass masks, filtered images, retained energy and PSNR on a real photo crop, a real
// greyscale photo at an odd size and small awkward inputs (7×5, 1×1, constant, impulse, black).
// Masks must match exactly; floats within 1e-4; magnitudes relative to max|F|.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/data/image.h"
#include "core/spectral/mask.h"
#include "core/spectral/mask_analysis.h"
#include "core/spectral/spectral_filter.h"
#include "core/spectral/spectrum.h"
#include "core/util/npy.h"

namespace folk {
namespace {

const std::string kGoldenDir = std::string(FOLK_TEST_DATA_DIR) + "/golden/spectral";

const nlohmann::json& manifest() {
  static const nlohmann::json m = [] {
    std::ifstream in(kGoldenDir + "/manifest.json");
    if (!in) throw std::runtime_error(kGoldenDir + "/manifest.json is missing: run tests/data/make_spectral_golden.py");
    return nlohmann::json::parse(in);
  }();
  return m;
}

npy::Array readGolden(const std::string& caseName, const std::string& what) {
  return npy::read(kGoldenDir + "/" + caseName + "_" + what + ".npy");
}

Image inputImage(const std::string& caseName) {
  const npy::Array a = readGolden(caseName, "input");
  EXPECT_EQ(a.dtype, "<f4");
  EXPECT_EQ(a.shape.size(), 3u);
  Image image(int(a.shape[0]), int(a.shape[1]), int(a.shape[2]));
  image.pixels = a.as<float>();
  return image;
}

MaskSpec specFromJson(const nlohmann::json& j) {
  MaskSpec spec;
  spec.kind = parseFilterKind(j.at("filter").get<std::string>()).value();
  spec.mode = parseThresholdMode(j.at("mode").get<std::string>()).value();
  spec.ratio = j.at("ratio").get<double>();
  spec.radius = j.at("radius").get<double>();
  return spec;
}

std::string describe(const MaskSpec& spec) {
  return filterKindName(spec.kind) + " ratio=" + std::to_string(spec.ratio) + " mode=" +
         thresholdModeName(spec.mode) + " radius=" + std::to_string(spec.radius);
}

const nlohmann::json& caseEntry(const std::string& name) {
  for (const auto& c : manifest().at("cases"))
    if (c.at("name") == name) return c;
  throw std::runtime_error("golden case " + name + " is not in the manifest");
}

// PSNR above this is float32 rounding noise: its exact value depends on the FFT implementation.
constexpr double kNoisePsnrDb = 90.0;

class SpectralGolden : public ::testing::TestWithParam<std::string> {};

TEST(SpectralGoldenManifest, ListsTheExpectedCasesAndKeyBits) {
  EXPECT_EQ(manifest().at("key_bits").get<int>(), kMagnitudeKeyBits);
  EXPECT_EQ(manifest().at("cases").size(), 7u);
  EXPECT_GE(manifest().at("specs").size(), 18u);
}

TEST_P(SpectralGolden, LumaMatchesBitForBit) {
  const Image image = inputImage(GetParam());
  const npy::Array golden = readGolden(GetParam(), "luma");
  const std::vector<float> expected = golden.as<float>();
  const std::vector<float> actual = luma(image);
  ASSERT_EQ(actual.size(), expected.size());
  // Same float32 operations in the same order: the ranking of the spectrum depends on it.
  for (std::size_t i = 0; i < actual.size(); ++i) ASSERT_EQ(actual[i], expected[i]) << "pixel " << i;
}

// Every coefficient within `relative` of the golden's largest (or of 1 for a black image).
void expectMagnitudesNear(const std::vector<double>& actual, const std::vector<double>& expected, double relative) {
  ASSERT_EQ(actual.size(), expected.size());
  double maxMagnitude = 0.0;
  for (double m : expected) maxMagnitude = std::max(maxMagnitude, m);
  const double tolerance = relative * std::max(maxMagnitude, 1.0);
  for (std::size_t i = 0; i < expected.size(); ++i) ASSERT_NEAR(actual[i], expected[i], tolerance) << "coefficient " << i;
}

TEST_P(SpectralGolden, CentredMagnitudeMatches) {
  const Image image = inputImage(GetParam());
  const npy::Array golden = readGolden(GetParam(), "magnitude");
  ASSERT_EQ(golden.shape, (std::vector<std::int64_t>{image.height, image.width}));
  const LumaSpectrum spectrum = computeLumaSpectrum(image);
  ASSERT_EQ(spectrum.height, image.height);
  ASSERT_EQ(spectrum.width, image.width);
  expectMagnitudesNear(spectrum.magnitude, golden.as<double>(), 1e-9);
}

TEST_P(SpectralGolden, HannWindowedMagnitudeMatches) {
  const Image image = inputImage(GetParam());
  // The window's cosines come from two libraries: a windowed sample may differ in its last float bit.
  expectMagnitudesNear(computeHannLumaSpectrum(image).magnitude, readGolden(GetParam(), "hann_magnitude").as<double>(),
                       1e-6);
}

TEST_P(SpectralGolden, MasksMatchExactly) {
  const Image image = inputImage(GetParam());
  const npy::Array golden = readGolden(GetParam(), "masks");
  const auto& specs = manifest().at("specs");
  ASSERT_EQ(golden.shape, (std::vector<std::int64_t>{std::int64_t(specs.size()), image.height, image.width}));
  const std::vector<std::uint8_t> all = golden.as<std::uint8_t>();
  const LumaSpectrum spectrum = computeLumaSpectrum(image);
  const std::size_t n = image.planeSize();
  const auto& results = caseEntry(GetParam()).at("results");
  for (std::size_t s = 0; s < specs.size(); ++s) {
    const MaskSpec spec = specFromJson(specs[s]);
    SCOPED_TRACE(describe(spec));
    const Mask mask = computeMask(spec, spectrum);
    ASSERT_EQ(mask.height, image.height);
    ASSERT_EQ(mask.width, image.width);
    const std::vector<std::uint8_t> expected(all.begin() + std::ptrdiff_t(s * n), all.begin() + std::ptrdiff_t((s + 1) * n));
    std::size_t differing = 0;
    for (std::size_t i = 0; i < n; ++i) differing += mask.keep[i] != expected[i];
    EXPECT_EQ(differing, 0u) << "coefficients that differ from NumPy";
    EXPECT_EQ(mask.keptCount(), results[s].at("kept").get<std::int64_t>());
  }
}

TEST_P(SpectralGolden, FilteredImagesEnergyAndPsnrMatch) {
  const Image image = inputImage(GetParam());
  const npy::Array masks = readGolden(GetParam(), "masks");
  const npy::Array filtered = readGolden(GetParam(), "filtered");
  const auto& specs = manifest().at("specs");
  const auto& results = caseEntry(GetParam()).at("results");
  const std::vector<std::uint8_t> allMasks = masks.as<std::uint8_t>();
  const std::vector<float> allFiltered = filtered.as<float>();
  const std::size_t n = image.planeSize(), samples = image.pixels.size();
  for (std::size_t s = 0; s < specs.size(); ++s) {
    SCOPED_TRACE(describe(specFromJson(specs[s])));
    // Filter with NumPy's mask, so this checks the filter on its own even if a mask differed.
    Mask mask;
    mask.height = image.height;
    mask.width = image.width;
    mask.keep.assign(allMasks.begin() + std::ptrdiff_t(s * n), allMasks.begin() + std::ptrdiff_t((s + 1) * n));
    const FilterOutput out = applyMask(image, mask);
    ASSERT_EQ(out.filtered.channels, image.channels);
    ASSERT_EQ(out.filtered.pixels.size(), samples);
    double worst = 0.0;
    for (std::size_t i = 0; i < samples; ++i)
      worst = std::max(worst, double(std::abs(out.filtered.pixels[i] - allFiltered[s * samples + i])));
    EXPECT_LE(worst, 1e-4) << "largest difference from NumPy's filtered image";

    const double energy = results[s].at("retained_energy").get<double>();
    EXPECT_NEAR(out.retainedEnergy, energy, 1e-4 * std::max(energy, 1e-2));

    const double measured = psnr(image, out.filtered);
    const auto& expected = results[s].at("psnr_db");
    // null: NumPy's double round trip reproduced the float32 input exactly; float32 FFTs may
    // leave rounding noise, which is fine as long as it is noise.
    if (expected.is_null()) {
      EXPECT_TRUE(std::isinf(measured) || measured > kNoisePsnrDb) << measured;
    } else if (expected.get<double>() > kNoisePsnrDb) {
      EXPECT_GT(measured, kNoisePsnrDb);
    } else {
      EXPECT_NEAR(measured, expected.get<double>(), 1e-3);
    }
  }
}

// analyseMask is what `folk mask` and the Explore workspace report: the same numbers.
TEST_P(SpectralGolden, AnalyseMaskReportsTheGoldenNumbers) {
  const Image image = inputImage(GetParam());
  const auto& specs = manifest().at("specs");
  const auto& results = caseEntry(GetParam()).at("results");
  for (std::size_t s = 0; s < specs.size(); ++s) {
    const MaskSpec spec = specFromJson(specs[s]);
    SCOPED_TRACE(describe(spec));
    const MaskAnalysis a = analyseMask(image, spec);
    EXPECT_EQ(a.keptCoefficients, results[s].at("kept").get<std::int64_t>());
    EXPECT_EQ(a.totalCoefficients, std::int64_t(image.planeSize()));
    const double energy = results[s].at("retained_energy").get<double>();
    EXPECT_NEAR(a.retainedEnergy, energy, 1e-4 * std::max(energy, 1e-2));
    const auto& expected = results[s].at("psnr_db");
    if (expected.is_null())
      EXPECT_TRUE(std::isinf(a.psnrDb) || a.psnrDb > kNoisePsnrDb) << a.psnrDb;
    else if (expected.get<double>() <= kNoisePsnrDb)
      EXPECT_NEAR(a.psnrDb, expected.get<double>(), 1e-3);
  }
}

INSTANTIATE_TEST_SUITE_P(NumPy, SpectralGolden,
                         ::testing::Values("astronaut_48x64", "camera_grey_33x21", "random_7x5", "single_1x1",
                                           "constant_8x8", "impulse_16x16", "black_3x4"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace folk
