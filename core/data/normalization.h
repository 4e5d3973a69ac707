#pragma once
// Per-channel normalisation (x - mean) / std. The loaders keep the [0,1] views as well because the
// FOLK masks are computed on [0,1] images (DESIGN.md §3); the filtered views are normalised after
// filtering by the method, with the same statistics (normalizeBatch).
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace folk {

class ImageDataset;

struct Normalization {
  std::vector<float> mean;
  std::vector<float> std;

  // ImageNet statistics for 3 channels (what pretrained-model conventions use); for 1 channel the
  // luma of those, 0.449 / 0.226. Prefer estimate() for a dataset far from natural photos.
  static Normalization defaultsFor(int channels);
  // Mean and standard deviation per channel over up to `samples` evenly spaced decoded samples
  // (converted to `channels`); samples that fail to decode are ignored.
  static Normalization estimate(const ImageDataset& dataset, int channels, std::size_t samples = 2000);

  // Throws std::invalid_argument unless there is one mean and one positive std per channel.
  void validate(int channels) const;
  std::string text() const;
};

// In place on C planes of `planeSize` floats.
void normalizeInPlace(float* planes, int channels, std::size_t planeSize, const Normalization& norm);

// (B,C,H,W) -> (B,C,H,W) on the tensor's device.
torch::Tensor normalizeBatch(const torch::Tensor& images, const Normalization& norm);
// The inverse, e.g. to show a reconstruction of a normalised target as an image.
torch::Tensor denormalizeBatch(const torch::Tensor& images, const Normalization& norm);

}  // namespace folk
