#include "core/spectral/batched_masks.h"

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

#include "core/spectral/mask.h"
#include "core/spectral/spectrum.h"

namespace folk {
namespace {

// Internally everything runs in the unshifted FFT layout (zero frequency at (0,0)): the filter
// needs that layout, so only the small uint8 masks and the returned keys are ever shifted.

std::string shapeText(const torch::Tensor& t) {
  std::string text = "(";
  for (int64_t d = 0; d < t.dim(); ++d) text += (d ? "," : "") + std::to_string(t.size(d));
  return text + ")";
}

void checkImages(const torch::Tensor& images, const char* function) {
  const std::string where = std::string(function) + ": ";
  if (!images.defined()) throw std::invalid_argument(where + "the image batch is an undefined tensor");
  if (images.dim() != 4)
    throw std::invalid_argument(where + "images must be (B,C,H,W), got shape " + shapeText(images));
  if (images.scalar_type() != torch::kFloat)
    throw std::invalid_argument(where + "images must be float32 in [0,1], got " +
                                std::string(c10::toString(images.scalar_type())));
  if (images.size(1) != 1 && images.size(1) != 3)
    throw std::invalid_argument(where + "images must have 1 or 3 channels, got " + std::to_string(images.size(1)));
  if (images.size(2) < 1 || images.size(3) < 1)
    throw std::invalid_argument(where + "images must be at least 1x1, got shape " + shapeText(images));
}

void checkSpec(const MaskSpec& spec, const char* function) {
  const std::string problem = validateMaskSpec(spec);
  if (!problem.empty()) throw std::invalid_argument(std::string(function) + ": " + problem);
  // Training draws 0/1 masks; the soft filters are for Explore and `folk mask` (mask.h).
  if (isSoft(spec.kind))
    throw std::invalid_argument(std::string(function) + ": " + filterKindName(spec.kind) +
                                " is a soft filter; batched masks are 0/1 (com, rcom, lowpass, highpass)");
}

// t[(-u) mod n] along `dim`: the conjugate partner of every index in the unshifted layout.
torch::Tensor mirrored(const torch::Tensor& t, int64_t dim) { return torch::roll(torch::flip(t, {dim}), {1}, {dim}); }

// |F(y)| of the luma, (B,H,W) float64, unshifted. A double real-to-complex FFT gives columns
// 0..W/2; the rest is filled by conjugate symmetry, |F(u,v)| = |F(-u,-v)|, so pair magnitudes are
// exactly equal and masks built from them are exactly symmetric. The columns that hold both
// members of their pairs (v = 0 and, for even W, v = W/2) come out of the FFT separately rounded;
// taking the larger of each pair makes them exactly equal too.
torch::Tensor unshiftedLumaMagnitude(const torch::Tensor& images) {
  const int64_t width = images.size(3);
  const int64_t halfWidth = width / 2 + 1;
  torch::Tensor half = torch::abs(torch::fft::rfft2(batchedLuma(images).to(torch::kDouble)));
  std::vector<int64_t> selfPairedColumns{0};
  if (width % 2 == 0 && width > 1) selfPairedColumns.push_back(width / 2);
  for (int64_t column : selfPairedColumns) {
    torch::Tensor values = half.select(2, column);
    values.copy_(torch::maximum(values, mirrored(values, 1)));
  }
  // Column v >= halfWidth is the mirror of column W - v (1 .. W - halfWidth, in reverse).
  torch::Tensor rest = mirrored(torch::flip(half.narrow(2, 1, width - halfWidth), {2}), 1);
  return torch::cat({half, rest}, 2);
}

// key = round_half_even(|F| * 2^40 / max|F|) per image, in float64 like magnitudeKeys(): the
// product is exact, the division is the one rounding, torch::round is ties-to-even like
// std::nearbyint. 0 when max is 0.
torch::Tensor keysFromMagnitude(const torch::Tensor& magnitude) {
  const int64_t batch = magnitude.size(0);
  torch::Tensor maxMagnitude = magnitude.reshape({batch, magnitude.size(1) * magnitude.size(2)}).amax(1);
  torch::Tensor safeMax = torch::where(maxMagnitude > 0, maxMagnitude, torch::ones_like(maxMagnitude));
  torch::Tensor keys = torch::round(magnitude * std::ldexp(1.0, kMagnitudeKeyBits) / safeMax.view({batch, 1, 1}));
  return torch::where((maxMagnitude > 0).view({batch, 1, 1}), keys, torch::zeros_like(keys)).to(torch::kLong);
}

// LowPass disc, (H,W) uint8, centred: (u - H/2)^2 + (v - W/2)^2 < r^2, distances in integers.
torch::Tensor centredLowPass(int64_t height, int64_t width, double radius, const torch::Device& device) {
  auto longOptions = torch::TensorOptions().dtype(torch::kLong).device(device);
  torch::Tensor dy = torch::arange(height, longOptions) - height / 2;
  torch::Tensor dx = torch::arange(width, longOptions) - width / 2;
  torch::Tensor distance2 = (dy * dy).view({height, 1}) + (dx * dx).view({1, width});
  return (distance2.to(torch::kDouble) < radius * radius).to(torch::kByte);
}

// (B,H,W) uint8 masks for one spec, unshifted layout.
torch::Tensor unshiftedMasks(const torch::Tensor& images, const MaskSpec& spec) {
  const int64_t batch = images.size(0), height = images.size(2), width = images.size(3);
  if (usesRatio(spec.kind)) {
    torch::Tensor keys = keysFromMagnitude(unshiftedLumaMagnitude(images));
    torch::Tensor ratios = torch::full({batch}, spec.ratio, torch::kDouble);
    torch::Tensor com = batchedComMasks(keys, ratios, spec.mode);
    return keepsComplement(spec.kind) ? 1 - com : com;
  }
  const double radius = spec.radius > 0 ? spec.radius : defaultRadius(int(height), int(width));
  torch::Tensor disc = centredLowPass(height, width, radius, images.device());
  if (keepsComplement(spec.kind)) disc = 1 - disc;
  return torch::fft::ifftshift(disc, {-2, -1}).expand({batch, height, width}).contiguous();
}

// Real-to-complex filtering with unshifted masks; the mask's half plane (columns 0..W/2) is all
// the Hermitian spectrum of a real image needs.
torch::Tensor applyUnshiftedMasks(const torch::Tensor& images, const torch::Tensor& masks) {
  const int64_t height = images.size(2), width = images.size(3);
  torch::Tensor halfMasks = masks.narrow(2, 0, width / 2 + 1).to(images.scalar_type()).unsqueeze(1);
  torch::Tensor spectrum = torch::fft::rfft2(images) * halfMasks;
  return torch::fft::irfft2(spectrum, std::vector<int64_t>{height, width}).clamp(0.0, 1.0);
}

torch::Tensor centred(const torch::Tensor& unshifted) { return torch::fft::fftshift(unshifted, {-2, -1}); }

}  // namespace

torch::Tensor batchedLuma(const torch::Tensor& images) {
  checkImages(images, "batchedLuma");
  if (images.size(1) == 1) return images.select(1, 0);
  // Same float32 operations in the same order as luma(): ((0.299 R) + (0.587 G)) + (0.114 B), each
  // product and sum rounded to float, so the FFT inputs are bit-identical on both paths.
  return images.select(1, 0) * 0.299f + images.select(1, 1) * 0.587f + images.select(1, 2) * 0.114f;
}

torch::Tensor batchedMagnitudeKeys(const torch::Tensor& images) {
  checkImages(images, "batchedMagnitudeKeys");
  torch::NoGradGuard noGrad;
  return centred(keysFromMagnitude(unshiftedLumaMagnitude(images)));
}

torch::Tensor batchedComMasks(const torch::Tensor& keys, const torch::Tensor& ratios, ThresholdMode mode) {
  if (!keys.defined() || keys.dim() != 3 || keys.scalar_type() != torch::kLong)
    throw std::invalid_argument("batchedComMasks: keys must be (B,H,W) int64");
  const int64_t batch = keys.size(0);
  const int64_t count = keys.size(1) * keys.size(2);
  if (!ratios.defined() || ratios.dim() != 1 || ratios.size(0) != batch)
    throw std::invalid_argument("batchedComMasks: ratios must be (B) with B = " + std::to_string(batch));
  torch::NoGradGuard noGrad;
  torch::Tensor ratiosCpu = ratios.to(torch::kCPU, torch::kDouble).contiguous();
  const double* ratio = ratiosCpu.data_ptr<double>();
  for (int64_t b = 0; b < batch; ++b) {
    if (!(ratio[b] > 0.0 && ratio[b] <= 1.0))
      throw std::invalid_argument("batchedComMasks: the ratio rho of image " + std::to_string(b) +
                                  " must be in (0, 1] (got " + std::to_string(ratio[b]) + ")");
  }
  if (mode == ThresholdMode::Relative) {
    // |F| >= rho max|F| on the key grid: key >= rho * 2^40, compared in double (exact for keys).
    // A black image (every key 0) has max|F| = 0, and every |F| >= rho * 0: keep everything.
    torch::Tensor threshold = (ratiosCpu * std::ldexp(1.0, kMagnitudeKeyBits)).to(keys.device());
    torch::Tensor black = (keys.reshape({batch, -1}).amax(1) == 0).view({batch, 1, 1});
    return ((keys.to(torch::kDouble) >= threshold.view({batch, 1, 1})) | black).to(torch::kByte);
  }
  // Top: tau = the k-th largest key, k = max(1, ceil(rho N)). Images sharing a ratio share k, so
  // one kthvalue (a selection, not a sort) per distinct ratio serves the whole group.
  std::map<double, std::vector<int64_t>> groups;
  for (int64_t b = 0; b < batch; ++b) groups[ratio[b]].push_back(b);
  torch::Tensor flat = keys.reshape({batch, count});
  torch::Tensor tau = torch::empty({batch}, keys.options());
  for (const auto& [rho, members] : groups) {
    const int64_t k = comKeepCount(rho, count);  // the CPU path's k, rounding included
    const bool wholeBatch = int64_t(members.size()) == batch;
    torch::Tensor index =
        wholeBatch ? torch::Tensor() : torch::tensor(members, torch::kLong).to(keys.device());
    torch::Tensor rows = wholeBatch ? flat : flat.index_select(0, index);
    torch::Tensor kth = std::get<0>(rows.kthvalue(count - k + 1, 1));
    if (wholeBatch)
      tau = kth;
    else
      tau.index_copy_(0, index, kth);
  }
  return (keys >= tau.view({batch, 1, 1})).to(torch::kByte);
}

torch::Tensor batchedMasks(const torch::Tensor& images, const MaskSpec& spec) {
  checkImages(images, "batchedMasks");
  checkSpec(spec, "batchedMasks");
  torch::NoGradGuard noGrad;
  return centred(unshiftedMasks(images, spec));
}

torch::Tensor batchedApplyMasks(const torch::Tensor& images, const torch::Tensor& masks) {
  checkImages(images, "batchedApplyMasks");
  if (!masks.defined() || masks.dim() != 3 || masks.size(0) != images.size(0) ||
      masks.size(1) != images.size(2) || masks.size(2) != images.size(3))
    throw std::invalid_argument("batchedApplyMasks: masks must be (B,H,W) matching images " + shapeText(images) +
                                ", got " + (masks.defined() ? shapeText(masks) : std::string("undefined")));
  if (masks.device() != images.device())
    throw std::invalid_argument("batchedApplyMasks: masks and images must be on the same device");
  torch::Tensor unshifted;
  {
    torch::NoGradGuard noGrad;
    unshifted = torch::fft::ifftshift(masks, {-2, -1});
  }
  return applyUnshiftedMasks(images, unshifted);
}

BatchedMaskResult batchedFilter(const torch::Tensor& images, const MaskSpec& spec) {
  checkImages(images, "batchedFilter");
  checkSpec(spec, "batchedFilter");
  const int64_t batch = images.size(0);
  const bool ratioBased = usesRatio(spec.kind);
  BatchedMaskResult result;
  torch::Tensor unshifted;
  {
    torch::NoGradGuard noGrad;
    unshifted = unshiftedMasks(images, spec);
    result.masks = centred(unshifted);
  }
  result.filtered = applyUnshiftedMasks(images, unshifted);
  result.isCom = torch::full({batch}, spec.kind == FilterKind::Com, torch::kBool);
  result.ratios = torch::full({batch}, ratioBased ? spec.ratio : 0.0, torch::kDouble);
  return result;
}

BatchedMaskResult sampleFolkMasks(const torch::Tensor& images, const FolkMaskSampling& sampling,
                                  at::Generator& generator, const DrawRows& draw) {
  checkImages(images, "sampleFolkMasks");
  if (!(sampling.pCom >= 0.0 && sampling.pCom <= 1.0))
    throw std::invalid_argument("sampleFolkMasks: p_com must be in [0, 1] (got " + std::to_string(sampling.pCom) + ")");
  if (sampling.ratios.empty()) throw std::invalid_argument("sampleFolkMasks: the set of ratios is empty");
  for (double rho : sampling.ratios) {
    if (!(rho > 0.0 && rho <= 1.0))
      throw std::invalid_argument("sampleFolkMasks: every ratio must be in (0, 1] (got " + std::to_string(rho) + ")");
  }
  if (!generator.defined() || !generator.device().is_cpu())
    throw std::invalid_argument("sampleFolkMasks: the generator must be a CPU generator");
  const int64_t batch = images.size(0);
  if (!draw.whole() && (draw.rows.dim() != 1 || draw.rows.size(0) != batch || draw.rows.numel() == 0 ||
                        draw.rows.min().item<int64_t>() < 0 || draw.rows.max().item<int64_t>() >= draw.total)) {
    throw std::invalid_argument("sampleFolkMasks: draw rows must name one row of the " + std::to_string(draw.total) +
                                "-image batch per image");
  }

  BatchedMaskResult result;
  torch::Tensor unshifted;
  {
    torch::NoGradGuard noGrad;
    result.isCom =
        draw.select(batch, [&](int64_t n) { return torch::rand({n}, generator, torch::kDouble); }) < sampling.pCom;
    torch::Tensor choice = draw.select(batch, [&](int64_t n) {
      return torch::randint(int64_t(sampling.ratios.size()), {n}, generator, torch::kLong);
    });
    result.ratios = torch::tensor(sampling.ratios, torch::kDouble).index_select(0, choice);

    torch::Tensor keys = keysFromMagnitude(unshiftedLumaMagnitude(images));
    torch::Tensor com = batchedComMasks(keys, result.ratios, sampling.mode);
    torch::Tensor useCom = result.isCom.to(images.device()).view({batch, 1, 1});
    unshifted = torch::where(useCom, com, 1 - com);
    result.masks = centred(unshifted);
  }
  result.filtered = applyUnshiftedMasks(images, unshifted);
  return result;
}

}  // namespace folk
