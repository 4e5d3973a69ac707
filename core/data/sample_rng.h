#pragma once
// Counter-based random numbers for the data pipeline. Every random decision for a sample is drawn
// from a generator seeded by (seed, epoch, index, stream), so a batch is the same whichever loader
// thread builds it and in whatever order: runs are reproducible and resumable. The generator and
// the draws are written out here (xoshiro256** seeded by SplitMix64) rather than taken from
// <random>, whose distributions differ between standard libraries.
#include <cmath>
#include <cstdint>

namespace folk {

// SplitMix64 finaliser: a good 64-bit mixing function for deriving seeds.
inline std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Distinct streams so that, e.g., the shuffle of epoch 3 never shares numbers with sample 3.
// AugmentLocal draws the local crops and AugmentExtra the noise and erasing of every view, each view
// from its own substream, so neither shifts the draws of the two global views.
enum class RngStream : std::uint64_t {
  Augment = 1,
  Shuffle = 2,
  Replace = 3,
  Probe = 4,
  Subset = 5,
  AugmentLocal = 6,
  AugmentExtra = 7
};

class SampleRng {
 public:
  // `substream` > 0 splits a stream further (one generator per view); 0 is the plain stream.
  SampleRng(std::uint64_t seed, std::uint64_t epoch, std::uint64_t index, RngStream stream,
            std::uint64_t substream = 0) {
    std::uint64_t h = mix64(seed);
    h = mix64(h ^ epoch);
    h = mix64(h ^ index);
    h = mix64(h ^ static_cast<std::uint64_t>(stream));
    if (substream != 0) h = mix64(h ^ substream);
    for (auto& s : s_) s = h = mix64(h);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  bool bernoulli(double p) { return uniform() < p; }
  // Standard normal (Box-Muller; two uniforms per draw, the second value is not kept).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: the logarithm stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  // Uniform integer in [0, n) (n > 0); the modulo bias is below 2^-40 for any n < 2^24 and
  // irrelevant for shuffling.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  // Uniform integer in [lo, hi] inclusive.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace folk
