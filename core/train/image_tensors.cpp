#include "core/train/image_tensors.h"

#include <algorithm>

namespace folk {
namespace {

std::pair<torch::Tensor, torch::Tensor> meanAndStd(const ViewNormalization& n, const torch::Device& device) {
  const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(device);
  return {torch::tensor(std::vector<float>(n.mean.begin(), n.mean.end()), opts).view({1, -1, 1, 1}),
          torch::tensor(std::vector<float>(n.std.begin(), n.std.end()), opts).view({1, -1, 1, 1})};
}

}  // namespace

Image toImage(const torch::Tensor& chw) {
  const auto t = chw.detach().to(torch::kCPU, torch::kFloat32).clamp(0.0, 1.0).contiguous();
  Image image(static_cast<int>(t.size(0)), static_cast<int>(t.size(1)), static_cast<int>(t.size(2)));
  std::copy(t.data_ptr<float>(), t.data_ptr<float>() + t.numel(), image.pixels.begin());
  return image;
}

torch::Tensor fromImage(const Image& image) {
  return torch::from_blob(const_cast<float*>(image.pixels.data()), {image.channels, image.height, image.width},
                          torch::kFloat32)
      .clone();
}

torch::Tensor denormalize(const torch::Tensor& x, const ViewNormalization& n) {
  const auto [mean, std] = meanAndStd(n, x.device());
  return x * std + mean;
}

torch::Tensor normalize(const torch::Tensor& x, const ViewNormalization& n) {
  const auto [mean, std] = meanAndStd(n, x.device());
  return (x - mean) / std;
}

}  // namespace folk
