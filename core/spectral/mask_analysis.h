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

// Where an analysis's mask came from: the spec alone, the spec with hand-drawn regions on top, or
// given whole (a mask image); `spec` means nothing in the last case.
enum class MaskSource { Filter, EditedFilter, Given };

struct MaskAnalysis {
  MaskSpec spec;                 // with the radius and band width resolved (resolvedSpec)
  MaskSource source = MaskSource::Filter;
  Mask mask;
  Image filtered;
  Image residual;                // clamp(original - filtered + 0.5, 0, 1): what the mask removed
  std::vector<float> logSpectrum;  // log(1 + |F(y)|), centred H×W
  std::int64_t keptCoefficients = 0;  // a soft mask's coefficients with gain >= 0.5
  std::int64_t totalCoefficients = 0;
  double retainedEnergy = 0.0;   // fraction in [0,1]: sum |M F|^2 / sum |F|^2
  double psnrDb = 0.0;           // filtered vs original; +inf when identical
  double threshold = 0.0;        // Com/RCom from the spec alone: the magnitude tau at the cut, else 0
  RadialProfile profile;
};

// Analyses one image under many specs: the luma spectrum, its ranking keys, the log spectrum and the
// radial profile are computed once, so moving the rho slider only re-thresholds and re-filters.
// Not thread-safe for concurrent analyse() calls on one instance; create one per thread or lock.
class MaskAnalyser {
 public:
  explicit MaskAnalyser(Image image);  // throws std::invalid_argument for an empty image
  MaskAnalysis analyse(const MaskSpec& spec) const;  // throws std::invalid_argument for a bad spec
  // The spec's mask with hand-drawn regions on top (edits of the image's size, else
  // std::invalid_argument); the same as analyse(spec) when no coefficient is forced.
  MaskAnalysis analyse(const MaskSpec& spec, const MaskEdits& edits) const;
  // A mask given whole, of the image's size (else std::invalid_argument).
  MaskAnalysis analyse(const Mask& mask) const;

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
// One image under a mask given whole (`folk mask --mask-file`); throws std::invalid_argument when
// the sizes differ.
MaskAnalysis analyseMask(const Image& image, const Mask& mask);

RadialProfile radialPowerProfile(const LumaSpectrum& spectrum);

}  // namespace folk
