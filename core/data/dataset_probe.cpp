#include "core/data/dataset_probe.h"

#include <algorithm>
#include <exception>

#include "core/data/sample_rng.h"

namespace folk {

DatasetProbe probeDataset(const ImageDataset& dataset, std::size_t samples, std::uint64_t seed) {
  const std::size_t n = dataset.size();
  if (n == 0) throw DatasetError(dataset.summary() + ": the dataset is empty");
  DatasetProbe probe;
  const std::size_t count = std::max<std::size_t>(1, std::min(samples, n));
  SampleRng rng(seed, 0, 0, RngStream::Probe);
  const std::size_t offset = std::size_t(rng.below(n));
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t i = (offset + k * n / count) % n;
    ++probe.probed;
    try {
      const Image image = dataset.load(i);
      if (image.empty()) throw std::runtime_error("decoded to an empty image");
      if (probe.decoded == 0) {
        probe.minHeight = probe.maxHeight = image.height;
        probe.minWidth = probe.maxWidth = image.width;
      }
      ++probe.decoded;
      probe.maxChannels = std::max(probe.maxChannels, image.channels);
      probe.minHeight = std::min(probe.minHeight, image.height);
      probe.maxHeight = std::max(probe.maxHeight, image.height);
      probe.minWidth = std::min(probe.minWidth, image.width);
      probe.maxWidth = std::max(probe.maxWidth, image.width);
    } catch (const std::exception& e) {
      probe.failures.push_back({i, dataset.describe(i), e.what()});
    }
  }
  if (probe.decoded == 0) {
    std::string message = dataset.summary() + ": none of the " + std::to_string(probe.probed) +
                          " probed images could be decoded, the dataset is unusable";
    for (std::size_t k = 0; k < probe.failures.size() && k < 3; ++k) message += "\n  " + probe.failures[k].reason;
    throw DatasetError(message);
  }
  return probe;
}

}  // namespace folk
