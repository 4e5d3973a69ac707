// The filter-kind traits table: names round-trip, and each row's traits describe what the masks of
// that kind actually do (a disc ignores the image, a complement keeps what its partner drops).
#include <gtest/gtest.h>

#include <set>

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
  EXPECT_EQ(names.size(), 4u);
  EXPECT_FALSE(folk::parseFilterKind("Com").has_value());
  EXPECT_FALSE(folk::parseFilterKind("").has_value());
  EXPECT_EQ(folk::filterKindNames(), "com, rcom, lowpass or highpass");
  EXPECT_EQ(folk::filterKindNames("|", "|"), "com|rcom|lowpass|highpass");
}

TEST(FilterKinds, TheTraitsOfEachKindDescribeItsMasks) {
  const folk::LumaSpectrum a = folk::computeLumaSpectrum(folk::testing::randomImage(1, 20, 24, 1));
  const folk::LumaSpectrum b = folk::computeLumaSpectrum(folk::testing::checkerboard(1, 20, 24, 3));
  for (const folk::FilterKindTraits& traits : folk::filterKinds()) {
    SCOPED_TRACE(traits.name);
    const folk::MaskSpec spec{traits.kind, 0.1, 4.0, folk::ThresholdMode::Top};
    const folk::Mask onA = folk::computeMask(spec, a);
    // A disc is the same for every image; the strongest coefficients are not.
    EXPECT_EQ(onA.keep == folk::computeMask(spec, b).keep, traits.selection == FilterSelection::Disc);
    EXPECT_EQ(folk::usesRatio(traits.kind), traits.selection == FilterSelection::Strongest);
    EXPECT_EQ(folk::isDisc(traits.kind), traits.selection == FilterSelection::Disc);
    // The row with the same selection and the other complement flag keeps exactly the rest.
    for (const folk::FilterKindTraits& partner : folk::filterKinds()) {
      if (partner.selection != traits.selection || partner.complement == traits.complement) continue;
      const folk::Mask other = folk::computeMask({partner.kind, 0.1, 4.0, folk::ThresholdMode::Top}, a);
      ASSERT_EQ(other.keep.size(), onA.keep.size());
      for (std::size_t i = 0; i < onA.keep.size(); ++i) ASSERT_EQ(onA.keep[i] + other.keep[i], 1) << "at " << i;
    }
    // A ratio outside (0, 1] matters only to the kinds that use one.
    EXPECT_EQ(folk::validateMaskSpec({traits.kind, 1.5, 4.0, folk::ThresholdMode::Top}).empty(), !folk::usesRatio(traits.kind));
  }
  // Com keeps the strongest: fewer than half of the coefficients at rho = 0.1.
  const folk::Mask com = folk::computeMask({FilterKind::Com, 0.1, -1, folk::ThresholdMode::Top}, a);
  EXPECT_LT(com.keptCount(), std::int64_t(com.keep.size() / 2));
  EXPECT_FALSE(folk::keepsComplement(FilterKind::Com));
  EXPECT_TRUE(folk::keepsComplement(FilterKind::RCom));
}

}  // namespace
