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

// Analyses one image under many specs: the luma spectrum, its ranking keys, the log spectrum and the
// radial profile are computed once, so moving the rho slider only re-thresholds and re-filters.
// Not thread-safe for concurrent analyse() calls on one instance; create one per thread or lock.
class MaskAnalyser {
 public:
  explicit MaskAnalyser(Image image);  // throws std::invalid_argument for an empty image
  MaskAnalysis analyse(const MaskSpec& spec) const;  // throws std::invalid_argument for a bad spec

  const Image& image() const { return image_; }
  const LumaSpectrum& spectrum() const { return spectrum_; }
  const std::vector<float>& logSpectrum() const { return logSpectrum_; }
  const RadialProfile& profile() const { return profile_; }

 private:
  Image image_;
  LumaSpectrum spectrum_;
  std::vector<std::int64_t> keys_;
  ChannelSpectra channelSpectra_;
  std::vector<float> logSpectrum_;
  RadialProfile profile_;
};

// One image under one spec (`folk mask`): the same numbers as MaskAnalyser, computed with the fused
// pipeline of mask_pipeline.h.
MaskAnalysis analyseMask(const Image& image, const MaskSpec& spec);

RadialProfile radialPowerProfile(const LumaSpectrum& spectrum);

}  // namespace folk
