#pragma once
// The check that runs before training: is there anything usable in this dataset? Decodes a few
// samples spread over the whole index, so a folder of unreadable files or a wrong format is a clear
// error now instead of a loader failure mid-run.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/load_report.h"

namespace folk {

struct DatasetProbe {
  std::size_t probed = 0;
  std::size_t decoded = 0;
  int maxChannels = 0;  // 3 if any probed sample is colour
  int minHeight = 0, minWidth = 0, maxHeight = 0, maxWidth = 0;
  std::vector<SkippedFile> failures;
};

// Decodes up to `samples` evenly spaced samples (seeded offset, so repeated probes look at the same
// files). Throws DatasetError when the dataset is empty or none of the probed samples decodes; the
// message names the dataset and the first failing files with their reasons.
DatasetProbe probeDataset(const ImageDataset& dataset, std::size_t samples = 32, std::uint64_t seed = 0);

}  // namespace folk
