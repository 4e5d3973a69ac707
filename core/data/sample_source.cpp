#include "core/data/sample_source.h"

#include <exception>

#include "core/data/image_ops.h"
#include "core/data/sample_rng.h"

namespace folk {

std::optional<LoadedSample> tryLoadSample(const ImageDataset& dataset, std::size_t index, int channels,
                                          LoadReportLog& log) {
  if (log.knownBad(index)) return std::nullopt;
  try {
    Image image = dataset.load(index);
    if (image.empty()) throw std::runtime_error("decoded to an empty image");
    if (image.channels != channels) image = convertChannels(image, channels);
    return LoadedSample{std::move(image), index};
  } catch (const std::exception& e) {
    // Any failure of one file (ImageFileError, an OpenCV exception, a read error) costs that file
    // only; the loader carries on with another sample.
    log.recordFailure(index, dataset.describe(index), e.what());
    return std::nullopt;
  }
}

LoadedSample loadWithSubstitution(const ImageDataset& dataset, std::size_t index, int channels, std::uint64_t seed,
                                  std::uint64_t epoch, int maxSubstitutions, LoadReportLog& log) {
  if (auto sample = tryLoadSample(dataset, index, channels, log)) return std::move(*sample);
  SampleRng rng(seed, epoch, index, RngStream::Replace);
  for (int attempt = 0; attempt < maxSubstitutions; ++attempt) {
    log.recordSubstitution();
    const std::size_t other = std::size_t(rng.below(dataset.size()));
    if (auto sample = tryLoadSample(dataset, other, channels, log)) return std::move(*sample);
  }
  const LoadReport report = log.snapshot();
  throw DatasetError(dataset.summary() + ": " + std::to_string(maxSubstitutions + 1) +
                     " samples in a row could not be decoded, the dataset looks unusable (" + report.text(3) + ")");
}

}  // namespace folk
