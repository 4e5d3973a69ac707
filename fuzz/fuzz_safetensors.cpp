// libFuzzer target: safetensors files. Every input is either read into named, contiguous tensors
// whose bytes fit in the file, or refused with a std::runtime_error; nothing is allocated from an
// unchecked size (ASan's allocator and libFuzzer's -rss_limit_mb would catch a lie that is).
#include <cstdlib>

#include "core/io/safetensors.h"
#include "fuzz/memory_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const folk::fuzz::MemoryFile file(data, size);
  folk::safetensors::Contents contents;
  try {
    contents = folk::safetensors::read(file.path());
  } catch (const std::runtime_error&) {
    return 0;
  }
  std::size_t bytes = 0;
  for (const auto& [name, tensor] : contents.tensors) {
    if (name.empty() || !tensor.is_contiguous()) std::abort();
    bytes += std::size_t(tensor.numel()) * tensor.element_size();
  }
  if (bytes > size) std::abort();
  return 0;
}
