#include "core/data/image_file.h"

// FOLK_HAVE_OPENCV is off only in engine-only builds for machines without OpenCV (the GPU check,
// scripts/gpu-check.sh): there every decode and encode is a clear error instead.
#ifdef FOLK_HAVE_OPENCV
#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/data/image_format.h"
#include "core/data/image_header.h"
#include "core/data/jpeg_decode.h"
#include "core/data/png_decode.h"
#include "core/data/png_chunks.h"
#include "core/util/atomic_file.h"

namespace folk {
namespace {

#ifndef FOLK_HAVE_OPENCV
const char* const kBuiltWithoutOpenCv =
    "this folk was built without OpenCV (FOLK_WITH_OPENCV=OFF, an engine-only build) and cannot read or "
    "write image files; use a full build (scripts/build.sh)";
#endif

#ifdef FOLK_HAVE_OPENCV
// OpenCV logs a failed decode itself ("imdecode_(...): can't read header") on stderr before
// returning an empty image; the ImageFileError that follows is the one report, naming the file.
// OPENCV_LOG_LEVEL, when set, still decides (for debugging OpenCV itself).
void silenceOpenCvLog() {
  static const bool once = [] {
    if (std::getenv("OPENCV_LOG_LEVEL") == nullptr)
      cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    return true;
  }();
  (void)once;
}
#endif

std::vector<std::uint8_t> readAll(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw ImageFileError(path, "the file does not exist; check the path");
  if (std::filesystem::is_directory(status)) throw ImageFileError(path, "this is a folder, not an image file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ImageFileError(path, std::string("cannot open the file: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) throw ImageFileError(path, "cannot read the file size");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
    throw ImageFileError(path, "the file could not be read completely");
  return bytes;
}

}  // namespace

ImageFileError::ImageFileError(const std::string& path, const std::string& reason)
    : std::runtime_error(path + ": " + reason), path_(path), reason_(reason) {}

Image decodeImage(const std::vector<std::uint8_t>& bytes, const std::string& name, const ImageLoadOptions& options) {
  if (bytes.empty()) throw ImageFileError(name, "the file is empty (0 bytes)");
  // Only the formats FOLK reads reach a decoder (image_format.h says why).
  const SniffedImageFormat format = sniffImageFormat(bytes);
  if (!format.readable) throw ImageFileError(name, refusedImageFormatReason(format));
  // Refused before decoding: a decompression bomb's header claims far more than its bytes hold.
  const ClaimedSize claimed = claimedImageSize(bytes);
  // Divided, not multiplied: a header may claim up to 2^32-1 on each side (the product overflows).
  if (claimed.known() && claimed.width > options.maxPixels / claimed.height)
    throw ImageFileError(name, std::string("the ") + claimed.format + " header claims " + std::to_string(claimed.width) +
                                   "x" + std::to_string(claimed.height) + " pixels, more than the limit of " +
                                   std::to_string(options.maxPixels) + " pixels; refused before decoding");
  // libjpeg decodes a cut JPEG without an error, the missing rows grey: silent garbage.
  if (isTruncatedJpeg(bytes))
    throw ImageFileError(name, "truncated JPEG (no end-of-image marker): the file was cut short, e.g. by an "
                               "interrupted copy or download; copy it again");
  if (isTruncatedTiff(bytes))
    throw ImageFileError(name, "truncated TIFF (its image data run past the end of the file): the file was cut short, "
                               "e.g. by an interrupted copy or download; copy it again");
  if (const std::string unsupported = unsupportedTiffCompression(bytes); !unsupported.empty())
    throw ImageFileError(name, unsupported);
  if (const std::string damage = damagedTiffData(bytes); !damage.empty())
    throw ImageFileError(name, "damaged TIFF data: " + damage + "; parts of the picture would be black or garbled; "
                               "copy the file again or save it anew");
  if (isTruncatedPng(bytes))
    throw ImageFileError(name, "truncated PNG (its chunks stop before the end marker IEND): the file was cut short, "
                               "e.g. by an interrupted copy or download; copy it again");
  if (const std::string damage = damagedPngChunk(bytes); !damage.empty())
    throw ImageFileError(name, "damaged PNG: " + damage + "; the file was changed after it was written (e.g. a "
                               "faulty copy or download); copy it again");
#ifndef FOLK_HAVE_OPENCV
  throw ImageFileError(name, kBuiltWithoutOpenCv);
#else
  silenceOpenCvLog();
  // The PNG decoder reads only the chunks that make pixels (png_chunks.h): a damaged ancillary
  // chunk it does not need cannot stop it.
  const std::vector<std::uint8_t> pngWithoutUnused =
      std::strcmp(format.name, "PNG") == 0 ? withoutUnusedPngChunks(bytes) : std::vector<std::uint8_t>();
  // Dropping chunks moves the bytes after them, which can make the copy sniff as something else
  // (e.g. "DICM" landing at offset 128, which OpenCV would hand to GDCM): the copy is decoded only
  // when it still sniffs as a readable PNG; otherwise the file as it is.
  const bool strippedStillPng =
      !pngWithoutUnused.empty() && [&] {
        const SniffedImageFormat again = sniffImageFormat(pngWithoutUnused);
        return again.readable && std::strcmp(again.name, "PNG") == 0;
      }();
  const std::vector<std::uint8_t>& input = strippedStillPng ? pngWithoutUnused : bytes;
  if (options.beforeDecoder) options.beforeDecoder(input, format.name);
  // JPEG through libjpeg itself: OpenCV's decoder lets libjpeg print its warnings on stderr.
  if (std::strcmp(format.name, "JPEG") == 0) return decodeJpeg(input, name, options.maxPixels);
  // PNG through libpng itself too: OpenCV's PNG reader installs no error handler either.
  if (std::strcmp(format.name, "PNG") == 0) return decodePng(input, name, options.maxPixels);
  cv::Mat decoded;
  try {
    // ANYDEPTH keeps 16-bit samples, ANYCOLOR keeps greyscale as one channel and expands palettes;
    // both drop alpha and apply the EXIF orientation (UNCHANGED would ignore it).
    const cv::Mat buffer(1, int(input.size()), CV_8U, const_cast<std::uint8_t*>(input.data()));
    decoded = cv::imdecode(buffer, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
  } catch (const cv::Exception& e) {
    throw ImageFileError(name, std::string("OpenCV could not decode it: ") + e.what());
  }
  if (decoded.empty())
    throw ImageFileError(name, std::string("not a readable image: the ") + format.name +
                                   " decoder found it truncated or corrupt");
  if (std::int64_t(decoded.rows) * decoded.cols > options.maxPixels)
    throw ImageFileError(name, "the image has more pixels than the limit of " + std::to_string(options.maxPixels));

  double scale = 1.0;
  switch (decoded.depth()) {
    case CV_8U: scale = 1.0 / 255.0; break;
    case CV_16U: scale = 1.0 / 65535.0; break;
    case CV_32F:
    case CV_64F: scale = 1.0; break;
    default: throw ImageFileError(name, "unsupported sample type (signed integer samples); convert it to 8 or 16 bit");
  }
  const int sourceChannels = decoded.channels();
  const int channels = sourceChannels >= 3 ? 3 : 1;
  cv::Mat asFloat;
  decoded.convertTo(asFloat, CV_MAKETYPE(CV_32F, sourceChannels), scale);

  Image image(channels, asFloat.rows, asFloat.cols);
  std::vector<cv::Mat> planes;
  cv::split(asFloat, planes);
  // OpenCV orders colour as B, G, R; ours is R, G, B. Extra channels (alpha) are dropped.
  const int order[3] = {2, 1, 0};
  for (int c = 0; c < channels; ++c) {
    const cv::Mat& src = planes[channels == 3 ? order[c] : 0];
    float* dst = image.plane(c);
    for (int y = 0; y < image.height; ++y) {
      const float* row = src.ptr<float>(y);
      for (int x = 0; x < image.width; ++x) {
        const float v = row[x];
        dst[std::size_t(y) * image.width + x] = v != v ? 0.0f : (v < 0.0f ? 0.0f : (v > 1.0f ? 1.0f : v));
      }
    }
  }
  return image;
#endif
}

Image loadImage(const std::string& path, const ImageLoadOptions& options) {
  return decodeImage(readAll(path), path, options);
}

#ifdef FOLK_HAVE_OPENCV
namespace {

void writeEncoded(const cv::Mat& mat, const std::string& path) {
  std::vector<std::uint8_t> png;
  try {
    if (!cv::imencode(".png", mat, png)) throw ImageFileError(path, "OpenCV could not encode the PNG");
  } catch (const cv::Exception& e) {
    throw ImageFileError(path, std::string("OpenCV could not encode the PNG: ") + e.what());
  }
  try {
    writeFileAtomically(path, png.data(), png.size());
  } catch (const FileWriteError& e) {
    throw ImageFileError(path, e.what());
  }
}

}  // namespace

void savePng(const Image& image, const std::string& path) {
  if (image.empty() || (image.channels != 1 && image.channels != 3))
    throw ImageFileError(path, "cannot save an empty image or one with " + std::to_string(image.channels) + " channels");
  cv::Mat out(image.height, image.width, image.channels == 3 ? CV_8UC3 : CV_8UC1);
  for (int y = 0; y < image.height; ++y) {
    std::uint8_t* row = out.ptr<std::uint8_t>(y);
    for (int x = 0; x < image.width; ++x) {
      for (int c = 0; c < image.channels; ++c) {
        float v = image.at(c, y, x);
        v = v != v ? 0.0f : std::min(1.0f, std::max(0.0f, v));
        // BGR order for OpenCV.
        const int dstChannel = image.channels == 3 ? 2 - c : 0;
        row[x * image.channels + dstChannel] = std::uint8_t(v * 255.0f + 0.5f);
      }
    }
  }
  writeEncoded(out, path);
}

void savePngRgb8(const std::uint8_t* rgb, int height, int width, const std::string& path) {
  cv::Mat out(height, width, CV_8UC3);
  for (int y = 0; y < height; ++y) {
    std::uint8_t* row = out.ptr<std::uint8_t>(y);
    const std::uint8_t* src = rgb + std::size_t(y) * width * 3;
    for (int x = 0; x < width; ++x) {
      row[3 * x + 0] = src[3 * x + 2];
      row[3 * x + 1] = src[3 * x + 1];
      row[3 * x + 2] = src[3 * x + 0];
    }
  }
  writeEncoded(out, path);
}

#else
void savePng(const Image&, const std::string& path) { throw ImageFileError(path, kBuiltWithoutOpenCv); }
void savePngRgb8(const std::uint8_t*, int, int, const std::string& path) {
  throw ImageFileError(path, kBuiltWithoutOpenCv);
}
#endif

}  // namespace folk
