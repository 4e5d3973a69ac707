#include "core/spectral/spectrum.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

void computeHalfLumaSpectrum(const Image& image, double* out) {
  if (image.empty()) throw std::invalid_argument("computeHalfLumaSpectrum: empty image");
  if (image.channels != 1 && image.channels != 3)
    throw std::invalid_argument("luma: expected 1 or 3 channels, got " + std::to_string(image.channels));
  const int h = image.height, w = image.width;
  // Rows padded to 2(W/2+1) doubles: the in-place real-to-complex layout.
  const std::size_t stride = 2 * (std::size_t(w) / 2 + 1);
  for (int r = 0; r < h; ++r) {
    double* row = out + std::size_t(r) * stride;
    const std::size_t offset = std::size_t(r) * w;
    if (image.channels == 1) {
      const float* p = image.plane(0) + offset;
      for (int c = 0; c < w; ++c) row[c] = p[c];
    } else {
      // The same float arithmetic as luma(): the torch path ranks these very numbers.
      const float *red = image.plane(0) + offset, *green = image.plane(1) + offset, *blue = image.plane(2) + offset;
      for (int c = 0; c < w; ++c) row[c] = 0.299f * red[c] + 0.587f * green[c] + 0.114f * blue[c];
    }
  }
  // Double precision: the ranking keys must not depend on which FFT library computed them.
  fftw_execute_dft_r2c(fftw::forwardDoubleInPlace(h, w), out, reinterpret_cast<fftw_complex*>(out));
}

std::vector<double> centredMagnitudeFromHalf(const double* half, int h, int w) {
  const std::size_t hw = std::size_t(w) / 2 + 1, nh = std::size_t(h) * hw;
  std::vector<double> m(nh);
  // sqrt(re^2 + im^2) rather than hypot: several times faster, and no overflow risk for spectra of
  // [0,1] images; last-bit differences are absorbed by the ranking-key grid.
  for (std::size_t i = 0; i < nh; ++i) m[i] = std::sqrt(half[2 * i] * half[2 * i] + half[2 * i + 1] * half[2 * i + 1]);
  forEachStoredConjugatePair(h, w, [&m](std::size_t a, std::size_t b) { m[a] = m[b] = std::max(m[a], m[b]); });
  // Expand by conjugate symmetry, F(-k) = conj(F(k)), straight into the centred layout: unshifted
  // (r, c) goes to ((r + h/2) % h, (c + w/2) % w); columns c >= W/2+1 are partners of row -r.
  std::vector<double> full(std::size_t(h) * w);
  const int shift = w / 2;
  for (int r = 0; r < h; ++r) {
    double* dst = full.data() + std::size_t((r + h / 2) % h) * w;
    const double* src = m.data() + std::size_t(r) * hw;
    const double* mirror = m.data() + std::size_t((h - r) % h) * hw;
    for (int c = 0; c < int(hw); ++c) dst[c + shift < w ? c + shift : c + shift - w] = src[c];
    for (int c = int(hw); c < w; ++c) dst[c + shift < w ? c + shift : c + shift - w] = mirror[w - c];
  }
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
