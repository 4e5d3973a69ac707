#pragma once
// Turns a batch of augmented views in [0,1] into what the student and the teacher see.
//
// Choice (documented for the data and session code): the objective receives the views in [0,1],
// because masks are defined on [0,1] images (DESIGN.md §3: Com/RCom rank the luma spectrum and
// filtering clamps to [0,1]). It filters first, then normalises both the filtered and the unfiltered
// views with the same per-channel mean / std.
#include <ATen/core/Generator.h>
#include <torch/torch.h>

#include <vector>

#include "core/method/objective.h"
#include "core/spectral/batched_masks.h"

namespace folk {

struct ViewFilterSettings {
  FolkMaskSampling sampling;  // Com / RCom (folk, mfm-comrcom)
  double radius = -1.0;       // low / high-pass radius; <= 0: defaultRadius(H, W)
  double pLowPass = 0.5;      // probability of low-pass (else high-pass) per image, as in MFM
};

// Per-channel normalisation (x - mean) / std. Empty vectors: defaultNormalization(channels).
struct ViewNormalization {
  std::vector<double> mean;
  std::vector<double> std;
};

// ImageNet statistics for 3 channels, mean 0.5 / std 0.5 for 1 channel.
ViewNormalization defaultNormalization(int channels);

// Throws std::invalid_argument when the sizes do not match `channels` or a std is not positive.
torch::Tensor normalizeImages(const torch::Tensor& images01, const ViewNormalization& normalization);

struct PreparedViews {
  torch::Tensor teacherInput;  // (N, C, H, W) normalised unfiltered views (also the MFM target)
  torch::Tensor studentInput;  // (N, C, H, W) normalised filtered views (= teacherInput for ViewFilter::None)
  torch::Tensor masks;         // (N, H, W) uint8 centred masks, 1 = kept; undefined for ViewFilter::None
};

// views01: (N, C, H, W) float32 in [0,1] on any device; random choices are drawn from `generator`
// (a CPU generator), so a seeded generator reproduces the same masks on any device. `draw` says which
// rows of a larger (global, data-parallel) batch the views are, so every rank draws like one process.
PreparedViews prepareViews(const torch::Tensor& views01, ViewFilter filter, const ViewFilterSettings& settings,
                           const ViewNormalization& normalization, at::Generator& generator,
                           const DrawRows& draw = {});

}  // namespace folk
