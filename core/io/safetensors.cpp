#include "core/io/safetensors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/util/atomic_file.h"

namespace folk::safetensors {

namespace {

struct DtypeInfo {
  const char* name;
  torch::ScalarType type;
  std::uint64_t bytes;
};

// The safetensors dtypes torch can hold (U16/U32/U64 and the FP8 types it cannot, on 1.13).
constexpr DtypeInfo kDtypes[] = {
    {"F64", torch::kFloat64, 8}, {"F32", torch::kFloat32, 4}, {"F16", torch::kFloat16, 2},
    {"BF16", torch::kBFloat16, 2}, {"I64", torch::kInt64, 8}, {"I32", torch::kInt32, 4},
    {"I16", torch::kInt16, 2},   {"I8", torch::kInt8, 1},     {"U8", torch::kUInt8, 1},
    {"BOOL", torch::kBool, 1},
};

const DtypeInfo* findDtype(const std::string& name) {
  for (const auto& d : kDtypes) {
    if (name == d.name) return &d;
  }
  return nullptr;
}

std::string knownDtypes() {
  std::string list;
  for (const auto& d : kDtypes) list += (list.empty() ? "" : ", ") + std::string(d.name);
  return list;
}

// The format is little-endian; so are the hosts FOLK runs on (x86-64, AArch64), which the static
// check below makes explicit rather than silently producing byte-swapped weights elsewhere.
static_assert(sizeof(std::uint64_t) == 8);
bool hostIsLittleEndian() {
  const std::uint16_t probe = 1;
  unsigned char first = 0;
  std::memcpy(&first, &probe, 1);
  return first == 1;
}

struct Entry {
  std::string name;
  const DtypeInfo* dtype = nullptr;
  std::vector<std::int64_t> shape;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw std::runtime_error(path + ": not a usable safetensors file: " + what);
}

std::uint64_t readNonNegative(const nlohmann::json& value, const std::string& path, const std::string& what) {
  if (!value.is_number_integer()) fail(path, what + " is not an integer (" + value.dump() + ")");
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  const auto v = value.get<std::int64_t>();
  if (v < 0) fail(path, what + " is negative (" + std::to_string(v) + ")");
  return static_cast<std::uint64_t>(v);
}

Entry parseEntry(const std::string& name, const nlohmann::json& spec, std::uint64_t dataBytes,
                 const std::string& path) {
  const std::string where = "tensor '" + name + "'";
  if (!spec.is_object()) fail(path, where + " is not described by a JSON object");
  for (const char* key : {"dtype", "shape", "data_offsets"}) {
    if (!spec.contains(key)) fail(path, where + " has no \"" + key + "\"");
  }
  Entry e;
  e.name = name;
  const auto& dtype = spec.at("dtype");
  if (!dtype.is_string()) fail(path, where + ": dtype is not a string");
  e.dtype = findDtype(dtype.get<std::string>());
  if (!e.dtype) {
    fail(path, where + " has dtype '" + dtype.get<std::string>() + "', which FOLK cannot read (known: " +
                   knownDtypes() + ")");
  }
  const auto& shape = spec.at("shape");
  if (!shape.is_array()) fail(path, where + ": shape is not an array");
  // Multiplying with a bound keeps a lying shape ([2^40, 2^40, 2^40]) from overflowing into a small
  // size that would then match its offsets.
  constexpr std::uint64_t kBound = std::uint64_t(1) << 62;
  std::uint64_t bytes = e.dtype->bytes;
  bool tooLarge = false;
  for (const auto& dim : shape) {
    const auto n = readNonNegative(dim, path, where + ": a shape entry");
    if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail(path, where + ": shape entry " + std::to_string(n) + " is out of range");
    }
    e.shape.push_back(static_cast<std::int64_t>(n));
    if (n == 0) {
      bytes = 0;
    } else if (!tooLarge && bytes > kBound / n) {
      tooLarge = true;
    } else if (!tooLarge) {
      bytes *= n;
    }
  }
  const auto& offsets = spec.at("data_offsets");
  if (!offsets.is_array() || offsets.size() != 2) fail(path, where + ": data_offsets is not [begin, end]");
  e.begin = readNonNegative(offsets[0], path, where + ": data_offsets begin");
  e.end = readNonNegative(offsets[1], path, where + ": data_offsets end");
  if (e.begin > e.end) {
    fail(path, where + ": data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) +
                   "] end before they begin");
  }
  if (e.end > dataBytes) {
    fail(path, where + ": data_offsets end " + std::to_string(e.end) + " lies beyond the " +
                   std::to_string(dataBytes) + " data bytes in the file (truncated file or lying offsets)");
  }
  if (tooLarge || bytes != e.end - e.begin) {
    fail(path, where + ": " + shape.dump() + " " + e.dtype->name + " needs " +
                   (tooLarge ? "more than " + std::to_string(kBound) + " bytes" : std::to_string(bytes) + " bytes") +
                   ", but its data_offsets span " + std::to_string(e.end - e.begin));
  }
  return e;
}

}  // namespace

std::string dtypeName(torch::ScalarType type) {
  for (const auto& d : kDtypes) {
    if (d.type == type) return d.name;
  }
  throw std::invalid_argument(std::string("safetensors has no dtype for torch ") + c10::toString(type));
}

