#include "core/spectral/mask_file.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "core/data/image_file.h"
#include "core/util/npy.h"

namespace folk {
namespace {

bool endsWithNpy(const std::string& path) {
  if (path.size() < 4) return false;
  std::string tail = path.substr(path.size() - 4);
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return tail == ".npy";
}

std::string sizeText(std::int64_t h, std::int64_t w) { return std::to_string(w) + "x" + std::to_string(h); }

std::vector<float> weightsFromNpy(const std::string& path, int& height, int& width) {
  npy::Array a;
  try {
    a = npy::read(path);
  } catch (const std::exception& e) {
    throw ImageFileError(path, std::string("cannot read it as a NumPy array: ") + e.what());
  }
  if (a.shape.size() != 2 || a.shape[0] <= 0 || a.shape[1] <= 0)
    throw ImageFileError(path, "a mask array must be two-dimensional, H×W (this one has " +
                                   std::to_string(a.shape.size()) + " dimensions)");
  height = int(a.shape[0]);
  width = int(a.shape[1]);
  if (a.dtype == "|u1") {
    const std::vector<std::uint8_t> v = a.as<std::uint8_t>();
    if (std::any_of(v.begin(), v.end(), [](std::uint8_t x) { return x > 1; }))
      throw ImageFileError(path, "a uint8 mask array holds 0 (stop) and 1 (pass) only; scale grey levels to "
                                 "float weights in [0, 1]");
    return {v.begin(), v.end()};
  }
  if (a.dtype == "<f4") return a.as<float>();
  if (a.dtype == "<f8") {
    const std::vector<double> v = a.as<double>();
    return {v.begin(), v.end()};
  }
  throw ImageFileError(path, "a mask array must be uint8, float32 or float64 (this one is " + a.dtype + ")");
}

std::vector<float> weightsFromImage(const std::string& path, int& height, int& width) {
  const Image image = loadImage(path);
  height = image.height;
  width = image.width;
  const std::size_t n = image.planeSize();
  if (image.channels == 3) {
    for (std::size_t i = 0; i < n; ++i)
      if (image.pixels[i] != image.pixels[n + i] || image.pixels[i] != image.pixels[2 * n + i])
        throw ImageFileError(path, "a mask image must be greyscale (white passes, black stops); this one has colour "
                                   "at row " + std::to_string(i / std::size_t(width)) + ", column " +
                                   std::to_string(i % std::size_t(width)));
  } else if (image.channels != 1) {
    throw ImageFileError(path, "a mask image must be greyscale; this one has " + std::to_string(image.channels) +
                                   " channels");
  }
  return {image.pixels.begin(), image.pixels.begin() + std::ptrdiff_t(n)};
}

}  // namespace

MaskFile readMaskFile(const std::string& path) {
  int height = 0, width = 0;
  const std::vector<float> weights =
      endsWithNpy(path) ? weightsFromNpy(path, height, width) : weightsFromImage(path, height, width);
  MaskFile file;
  try {
    file.mask = maskFromWeights(height, width, weights, &file.averaged);
  } catch (const std::invalid_argument& e) {
    throw ImageFileError(path, e.what());
  }
  return file;
}

void checkMaskFitsImage(const Mask& mask, const std::string& maskPath, int imageHeight, int imageWidth,
                        const std::string& imagePath) {
  if (mask.height == imageHeight && mask.width == imageWidth) return;
  throw ImageFileError(imagePath, "the image is " + sizeText(imageHeight, imageWidth) + " but the mask " + maskPath +
                                      " is " + sizeText(mask.height, mask.width) +
                                      "; a mask must have the size of the images it filters");
}

}  // namespace folk
