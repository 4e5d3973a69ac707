#include "core/method/views.h"

#include <stdexcept>

namespace folk {

ViewNormalization defaultNormalization(int channels) {
  if (channels == 3) return {{0.485, 0.456, 0.406}, {0.229, 0.224, 0.225}};
  return {std::vector<double>(channels, 0.5), std::vector<double>(channels, 0.5)};
}

torch::Tensor normalizeImages(const torch::Tensor& images01, const ViewNormalization& normalization) {
  const auto channels = images01.size(1);
  const auto n = normalization.mean.empty() ? defaultNormalization(static_cast<int>(channels)) : normalization;
  if (static_cast<int64_t>(n.mean.size()) != channels || static_cast<int64_t>(n.std.size()) != channels) {
    throw std::invalid_argument("normalisation has " + std::to_string(n.mean.size()) + " means and " +
                                std::to_string(n.std.size()) + " stds for images with " +
                                std::to_string(channels) + " channels");
  }
  for (double s : n.std) {
    if (!(s > 0.0)) throw std::invalid_argument("normalisation std must be positive (got " + std::to_string(s) + ")");
  }
  auto options = torch::TensorOptions().dtype(images01.scalar_type()).device(images01.device());
  auto mean = torch::tensor(n.mean, torch::kFloat64).to(options).view({1, channels, 1, 1});
  auto std = torch::tensor(n.std, torch::kFloat64).to(options).view({1, channels, 1, 1});
  return (images01 - mean) / std;
}

PreparedViews prepareViews(const torch::Tensor& views01, ViewFilter filter, const ViewFilterSettings& settings,
                           const ViewNormalization& normalization, at::Generator& generator, const DrawRows& draw) {
  PreparedViews out;
  out.teacherInput = normalizeImages(views01, normalization);
  switch (filter) {
    case ViewFilter::None:
      out.studentInput = out.teacherInput;
      return out;
    case ViewFilter::ComRCom: {
      auto result = sampleFolkMasks(views01, settings.sampling, generator, draw);
      out.masks = result.masks;
      out.studentInput = normalizeImages(result.filtered, normalization);
      return out;
    }
    case ViewFilter::LowHighPass: {
      torch::NoGradGuard noGrad;
      MaskSpec lowPass;
      lowPass.kind = FilterKind::LowPass;
      lowPass.radius = settings.radius;
      auto low = batchedMasks(views01, lowPass);  // (N, H, W), identical for every image
      // Drawn on the CPU from the caller's generator so that the choice does not depend on the device.
      auto highPass = draw.select(views01.size(0), [&](std::int64_t n) {
                        return torch::rand({n}, generator, torch::kFloat64);
                      }) >= settings.pLowPass;
      auto masks = torch::where(highPass.to(low.device()).view({-1, 1, 1}), 1 - low, low);
      out.masks = masks;
      out.studentInput = normalizeImages(batchedApplyMasks(views01, masks), normalization);
      return out;
    }
  }
  throw std::logic_error("prepareViews: unknown view filter");
}

}  // namespace folk
