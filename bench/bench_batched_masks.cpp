// Google Benchmark of the batched LibTorch mask path (core/spectral/batched_masks.h) on the CPU:
// a batch of 64 RGB 224×224 crops of the sample photos, with 1 and 2 torch threads. The counter
// `per_image` is the wall time per image (seconds, shown with an SI prefix: 1.2m = 1.2 ms).
//   BM_SampledFolkMasksTorch: what training runs: per-image Com/RCom and rho in {0.005, 0.01, 0.05}
//   BM_ComMasksTorch:         one Com(0.05) for the whole batch, the CPU benchmark's workload
#include <ATen/CPUGeneratorImpl.h>
#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <string>
#include <vector>

#include "core/data/image_file.h"
#include "core/spectral/batched_masks.h"

namespace {

constexpr int kBatch = 64;

// kBatch distinct size×size RGB windows, taken from the RGB sample photos at shifting offsets, so
// the spectra (and thus the ranking work) are those of real photographs.
torch::Tensor photoBatch(int size) {
  static const char* names[] = {"astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg", "hubble_deep_field.jpg"};
  std::vector<folk::Image> photos;
  for (const char* name : names) photos.push_back(folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/" + name));
  torch::Tensor batch = torch::empty({kBatch, 3, size, size});
  for (int b = 0; b < kBatch; ++b) {
    const folk::Image& photo = photos[b % photos.size()];
    const int top = (b * 37) % (photo.height - size + 1), left = (b * 53) % (photo.width - size + 1);
    torch::Tensor image = torch::from_blob(const_cast<float*>(photo.pixels.data()), {3, photo.height, photo.width});
    batch[b].copy_(image.narrow(1, top, size).narrow(2, left, size));
  }
  return batch;
}

void reportPerImage(benchmark::State& state) {
  state.counters["per_image"] =
      benchmark::Counter(double(state.iterations()) * kBatch, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.SetLabel("batch " + std::to_string(kBatch) + ", " + std::to_string(state.range(0)) + "x" +
                 std::to_string(state.range(0)) + " rgb, " + std::to_string(state.range(1)) + " torch thread(s)");
}

void BM_SampledFolkMasksTorch(benchmark::State& state) {
  torch::set_num_threads(int(state.range(1)));
  torch::NoGradGuard noGrad;
  const torch::Tensor images = photoBatch(int(state.range(0)));
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(1);
  const folk::FolkMaskSampling sampling;
  for (auto _ : state) {
    folk::BatchedMaskResult result = folk::sampleFolkMasks(images, sampling, generator);
    benchmark::DoNotOptimize(result.filtered.data_ptr());
  }
  reportPerImage(state);
}

void BM_ComMasksTorch(benchmark::State& state) {
  torch::set_num_threads(int(state.range(1)));
  torch::NoGradGuard noGrad;
  const torch::Tensor images = photoBatch(int(state.range(0)));
  const folk::MaskSpec spec{folk::FilterKind::Com, 0.05};
  for (auto _ : state) {
    folk::BatchedMaskResult result = folk::batchedFilter(images, spec);
    benchmark::DoNotOptimize(result.filtered.data_ptr());
  }
  reportPerImage(state);
}

BENCHMARK(BM_SampledFolkMasksTorch)->ArgNames({"size", "threads"})->Args({224, 1})->Args({224, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ComMasksTorch)->ArgNames({"size", "threads"})->Args({224, 1})->Args({224, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
