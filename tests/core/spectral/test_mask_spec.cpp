// The filter-kind traits table: names round-trip, and each row's traits describe what the masks of
// that kind actually do (a disc ignores the image, a complement keeps what its partner drops).
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <utility>

#include "core/spectral/mask.h"
#include "core/spectral/spectrum.h"
#include "tests/core/spectral/test_images.h"

namespace {

using folk::FilterKind;
using folk::FilterSelection;

TEST(FilterKinds, EveryKindHasOneRowWithAUniqueNameThatParsesBack) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < folk::kFilterKindCount; ++i) {
    const auto kind = FilterKind(i);
    const folk::FilterKindTraits& traits = folk::traitsOf(kind);
    EXPECT_EQ(traits.kind, kind);
    EXPECT_EQ(folk::parseFilterKind(traits.name), kind) << traits.name;
    EXPECT_TRUE(names.insert(traits.name).second) << traits.name << " is used twice";
    EXPECT_NE(std::string(traits.parameterLabel).find("%L1"), std::string::npos) << traits.name;
  }
  EXPECT_EQ(names.size(), 12u);
  EXPECT_FALSE(folk::parseFilterKind("Com").has_value());
  EXPECT_FALSE(folk::parseFilterKind("").has_value());
  EXPECT_EQ(folk::parseFilterKind("butterworth-bandstop"), FilterKind::ButterworthBandStop);
  const std::string names4 = folk::filterKindNames("|", "|");
  EXPECT_EQ(names4.rfind("com|rcom|lowpass|highpass|gaussian-lowpass|", 0), 0u) << names4;
  EXPECT_NE(folk::filterKindNames().find(", butterworth-bandpass or butterworth-bandstop"), std::string::npos);
}

TEST(FilterKinds, TheTraitsOfEachKindDescribeItsMasks) {
  const folk::LumaSpectrum a = folk::computeLumaSpectrum(folk::testing::randomImage(1, 20, 24, 1));
  const folk::LumaSpectrum b = folk::computeLumaSpectrum(folk::testing::checkerboard(1, 20, 24, 3));
  for (const folk::FilterKindTraits& traits : folk::filterKinds()) {
    SCOPED_TRACE(traits.name);
    const folk::MaskSpec spec{traits.kind, 0.1, 4.0, folk::ThresholdMode::Top};
    const folk::Mask onA = folk::computeMask(spec, a);
    // A disc or a transfer function is the same for every image; the strongest coefficients are not.
    const folk::Mask onB = folk::computeMask(spec, b);
    EXPECT_EQ(onA.keep == onB.keep && onA.gain == onB.gain, traits.selection != FilterSelection::Strongest);
    EXPECT_EQ(folk::usesRatio(traits.kind), traits.selection == FilterSelection::Strongest);
    EXPECT_EQ(folk::usesRadius(traits.kind), !folk::usesRatio(traits.kind));
    EXPECT_EQ(folk::usesOrder(traits.kind), traits.selection == FilterSelection::Butterworth);
    EXPECT_EQ(onA.soft(), folk::isSoft(traits.kind));
    for (std::size_t i = 0; i < onA.gain.size(); ++i) {
      ASSERT_TRUE(onA.gain[i] >= 0.0f && onA.gain[i] <= 1.0f) << "at " << i;
      ASSERT_EQ(onA.keep[i], onA.gain[i] >= 0.5f) << "at " << i;
    }
    // The row with the same selection and band and the other complement flag passes exactly the rest.
    int partners = 0;
    for (const folk::FilterKindTraits& partner : folk::filterKinds()) {
      if (partner.selection != traits.selection || partner.band != traits.band || partner.complement == traits.complement)
        continue;
      ++partners;
      const folk::Mask other = folk::computeMask({partner.kind, 0.1, 4.0, folk::ThresholdMode::Top}, a);
      ASSERT_EQ(other.keep.size(), onA.keep.size());
      for (std::size_t i = 0; i < onA.keep.size(); ++i) ASSERT_NEAR(onA.gainAt(i) + other.gainAt(i), 1.0f, 1e-6f) << "at " << i;
    }
    EXPECT_EQ(partners, 1);
    // A ratio outside (0, 1] matters only to the kinds that use one.
    EXPECT_EQ(folk::validateMaskSpec({traits.kind, 1.5, 4.0, folk::ThresholdMode::Top}).empty(), !folk::usesRatio(traits.kind));
  }
  // Com keeps the strongest: fewer than half of the coefficients at rho = 0.1.
  const folk::Mask com = folk::computeMask({FilterKind::Com, 0.1, -1, folk::ThresholdMode::Top}, a);
  EXPECT_LT(com.keptCount(), std::int64_t(com.keep.size() / 2));
  EXPECT_FALSE(folk::keepsComplement(FilterKind::Com));
  EXPECT_TRUE(folk::keepsComplement(FilterKind::RCom));
}

