#include "core/spectral/spectrum.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/spectral/fftw_buffer.h"
#include "core/spectral/fftw_plans.h"

namespace folk {

std::vector<float> luma(const Image& image) {
  const std::size_t n = image.planeSize();
  if (image.channels == 1) return std::vector<float>(image.plane(0), image.plane(0) + n);
  if (image.channels != 3) throw std::invalid_argument("luma: expected 1 or 3 channels, got " + std::to_string(image.channels));
  std::vector<float> y(n);
  const float* r = image.plane(0);
  const float* g = image.plane(1);
  const float* b = image.plane(2);
  for (std::size_t i = 0; i < n; ++i) y[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
  return y;
}

void computeHalfLumaSpectrum(const Image& image, double* out, double* sumOfSquares) {
  if (image.empty()) throw std::invalid_argument("computeHalfLumaSpectrum: empty image");
  if (image.channels != 1 && image.channels != 3)
    throw std::invalid_argument("luma: expected 1 or 3 channels, got " + std::to_string(image.channels));
  const int h = image.height, w = image.width;
  // Rows padded to 2(W/2+1) doubles: the in-place real-to-complex layout.
  const std::size_t stride = 2 * (std::size_t(w) / 2 + 1);
  double squares[3] = {0.0, 0.0, 0.0};
  for (int r = 0; r < h; ++r) {
    double* row = out + std::size_t(r) * stride;
    const std::size_t offset = std::size_t(r) * w;
    const float* planes[3] = {image.plane(0) + offset, nullptr, nullptr};
    if (image.channels == 3) planes[1] = image.plane(1) + offset, planes[2] = image.plane(2) + offset;
    int c = 0;
#if defined(__SSE2__)
    // Four pixels at a time with SSE2 (baseline on x86-64): the same float operations in the same
    // order as the scalar loop below, so the luma is identical. Squares are summed in float, in four
    // lanes of at most 64 terms each before they go into the double total (relative error below
    // 64·2^-24 = 3.8e-6, far inside what the retained-energy figure needs).
    __m128 sums[3] = {_mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps()};
    auto flush = [&sums, &squares, &image] {
      for (int ch = 0; ch < image.channels; ++ch) {
        float lanes[4];
        _mm_storeu_ps(lanes, sums[ch]);
        squares[ch] += (double(lanes[0]) + double(lanes[1])) + (double(lanes[2]) + double(lanes[3]));
        sums[ch] = _mm_setzero_ps();
      }
    };
    for (; c + 4 <= w; c += 4) {
      if (c % 256 == 0 && c > 0) flush();
      __m128 y = _mm_loadu_ps(planes[0] + c);
      sums[0] = _mm_add_ps(sums[0], _mm_mul_ps(y, y));
      if (image.channels == 3) {
        const __m128 green = _mm_loadu_ps(planes[1] + c), blue = _mm_loadu_ps(planes[2] + c);
        sums[1] = _mm_add_ps(sums[1], _mm_mul_ps(green, green));
        sums[2] = _mm_add_ps(sums[2], _mm_mul_ps(blue, blue));
        y = _mm_add_ps(_mm_add_ps(_mm_mul_ps(_mm_set1_ps(0.299f), y), _mm_mul_ps(_mm_set1_ps(0.587f), green)),
                       _mm_mul_ps(_mm_set1_ps(0.114f), blue));
      }
      _mm_storeu_pd(row + c, _mm_cvtps_pd(y));
      _mm_storeu_pd(row + c + 2, _mm_cvtps_pd(_mm_movehl_ps(y, y)));
    }
    flush();
#endif
    for (; c < w; ++c) {
      for (int ch = 0; ch < image.channels; ++ch) squares[ch] += double(planes[ch][c]) * double(planes[ch][c]);
      // The same float arithmetic as luma(): the torch path ranks these very numbers.
      row[c] = image.channels == 1 ? planes[0][c] : 0.299f * planes[0][c] + 0.587f * planes[1][c] + 0.114f * planes[2][c];
    }
  }
  if (sumOfSquares) std::copy(squares, squares + image.channels, sumOfSquares);
  // Double precision: the ranking keys must not depend on which FFT library computed them.
  fftw_execute_dft_r2c(fftw::forwardDoubleInPlace(h, w), out, reinterpret_cast<fftw_complex*>(out));
}

double halfMagnitude(const double* half, int h, int w, double* m) {
  const std::size_t nh = std::size_t(h) * (std::size_t(w) / 2 + 1);
  // sqrt(re^2 + im^2) rather than hypot: several times faster, no overflow risk for spectra of
  // [0,1] images; last-bit differences are absorbed by the ranking-key grid.
  std::size_t i = 0;
  double largest = 0.0;
#if defined(__SSE2__)
  // Two coefficients at a time, the same operations (two products, one sum, a correctly rounded
  // sqrt) as the scalar loop, so the results are identical.
  __m128d largestLanes = _mm_setzero_pd();
  for (; i + 2 <= nh; i += 2) {
    const __m128d a = _mm_loadu_pd(half + 2 * i), b = _mm_loadu_pd(half + 2 * i + 2);  // (re, im) each
    const __m128d aa = _mm_mul_pd(a, a), bb = _mm_mul_pd(b, b);
    const __m128d root = _mm_sqrt_pd(_mm_add_pd(_mm_unpacklo_pd(aa, bb), _mm_unpackhi_pd(aa, bb)));
    _mm_storeu_pd(m + i, root);
    largestLanes = _mm_max_pd(root, largestLanes);  // a NaN root is skipped: max returns the second operand
  }
  double lanes[2];
  _mm_storeu_pd(lanes, largestLanes);
  largest = std::max(lanes[0], lanes[1]);
#endif
  for (; i < nh; ++i) {
    m[i] = std::sqrt(half[2 * i] * half[2 * i] + half[2 * i + 1] * half[2 * i + 1]);
    largest = m[i] > largest ? m[i] : largest;
  }
  forEachStoredConjugatePair(h, w, [m](std::size_t a, std::size_t b) { m[a] = m[b] = std::max(m[a], m[b]); });
  return largest;
}

std::vector<double> centredMagnitudeFromHalf(const double* half, int h, int w) {
  std::vector<double> m(std::size_t(h) * (std::size_t(w) / 2 + 1));
  halfMagnitude(half, h, w, m.data());
  std::vector<double> full(std::size_t(h) * w);
  expandHalfToCentred(m.data(), h, w, full.data());
  return full;
}

LumaSpectrum computeLumaSpectrum(const Image& image) {
  if (image.empty()) throw std::invalid_argument("computeLumaSpectrum: empty image");
  const int h = image.height, w = image.width;
  auto half = fftw::allocate<double>(2 * std::size_t(h) * (std::size_t(w) / 2 + 1));
  computeHalfLumaSpectrum(image, half.get());
  LumaSpectrum s;
  s.height = h;
  s.width = w;
  s.magnitude = centredMagnitudeFromHalf(half.get(), h, w);
  return s;
}

namespace {
std::vector<double> hannWindow(int n) {  // np.hanning(n): symmetric, 1 for n = 1
  std::vector<double> w(std::size_t(n), 1.0);
  for (int i = 0; n > 1 && i < n; ++i) w[std::size_t(i)] = 0.5 - 0.5 * std::cos(2.0 * M_PI * i / (n - 1));
  return w;
}
}  // namespace

LumaSpectrum computeHannLumaSpectrum(const Image& image) {
  if (image.empty()) throw std::invalid_argument("computeHannLumaSpectrum: empty image");
  const std::vector<float> y = luma(image);
  const std::vector<double> rows = hannWindow(image.height), columns = hannWindow(image.width);
  Image windowed(1, image.height, image.width);
  for (int r = 0; r < image.height; ++r) {
    for (int c = 0; c < image.width; ++c) {
      const std::size_t i = std::size_t(r) * image.width + c;
      windowed.pixels[i] = float(double(y[i]) * (rows[std::size_t(r)] * columns[std::size_t(c)]));
    }
  }
  return computeLumaSpectrum(windowed);
}

std::vector<float> logMagnitude(const LumaSpectrum& spectrum) {
  std::vector<float> out(spectrum.magnitude.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = float(std::log1p(spectrum.magnitude[i]));
  return out;
}

std::vector<std::int64_t> magnitudeKeys(const std::vector<double>& magnitude) {
  std::vector<std::int64_t> keys(magnitude.size(), 0);
  const double maxMagnitude = magnitude.empty() ? 0.0 : *std::max_element(magnitude.begin(), magnitude.end());
  if (!(maxMagnitude > 0.0) || !std::isfinite(maxMagnitude)) return keys;
  // |F| * 2^40 is exact, so the division is the only rounding; nearbyint (ties to even) is what
  // torch::round does, so both paths produce the same integers.
  const double top = std::ldexp(1.0, kMagnitudeKeyBits);
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = std::int64_t(std::nearbyint(magnitude[i] * top / maxMagnitude));
  return keys;
}

}  // namespace folk
