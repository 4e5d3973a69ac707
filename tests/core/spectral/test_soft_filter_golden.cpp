// The soft-edged filters and masks given as weights against golden data computed independently with
// NumPy (tests/data/make_soft_filter_golden.py): Gaussian and Butterworth low-, high-, band-pass and
// band-stop transfer functions at default and explicit radii, orders and band widths; the filtered
// images, the retained energy and the coefficients at gain >= 0.5; a mask that is not symmetric,
// averaged with its conjugate partners. Gains within 1e-6, filtered samples within 1e-4.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
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

const std::string kGoldenDir = std::string(FOLK_TEST_DATA_DIR) + "/golden/soft_filters";

const nlohmann::json& manifest() {
  static const nlohmann::json m = [] {
    std::ifstream in(kGoldenDir + "/manifest.json");
    if (!in) throw std::runtime_error(kGoldenDir + "/manifest.json is missing: run tests/data/make_soft_filter_golden.py");
    return nlohmann::json::parse(in);
  }();
  return m;
}

npy::Array readGolden(const std::string& caseName, const std::string& what) {
  return npy::read(kGoldenDir + "/" + caseName + "_" + what + ".npy");
}

const nlohmann::json& caseEntry(const std::string& name) {
  for (const auto& c : manifest().at("cases"))
    if (c.at("name") == name) return c;
  throw std::runtime_error("golden case " + name + " is not in the manifest");
}

Image inputImage(const std::string& caseName) {
  const npy::Array a = readGolden(caseName, "input");
  Image image(int(a.shape.at(0)), int(a.shape.at(1)), int(a.shape.at(2)));
  image.pixels = a.as<float>();
  return image;
}

MaskSpec specFromJson(const nlohmann::json& j) {
  MaskSpec spec;
  spec.kind = parseFilterKind(j.at("filter").get<std::string>()).value();
  spec.radius = j.at("radius").get<double>();
  spec.order = j.at("order").get<double>();
  spec.bandWidth = j.at("band_width").get<double>();
  return spec;
}

double largestDifference(const std::vector<float>& a, const std::vector<float>& b, std::size_t offset) {
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, double(std::abs(a[i] - b[offset + i])));
  return worst;
}

class SoftFilterGolden : public ::testing::TestWithParam<std::string> {};

TEST(SoftFilterGoldenManifest, CoversEverySoftKind) {
  std::set<std::string> names;
  for (const auto& spec : manifest().at("specs")) names.insert(spec.at("filter").get<std::string>());
  std::size_t softKinds = 0;
  for (const FilterKindTraits& traits : filterKinds()) {
    if (!isSoft(traits.kind)) continue;
    ++softKinds;
    EXPECT_TRUE(names.count(traits.name)) << traits.name << " has no golden case";
  }
  EXPECT_EQ(softKinds, 8u);
  EXPECT_EQ(manifest().at("cases").size(), 2u);
}

TEST_P(SoftFilterGolden, TransferFunctionsFilteredImagesAndEnergyMatch) {
  const Image image = inputImage(GetParam());
  const LumaSpectrum spectrum = computeLumaSpectrum(image);
  const auto& specs = manifest().at("specs");
  const auto& results = caseEntry(GetParam()).at("results");
  const std::vector<float> gains = readGolden(GetParam(), "gains").as<float>();
  const std::vector<float> filtered = readGolden(GetParam(), "filtered").as<float>();
  const std::size_t n = image.planeSize();
  ASSERT_EQ(gains.size(), specs.size() * n);
  for (std::size_t s = 0; s < specs.size(); ++s) {
    const MaskSpec spec = specFromJson(specs[s]);
    SCOPED_TRACE(specs[s].dump());
    const Mask mask = computeMask(spec, spectrum);
    ASSERT_TRUE(mask.soft());
    EXPECT_LE(largestDifference(mask.gain, gains, s * n), 1e-6) << "largest gain difference from NumPy";
    EXPECT_EQ(mask.keptCount(), results[s].at("kept").get<std::int64_t>());

    const MaskAnalysis a = analyseMask(image, spec);
    EXPECT_LE(largestDifference(a.filtered.pixels, filtered, s * image.pixels.size()), 1e-4)
        << "largest filtered-sample difference from NumPy";
    const double energy = results[s].at("retained_energy").get<double>();
    EXPECT_NEAR(a.retainedEnergy, energy, 1e-4 * std::max(energy, 1e-2));
    EXPECT_EQ(a.keptCoefficients, results[s].at("kept").get<std::int64_t>());
    EXPECT_GT(a.spec.radius, 0.0) << "the analysis reports the radius it used";
    if (usesBandWidth(spec.kind)) EXPECT_GT(a.spec.bandWidth, 0.0);
  }
}

TEST_P(SoftFilterGolden, AGivenMaskIsAveragedWithItsPartnersAndFilteredLikeNumPy) {
  const Image image = inputImage(GetParam());
  const std::vector<float> weights = readGolden(GetParam(), "given_weights").as<float>();
  const std::vector<double> expectedGain = readGolden(GetParam(), "given_gain").as<double>();
  bool averaged = false;
  const Mask mask = maskFromWeights(image.height, image.width, weights, &averaged);
  EXPECT_TRUE(averaged);
  ASSERT_TRUE(mask.soft());
  double worst = 0.0;
  for (std::size_t i = 0; i < expectedGain.size(); ++i) worst = std::max(worst, std::abs(mask.gain[i] - expectedGain[i]));
  EXPECT_LE(worst, 1e-6);

  const MaskAnalysis a = analyseMask(image, mask);
  EXPECT_EQ(a.source, MaskSource::Given);
  EXPECT_LE(largestDifference(a.filtered.pixels, readGolden(GetParam(), "given_filtered").as<float>(), 0), 1e-4);
  const double energy = caseEntry(GetParam()).at("given_retained_energy").get<double>();
  EXPECT_NEAR(a.retainedEnergy, energy, 1e-4 * energy);
}

INSTANTIATE_TEST_SUITE_P(NumPy, SoftFilterGolden, ::testing::Values("astronaut_32x40", "camera_grey_33x21"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace folk
