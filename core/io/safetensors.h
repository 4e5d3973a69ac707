#pragma once
// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header
// mapping each tensor name to {dtype, shape, data_offsets} (plus an optional "__metadata__" object
// of string pairs), then the raw little-endian tensor bytes. It is what PyTorch users load without
// unpickling anything, so FOLK exports backbones in it and can start training from such a file.
//
// The reader trusts nothing in the file: header length, JSON, dtypes, shapes and offsets are checked
// against each other and the file size before any tensor is allocated, and every problem is a
// std::runtime_error naming the file and the tensor.
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace folk::safetensors {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;
using Metadata = std::map<std::string, std::string>;

struct Contents {
  NamedTensors tensors;  // in file order (ascending data offsets)
  Metadata metadata;
};

// Headers above this are refused before they are read: real ones are a few hundred bytes per tensor.
constexpr std::uint64_t kMaxHeaderBytes = 100u << 20;

// Writes the tensors (any device, any layout; stored contiguous, on the CPU) in the given order with
// the metadata, atomically (temp file + rename). Names must be unique and non-empty, and
// "__metadata__" is reserved. Throws std::invalid_argument for such names or unsupported dtypes,
// folk::FileWriteError when the file cannot be written.
void write(const std::string& path, const NamedTensors& tensors, const Metadata& metadata = {});

// Reads the whole file. Throws std::runtime_error naming the file and what is wrong: too short,
// header length beyond the file or above kMaxHeaderBytes, header not JSON / not an object, an
// unknown dtype, a negative or non-integer shape, offsets outside the data, overlapping or leaving
// gaps, or a byte range whose length does not match dtype × shape.
Contents read(const std::string& path);

// "F32", "BF16", ... for a torch dtype; throws std::invalid_argument for dtypes safetensors lacks.
std::string dtypeName(torch::ScalarType type);

}  // namespace folk::safetensors
