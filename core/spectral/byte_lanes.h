#pragma once
// Turning the bit mask of eight SIMD compares (movemask) into eight bytes, for the spectral loops
// that compare eight doubles at a time and store or select per element.
#include <array>
#include <cstdint>

namespace folk {

// For each 8-bit mask, the 64-bit word whose byte b is 1 where bit b is set (times 0xFF: 0xFF bytes).
inline constexpr std::array<std::uint64_t, 256> kOneBytesOfBits = [] {
  std::array<std::uint64_t, 256> table{};
  for (int bits = 0; bits < 256; ++bits)
    for (int lane = 0; lane < 8; ++lane)
      if (bits >> lane & 1) table[std::size_t(bits)] |= std::uint64_t(1) << (8 * lane);
  return table;
}();

}  // namespace folk
