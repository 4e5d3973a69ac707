#include "core/data/normalization.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/data/dataset.h"
#include "core/data/image_ops.h"

namespace folk {

Normalization Normalization::defaultsFor(int channels) {
  if (channels == 1) return {{0.449f}, {0.226f}};
  return {{0.485f, 0.456f, 0.406f}, {0.229f, 0.224f, 0.225f}};
}

Normalization Normalization::estimate(const ImageDataset& dataset, int channels, std::size_t samples) {
  const std::size_t n = dataset.size();
  const std::size_t count = std::min(samples, n);
  std::vector<double> sum(std::size_t(channels), 0.0), sumSq(std::size_t(channels), 0.0);
  double pixels = 0.0;
  for (std::size_t k = 0; k < count; ++k) {
    Image image;
    try {
      image = convertChannels(dataset.load(k * n / count), channels);
    } catch (const std::exception&) {
      continue;  // unreadable samples are reported by the loaders; statistics just skip them
    }
    for (int c = 0; c < channels; ++c) {
      const float* p = image.plane(c);
      for (std::size_t i = 0; i < image.planeSize(); ++i) sum[std::size_t(c)] += p[i], sumSq[std::size_t(c)] += double(p[i]) * p[i];
    }
    pixels += double(image.planeSize());
  }
  if (pixels == 0.0) throw DatasetError(dataset.summary() + ": no decodable sample to estimate normalisation from");
  Normalization norm;
  for (int c = 0; c < channels; ++c) {
    const double mean = sum[std::size_t(c)] / pixels;
    const double var = std::max(0.0, sumSq[std::size_t(c)] / pixels - mean * mean);
    norm.mean.push_back(float(mean));
    norm.std.push_back(float(std::max(std::sqrt(var), 1e-3)));  // a constant image must not divide by 0
  }
  return norm;
}

void Normalization::validate(int channels) const {
  if (int(mean.size()) != channels || int(std.size()) != channels)
    throw std::invalid_argument("normalisation needs " + std::to_string(channels) + " mean and std values, got " +
                                std::to_string(mean.size()) + " and " + std::to_string(std.size()));
  for (float s : std)
    if (!(s > 0.0f)) throw std::invalid_argument("normalisation std must be positive, got " + std::to_string(s));
}

std::string Normalization::text() const {
  std::string out = "mean (";
  for (std::size_t c = 0; c < mean.size(); ++c) out += (c ? ", " : "") + std::to_string(mean[c]);
  out += ") std (";
  for (std::size_t c = 0; c < std.size(); ++c) out += (c ? ", " : "") + std::to_string(std[c]);
  return out + ")";
}

void normalizeInPlace(float* planes, int channels, std::size_t planeSize, const Normalization& norm) {
  for (int c = 0; c < channels; ++c) {
    const float m = norm.mean[std::size_t(c)], inv = 1.0f / norm.std[std::size_t(c)];
    float* p = planes + std::size_t(c) * planeSize;
    for (std::size_t i = 0; i < planeSize; ++i) p[i] = (p[i] - m) * inv;
  }
}

namespace {
std::pair<torch::Tensor, torch::Tensor> statsFor(const torch::Tensor& images, const Normalization& norm) {
  TORCH_CHECK(images.dim() == 4, "normalizeBatch expects (B,C,H,W), got ", images.sizes());
  norm.validate(int(images.size(1)));
  const auto options = torch::TensorOptions().dtype(images.scalar_type()).device(images.device());
  const auto c = images.size(1);
  auto mean = torch::tensor(norm.mean).to(options).view({1, c, 1, 1});
  auto std = torch::tensor(norm.std).to(options).view({1, c, 1, 1});
  return {mean, std};
}
}  // namespace

torch::Tensor normalizeBatch(const torch::Tensor& images, const Normalization& norm) {
  auto [mean, std] = statsFor(images, norm);
  return (images - mean) / std;
}

torch::Tensor denormalizeBatch(const torch::Tensor& images, const Normalization& norm) {
  auto [mean, std] = statsFor(images, norm);
  return images * std + mean;
}

}  // namespace folk