void write(const std::string& path, const NamedTensors& tensors, const Metadata& metadata) {
  if (!hostIsLittleEndian()) throw std::invalid_argument("safetensors writing needs a little-endian host");
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  if (!metadata.empty()) {
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    for (const auto& [key, value] : metadata) meta[key] = value;
    header["__metadata__"] = meta;
  }
  std::vector<torch::Tensor> stored;
  std::set<std::string> names;
  std::uint64_t offset = 0;
  for (const auto& [name, tensor] : tensors) {
    if (name.empty() || name == "__metadata__") {
      throw std::invalid_argument("safetensors: invalid tensor name '" + name + "'");
    }
    if (!names.insert(name).second) throw std::invalid_argument("safetensors: duplicate tensor name '" + name + "'");
    auto t = tensor.detach().to(torch::kCPU).contiguous();
    const auto bytes = static_cast<std::uint64_t>(t.numel()) * t.element_size();
    header[name] = {{"dtype", dtypeName(t.scalar_type())},
                    {"shape", t.sizes().vec()},
                    {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    stored.push_back(std::move(t));
  }
  std::string json = header.dump();
  // Pad with spaces so the data starts 8-byte aligned (as the reference implementation does).
  json.append((8 - (json.size() % 8)) % 8, ' ');
  std::string file;
  file.reserve(8 + json.size() + offset);
  const std::uint64_t headerBytes = json.size();
  for (int i = 0; i < 8; ++i) file.push_back(static_cast<char>((headerBytes >> (8 * i)) & 0xff));
  file += json;
  for (const auto& t : stored) {
    file.append(static_cast<const char*>(t.data_ptr()), static_cast<std::size_t>(t.numel()) * t.element_size());
  }
  writeFileAtomically(path, file);
}

Contents read(const std::string& path) {
  if (!hostIsLittleEndian()) throw std::runtime_error(path + ": safetensors reading needs a little-endian host");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the file (" + std::strerror(errno) + ")");
  in.seekg(0, std::ios::end);
  const auto fileSize = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);
  if (fileSize < 8) fail(path, "only " + std::to_string(fileSize) + " bytes, shorter than the 8-byte header length");
  unsigned char lengthBytes[8];
  in.read(reinterpret_cast<char*>(lengthBytes), 8);
  std::uint64_t headerBytes = 0;
  for (int i = 0; i < 8; ++i) headerBytes |= static_cast<std::uint64_t>(lengthBytes[i]) << (8 * i);
  if (headerBytes > kMaxHeaderBytes) {
    fail(path, "the header claims " + std::to_string(headerBytes) + " bytes, more than the " +
                   std::to_string(kMaxHeaderBytes) + " FOLK accepts");
  }
  if (headerBytes > fileSize - 8) {
    fail(path, "the header claims " + std::to_string(headerBytes) + " bytes, but the file has only " +
                   std::to_string(fileSize - 8) + " after the length");
  }
  std::string headerText(headerBytes, '\0');
  in.read(headerText.data(), static_cast<std::streamsize>(headerBytes));
  if (!in) fail(path, "cannot read the header");
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(headerText);
  } catch (const nlohmann::json::exception& e) {
    fail(path, std::string("the header is not valid JSON (") + e.what() + ")");
  }
  if (!header.is_object()) fail(path, "the header is not a JSON object");

  const std::uint64_t dataBytes = fileSize - 8 - headerBytes;
  Contents contents;
  std::vector<Entry> entries;
  for (const auto& [name, spec] : header.items()) {
    if (name == "__metadata__") {
      if (!spec.is_object()) fail(path, "__metadata__ is not a JSON object");
      for (const auto& [key, value] : spec.items()) {
        if (!value.is_string()) fail(path, "metadata '" + key + "' is not a string");
        contents.metadata[key] = value.get<std::string>();
      }
      continue;
    }
    entries.push_back(parseEntry(name, spec, dataBytes, path));
  }
  // The data section must be exactly the tensors' bytes, back to back: overlaps would alias two
  // tensors, and gaps or trailing bytes mean the header and the data disagree.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::uint64_t expected = 0;
  for (const auto& e : entries) {
    if (e.begin < expected) fail(path, "tensor '" + e.name + "' overlaps the previous tensor's bytes");
    if (e.begin > expected) {
      fail(path, "bytes " + std::to_string(expected) + "–" + std::to_string(e.begin) + " before tensor '" + e.name +
                     "' belong to no tensor");
    }
    expected = e.end;
  }
  if (expected != dataBytes) {
    fail(path, std::to_string(dataBytes - expected) + " bytes after the last tensor belong to no tensor");
  }

  const std::uint64_t dataStart = 8 + headerBytes;
  for (const auto& e : entries) {
    // BOOL bytes other than 0 / 1 are not valid torch booleans: read as bytes, then compare.
    const auto type = e.dtype->type == torch::kBool ? torch::kUInt8 : e.dtype->type;
    auto tensor = torch::empty(e.shape, torch::TensorOptions().dtype(type));
    if (e.end > e.begin) {
      in.seekg(static_cast<std::streamoff>(dataStart + e.begin));
      in.read(static_cast<char*>(tensor.data_ptr()), static_cast<std::streamsize>(e.end - e.begin));
      if (!in) fail(path, "cannot read the bytes of tensor '" + e.name + "'");
    }
    if (e.dtype->type == torch::kBool) tensor = tensor.ne(0);
    contents.tensors.emplace_back(e.name, std::move(tensor));
  }
  return contents;
}

}  // namespace folk::safetensors
