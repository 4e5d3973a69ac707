#pragma once
// Loading one sample for a loader thread, with the skip-and-count policy of DESIGN.md §4.
#include <cstdint>
#include <optional>

#include "core/data/dataset.h"
#include "core/data/load_report.h"

namespace folk {

struct LoadedSample {
  Image image;
  std::size_t index = 0;  // the dataset index actually used
};

// Decodes sample `index`, converted to `channels`; on failure records it in `log` and returns
// nullopt. Indices already known to be bad are not decoded again.
std::optional<LoadedSample> tryLoadSample(const ImageDataset& dataset, std::size_t index, int channels,
                                          LoadReportLog& log);

// As tryLoadSample, but replaces a failing sample with others drawn from SampleRng(seed, epoch,
// index) until one decodes; throws DatasetError after `maxSubstitutions` failures in a row.
LoadedSample loadWithSubstitution(const ImageDataset& dataset, std::size_t index, int channels, std::uint64_t seed,
                                  std::uint64_t epoch, int maxSubstitutions, LoadReportLog& log);

}  // namespace folk
