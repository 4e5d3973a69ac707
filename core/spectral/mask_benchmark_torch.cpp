#include "core/spectral/mask_benchmark_torch.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

#include "core/spectral/batched_masks.h"
#include "core/util/torch_device.h"

namespace folk {
namespace {

torch::Tensor batchFromPhotos(const std::vector<Image>& photos, int height, int width, int channels, int batch) {
  torch::Tensor images = torch::empty({batch, channels, height, width}, torch::kFloat);
  auto out = images.accessor<float, 4>();
  for (int b = 0; b < batch; ++b) {
    const Image& photo = photos[std::size_t(b) % photos.size()];
    if (photo.empty())
      throw std::invalid_argument("batchedMaskMillisecondsPerImage: photo " + std::to_string(b % photos.size()) +
                                  " is empty");
    for (int c = 0; c < channels; ++c) {
      const int source = std::min(c, photo.channels - 1);
      for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) out[b][c][y][x] = photo.at(source, y % photo.height, x % photo.width);
    }
  }
  return images;
}

}  // namespace

std::string resolvedTorchDeviceName(const std::string& name) { return resolveDevice(name).str(); }

double batchedMaskMillisecondsPerImage(int height, int width, int channels, int batch, int repeats,
                                       const std::vector<Image>& photos, const std::string& device) {
  if (height < 1 || width < 1)
    throw std::invalid_argument("batchedMaskMillisecondsPerImage: the image size must be positive, got " +
                                std::to_string(height) + "x" + std::to_string(width));
  if (channels != 1 && channels != 3)
    throw std::invalid_argument("batchedMaskMillisecondsPerImage: channels must be 1 or 3, got " +
                                std::to_string(channels));
  if (batch < 1 || repeats < 1)
    throw std::invalid_argument("batchedMaskMillisecondsPerImage: batch and repeats must be at least 1");

  const torch::Device target = resolveDevice(device);
  torch::NoGradGuard noGrad;
  torch::Tensor images;
  if (photos.empty()) {
    at::Generator noise = at::make_generator<at::CPUGeneratorImpl>(/*seed=*/12345);
    images = torch::rand({batch, channels, height, width}, noise, torch::kFloat);
  } else {
    images = batchFromPhotos(photos, height, width, channels, batch);
  }
  images = images.to(target);
  at::Generator draws = at::make_generator<at::CPUGeneratorImpl>(/*seed=*/2025);
  const FolkMaskSampling sampling;
  auto finishQueuedWork = [&] {
    if (target.is_cuda()) torch::cuda::synchronize(target.index());
  };

  sampleFolkMasks(images, sampling, draws);  // warm-up: allocator, FFT plans (cuFFT plan cache on a GPU)
  finishQueuedWork();
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeats; ++r) sampleFolkMasks(images, sampling, draws);
  finishQueuedWork();
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  return elapsed.count() / (double(repeats) * batch);
}

}  // namespace folk