namespace soft {

using folk::FilterKind;
using folk::MaskSpec;

MaskSpec spec(FilterKind kind, double radius, double order = 2.0, double bandWidth = -1.0) {
  MaskSpec s;
  s.kind = kind;
  s.radius = radius;
  s.order = order;
  s.bandWidth = bandWidth;
  return s;
}

float gainAt(const folk::Mask& m, int row, int column) { return m.gain[std::size_t(row) * m.width + column]; }

TEST(SoftFilters, PassOneAtTheCentreHalfAtTheCutOffAndBandsPeakOnTheirRing) {
  const folk::LumaSpectrum s = folk::computeLumaSpectrum(folk::testing::randomImage(1, 32, 32, 3));
  // Butterworth is 1/2 at D = D0 for every order; Gaussian exp(-1/2) there.
  for (double order : {0.5, 1.0, 2.0, 9.0}) {
    const folk::Mask m = folk::computeMask(spec(FilterKind::ButterworthLowPass, 5.0, order), s);
    EXPECT_FLOAT_EQ(gainAt(m, 16, 16), 1.0f);
    EXPECT_FLOAT_EQ(gainAt(m, 16, 21), 0.5f) << "order " << order;
  }
  const folk::Mask g = folk::computeMask(spec(FilterKind::GaussianLowPass, 5.0), s);
  EXPECT_FLOAT_EQ(gainAt(g, 16, 21), float(std::exp(-0.5)));
  EXPECT_FLOAT_EQ(gainAt(folk::computeMask(spec(FilterKind::GaussianHighPass, 5.0), s), 16, 16), 0.0f);
  // A higher order is a sharper edge: closer to the ideal disc on both sides of the cut-off.
  const folk::Mask soft = folk::computeMask(spec(FilterKind::ButterworthLowPass, 5.0, 1.0), s);
  const folk::Mask sharp = folk::computeMask(spec(FilterKind::ButterworthLowPass, 5.0, 8.0), s);
  EXPECT_GT(gainAt(sharp, 16, 19), gainAt(soft, 16, 19));
  EXPECT_LT(gainAt(sharp, 16, 24), gainAt(soft, 16, 24));
  // Band-pass: nothing at the centre, everything on the ring D = C0, symmetric around it.
  for (FilterKind band : {FilterKind::GaussianBandPass, FilterKind::ButterworthBandPass}) {
    const folk::Mask m = folk::computeMask(spec(band, 8.0, 2.0, 3.0), s);
    EXPECT_FLOAT_EQ(gainAt(m, 16, 16), 0.0f);
    EXPECT_FLOAT_EQ(gainAt(m, 16, 24), 1.0f);
    EXPECT_FLOAT_EQ(gainAt(m, 8, 16), 1.0f);
    EXPECT_LT(gainAt(m, 16, 28), 0.5f);
    EXPECT_LT(gainAt(m, 16, 19), 0.5f);
  }
}

TEST(SoftFilters, DefaultsAreResolvedAndBadOrdersAndWidthsAreRefusedWithTheValue) {
  const MaskSpec resolved = folk::resolvedSpec(spec(FilterKind::GaussianBandPass, -1.0), 224, 448);
  EXPECT_DOUBLE_EQ(resolved.radius, 16.0);
  EXPECT_DOUBLE_EQ(resolved.bandWidth, 8.0);
  EXPECT_DOUBLE_EQ(folk::resolvedSpec(spec(FilterKind::GaussianBandPass, 1.0), 28, 28).bandWidth, 1.0);
  EXPECT_LT(folk::resolvedSpec(spec(FilterKind::GaussianLowPass, 3.0), 28, 28).bandWidth, 0.0)
      << "only band kinds resolve a width";

  EXPECT_NE(folk::validateMaskSpec(spec(FilterKind::ButterworthLowPass, 4.0, 0.0)).find("order"), std::string::npos);
  EXPECT_NE(folk::validateMaskSpec(spec(FilterKind::ButterworthLowPass, 4.0, 25.0)).find("25"), std::string::npos);
  EXPECT_TRUE(folk::validateMaskSpec(spec(FilterKind::GaussianLowPass, 4.0, 0.0)).empty()) << "Gaussians have no order";
  EXPECT_NE(folk::validateMaskSpec(spec(FilterKind::GaussianBandStop, 4.0, 2.0, std::nan(""))).find("band width"),
            std::string::npos);
  EXPECT_THROW(folk::computeMask(spec(FilterKind::ButterworthLowPass, 4.0, -1.0),
                                 folk::computeLumaSpectrum(folk::testing::randomImage(1, 8, 8, 1))),
               std::invalid_argument);
}

TEST(SoftFilters, EveryMaskIsSymmetricUnderTheConjugatePartnerAtOddAndEvenSizes) {
  for (auto [h, w] : {std::pair{9, 12}, std::pair{16, 7}, std::pair{1, 5}}) {
    const folk::LumaSpectrum s = folk::computeLumaSpectrum(folk::testing::randomImage(3, h, w, 5));
    for (const folk::FilterKindTraits& traits : folk::filterKinds()) {
      SCOPED_TRACE(std::string(traits.name) + " " + std::to_string(h) + "x" + std::to_string(w));
      const folk::Mask m = folk::computeMask(spec(traits.kind, 2.5, 3.0, 1.5), s);
      for (int i = 0; i < h; ++i)
        for (int j = 0; j < w; ++j)
          ASSERT_EQ(m.gainAt(std::size_t(i) * w + j),
                    m.gainAt(std::size_t(folk::partnerIndex(i, h)) * w + folk::partnerIndex(j, w)))
              << i << "," << j;
    }
  }
}

TEST(GivenMasks, ZeroOneWeightsGiveAZeroOneMaskAndBadWeightsAreRefusedWithTheirPlace) {
  std::vector<float> weights(4 * 6, 0.0f);
  weights[2 * 6 + 3] = 1.0f;  // the centre (DC): its own partner
  bool averaged = true;
  const folk::Mask m = folk::maskFromWeights(4, 6, weights, &averaged);
  EXPECT_FALSE(averaged);
  EXPECT_FALSE(m.soft());
  EXPECT_EQ(m.keptCount(), 1);

  weights[0] = 1.0f;  // row 0, column 0 is its own partner at even sizes (both Nyquist)
  weights[1 * 6 + 1] = 1.0f;  // partner: row 3, column 5
  const folk::Mask half = folk::maskFromWeights(4, 6, weights, &averaged);
  EXPECT_TRUE(averaged);
  ASSERT_TRUE(half.soft());
  EXPECT_FLOAT_EQ(half.gain[0], 1.0f);
  EXPECT_FLOAT_EQ(half.gain[1 * 6 + 1], 0.5f);
  EXPECT_FLOAT_EQ(half.gain[3 * 6 + 5], 0.5f);

  weights[2 * 6 + 4] = 1.5f;
  try {
    folk::maskFromWeights(4, 6, weights);
    FAIL() << "a weight of 1.5 was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("row 2, column 4"), std::string::npos) << e.what();
  }
  EXPECT_THROW(folk::maskFromWeights(4, 5, weights), std::invalid_argument);
}

TEST(MaskEdits, APaintedDiscBringsItsPartnerAndForcesTheMaskThere) {
  const folk::LumaSpectrum s = folk::computeLumaSpectrum(folk::testing::randomImage(1, 16, 20, 2));
  folk::MaskEdits edits(16, 20);
  EXPECT_TRUE(edits.empty());
  // Stop a disc of radius 1.5 around (4, 15): 9 coefficients, and their 9 partners around (12, 5).
  EXPECT_EQ(folk::paintDisc(edits, 4.0, 15.0, 1.5, folk::MaskEdit::Stop), 18);
  EXPECT_FALSE(edits.empty());
  EXPECT_EQ(folk::paintDisc(edits, 4.0, 15.0, 1.5, folk::MaskEdit::Stop), 0) << "painting again changes nothing";
  // A brush thinner than a bin still marks the bin under it.
  EXPECT_EQ(folk::paintDisc(edits, 5.2, 9.8, 0.1, folk::MaskEdit::Pass), 2);
  EXPECT_EQ(folk::paintDisc(edits, -9.0, 3.0, 2.0, folk::MaskEdit::Pass), 0) << "off the spectrum";

  for (FilterKind kind : {FilterKind::LowPass, FilterKind::GaussianLowPass}) {
    folk::Mask m = folk::computeMask(spec(kind, 100.0), s);  // passes (almost) everything
    folk::applyEdits(m, edits);
    EXPECT_EQ(m.soft(), kind == FilterKind::GaussianLowPass);
    EXPECT_EQ(m.gainAt(4 * 20 + 15), 0.0f);
    EXPECT_EQ(m.gainAt(12 * 20 + 5), 0.0f);
    EXPECT_EQ(m.gainAt(5 * 20 + 15), 0.0f);
    EXPECT_EQ(m.gainAt(11 * 20 + 5), 0.0f);
    EXPECT_EQ(m.gainAt(5 * 20 + 10), 1.0f);
    EXPECT_EQ(m.gainAt(11 * 20 + 10), 1.0f);
  }
  folk::Mask wrong = folk::computeMask(spec(FilterKind::LowPass, 3.0),
                                       folk::computeLumaSpectrum(folk::testing::randomImage(1, 8, 8, 2)));
  EXPECT_THROW(folk::applyEdits(wrong, edits), std::invalid_argument);
  // Erasing returns the coefficients to the filter.
  EXPECT_EQ(folk::paintDisc(edits, 4.0, 15.0, 1.5, folk::MaskEdit::None), 18);
  EXPECT_EQ(folk::paintDisc(edits, 5.0, 10.0, 0.1, folk::MaskEdit::None), 2);
  EXPECT_TRUE(edits.empty());
}

}  // namespace soft
}  // namespace
