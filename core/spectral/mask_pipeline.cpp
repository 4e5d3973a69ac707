#include "core/spectral/mask_pipeline.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <stdexcept>

#include "core/spectral/fftw_buffer.h"
#include "core/spectral/fftw_plans.h"
#include "core/spectral/weighted_select.h"

namespace folk {
namespace {

// Luma weights exactly as luma() applies them (float), so the relation F(y) = Σ w_c F(x_c) holds to
// float rounding of y, and the ranking sees the same y as the two-step path and the torch path.
constexpr float kLumaR = 0.299f, kLumaG = 0.587f, kLumaB = 0.114f;

// Scratch arrays for one image size, reused by every call on this thread.
struct Workspace {
  int h = 0, w = 0, hw = 0;
  fftw::Buffer<fftw_complex> lumaHalf;   // F(y), h × hw, unshifted (computed in place)
  fftw::Buffer<float> real;              // one channel plane / inverse output
  fftw::Buffer<fftwf_complex> rows;      // one channel's half spectrum, built in place, h × hw
  fftw::Buffer<fftwf_complex> column;    // one column, h
  std::vector<std::int64_t> keys;        // ranking keys on the half
  std::vector<std::uint8_t> weights;     // 1 or 2 coefficients per half entry
  std::vector<std::uint8_t> keep;        // the mask on the half
  std::vector<std::uint8_t> sparse;      // keep, or its complement when that keeps fewer
  std::vector<std::complex<float>> keptRG[2];  // the sparse coefficients of R and G

