#include "core/spectral/spectral_filter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/spectral/fftw_buffer.h"
#include "core/spectral/fftw_plans.h"

namespace folk {
namespace {

// The mask's gain on the unshifted half spectrum H×(W/2+1) that real-to-complex FFTs produce. Masks
// are symmetric under k -> -k, so the product with a Hermitian spectrum stays Hermitian and the
// complex-to-real inverse equals Re(ifft2(...)) of the full product.
std::vector<float> halfSpectrumMask(const Mask& mask) {
  const int h = mask.height, w = mask.width, hw = w / 2 + 1;
  std::vector<float> half(std::size_t(h) * hw);
  for (int r = 0; r < h; ++r) {
    const std::size_t centredRow = std::size_t((r + h / 2) % h) * w;
    for (int c = 0; c < hw; ++c) half[std::size_t(r) * hw + c] = mask.gainAt(centredRow + (c + w / 2) % w);
  }
  return half;
}

// Parseval on a half spectrum: columns 1..(W-1)/2 stand for two coefficients each.
inline double columnWeight(int c, int w) { return (c == 0 || (w % 2 == 0 && c == w / 2)) ? 1.0 : 2.0; }

}  // namespace

ChannelSpectra computeChannelSpectra(const Image& image) {
  const int h = image.height, w = image.width, hw = w / 2 + 1;
  const std::size_t n = image.planeSize(), nh = std::size_t(h) * hw;
  ChannelSpectra out{image.channels, h, w, std::vector<std::complex<float>>(nh * std::size_t(image.channels))};
  auto real = fftw::allocate<float>(n);
  auto spectrum = fftw::allocate<fftwf_complex>(nh);
  const fftwf_plan forward = fftw::forwardFloat(h, w);
  for (int ch = 0; ch < image.channels; ++ch) {
    std::copy(image.plane(ch), image.plane(ch) + n, real.get());
    fftwf_execute_dft_r2c(forward, real.get(), spectrum.get());
    std::complex<float>* dst = out.coeffs.data() + nh * std::size_t(ch);
    for (std::size_t i = 0; i < nh; ++i) dst[i] = {spectrum[i][0], spectrum[i][1]};
  }
  return out;
}

FilterOutput applyMask(const Image& image, const Mask& mask) {
  if (image.height != mask.height || image.width != mask.width)
    throw std::invalid_argument("applyMask: mask is " + std::to_string(mask.height) + "x" + std::to_string(mask.width) +
                                " but the image is " + std::to_string(image.height) + "x" + std::to_string(image.width));
  return applyMask(computeChannelSpectra(image), mask);
}

FilterOutput applyMask(const ChannelSpectra& spectra, const Mask& mask) {
  if (spectra.height != mask.height || spectra.width != mask.width)
    throw std::invalid_argument("applyMask: mask is " + std::to_string(mask.height) + "x" + std::to_string(mask.width) +
                                " but the image is " + std::to_string(spectra.height) + "x" + std::to_string(spectra.width));
  const int h = spectra.height, w = spectra.width, hw = w / 2 + 1;
  const std::size_t n = std::size_t(h) * w, nh = std::size_t(h) * hw;
  const std::vector<float> half = halfSpectrumMask(mask);

  auto real = fftw::allocate<float>(n);
  auto spectrum = fftw::allocate<fftwf_complex>(nh);
  const fftwf_plan inverse = fftw::inverseFloat(h, w);
  const float norm = 1.0f / float(n);

  FilterOutput out{Image(spectra.channels, h, w), 1.0};
  double keptEnergy = 0.0, totalEnergy = 0.0;
  for (int ch = 0; ch < spectra.channels; ++ch) {
    const std::complex<float>* src = spectra.coeffs.data() + nh * std::size_t(ch);
    for (int r = 0; r < h; ++r) {
      for (int c = 0; c < hw; ++c) {
        const std::size_t i = std::size_t(r) * hw + c;
        // |z|^2 spelled out: libstdc++'s std::norm goes through hypot, 20x slower here.
        const double re = src[i].real(), im = src[i].imag();
        const double e = columnWeight(c, w) * (re * re + im * im);
        totalEnergy += e;
        keptEnergy += double(half[i]) * half[i] * e;  // |M F|^2: the gain squared
        spectrum[i][0] = src[i].real() * half[i];
        spectrum[i][1] = src[i].imag() * half[i];
      }
    }
    // The complex-to-real transform overwrites its input, hence the scratch copy above.
    fftwf_execute_dft_c2r(inverse, spectrum.get(), real.get());
    float* dst = out.filtered.plane(ch);
    for (std::size_t i = 0; i < n; ++i) dst[i] = std::clamp(real[i] * norm, 0.0f, 1.0f);
  }
  out.retainedEnergy = totalEnergy > 0.0 ? keptEnergy / totalEnergy : 1.0;
  return out;
}

double psnr(const Image& reference, const Image& test) {
  if (reference.pixels.size() != test.pixels.size() || reference.empty())
    throw std::invalid_argument("psnr: images differ in size or are empty");
  double sum = 0.0;
  for (std::size_t i = 0; i < reference.pixels.size(); ++i) {
    const double d = double(reference.pixels[i]) - test.pixels[i];
    sum += d * d;
  }
  const double mse = sum / double(reference.pixels.size());
  return mse == 0.0 ? std::numeric_limits<double>::infinity() : 10.0 * std::log10(1.0 / mse);
}

}  // namespace folk
