#include "core/spectral/mask_pipeline.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/spectral/byte_lanes.h"
#include "core/spectral/fftw_buffer.h"
#include "core/spectral/fftw_plans.h"
#include "core/spectral/weighted_select.h"

namespace folk {
namespace {

// Luma weights exactly as luma() applies them (float), so the relation F(y) = Σ w_c F(x_c) holds to
// float rounding of y, and the ranking sees the same y as the two-step path and the torch path.
constexpr float kLumaR = 0.299f, kLumaG = 0.587f, kLumaB = 0.114f;

// Columns transformed per FFTW call: stored interleaved, adjacent columns run in SIMD lanes.
constexpr int kBlock = 8;  // the kept-list scan below reads a block's 8 mask bytes as one word

// Scratch arrays for one image size, reused by every call on this thread.
struct Workspace {
  int h = 0, w = 0, hw = 0;
  fftw::Buffer<fftw_complex> lumaHalf;   // F(y), h × hw, unshifted (computed in place)
  std::vector<double> magnitude;         // |F(y)| on the half, conjugate pairs made equal
  std::vector<std::uint8_t> weights;     // 1 or 2 coefficients per half entry
  std::vector<std::uint8_t> keep;        // the mask on the half
  std::vector<std::uint8_t> sparse;      // keep, or its complement when that keeps fewer
  std::vector<std::uint8_t> columnUsed;  // per half column: does the sparse side touch it?
  std::vector<int> activeColumns;        // the columns it touches, ascending
  std::vector<std::pair<int, int>> inactiveRuns;  // [first, last) runs of the other columns
  // The sparse coefficients, listed once per image for every channel, block by block in visiting
  // order: where each sits in its block buffer and in the half layout, and how many coefficients
  // it stands for (1 or 2). blockStart[b] is the first entry of block b.
  std::vector<std::uint32_t> keptInBlock, keptInHalf;
  std::vector<double> keptWeight;
  std::vector<std::size_t> blockStart;
  fftw::Buffer<float> real;              // staging for planes that are not SIMD-aligned
  fftw::Buffer<fftwf_complex> rows;      // one channel's half spectrum, built in place, h × hw
  fftw::Buffer<fftwf_complex> block;     // kBlock columns, interleaved, h × kBlock
  std::vector<std::complex<float>> keptRG[2];  // the sparse coefficients of R and G

