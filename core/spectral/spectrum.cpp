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

LumaSpectrum computeLumaSpectrum(const Image& image) {
  if (image.empty()) throw std::invalid_argument("computeLumaSpectrum: empty image");
  const int h = image.height, w = image.width, hw = w / 2 + 1;
  const std::vector<float> y = luma(image);

  // Double precision: the ranking keys must not depend on which FFT library computed them.
  auto in = fftw::allocate<double>(std::size_t(h) * w);
  auto out = fftw::allocate<fftw_complex>(std::size_t(h) * hw);
  std::copy(y.begin(), y.end(), in.get());
  fftw_execute_dft_r2c(fftw::forwardDouble(h, w), in.get(), out.get());

  LumaSpectrum s;
  s.height = h;
  s.width = w;
  s.magnitude.assign(std::size_t(h) * w, 0.0);
  // Expand the half spectrum by conjugate symmetry, F(-k) = conj(F(k)), straight into the
  // centred layout: unshifted (r, c) goes to ((r + h/2) % h, (c + w/2) % w).
  for (int r = 0; r < h; ++r) {
    const int cr = (r + h / 2) % h;
    const int mr = (h - r) % h;
    const int cmr = (mr + h / 2) % h;
    for (int c = 0; c < hw; ++c) {
      const fftw_complex& z = out[std::size_t(r) * hw + c];
      // sqrt(re^2 + im^2) rather than hypot: several times faster, and no overflow risk for
      // spectra of [0,1] images; last-bit differences are absorbed by the ranking-key grid.
      const double m = std::sqrt(z[0] * z[0] + z[1] * z[1]);
      s.magnitude[std::size_t(cr) * w + (c + w / 2) % w] = m;
      const int mc = (w - c) % w;
      if (mc >= hw) s.magnitude[std::size_t(cmr) * w + (mc + w / 2) % w] = m;
    }
  }
  // Unshifted columns 0 and w/2 hold both members of their conjugate pairs, computed separately
  // by FFTW: take the larger of each pair so |F(k)| == |F(-k)| holds exactly everywhere.
  const int selfPairedCols[2] = {w / 2, (w / 2 + w / 2) % w};
  for (int k = 0; k < (w % 2 == 0 ? 2 : 1); ++k) {
    const int j = selfPairedCols[k];
    for (int i = 0; i < h; ++i) {
      const int mi = mirroredRow(i, h);
      if (mi <= i) continue;
      double& a = s.magnitude[std::size_t(i) * w + j];
      double& b = s.magnitude[std::size_t(mi) * w + j];
      if (a != b) a = b = std::max(a, b);
    }
  }
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
