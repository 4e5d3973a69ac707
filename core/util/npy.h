#pragma once
// Minimal NumPy .npy (format 1.0) writer and reader for little-endian uint8 / float32 / float64 /
// int64 arrays in C order: enough for `folk mask` outputs and golden test data.
#include <cstdint>
#include <string>
#include <vector>

namespace folk::npy {

struct Array {
  std::string dtype;                // "|u1", "<f4", "<f8", "<i8"
  std::vector<std::int64_t> shape;
  std::vector<std::uint8_t> bytes;  // raw little-endian data, C order

  std::int64_t elementCount() const;
  template <typename T>
  std::vector<T> as() const;  // throws std::runtime_error when sizeof(T) does not match the dtype
};

// Written atomically (temp file + rename). Throws folk::FileWriteError.
void writeUint8(const std::string& path, const std::vector<std::int64_t>& shape, const std::uint8_t* data);
void writeFloat32(const std::string& path, const std::vector<std::int64_t>& shape, const float* data);
void writeFloat64(const std::string& path, const std::vector<std::int64_t>& shape, const double* data);

// Throws std::runtime_error naming the file when it is not a .npy file this reader understands.
Array read(const std::string& path);

}  // namespace folk::npy