  void resize(int height, int width) {
    h = height;
    w = width;
    hw = width / 2 + 1;
    const std::size_t n = std::size_t(h) * w, nh = std::size_t(h) * hw;
    lumaHalf = fftw::allocate<fftw_complex>(nh);
    magnitude.assign(nh, 0.0);
    weights.assign(nh, 1);
    keep.assign(nh, 0);
    sparse.assign(nh, 0);
    columnUsed.assign(std::size_t(hw), 0);
    real = fftw::allocate<float>(n);
    rows = fftw::allocate<fftwf_complex>(nh);
    block = fftw::allocate<fftwf_complex>(std::size_t(h) * kBlock);
    std::memset(block.get(), 0, sizeof(fftwf_complex) * std::size_t(h) * kBlock);
    // Columns 0 and w/2 (even w) hold both members of their conjugate pairs; the others stand for two.
    for (int r = 0; r < h; ++r)
      for (int c = 0; c < hw; ++c)
        weights[std::size_t(r) * hw + c] = (c == 0 || (w % 2 == 0 && c == w / 2)) ? 1 : 2;
  }
};

Workspace& workspaceFor(int h, int w) {
  thread_local Workspace ws;
  if (ws.h != h || ws.w != w) ws.resize(h, w);
  return ws;
}

// The ranking key of one magnitude, exactly as magnitudeKeys computes it: |F| * 2^40 is exact, so
// the division is the only rounding; (v + 2^52) - 2^52 rounds a non-negative v < 2^52 to the nearest
// integer, ties to even, in the default rounding mode, as nearbyint does.
inline double keyOf(double magnitude, double maxMagnitude) {
  const double top = 1099511627776.0, shift = 4503599627370496.0;  // 2^40, 2^52
  return (magnitude * top / maxMagnitude + shift) - shift;
}

// keep[i] = key(m[i]) >= threshold (an integer key), without computing most keys. Keys are monotone
// in the magnitude, so every magnitude >= sureKeep (one whose key is known to reach the threshold) is
// kept, and every magnitude whose key cannot reach it is dropped: key(m) >= T needs
// m * 2^40 / max >= T - 1/2 before rounding, so m > (T - 2) * max / 2^40 with room for the rounding
// of this bound. Only the few magnitudes in between get the exact key and its division.
void keepKeysAtLeast(const double* __restrict m, std::size_t count, double maxMagnitude, double threshold,
                     double sureKeep, std::uint8_t* __restrict keep) {
  const double low = (threshold - 2.0) * maxMagnitude / 1099511627776.0;
  auto exact = [&](std::size_t i) {
    return m[i] >= sureKeep || (m[i] > low && keyOf(m[i], maxMagnitude) >= threshold);
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  // Eight at a time: two compares per pair of lanes; the eight "sure" bits become eight 0/1 bytes
  // through a table; lanes between the bounds (a handful per image) go through exact().
  const __m128d lowV = _mm_set1_pd(low), sureV = _mm_set1_pd(sureKeep);
  for (; i + 8 <= count; i += 8) {
    int above = 0, sure = 0;
    for (int pair = 0; pair < 4; ++pair) {
      const __m128d v = _mm_loadu_pd(m + i + 2 * pair);
      above |= _mm_movemask_pd(_mm_cmpgt_pd(v, lowV)) << (2 * pair);
      sure |= _mm_movemask_pd(_mm_cmpge_pd(v, sureV)) << (2 * pair);
    }
    std::memcpy(keep + i, &kOneBytesOfBits[std::size_t(sure)], 8);
    for (int unsure = above & ~sure; unsure; unsure &= unsure - 1) {
      const std::size_t lane = i + std::size_t(__builtin_ctz(unsure));
      keep[lane] = exact(lane);
    }
  }
#endif
  for (; i < count; ++i) keep[i] = exact(i);
}

// The mask on the half layout, with the same rules as computeMask (which ranks magnitudeKeys). Com
// selects the k-th largest magnitude instead of the k-th largest key: keys are a monotone function
// of magnitudes, so the k-th largest key is the key of the k-th largest magnitude, and the
// 25 000 divisions of a full key array are not needed.
void halfMask(const MaskSpec& spec, double maxMagnitude, Workspace& ws) {
  const std::size_t nh = ws.keep.size();
  const std::int64_t n = std::int64_t(ws.h) * ws.w;
  const double* m = ws.magnitude.data();
  std::uint8_t* keep = ws.keep.data();
  if (usesRatio(spec.kind)) {
    if (!(maxMagnitude > 0.0) || !std::isfinite(maxMagnitude)) {
      std::fill(keep, keep + nh, std::uint8_t(1));  // every key is 0: all tie, all are kept
    } else if (spec.mode == ThresholdMode::Relative) {
      // key >= ratio * 2^40 for an integer key means key >= ceil(ratio * 2^40); one more grid step
      // above that (and a little for the rounding of the bound) the key surely reaches it.
      const double threshold = std::ceil(spec.ratio * 1099511627776.0);
      keepKeysAtLeast(m, nh, maxMagnitude, threshold, (threshold + 2.0) * maxMagnitude / 1099511627776.0, keep);
    } else {
      const double kth = kthLargestWeighted(m, ws.weights.data(), nh, comKeepCount(spec.ratio, n));
      keepKeysAtLeast(m, nh, maxMagnitude, keyOf(kth, maxMagnitude), kth, keep);
    }
  } else {
    const double radius = spec.radius > 0 ? spec.radius : defaultRadius(ws.h, ws.w);
    const double r2 = radius * radius;
    for (int r = 0; r < ws.h; ++r) {
      const double du = (r + ws.h / 2) % ws.h - ws.h / 2;  // centred row minus the centre
      for (int c = 0; c < ws.hw; ++c) {
        const int j = c + ws.w / 2 < ws.w ? c + ws.w / 2 : c + ws.w / 2 - ws.w;
        const double dv = j - ws.w / 2;
        keep[std::size_t(r) * ws.hw + c] = du * du + dv * dv < r2;
      }
    }
  }
  if (keepsComplement(spec.kind))
    for (std::size_t i = 0; i < nh; ++i) keep[i] = std::uint8_t(1 - keep[i]);
}

// Picks the side (mask or complement) that keeps fewer coefficients, marks it in ws.sparse, lists
// the columns it touches and the runs of columns it does not, and lists its coefficients block by
// block. Returns true for the complement.
bool chooseSparseSide(Workspace& ws) {
  const std::size_t nh = ws.keep.size();
  const int h = ws.h, w = ws.w, hw = ws.hw;
  // Weight kept = 2 per kept entry, less 1 for each in the columns that hold both members of their
  // pairs (0, and W/2 for even W).
  std::uint32_t keptEntries = 0;
  const std::uint8_t* __restrict keep = ws.keep.data();
  for (std::size_t i = 0; i < nh; ++i) keptEntries += keep[i];
  std::int64_t keptWeight = 2 * std::int64_t(keptEntries);
  for (int r = 0; r < h; ++r) {
    keptWeight -= keep[std::size_t(r) * hw];
    if (w % 2 == 0 && w / 2 != 0) keptWeight -= keep[std::size_t(r) * hw + std::size_t(w / 2)];
  }
  const bool complement = 2 * keptWeight > std::int64_t(h) * w;
  const std::uint8_t flip = complement ? 1 : 0;
  std::uint8_t* __restrict used = ws.columnUsed.data();
  std::fill(used, used + hw, 0);
  for (int r = 0; r < h; ++r) {
    const std::uint8_t* __restrict keepRow = keep + std::size_t(r) * hw;
    std::uint8_t* __restrict sparse = ws.sparse.data() + std::size_t(r) * hw;
    for (int c = 0; c < hw; ++c) {
      sparse[c] = keepRow[c] ^ flip;
      used[c] |= sparse[c];
    }
  }
  ws.activeColumns.clear();
  ws.inactiveRuns.clear();
  for (int c = 0; c < hw; ++c) {
    if (used[c]) {
      ws.activeColumns.push_back(c);
    } else if (!ws.inactiveRuns.empty() && ws.inactiveRuns.back().second == c) {
      ws.inactiveRuns.back().second = c + 1;
    } else {
      ws.inactiveRuns.emplace_back(c, c + 1);
    }
  }
  ws.keptInBlock.clear();
  ws.keptInHalf.clear();
  ws.keptWeight.clear();
  ws.blockStart.clear();
  for (std::size_t first = 0; first < ws.activeColumns.size(); first += kBlock) {
    ws.blockStart.push_back(ws.keptInBlock.size());
    const int* cols = ws.activeColumns.data() + first;
    const int count = int(std::min<std::size_t>(kBlock, ws.activeColumns.size() - first));
    const bool adjacent = count == kBlock && cols[count - 1] - cols[0] == count - 1;
    for (int r = 0; r < h; ++r) {
      const std::uint8_t* sparse = ws.sparse.data() + std::size_t(r) * hw;
      if (adjacent) {  // most rows keep nothing in a block: test its 8 bytes at once
        std::uint64_t eight;
        std::memcpy(&eight, sparse + cols[0], sizeof eight);
        if (eight == 0) continue;
      }
      for (int k = 0; k < count; ++k) {
        if (!sparse[cols[k]]) continue;
        const std::size_t i = std::size_t(r) * hw + std::size_t(cols[k]);
        ws.keptInBlock.push_back(std::uint32_t(r * kBlock + k));
        ws.keptInHalf.push_back(std::uint32_t(i));
        ws.keptWeight.push_back(ws.weights[i]);
      }
    }
  }
  ws.blockStart.push_back(ws.keptInBlock.size());
  return complement;
}

// Copies `count` columns (listed in cols) between the half spectrum and the interleaved block, into
// the block (`toBlock`) or back; one straight copy per row when they are adjacent, as they mostly
// are (low frequencies).
void copyColumns(fftwf_complex* rows, int h, int hw, const int* cols, int count, fftwf_complex* block, bool toBlock) {
  const bool adjacent = cols[count - 1] - cols[0] == count - 1;
  auto copy = [toBlock](fftwf_complex* inRows, fftwf_complex* inBlock, std::size_t values) {
    if (toBlock) std::memcpy(inBlock, inRows, sizeof(fftwf_complex) * values);
    else std::memcpy(inRows, inBlock, sizeof(fftwf_complex) * values);
  };
  for (int r = 0; r < h; ++r) {
    fftwf_complex* row = rows + std::size_t(r) * hw;
    fftwf_complex* lanes = block + std::size_t(r) * kBlock;
    if (adjacent && count == kBlock) {
      copy(row + cols[0], lanes, kBlock);  // constant size: inlined
    } else if (adjacent) {
      copy(row + cols[0], lanes, std::size_t(count));
    } else {
      for (int k = 0; k < count; ++k) copy(row + cols[k], lanes + k, 1);
    }
  }
}

// One channel's sparse side through the active columns, in place in ws.rows, which holds the
// channel's row transforms (`transformed`) or is rebuilt here from F(y) (B of RGB, or a grey
// image). Columns go kBlock at a time through a forward column transform, the mask, and the inverse;
// the other columns are zeroed. R and G keep their sparse coefficients in visiting order, so B's can
// be derived from the luma spectrum. Returns Σ|F|² over the sparse coefficients (with their partners).
double filterActiveColumns(Workspace& ws, int ch, bool transformed, int channels) {
  const int h = ws.h, hw = ws.hw;
  const fftwf_plan forward = fftw::columnsFloat(h, kBlock, FFTW_FORWARD);
  const fftwf_plan inverse = fftw::columnsFloat(h, kBlock, FFTW_BACKWARD);
  fftwf_complex* rows = ws.rows.get();
  fftwf_complex* block = ws.block.get();
  std::complex<float>* z = reinterpret_cast<std::complex<float>*>(block);  // FFTW's layout (fftw3.h)
  const std::size_t blockBytes = sizeof(fftwf_complex) * std::size_t(h) * kBlock;
  std::vector<std::complex<float>>* keptRG = ws.keptRG;
  if (transformed) keptRG[ch].resize(ws.keptInBlock.size());
  double sparseEnergy = 0.0;
  for (std::size_t b = 0; b + 1 < ws.blockStart.size(); ++b) {
    const int* cols = ws.activeColumns.data() + b * kBlock;
    const int count = int(std::min<std::size_t>(kBlock, ws.activeColumns.size() - b * kBlock));
    const std::size_t first = ws.blockStart[b], last = ws.blockStart[b + 1];
    if (transformed) {
      copyColumns(rows, h, hw, cols, count, block, true);
      fftwf_execute_dft(forward, block, block);
      // Keep the sparse coefficients, clear the block, put them back: no branch per coefficient.
      std::complex<float>* kept = keptRG[ch].data();
      for (std::size_t e = first; e < last; ++e) kept[e] = z[ws.keptInBlock[e]];
      std::memset(block, 0, blockBytes);
      for (std::size_t e = first; e < last; ++e) {
        z[ws.keptInBlock[e]] = kept[e];
        sparseEnergy += ws.keptWeight[e] * std::norm(std::complex<double>(kept[e]));
      }
    } else {
      std::memset(block, 0, blockBytes);
      for (std::size_t e = first; e < last; ++e) {
        const fftw_complex& fy = ws.lumaHalf[ws.keptInHalf[e]];
        std::complex<double> v(fy[0], fy[1]);
        if (channels == 3) {
          const std::complex<double> fr(keptRG[0][e]), fg(keptRG[1][e]);
          v = (v - double(kLumaR) * fr - double(kLumaG) * fg) / double(kLumaB);
        }
        z[ws.keptInBlock[e]] = std::complex<float>(v);
        sparseEnergy += ws.keptWeight[e] * std::norm(v);
      }
    }
    fftwf_execute_dft(inverse, block, block);
    copyColumns(rows, h, hw, cols, count, block, false);
  }
  // Zero the other columns with plain stores: the runs are short and many (a memset call per run
  // and row cost more than the stores).
  for (int r = 0; r < h; ++r) {
    fftwf_complex* row = rows + std::size_t(r) * hw;
    for (const auto& [firstColumn, lastColumn] : ws.inactiveRuns)
      for (int c = firstColumn; c < lastColumn; ++c) row[c][0] = row[c][1] = 0.0f;
  }
  return sparseEnergy;
}

// dst = clamp(inverse * norm, 0, 1), or clamp(x - inverse * norm, 0, 1) when the complement was
// filtered (Com part = x - RCom part). SSE's min/max, where std::min/max's NaN rules make GCC emit
// three-instruction blends.
void writeClamped(const float* x, const float* inverse, float norm, bool complement, std::size_t n, float* dst) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128 zero = _mm_setzero_ps(), one = _mm_set1_ps(1.0f), scale = _mm_set1_ps(norm);
  for (; i + 4 <= n; i += 4) {
    __m128 v = _mm_mul_ps(_mm_loadu_ps(inverse + i), scale);
    if (complement) v = _mm_sub_ps(_mm_loadu_ps(x + i), v);
    _mm_storeu_ps(dst + i, _mm_min_ps(_mm_max_ps(v, zero), one));
  }
#endif
  for (; i < n; ++i) {
    const float v = complement ? x[i] - inverse[i] * norm : inverse[i] * norm;
    dst[i] = std::min(std::max(v, 0.0f), 1.0f);
  }
}

}  // namespace

void runMaskPipeline(const Image& image, const MaskSpec& spec, MaskPipelineResult& result) {
  if (image.empty()) throw std::invalid_argument("runMaskPipeline: empty image");
  if (image.channels != 1 && image.channels != 3)
    throw std::invalid_argument("runMaskPipeline: expected 1 or 3 channels, got " + std::to_string(image.channels));
  const std::string problem = validateMaskSpec(spec);
  if (!problem.empty()) throw std::invalid_argument(problem);
  if (isSoft(spec.kind)) {
    // A soft mask weights every coefficient: there is no sparse side to exploit.
    result.spectrum = computeLumaSpectrum(image);
    result.mask = computeMask(spec, result.spectrum);
    result.output = applyMask(image, result.mask);
    return;
  }

  const int h = image.height, w = image.width;
  const std::size_t n = image.planeSize();
  Workspace& ws = workspaceFor(h, w);
  double sumOfSquares[3];
  computeHalfLumaSpectrum(image, &ws.lumaHalf[0][0], sumOfSquares);
  const double maxMagnitude = halfMagnitude(&ws.lumaHalf[0][0], h, w, ws.magnitude.data());
  halfMask(spec, maxMagnitude, ws);
  // Filter with the side that keeps fewer coefficients; the other follows by subtraction.
  const bool complement = chooseSparseSide(ws);

  Image& filtered = result.output.filtered;
  if (filtered.channels != image.channels || filtered.height != h || filtered.width != w)
    filtered = Image(image.channels, h, w);
  double keptEnergy = 0.0, totalEnergy = 0.0;
  const float norm = 1.0f / float(n);
  for (int ch = 0; ch < image.channels; ++ch) {
    const bool transformed = image.channels == 3 && ch < 2;  // B and grey come from F(y)
    const float* x = image.plane(ch);
    if (transformed) {
      // The rows plan keeps its input intact; it reads the plane in place when it is aligned like
      // the plan's arrays (fftw_malloc'ed), else a copy.
      float* in = const_cast<float*>(x);
      if (fftwf_alignment_of(in) != 0) in = static_cast<float*>(std::memcpy(ws.real.get(), x, n * sizeof(float)));
      fftwf_execute_dft_r2c(fftw::rowsForwardFloat(h, w), in, ws.rows.get());
    }
    const double sparseEnergy = filterActiveColumns(ws, ch, transformed, image.channels);

    // The row inverses straight into the output plane when it is aligned like the plan's arrays.
    float* dst = filtered.plane(ch);
    const bool direct = fftwf_alignment_of(dst) == 0;
    fftwf_execute_dft_c2r(fftw::rowsInverseFloat(h, w), ws.rows.get(), direct ? dst : ws.real.get());
    writeClamped(x, direct ? dst : ws.real.get(), norm, complement, n, dst);
    const double channelTotal = sumOfSquares[ch] * double(n);  // Parseval: Σ|F|² = N Σ x²
    totalEnergy += channelTotal;
    keptEnergy += complement ? std::max(0.0, channelTotal - sparseEnergy) : sparseEnergy;
  }
  result.output.retainedEnergy = totalEnergy > 0.0 ? std::min(1.0, keptEnergy / totalEnergy) : 1.0;

  result.spectrum.height = h;
  result.spectrum.width = w;
  result.spectrum.magnitude.resize(n);
  expandHalfToCentred(ws.magnitude.data(), h, w, result.spectrum.magnitude.data());
  result.mask.height = h;
  result.mask.width = w;
  result.mask.keep.resize(n);
  result.mask.gain.clear();
  expandHalfToCentred(ws.keep.data(), h, w, result.mask.keep.data());
}

MaskPipelineResult runMaskPipeline(const Image& image, const MaskSpec& spec) {
  MaskPipelineResult result;
  runMaskPipeline(image, spec, result);
  return result;
}

}  // namespace folk
