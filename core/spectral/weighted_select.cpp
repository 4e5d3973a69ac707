#include "core/spectral/weighted_select.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/spectral/byte_lanes.h"

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace folk {
namespace {

// Buckets relative to the largest value: one per 1/32 of an octave (the exponent and 5 leading
// mantissa bits: the top 17 bits of the IEEE pattern, which order non-negative doubles like their
// values) over the kOctaves octaves below it, and bucket 0 for everything smaller (zeros
// included). Magnitude spectra of natural images span many octaves, so equal-width buckets would
// put nearly all values in one.
constexpr int kMantissaBits = 5;
constexpr int kOctaves = 44;
constexpr int kBuckets = 1 + (kOctaves + 1) * (1 << kMantissaBits);
// Neighbouring values often share a bucket; counting into several histograms in turn keeps each
// increment from waiting for the previous one (a store-to-load dependency through memory).
constexpr int kHistograms = 4;

inline std::int64_t topBits(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return std::int64_t(bits >> (52 - kMantissaBits));
}

// The double whose top bits are `top` and whose other bits are zero: the smallest value in its bucket.
inline double fromTopBits(std::int64_t top) {
  const std::uint64_t bits = std::uint64_t(top) << (52 - kMantissaBits);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// The k-th largest among candidates (value, weight) when `above` weight lies strictly above them all:
// a weighted quickselect (three-way partitions around a median-of-three pivot, then into the part
// that holds the answer), linear on average, where a sort of ~1000 candidates took longer than the
// whole pass that collected them.
double kthAmong(std::vector<std::pair<double, int>>& candidates, std::int64_t above, std::int64_t k) {
  std::int64_t needed = k - above;  // weight still to reach within [first, last)
  auto first = candidates.begin(), last = candidates.end();
  while (last - first > 1) {
    const double a = first->first, b = (first + (last - first) / 2)->first, c = (last - 1)->first;
    const double pivot = std::max(std::min(a, b), std::min(std::max(a, b), c));
    const auto greaterEnd = std::partition(first, last, [pivot](const auto& p) { return p.first > pivot; });
    const auto equalEnd = std::partition(greaterEnd, last, [pivot](const auto& p) { return p.first == pivot; });
    std::int64_t greaterWeight = 0, equalWeight = 0;
    for (auto it = first; it != greaterEnd; ++it) greaterWeight += it->second;
    for (auto it = greaterEnd; it != equalEnd; ++it) equalWeight += it->second;
    if (needed <= greaterWeight) {
      last = greaterEnd;
    } else if (needed <= greaterWeight + equalWeight) {
      return pivot;
    } else {
      needed -= greaterWeight + equalWeight;
      first = equalEnd;
    }
  }
  return first->first;  // callers make sure the candidates' weight reaches k
}

// Fast path for large inputs: a regular sample of 1/16 of the values brackets the answer between two
// sampled values, and one pass counts the weight above the bracket and collects the few values
// inside it. Returns false (and the caller falls back to the histogram) when the answer is not
// inside: a sample can miss by more than the margin, rarely, on adversarial layouts.
bool kthBySampling(const double* values, const std::uint8_t* weights, std::size_t count, std::int64_t k,
                   double& answer) {
  constexpr std::size_t kStride = 16;
  std::vector<double> sample;
  sample.reserve(count / kStride + 1);
  std::int64_t sampleWeight = 0;
  for (std::size_t i = 0; i < count; i += kStride) {
    sample.push_back(values[i]);
    sampleWeight += weights[i];
  }
  // The answer's rank in the sample (by count, with the sample's mean weight), and a margin of about
  // four standard deviations of a sampled count, plus a constant for small ranks.
  const double meanWeight = double(sampleWeight) / double(sample.size());
  const double expected = double(k) / (double(kStride) * meanWeight);
  const double margin = 4.0 * std::sqrt(expected + 1.0) + 4.0;
  auto valueAtRank = [&sample](double rank) {  // the rank-th largest sampled value (0-based)
    const auto nth = sample.begin() + std::ptrdiff_t(rank);
    std::nth_element(sample.begin(), nth, sample.end(), std::greater<>());
    return *nth;
  };
  if (expected - margin >= double(sample.size())) return false;  // k near or beyond the total weight
  const double hi = expected - margin < 0.0 ? HUGE_VAL : valueAtRank(expected - margin);
  const double lo = expected + margin >= double(sample.size()) ? -1.0 : valueAtRank(expected + margin);
  // One branch-free pass (no call inside, so nothing is spilled): the weight above the bracket, and
  // the indices inside it, each written to the next free slot and kept by advancing the count.
  thread_local std::vector<std::uint32_t> insideIndex;
  insideIndex.resize(count);
  std::uint32_t* slot = insideIndex.data();
  std::size_t insideCount = 0;
  std::int64_t above = 0;
  bool valid = true;
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  // Eight values per step: compares give lane bit masks; the weights above the bracket are summed
  // with one SAD over the selected bytes; the (few) lanes inside the bracket are visited bit by bit.
  const __m128d loV = _mm_set1_pd(lo), hiV = _mm_set1_pd(hi), zero = _mm_setzero_pd(), limit = _mm_set1_pd(1.0e300);
  int invalid = 0;
  for (; i + 8 <= count; i += 8) {
    int beyond = 0, atLeastLo = 0;
    for (int pair = 0; pair < 4; ++pair) {
      const __m128d v = _mm_loadu_pd(values + i + 2 * pair);
      invalid |= _mm_movemask_pd(_mm_or_pd(_mm_cmpnge_pd(v, zero), _mm_cmpnle_pd(v, limit)));  // NaN too
      beyond |= _mm_movemask_pd(_mm_cmpgt_pd(v, hiV)) << (2 * pair);
      atLeastLo |= _mm_movemask_pd(_mm_cmpge_pd(v, loV)) << (2 * pair);
    }
    if (beyond) {
      std::uint64_t selected;
      std::memcpy(&selected, weights + i, sizeof selected);
      selected &= kOneBytesOfBits[std::size_t(beyond)] * 0xFF;
      above += _mm_cvtsi128_si32(_mm_sad_epu8(_mm_cvtsi64_si128(std::int64_t(selected)), _mm_setzero_si128()));
    }
    for (int in = atLeastLo & ~beyond; in; in &= in - 1) slot[insideCount++] = std::uint32_t(i + std::size_t(__builtin_ctz(in)));
  }
  valid = invalid == 0;
#endif
  for (; i < count; ++i) {
    const double v = values[i];
    valid &= (v >= 0.0) & (v <= 1.0e300);  // also false for NaN
    above += v > hi ? weights[i] : 0;
    slot[insideCount] = std::uint32_t(i);
    insideCount += (v >= lo) & (v <= hi);
  }
  std::vector<std::pair<double, int>> candidates(insideCount);
  std::int64_t inside = 0;
  for (std::size_t j = 0; j < insideCount; ++j) {
    candidates[j] = {values[slot[j]], weights[slot[j]]};
    inside += weights[slot[j]];
  }
  if (!valid) throw std::invalid_argument("kthLargestWeighted: values must be finite and non-negative");
  if (above >= k || above + inside < k) return false;
  answer = kthAmong(candidates, above, k);
  return true;
}

}  // namespace

double kthLargestWeighted(const double* values, const std::uint8_t* weights, std::size_t count, std::int64_t k) {
  if (count == 0 || k < 1) throw std::invalid_argument("kthLargestWeighted: empty input or k < 1");
  double sampled;
  if (count >= 4096 && count < (std::size_t(1) << 32) && kthBySampling(values, weights, count, k, sampled)) return sampled;
  double largest = 0.0;
  bool valid = true;
  for (std::size_t i = 0; i < count; ++i) {
    valid &= values[i] >= 0.0 && values[i] <= 1.0e300;  // also false for NaN
    largest = values[i] > largest ? values[i] : largest;
  }
  if (!valid) throw std::invalid_argument("kthLargestWeighted: values must be finite and non-negative");
  // Bucket b >= 1 holds the values whose top bits are base + b - 1; bucket 0 all below.
  const std::int64_t base = std::max<std::int64_t>(0, (topBits(largest) >> kMantissaBits) - kOctaves) << kMantissaBits;
  auto bucketOf = [base](double v) {
    const std::int64_t b = topBits(v) - base + 1;  // +0.0 has top bits 0; -0.0 is handled below
    return int(b < 0 || v == 0.0 ? 0 : b);
  };
  thread_local std::vector<std::uint32_t> histograms;
  histograms.assign(std::size_t(kHistograms) * kBuckets, 0);
  std::size_t i = 0;
  for (; i + kHistograms <= count; i += kHistograms)
    for (int h = 0; h < kHistograms; ++h)
      histograms[std::size_t(h) * kBuckets + std::size_t(bucketOf(values[i + h]))] += weights[i + h];
  for (; i < count; ++i) histograms[std::size_t(bucketOf(values[i]))] += weights[i];
  auto weightIn = [](int bucket) {
    std::int64_t sum = 0;
    for (int h = 0; h < kHistograms; ++h) sum += histograms[std::size_t(h) * kBuckets + std::size_t(bucket)];
    return sum;
  };

  // The bucket where the running weight from the top first reaches k, and what is left of k there.
  std::int64_t above = 0;
  int bucket = kBuckets - 1;
  for (; bucket > 0 && above + weightIn(bucket) < k; --bucket) above += weightIn(bucket);
  if (above + weightIn(bucket) < k) throw std::invalid_argument("kthLargestWeighted: k exceeds the total weight");
  const std::int64_t needed = k - above;

  // The bucket's values are those in [lowest, beyond): two compares per value, no bucket arithmetic.
  const double lowest = bucket == 0 ? 0.0 : fromTopBits(base + bucket - 1);
  const double beyond = bucket == 0 ? (base == 0 ? 0.0 : fromTopBits(base)) : fromTopBits(base + bucket);
  std::vector<std::pair<double, int>> candidates;
  for (std::size_t j = 0; j < count; ++j)
    if (bucket == 0 ? !(values[j] >= beyond) || values[j] == 0.0 : values[j] >= lowest && values[j] < beyond && values[j] != 0.0)
      candidates.emplace_back(values[j], weights[j]);
  return kthAmong(candidates, k - needed, k);
}

}  // namespace folk
