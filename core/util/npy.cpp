#include "core/util/npy.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <numeric>
#include <stdexcept>

#include "core/util/atomic_file.h"

namespace folk::npy {
namespace {

std::size_t itemSize(const std::string& dtype) {
  if (dtype == "|u1") return 1;
  if (dtype == "<f4") return 4;
  if (dtype == "<f8" || dtype == "<i8") return 8;
  return 0;
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    s += std::to_string(shape[i]);
    if (shape.size() == 1 || i + 1 < shape.size()) s += ",";
    if (i + 1 < shape.size()) s += " ";
  }
  return s + ")";
}

std::int64_t count(const std::vector<std::int64_t>& shape) {
  return std::accumulate(shape.begin(), shape.end(), std::int64_t(1), std::multiplies<>());
}

void write(const std::string& path, const std::string& dtype, const std::vector<std::int64_t>& shape,
           const void* data) {
  std::string header = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
  // Magic (6) + version (2) + header length (2) + header + '\n' must be a multiple of 64.
  std::size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string out = "\x93NUMPY";
  out += '\x01';
  out += '\x00';
  out += char(header.size() & 0xff);
  out += char((header.size() >> 8) & 0xff);
  out += header;
  const std::size_t payload = std::size_t(count(shape)) * itemSize(dtype);
  out.append(static_cast<const char*>(data), payload);
  writeFileAtomically(path, out);
}

std::string valueOf(const std::string& header, const std::string& key, const std::string& path) {
  auto pos = header.find("'" + key + "'");
  if (pos == std::string::npos) throw std::runtime_error(path + ": .npy header has no '" + key + "'");
  pos = header.find(':', pos);
  if (pos == std::string::npos) throw std::runtime_error(path + ": malformed .npy header");
  return header.substr(pos + 1);
}

}  // namespace

std::int64_t Array::elementCount() const { return count(shape); }

template <typename T>
std::vector<T> Array::as() const {
  if (sizeof(T) != itemSize(dtype)) throw std::runtime_error("npy: element size does not match dtype " + dtype);
  std::vector<T> out(static_cast<std::size_t>(elementCount()));
  std::memcpy(out.data(), bytes.data(), out.size() * sizeof(T));
  return out;
}
template std::vector<std::uint8_t> Array::as<std::uint8_t>() const;
template std::vector<float> Array::as<float>() const;
template std::vector<double> Array::as<double>() const;
template std::vector<std::int64_t> Array::as<std::int64_t>() const;

void writeUint8(const std::string& path, const std::vector<std::int64_t>& shape, const std::uint8_t* data) {
  write(path, "|u1", shape, data);
}
void writeFloat32(const std::string& path, const std::vector<std::int64_t>& shape, const float* data) {
  write(path, "<f4", shape, data);
}
void writeFloat64(const std::string& path, const std::vector<std::int64_t>& shape, const double* data) {
  write(path, "<f8", shape, data);
}

Array read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open .npy file");
  std::vector<char> all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (all.size() < 10 || std::memcmp(all.data(), "\x93NUMPY", 6) != 0)
    throw std::runtime_error(path + ": not a .npy file (bad magic)");
  const int major = all[6];
  std::size_t headerLen = 0, offset = 0;
  if (major == 1) {
    headerLen = std::uint8_t(all[8]) | (std::size_t(std::uint8_t(all[9])) << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (all.size() < 12) throw std::runtime_error(path + ": truncated .npy header");
    headerLen = std::uint8_t(all[8]) | (std::size_t(std::uint8_t(all[9])) << 8) |
                (std::size_t(std::uint8_t(all[10])) << 16) | (std::size_t(std::uint8_t(all[11])) << 24);
    offset = 12;
  } else {
    throw std::runtime_error(path + ": unsupported .npy version " + std::to_string(major));
  }
  if (offset + headerLen > all.size()) throw std::runtime_error(path + ": truncated .npy header");
  const std::string header(all.data() + offset, headerLen);
  Array a;
  std::string descr = valueOf(header, "descr", path);
  auto q1 = descr.find('\''), q2 = descr.find('\'', q1 + 1);
  if (q1 == std::string::npos || q2 == std::string::npos) throw std::runtime_error(path + ": malformed descr");
  a.dtype = descr.substr(q1 + 1, q2 - q1 - 1);
  if (a.dtype == "<u1" || a.dtype == "u1" || a.dtype == "|b1") a.dtype = "|u1";
  if (itemSize(a.dtype) == 0) throw std::runtime_error(path + ": unsupported dtype " + a.dtype);
  if (valueOf(header, "fortran_order", path).find("True") < 8)
    throw std::runtime_error(path + ": Fortran-order arrays are not supported");
  std::string shape = valueOf(header, "shape", path);
  auto open = shape.find('('), close = shape.find(')');
  if (open == std::string::npos || close == std::string::npos) throw std::runtime_error(path + ": malformed shape");
  std::string dims = shape.substr(open + 1, close - open - 1);
  std::size_t pos = 0;
  while (pos < dims.size()) {
    auto comma = dims.find(',', pos);
    std::string tok = dims.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (tok.find_first_not_of(" ") != std::string::npos) a.shape.push_back(std::stoll(tok));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  const std::size_t payload = std::size_t(a.elementCount()) * itemSize(a.dtype);
  const std::size_t dataStart = offset + headerLen;
  if (all.size() - dataStart < payload) throw std::runtime_error(path + ": .npy data shorter than its shape says");
  a.bytes.assign(all.begin() + std::ptrdiff_t(dataStart), all.begin() + std::ptrdiff_t(dataStart + payload));
  return a;
}

}  // namespace folk::npy
