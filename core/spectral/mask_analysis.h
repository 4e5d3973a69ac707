#pragma once
// Everything the Explore workspace and `folk mask` show for one image and one mask spec, computed
// in one call so both frontends report the same numbers.
#include <cstdint>
#include <vector>

#include "core/data/image.h"
#include "core/spectral/mask.h"
#include "core/spectral/spectral_filter.h"

namespace folk {

struct RadialProfile {
  std::vector<double> radius;  // bin centres in frequency-index units (0, 1, 2, ...)
  std::vector<double> power;   // mean |F(y)|^2 over the coefficients in each integer-radius ring
};

struct MaskAnalysis {
  MaskSpec spec;                 // with the radius resolved when it was <= 0
  Mask mask;
  Image filtered;
  Image residual;                // clamp(original - filtered + 0.5, 0, 1): what the mask removed
  std::vector<float> logSpectrum;  // log(1 + |F(y)|), centred H×W
  std::int64_t keptCoefficients = 0;
  std::int64_t totalCoefficients = 0;
  double retainedEnergy = 0.0;   // fraction in [0,1]
  double psnrDb = 0.0;           // filtered vs original; +inf when identical
  double threshold = 0.0;        // Com/RCom: the magnitude tau at the cut (0 for disc filters)
  RadialProfile profile;
};

MaskAnalysis analyseMask(const Image& image, const MaskSpec& spec);

RadialProfile radialPowerProfile(const LumaSpectrum& spectrum);

}  // namespace folk
