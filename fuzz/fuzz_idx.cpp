// libFuzzer target: IDX files (MNIST / Fashion-MNIST), raw or gzip-compressed.
// Any input must end in an IdxArray whose dims match its data, or in a DatasetError; the images /
// labels pair must then index, load and describe every sample without touching memory it does not own.
#include <cstdlib>
#include <functional>
#include <numeric>

#include "core/data/dataset.h"
#include "core/data/idx_dataset.h"
#include "fuzz/memory_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const folk::fuzz::MemoryFile file(data, size);
  for (const int rank : {1, 3}) {
    try {
      const auto array = folk::readIdxFile(file.path(), rank);
      const auto elements = std::accumulate(array.dims.begin(), array.dims.end(), std::int64_t(1),
                                            std::multiplies<std::int64_t>());
      if (int(array.dims.size()) != rank || std::size_t(elements) != array.data.size()) std::abort();
    } catch (const folk::DatasetError&) {
    }
  }
  try {
    const folk::IdxDataset dataset(file.path(), "");
    for (std::size_t i = 0; i < dataset.size() && i < 4; ++i) {
      const auto image = dataset.load(i);
      if (image.channels != 1 || image.height != dataset.height() || image.width != dataset.width()) std::abort();
      (void)dataset.describe(i);
    }
  } catch (const folk::DatasetError&) {
  }
  return 0;
}