  void resize(int height, int width) {
    h = height;
    w = width;
    hw = width / 2 + 1;
    const std::size_t n = std::size_t(h) * w, nh = std::size_t(h) * hw;
    lumaHalf = fftw::allocate<fftw_complex>(nh);
    real = fftw::allocate<float>(n);
    rows = fftw::allocate<fftwf_complex>(nh);
    column = fftw::allocate<fftwf_complex>(std::size_t(h));
    keys.assign(nh, 0);
    weights.assign(nh, 1);
    keep.assign(nh, 0);
    sparse.assign(nh, 0);
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

inline double squaredMagnitude(const fftw_complex& z) { return z[0] * z[0] + z[1] * z[1]; }

// magnitudeKeys() on the half. sqrt is monotone and correctly rounded, so the largest magnitude is
// the root of the largest squared one; the key is monotone in the magnitude, so the conjugate-pair
// rule of centredMagnitudeFromHalf (take the larger) can be applied to keys.
void halfKeys(Workspace& ws) {
  const std::size_t nh = ws.keys.size();
  const fftw_complex* f = ws.lumaHalf.get();
  double maxSquared = 0.0;
  for (std::size_t i = 0; i < nh; ++i) maxSquared = std::max(maxSquared, squaredMagnitude(f[i]));
  const double maxMagnitude = std::sqrt(maxSquared);
  std::int64_t* keys = ws.keys.data();
  if (!(maxMagnitude > 0.0) || !std::isfinite(maxMagnitude)) {
    std::fill(keys, keys + nh, 0);
    return;
  }
  // (v + 2^52) - 2^52 rounds a non-negative v < 2^52 to the nearest integer, ties to even, in the
  // default rounding mode: what nearbyint does (magnitudeKeys), without a libm call per element.
  const double top = std::ldexp(1.0, kMagnitudeKeyBits), shift = std::ldexp(1.0, 52);
  for (std::size_t i = 0; i < nh; ++i) {
    const double rounded = std::sqrt(squaredMagnitude(f[i])) * top / maxMagnitude + shift;
    keys[i] = std::int64_t(rounded - shift);  // IEEE semantics: (v + s) - s is not simplified away
  }
  // The pair rule of centredMagnitudeFromHalf, on keys.
  forEachStoredConjugatePair(ws.h, ws.w, [keys](std::size_t a, std::size_t b) { keys[a] = keys[b] = std::max(keys[a], keys[b]); });
}

// The mask on the half layout, with the same rules as computeMask.
void halfMask(const MaskSpec& spec, Workspace& ws) {
  const std::size_t nh = ws.keep.size();
  const std::int64_t n = std::int64_t(ws.h) * ws.w;
  if (spec.kind == FilterKind::Com || spec.kind == FilterKind::RCom) {
    halfKeys(ws);
    if (spec.mode == ThresholdMode::Relative) {
      const bool black = *std::max_element(ws.keys.begin(), ws.keys.end()) == 0;
      const double cut = spec.ratio * std::ldexp(1.0, kMagnitudeKeyBits);
      for (std::size_t i = 0; i < nh; ++i) ws.keep[i] = black || double(ws.keys[i]) >= cut;
    } else {
      const std::int64_t tau = kthLargestWeighted(ws.keys.data(), ws.weights.data(), nh, comKeepCount(spec.ratio, n));
      for (std::size_t i = 0; i < nh; ++i) ws.keep[i] = ws.keys[i] >= tau;
    }
  } else {
    const double radius = spec.radius > 0 ? spec.radius : defaultRadius(ws.h, ws.w);
    const double r2 = radius * radius;
    for (int r = 0; r < ws.h; ++r) {
      const double du = (r + ws.h / 2) % ws.h - ws.h / 2;  // centred row minus the centre
      for (int c = 0; c < ws.hw; ++c) {
        const int j = c + ws.w / 2 < ws.w ? c + ws.w / 2 : c + ws.w / 2 - ws.w;
        const double dv = j - ws.w / 2;
        ws.keep[std::size_t(r) * ws.hw + c] = du * du + dv * dv < r2;
      }
    }
  }
  if (spec.kind == FilterKind::RCom || spec.kind == FilterKind::HighPass)
    for (auto& v : ws.keep) v = std::uint8_t(1 - v);
}

// A half-layout array expanded to the full centred H×W layout by conjugate symmetry.
template <typename T>
std::vector<T> expandCentred(const std::vector<T>& halfValues, int h, int w) {
  const int hw = w / 2 + 1;
  std::vector<T> full(std::size_t(h) * w);
  const int shift = w / 2;  // unshifted column c lands in centred column (c + w/2) mod w
  for (int r = 0; r < h; ++r) {
    T* dst = full.data() + std::size_t((r + h / 2) % h) * w;
    const T* src = halfValues.data() + std::size_t(r) * hw;
    const T* mirror = halfValues.data() + std::size_t((h - r) % h) * hw;
    for (int c = 0; c < hw && c + shift < w; ++c) dst[c + shift] = src[c];                 // stored half
    for (int c = hw; c < w; ++c) dst[c + shift < w ? c + shift : c + shift - w] = mirror[w - c];  // partners
    for (int c = w - shift; c < hw; ++c) dst[c + shift - w] = src[c];                      // wrapped stored
  }
  return full;
}

}  // namespace

MaskPipelineResult runMaskPipeline(const Image& image, const MaskSpec& spec) {
  if (image.empty()) throw std::invalid_argument("runMaskPipeline: empty image");
  if (image.channels != 1 && image.channels != 3)
    throw std::invalid_argument("runMaskPipeline: expected 1 or 3 channels, got " + std::to_string(image.channels));
  const std::string problem = validateMaskSpec(spec);
  if (!problem.empty()) throw std::invalid_argument(problem);

  const int h = image.height, w = image.width, hw = w / 2 + 1;
  const std::size_t n = image.planeSize(), nh = std::size_t(h) * hw;
  Workspace& ws = workspaceFor(h, w);
  computeHalfLumaSpectrum(image, &ws.lumaHalf[0][0]);
  halfMask(spec, ws);

  // Filter with the side that keeps fewer coefficients; the other follows by subtraction.
  std::int64_t keptWeight = 0;
  for (std::size_t i = 0; i < nh; ++i) keptWeight += ws.keep[i] * ws.weights[i];
  const bool complement = 2 * keptWeight > std::int64_t(n);
  for (std::size_t i = 0; i < nh; ++i) ws.sparse[i] = complement ? 1 - ws.keep[i] : ws.keep[i];
  std::vector<int> activeColumns;
  for (int c = 0; c < hw; ++c) {
    for (int r = 0; r < h; ++r) {
      if (ws.sparse[std::size_t(r) * hw + c]) {
        activeColumns.push_back(c);
        break;
      }
    }
  }

  std::vector<int> inactiveColumns;
  for (int c = 0, a = 0; c < hw; ++c) {
    if (a < int(activeColumns.size()) && activeColumns[std::size_t(a)] == c) ++a;
    else inactiveColumns.push_back(c);
  }

  // One channel at a time, in place in ws.rows: row transforms, then only the active columns
  // forward, masked and back, zeros in the other columns, then the row inverses. R and G keep
  // their sparse coefficients (in visiting order) so B's can be derived from the luma spectrum.
  const fftwf_plan columnForward = fftw::columnFloat(h, FFTW_FORWARD);
  const fftwf_plan columnInverse = fftw::columnFloat(h, FFTW_BACKWARD);
  std::vector<std::complex<float>>* keptRG = ws.keptRG;
  MaskPipelineResult result;
  result.output.filtered = Image(image.channels, h, w);
  double keptEnergy = 0.0, totalEnergy = 0.0;
  const float norm = 1.0f / float(n);
  for (int ch = 0; ch < image.channels; ++ch) {
    const bool transformed = image.channels == 3 && ch < 2;  // B and grey come from F(y)
    const float* x = image.plane(ch);
    fftwf_complex* rows = ws.rows.get();
    float* column = &ws.column[0][0];
    if (transformed) {
      std::memcpy(ws.real.get(), x, n * sizeof(float));
      fftwf_execute_dft_r2c(fftw::rowsForwardFloat(h, w), ws.real.get(), rows);
      keptRG[ch].clear();
    }
    double sparseEnergy = 0.0;
    std::size_t j = 0;  // index into keptRG in visiting order
    for (const int c : activeColumns) {
      const std::uint8_t* kept = ws.sparse.data() + c;
      const double weight = ws.weights[std::size_t(c)];  // the same in every row of a column
      if (transformed) {
        for (int r = 0; r < h; ++r) {
          column[2 * r] = rows[std::size_t(r) * hw + c][0];
          column[2 * r + 1] = rows[std::size_t(r) * hw + c][1];
        }
        fftwf_execute_dft(columnForward, ws.column.get(), ws.column.get());
      }
      for (int r = 0; r < h; ++r) {
        if (!kept[std::size_t(r) * hw]) {
          column[2 * r] = column[2 * r + 1] = 0.0f;
          continue;
        }
        std::complex<double> z;
        if (transformed) {
          z = {column[2 * r], column[2 * r + 1]};
          keptRG[ch].emplace_back(column[2 * r], column[2 * r + 1]);
        } else {
          const fftw_complex& fy = ws.lumaHalf[std::size_t(r) * hw + c];
          z = {fy[0], fy[1]};
          if (image.channels == 3) {
            const std::complex<double> fr(keptRG[0][j]), fg(keptRG[1][j]);
            z = (z - double(kLumaR) * fr - double(kLumaG) * fg) / double(kLumaB);
          }
          column[2 * r] = float(z.real());
          column[2 * r + 1] = float(z.imag());
        }
        ++j;
        sparseEnergy += weight * (z.real() * z.real() + z.imag() * z.imag());
      }
      fftwf_execute_dft(columnInverse, ws.column.get(), ws.column.get());
      for (int r = 0; r < h; ++r) {
        rows[std::size_t(r) * hw + c][0] = column[2 * r];
        rows[std::size_t(r) * hw + c][1] = column[2 * r + 1];
      }
    }
    for (int r = 0; r < h; ++r)
      for (const int c : inactiveColumns) rows[std::size_t(r) * hw + c][0] = rows[std::size_t(r) * hw + c][1] = 0.0f;
    fftwf_execute_dft_c2r(fftw::rowsInverseFloat(h, w), rows, ws.real.get());

    float* dst = result.output.filtered.plane(ch);
    const float* inverse = ws.real.get();
    if (complement) {
      for (std::size_t i = 0; i < n; ++i) dst[i] = std::min(std::max(x[i] - inverse[i] * norm, 0.0f), 1.0f);
    } else {
      for (std::size_t i = 0; i < n; ++i) dst[i] = std::min(std::max(inverse[i] * norm, 0.0f), 1.0f);
    }
    // Parseval: Σ|F|² = N Σ x². Four partial sums so the additions need not wait for each other.
    double partial[4] = {0.0, 0.0, 0.0, 0.0};
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
      for (int k = 0; k < 4; ++k) partial[k] += double(x[i + k]) * double(x[i + k]);
    for (; i < n; ++i) partial[0] += double(x[i]) * double(x[i]);
    const double channelTotal = (partial[0] + partial[1] + partial[2] + partial[3]) * double(n);
    totalEnergy += channelTotal;
    keptEnergy += complement ? std::max(0.0, channelTotal - sparseEnergy) : sparseEnergy;
  }
  result.output.retainedEnergy = totalEnergy > 0.0 ? std::min(1.0, keptEnergy / totalEnergy) : 1.0;

  result.spectrum.height = h;
  result.spectrum.width = w;
  result.spectrum.magnitude = centredMagnitudeFromHalf(&ws.lumaHalf[0][0], h, w);
  result.mask.height = h;
  result.mask.width = w;
  result.mask.keep = expandCentred(ws.keep, h, w);
  return result;
}

}  // namespace folk
