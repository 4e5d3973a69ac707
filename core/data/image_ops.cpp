#include "core/data/image_ops.h"

// Without OpenCV (FOLK_WITH_OPENCV=OFF, engine-only builds such as the GPU check) resizing and
// blurring are clear errors; the other pixel operations need no library.
#ifdef FOLK_HAVE_OPENCV
#include <opencv2/imgproc.hpp>
#endif

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace folk {

namespace {

float clamp01(float v) { return std::min(1.0f, std::max(0.0f, v)); }

#ifdef FOLK_HAVE_OPENCV
cv::Mat planeMat(const float* plane, int height, int width) {
  return cv::Mat(height, width, CV_32F, const_cast<float*>(plane));
}
#else
[[noreturn]] void withoutOpenCv(const char* what) {
  throw std::runtime_error(std::string(what) + ": this folk was built without OpenCV (FOLK_WITH_OPENCV=OFF, an "
                                               "engine-only build); use a full build (scripts/build.sh)");
}
#endif

float luma(float r, float g, float b) { return 0.299f * r + 0.587f * g + 0.114f * b; }

#ifdef FOLK_HAVE_OPENCV
void resizePlane(const cv::Mat& src, int outHeight, int outWidth, float* out) {
  cv::Mat dst(outHeight, outWidth, CV_32F, out);
  // INTER_AREA averages when shrinking (no aliasing); it is bilinear-like when enlarging, where
  // INTER_LINEAR is the conventional choice.
  const bool shrinking = src.rows > outHeight || src.cols > outWidth;
  cv::resize(src, dst, cv::Size(outWidth, outHeight), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
}
#endif

}  // namespace

Image convertChannels(const Image& image, int channels) {
  if (image.channels == channels) return image;
  Image out(channels, image.height, image.width);
  const std::size_t n = image.planeSize();
  if (image.channels == 1 && channels == 3) {
    for (int c = 0; c < 3; ++c) std::copy(image.plane(0), image.plane(0) + n, out.plane(c));
  } else if (image.channels == 3 && channels == 1) {
    const float *r = image.plane(0), *g = image.plane(1), *b = image.plane(2);
    for (std::size_t p = 0; p < n; ++p) out.pixels[p] = luma(r[p], g[p], b[p]);
  } else {
    throw std::invalid_argument("convertChannels: cannot convert " + std::to_string(image.channels) + " to " +
                                std::to_string(channels) + " channels");
  }
  return out;
}

void cropResizeInto(const Image& image, const CropBox& box, int outHeight, int outWidth, float* out) {
  if (box.top < 0 || box.left < 0 || box.height <= 0 || box.width <= 0 || box.top + box.height > image.height ||
      box.left + box.width > image.width)
    throw std::invalid_argument("cropResizeInto: crop box outside the image");
  if (box.height == outHeight && box.width == outWidth) {
    // Nothing to resize: the crop itself (what cv::resize does for equal sizes too), which also
    // serves builds without OpenCV, e.g. an image already at a model's input size.
    const std::size_t outPlane = std::size_t(outHeight) * outWidth;
    for (int c = 0; c < image.channels; ++c)
      for (int y = 0; y < outHeight; ++y) {
        const float* row = image.plane(c) + std::size_t(box.top + y) * image.width + box.left;
        std::copy(row, row + outWidth, out + c * outPlane + std::size_t(y) * outWidth);
      }
    return;
  }
#ifdef FOLK_HAVE_OPENCV
  const cv::Rect roi(box.left, box.top, box.width, box.height);
  const std::size_t outPlane = std::size_t(outHeight) * outWidth;
  for (int c = 0; c < image.channels; ++c)
    resizePlane(planeMat(image.plane(c), image.height, image.width)(roi), outHeight, outWidth, out + c * outPlane);
#else
  (void)out;
  withoutOpenCv("resizing an image crop");
#endif
}

Image resizeCentreCrop(const Image& image, int shorter, int size) {
  if (shorter < size) throw std::invalid_argument("resizeCentreCrop: shorter side below the crop size");
  // Work out the crop in source coordinates so only one resize happens.
  const double scale = double(shorter) / std::min(image.height, image.width);
  const int cropH = std::max(1, std::min(image.height, int(std::lround(size / scale))));
  const int cropW = std::max(1, std::min(image.width, int(std::lround(size / scale))));
  CropBox box{(image.height - cropH) / 2, (image.width - cropW) / 2, cropH, cropW};
  Image out(image.channels, size, size);
  cropResizeInto(image, box, size, size, out.pixels.data());
  return out;
}

void flipHorizontal(float* planes, int channels, int height, int width) {
  for (int c = 0; c < channels; ++c)
    for (int y = 0; y < height; ++y) {
      float* row = planes + (std::size_t(c) * height + y) * width;
      std::reverse(row, row + width);
    }
}

void adjustBrightness(float* planes, int channels, int height, int width, float factor) {
  const std::size_t n = std::size_t(channels) * height * width;
  for (std::size_t p = 0; p < n; ++p) planes[p] = clamp01(planes[p] * factor);
}

void adjustContrast(float* planes, int channels, int height, int width, float factor) {
  // Blend with the mean grey level of the image, as torchvision's adjust_contrast.
  const std::size_t n = std::size_t(height) * width;
  double sum = 0.0;
  if (channels == 3) {
    for (std::size_t p = 0; p < n; ++p) sum += luma(planes[p], planes[n + p], planes[2 * n + p]);
  } else {
    for (std::size_t p = 0; p < n; ++p) sum += planes[p];
  }
  const float mean = float(sum / double(n));
  for (std::size_t p = 0; p < n * std::size_t(channels); ++p)
    planes[p] = clamp01(factor * planes[p] + (1.0f - factor) * mean);
}

void adjustSaturation(float* planes, int height, int width, float factor) {
  const std::size_t n = std::size_t(height) * width;
  float *r = planes, *g = planes + n, *b = planes + 2 * n;
  for (std::size_t p = 0; p < n; ++p) {
    const float y = luma(r[p], g[p], b[p]);
    r[p] = clamp01(factor * r[p] + (1.0f - factor) * y);
    g[p] = clamp01(factor * g[p] + (1.0f - factor) * y);
    b[p] = clamp01(factor * b[p] + (1.0f - factor) * y);
  }
}

void adjustHue(float* planes, int height, int width, float shift) {
  const std::size_t n = std::size_t(height) * width;
  float *r = planes, *g = planes + n, *b = planes + 2 * n;
  for (std::size_t p = 0; p < n; ++p) {
    // RGB -> HSV (h in turns), rotate h, HSV -> RGB.
    const float mx = std::max({r[p], g[p], b[p]}), mn = std::min({r[p], g[p], b[p]});
    const float delta = mx - mn;
    if (delta <= 0.0f) continue;  // grey: hue undefined, nothing to rotate
    float h;
    if (mx == r[p]) h = (g[p] - b[p]) / delta;
    else if (mx == g[p]) h = 2.0f + (b[p] - r[p]) / delta;
    else h = 4.0f + (r[p] - g[p]) / delta;
    h = h / 6.0f + shift;
    h -= std::floor(h);
    const float s = delta / mx, v = mx;
    const float h6 = h * 6.0f;
    const int sector = std::min(5, int(h6));
    const float f = h6 - float(sector);
    const float pp = v * (1.0f - s), q = v * (1.0f - s * f), t = v * (1.0f - s * (1.0f - f));
    float rr, gg, bb;
    switch (sector) {
      case 0: rr = v, gg = t, bb = pp; break;
      case 1: rr = q, gg = v, bb = pp; break;
      case 2: rr = pp, gg = v, bb = t; break;
      case 3: rr = pp, gg = q, bb = v; break;
      case 4: rr = t, gg = pp, bb = v; break;
      default: rr = v, gg = pp, bb = q; break;
    }
    r[p] = clamp01(rr), g[p] = clamp01(gg), b[p] = clamp01(bb);
  }
}

void toGreyscale(float* planes, int height, int width) {
  const std::size_t n = std::size_t(height) * width;
  for (std::size_t p = 0; p < n; ++p) planes[p] = planes[n + p] = planes[2 * n + p] = luma(planes[p], planes[n + p], planes[2 * n + p]);
}

void gaussianBlur(float* planes, int channels, int height, int width, double sigma) {
  // Kernel radius 3 sigma, odd, but never wider than the image (tiny inputs such as 28×28).
  int k = 2 * int(std::ceil(3.0 * sigma)) + 1;
  const int maxK = std::max(1, (std::min(height, width) - 1) | 1);
  k = std::max(1, std::min(k, maxK));
  if (k < 3) return;
#ifdef FOLK_HAVE_OPENCV
  for (int c = 0; c < channels; ++c) {
    cv::Mat plane(height, width, CV_32F, planes + std::size_t(c) * height * width);
    cv::Mat blurred;
    cv::GaussianBlur(plane, blurred, cv::Size(k, k), sigma, sigma, cv::BORDER_REFLECT_101);
    blurred.copyTo(plane);
  }
#else
  (void)planes;
  (void)channels;
  withoutOpenCv("Gaussian blur");
#endif
}

void solarize(float* planes, int channels, int height, int width, float threshold) {
  const std::size_t n = std::size_t(channels) * height * width;
  for (std::size_t p = 0; p < n; ++p)
    if (planes[p] >= threshold) planes[p] = 1.0f - planes[p];
}

void fillBox(float* planes, int channels, int height, int width, const CropBox& box, float value) {
  if (box.top < 0 || box.left < 0 || box.height < 0 || box.width < 0 || box.top + box.height > height ||
      box.left + box.width > width)
    throw std::invalid_argument("fillBox: box outside the image");
  for (int c = 0; c < channels; ++c)
    for (int y = box.top; y < box.top + box.height; ++y) {
      float* row = planes + (std::size_t(c) * height + y) * width;
      std::fill(row + box.left, row + box.left + box.width, value);
    }
}

}  // namespace folk
