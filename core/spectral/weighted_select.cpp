#include "core/spectral/weighted_select.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace folk {
namespace {

// Monotone in the value: values below 64 get their own bucket, larger ones are bucketed by their
// leading bit and the 6 bits after it, like a tiny floating-point format. Ranking keys of natural
// images span many powers of two, so equal-width buckets would put nearly all of them in one.
constexpr int kMantissaBits = 6;
constexpr int kBuckets = 64 + (62 - kMantissaBits) * 64;

inline int bucketOf(std::int64_t v) {
  if (v < 64) return int(v);
  const int lead = 63 - __builtin_clzll(std::uint64_t(v));
  return 64 + (lead - kMantissaBits) * 64 + int((v >> (lead - kMantissaBits)) & 63);
}

}  // namespace

std::int64_t kthLargestWeighted(const std::int64_t* values, const std::uint8_t* weights, std::size_t count,
                                std::int64_t k) {
  if (count == 0 || k < 1) throw std::invalid_argument("kthLargestWeighted: empty input or k < 1");
  std::vector<std::int64_t> histogram(kBuckets, 0);
  for (std::size_t i = 0; i < count; ++i) histogram[std::size_t(bucketOf(values[i]))] += weights[i];

  // The bucket where the running weight from the top first reaches k, and what is left of k there.
  std::int64_t above = 0;
  int bucket = kBuckets - 1;
  for (; bucket > 0 && above + histogram[std::size_t(bucket)] < k; --bucket) above += histogram[std::size_t(bucket)];
  if (above + histogram[std::size_t(bucket)] < k) throw std::invalid_argument("kthLargestWeighted: k exceeds the total weight");
  const std::int64_t needed = k - above;

  std::vector<std::pair<std::int64_t, int>> candidates;
  for (std::size_t i = 0; i < count; ++i)
    if (bucketOf(values[i]) == bucket) candidates.emplace_back(values[i], weights[i]);
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::int64_t running = 0;
  for (const auto& [value, weight] : candidates) {
    running += weight;
    if (running >= needed) return value;
  }
  return candidates.back().first;  // unreachable: the bucket's weight covers `needed`
}

}  // namespace folk
