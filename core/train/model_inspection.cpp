#include "core/train/model_inspection.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/data/augment.h"
#include "core/model/vit.h"
#include "core/spectral/mask.h"
#include "core/spectral/spectral_filter.h"
#include "core/spectral/spectrum.h"
#include "core/train/backbone_weights.h"
#include "core/train/image_tensors.h"
#include "core/train/training_data.h"
#include "core/util/torch_device.h"
#include "core/util/torch_threads.h"

namespace folk {

InspectionModel loadInspectionModel(const RunDirectory& run) {
  const TrainConfig config = run.loadConfig();
  const auto index = readCheckpointIndex(run);
  if (!index)
    throw std::runtime_error(run.root() + ": the run has no checkpoint yet (train it first, or wait for its first "
                                          "checkpoint)");
  const std::string path = run.checkpointsDir() + "/" + index->file;
  InspectionModel m;
  m.runRoot = run.root();
  m.step = index->step;
  m.model = config.model;
  std::tie(m.mean, m.std) = runNormalization(config.data, config.model.channels);

  torch::serialize::InputArchive archive = openCheckpoint(path);
  m.student = makeBackbone(config.model);
  if (!loadCheckpointModule(archive, "student", *m.student, path, config.model.name))
    throw std::runtime_error(path + ": the checkpoint holds no student backbone");
  m.evaluated = makeBackbone(config.model);
  m.evaluatedRole = "teacher";
  if (!loadCheckpointModule(archive, "teacher", *m.evaluated, path, config.model.name)) {
    m.evaluated = m.student;
    m.evaluatedRole = "student";
  }
  auto head = makeReconstructionHead(config.model, *m.student);
  if (loadCheckpointModule(archive, "reconstruction", *head, path, config.model.name)) m.reconstruction = head;
  try {
    const torch::Device device = resolveDevice(config.device.device);
    if (device.is_cuda()) m.device = device;
  } catch (const std::invalid_argument&) {
    // A run trained on a GPU, inspected where there is none: the CPU does the same work.
  }
  if (!m.device.is_cpu()) {
    m.student->to(m.device);
    if (m.evaluated != m.student) m.evaluated->to(m.device);
    if (m.reconstruction) m.reconstruction->to(m.device);
  }
  return m;
}

namespace {
constexpr double kNoiseShare = 1e-6;
}  // namespace

Image principalComponentColours(const torch::Tensor& patchMap, std::array<double, 3>* variance) {
  if (patchMap.dim() != 3) throw std::invalid_argument("principalComponentColours: expected (D, h, w) features");
  const auto dim = patchMap.size(0), h = patchMap.size(1), w = patchMap.size(2);
  // Rows are patches: (h·w, D), centred per feature; in double so that small components keep
  // their sign and order.
  auto x = patchMap.detach().to(torch::kCPU, torch::kFloat64).reshape({dim, h * w}).t();
  x = x - x.mean(0, true);
  const auto svd = torch::linalg_svd(x, /*full_matrices=*/false);
  const auto& u = std::get<0>(svd);
  const auto& s = std::get<1>(svd);
  const auto& vh = std::get<2>(svd);
  const double total = (s * s).sum().item<double>();
  Image out(3, int(h), int(w));
  std::fill(out.pixels.begin(), out.pixels.end(), 0.5f);
  std::array<double, 3> shares{};
  for (std::int64_t c = 0; c < 3 && c < s.size(0); ++c) {
    const double sigma = s[c].item<double>();
    const double share = total > 0.0 ? sigma * sigma / total : 0.0;
    // Below a millionth of the variance a component is the features' rounding noise: scaled to
    // [0,1] it would show noise as if it were structure.
    if (!(share >= kNoiseShare)) break;
    shares[std::size_t(c)] = share;
    auto scores = (u.select(1, c) * sigma).contiguous();
    const auto loading = vh.select(0, c);
    if (loading.index({loading.abs().argmax()}).item<double>() < 0.0) scores = -scores;
    const double lo = scores.min().item<double>(), hi = scores.max().item<double>();
    const double span = hi - lo;
    const double* p = scores.data_ptr<double>();
    float* plane = out.plane(int(c));
    for (std::int64_t i = 0; i < h * w; ++i) plane[i] = span > 0.0 ? float((p[i] - lo) / span) : 0.5f;
  }
  if (variance) *variance = shares;
  return out;
}

ModelInspection inspectImage(InspectionModel& model, const Image& image, const MaskSpec& spec) {
  if (image.empty()) throw std::invalid_argument("inspectImage: empty image");
  torch::NoGradGuard noGrad;
  // With more than one ATen thread, OpenBLAS runs at one: for a batch of one image ATen's OpenMP
  // threads and OpenBLAS's own pool otherwise fight over the cores (attention + PCA of vit-small at
  // 224 px on 2 cores: 386 ms with two threads in each pool, 129 ms with OpenBLAS at one; one ATen
  // thread with OpenBLAS at two: 81 ms; bench/bench_inspection.cpp, README "Measured performance").
  BlasThreadsScope blasScope(at::get_num_threads() > 1 ? 1 : blasThreads());
  ModelInspection r;
  EvalTransform transform;
  transform.outputSize = model.model.imageSize;
  transform.channels = model.model.channels;
  r.input = transform.apply(image);

  const LumaSpectrum spectrum = computeLumaSpectrum(r.input);
  const Mask mask = computeMask(spec, spectrum);
  r.spec = resolvedSpec(spec, r.input.height, r.input.width);
  r.filtered = applyMask(r.input, mask).filtered;

  const ViewNormalization norm{model.mean, model.std};
  const auto input = normalize(fromImage(r.input).unsqueeze(0).to(model.device), norm);
  const auto filtered = normalize(fromImage(r.filtered).unsqueeze(0).to(model.device), norm);

  if (model.reconstruction) {
    const auto out = denormalize(model.reconstruction->forward(model.student->forward(filtered).patchMap), norm)[0];
    r.reconstruction = toImage(out);
    r.error = Image(r.input.channels, r.input.height, r.input.width);
    double sum = 0.0;
    for (std::size_t i = 0; i < r.error.pixels.size(); ++i) {
      const double d = double(r.reconstruction.pixels[i]) - r.input.pixels[i];
      r.error.pixels[i] = float(std::abs(d));
      sum += d * d;
    }
    r.reconstructionMse = sum / double(std::max<std::size_t>(r.error.pixels.size(), 1));
    // The spectrum of the signed error: where in frequency the reconstruction misses.
    Image signedError(r.input.channels, r.input.height, r.input.width);
    for (std::size_t i = 0; i < signedError.pixels.size(); ++i)
      signedError.pixels[i] = r.reconstruction.pixels[i] - r.input.pixels[i];
    r.errorLogSpectrum = logMagnitude(computeLumaSpectrum(signedError));
  }

  // One pass for a ViT gives both the patch features and the last block's attention.
  BackboneOutput features;
  if (auto* vit = dynamic_cast<ViTImpl*>(model.evaluated.get())) {
    auto both = vit->forwardWithClsAttention(input);
    features = both.output;
    const auto attention = both.clsAttention[0].to(torch::kCPU, torch::kFloat32).contiguous();  // (heads, grid²)
    for (std::int64_t head = 0; head < attention.size(0); ++head) {
      const auto row = attention[head].contiguous();
      r.attention.emplace_back(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
    }
  } else {
    features = model.evaluated->forward(input);
  }
  r.grid = int(features.patchMap.size(2));
  r.pca = principalComponentColours(features.patchMap[0], &r.pcaVariance);
  return r;
}

}  // namespace folk
