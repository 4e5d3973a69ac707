#include "core/data/png_chunks.h"

#include <zlib.h>

#include <cstring>

namespace folk {
namespace {

constexpr std::size_t kSignatureSize = 8;
constexpr std::size_t kChunkOverhead = 12;  // length, type, CRC

std::uint32_t bigEndian32(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

bool kept(const std::uint8_t* type) {
  // Bit 5 of the first letter (lower case) marks an ancillary chunk; critical ones always stay.
  if ((type[0] & 0x20) == 0) return true;
  return std::memcmp(type, "tRNS", 4) == 0 || std::memcmp(type, "eXIf", 4) == 0;
}

bool isPng(const std::vector<std::uint8_t>& bytes) {
  return bytes.size() >= kSignatureSize && std::memcmp(bytes.data(), "\x89PNG\r\n\x1a\n", kSignatureSize) == 0;
}

bool isLetter(std::uint8_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::string damagedPngChunk(const std::vector<std::uint8_t>& png) {
  if (!isPng(png)) return {};
  int index = 0;
  for (std::size_t at = kSignatureSize; at + kChunkOverhead <= png.size(); ++index) {
    const std::size_t length = bigEndian32(png.data() + at);
    if (length > png.size() - at - kChunkOverhead) return {};  // cut short: isTruncatedPng's case
    const std::uint8_t* type = png.data() + at + 4;
    const std::string where = " (chunk " + std::to_string(index + 1) + ", at byte " + std::to_string(at) + ")";
    if (!isLetter(type[0]) || !isLetter(type[1]) || !isLetter(type[2]) || !isLetter(type[3])) {
      return "a chunk type is not four letters" + where;
    }
    const std::string name(reinterpret_cast<const char*>(type), 4);
    if (kept(type)) {
      const auto crc = std::uint32_t(crc32_z(crc32(0L, Z_NULL, 0), type, z_size_t(4) + length));
      if (crc != bigEndian32(type + 4 + length)) return "the checksum (CRC) of its " + name + " chunk does not match" + where;
    }
    if (name == "IEND") return {};
    at += kChunkOverhead + length;
  }
  return {};
}

bool isTruncatedPng(const std::vector<std::uint8_t>& png) {
  if (!isPng(png)) return false;
  for (std::size_t at = kSignatureSize; at + kChunkOverhead <= png.size();) {
    const std::size_t length = bigEndian32(png.data() + at);
    if (length > png.size() - at - kChunkOverhead) return true;
    if (std::memcmp(png.data() + at + 4, "IEND", 4) == 0) return false;
    at += kChunkOverhead + length;
  }
  return true;
}

std::vector<std::uint8_t> withoutUnusedPngChunks(const std::vector<std::uint8_t>& png, int* removed) {
  if (removed != nullptr) *removed = 0;
  if (!isPng(png)) return png;
  // First pass: the chunk structure must be intact up to IEND (or the end), else leave it alone.
  int dropped = 0;
  std::size_t at = kSignatureSize;
  while (at + kChunkOverhead <= png.size()) {
    const std::size_t length = bigEndian32(png.data() + at);
    if (length > png.size() - at - kChunkOverhead) return png;
    if (!kept(png.data() + at + 4)) ++dropped;
    if (std::memcmp(png.data() + at + 4, "IEND", 4) == 0) break;
    at += kChunkOverhead + length;
  }
  if (dropped == 0) return png;

  std::vector<std::uint8_t> out(png.begin(), png.begin() + kSignatureSize);
  out.reserve(png.size());
  at = kSignatureSize;
  while (at + kChunkOverhead <= png.size()) {
    const std::size_t length = bigEndian32(png.data() + at);
    const std::uint8_t* type = png.data() + at + 4;
    const std::size_t end = at + kChunkOverhead + length;
    if (kept(type)) out.insert(out.end(), png.begin() + std::ptrdiff_t(at), png.begin() + std::ptrdiff_t(end));
    at = end;
    if (std::memcmp(type, "IEND", 4) == 0) break;
  }
  out.insert(out.end(), png.begin() + std::ptrdiff_t(at), png.end());  // a cut last chunk or trailing bytes
  if (removed != nullptr) *removed = dropped;
  return out;
}

}  // namespace folk
