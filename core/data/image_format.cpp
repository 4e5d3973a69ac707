#include "core/data/image_format.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace folk {
namespace {

bool startsWith(const std::uint8_t* data, std::size_t size, const char* signature, std::size_t length) {
  return size >= length && std::memcmp(data, signature, length) == 0;
}

bool hasAt(const std::uint8_t* data, std::size_t size, std::size_t offset, const char* text, std::size_t length) {
  return size >= offset + length && std::memcmp(data + offset, text, length) == 0;
}

// OpenCV's PxM, PAM and PFM decoders all want 'P', a type character and white space.
bool isNetpbm(const std::uint8_t* data, std::size_t size, const char* types) {
  return size >= 3 && data[0] == 'P' && data[1] != 0 && std::strchr(types, data[1]) != nullptr &&
         std::isspace(data[2]) != 0;
}

// Text formats that are sometimes named .png: skip a UTF-8 byte order mark and white space.
const char* markupFormat(const std::uint8_t* data, std::size_t size) {
  std::size_t i = startsWith(data, size, "\xEF\xBB\xBF", 3) ? 3 : 0;
  while (i < size && std::isspace(data[i]) != 0) ++i;
  if (i >= size || data[i] != '<') return nullptr;
  const std::size_t window = std::min<std::size_t>(size - i, 4096);
  const std::string head(reinterpret_cast<const char*>(data + i), window);
  if (head.find("<svg") != std::string::npos) return "SVG";
  std::string lower = head.substr(0, 16);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0) return "HTML";
  if (lower.rfind("<?xml", 0) == 0) return "XML";
  return nullptr;
}

// ISO base media files (HEIF, AVIF, JPEG XL in a box): "ftyp" at 4, the brand after it.
const char* isoMediaFormat(const std::uint8_t* data, std::size_t size) {
  if (!hasAt(data, size, 4, "ftyp", 4) || size < 12) return nullptr;
  const std::string brand(reinterpret_cast<const char*>(data + 8), 4);
  if (brand == "avif" || brand == "avis") return "AVIF";
  if (brand == "heic" || brand == "heix" || brand == "hevc" || brand == "mif1" || brand == "msf1") return "HEIF";
  return nullptr;
}

}  // namespace

const std::vector<ReadableImageFormat>& readableImageFormats() {
  static const std::vector<ReadableImageFormat> formats = {
      {"PNG", {"png"}, {"image/png"}},
      {"JPEG", {"jpg", "jpeg", "jpe", "jfif"}, {"image/jpeg"}},
      {"TIFF", {"tif", "tiff"}, {"image/tiff"}},
      {"BMP", {"bmp", "dib"}, {"image/bmp"}},
      {"WebP", {"webp"}, {"image/webp"}},
      {"PNM",
       {"pbm", "pgm", "ppm", "pnm", "pxm"},
       {"image/x-portable-anymap", "image/x-portable-bitmap", "image/x-portable-graymap", "image/x-portable-pixmap"}},
      {"PAM", {"pam"}, {}},
      {"PFM", {"pfm"}, {}},
  };
  return formats;
}

std::string readableImageFormatNames() {
  const auto& formats = readableImageFormats();
  std::string names;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) names += i + 1 == formats.size() ? " and " : ", ";
    names += formats[i].name;
  }
  return names;
}

bool hasReadableImageExtension(const std::string& filename) {
  const auto dot = filename.rfind('.');
  if (dot == std::string::npos) return false;
  std::string extension = filename.substr(dot + 1);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  for (const auto& format : readableImageFormats()) {
    for (const char* known : format.extensions)
      if (extension == known) return true;
  }
  return false;
}

SniffedImageFormat sniffImageFormat(const std::uint8_t* d, std::size_t n) {
  // First, whatever the file starts with: OpenCV hands any file with "DICM" after a 128-byte
  // preamble to GDCM, which aborts the whole process on malformed ones (found by fuzz_image).
  if (hasAt(d, n, 128, "DICM", 4)) return {"DICOM", false};

  // Readable: the signatures OpenCV's decoders check (imgcodecs/src/grfmt_*.cpp).
  if (startsWith(d, n, "\x89PNG\r\n\x1a\n", 8)) return {"PNG", true};
  if (startsWith(d, n, "\xFF\xD8\xFF", 3)) return {"JPEG", true};
  if (startsWith(d, n, "II*\0", 4) || startsWith(d, n, "MM\0*", 4) || startsWith(d, n, "II+\0", 4) ||
      startsWith(d, n, "MM\0+", 4))
    return {"TIFF", true};
  if (startsWith(d, n, "BM", 2)) return {"BMP", true};
  if (startsWith(d, n, "RIFF", 4) && hasAt(d, n, 8, "WEBP", 4)) return {"WebP", true};
  if (isNetpbm(d, n, "123456")) return {"PNM", true};
  if (isNetpbm(d, n, "7")) return {"PAM", true};
  if (isNetpbm(d, n, "Ff")) return {"PFM", true};

  // Refused, named so the error says what the file is.
  if (startsWith(d, n, "GIF87a", 6) || startsWith(d, n, "GIF89a", 6)) return {"GIF", false};
  if (startsWith(d, n, "\0\0\0\x0CjP  \r\n\x87\n", 12) || startsWith(d, n, "\xFF\x4F\xFF\x51", 4))
    return {"JPEG 2000", false};
  if (startsWith(d, n, "\0\0\0\x0CJXL \r\n\x87\n", 12) || startsWith(d, n, "\xFF\x0A", 2)) return {"JPEG XL", false};
  if (startsWith(d, n, "\x76\x2F\x31\x01", 4)) return {"OpenEXR", false};
  if (startsWith(d, n, "#?RADIANCE", 10) || startsWith(d, n, "#?RGBE", 6)) return {"Radiance HDR", false};
  if (startsWith(d, n, "\x59\xA6\x6A\x95", 4)) return {"Sun raster", false};
  if (startsWith(d, n, "\0\0\1\0", 4)) return {"ICO", false};
  if (startsWith(d, n, "\0\0\2\0", 4)) return {"CUR", false};
  if (startsWith(d, n, "8BPS", 4)) return {"Photoshop", false};
  if (startsWith(d, n, "%PDF", 4)) return {"PDF", false};
  if (startsWith(d, n, "%!PS", 4)) return {"PostScript", false};
  if (startsWith(d, n, "gimp xcf", 8)) return {"GIMP XCF", false};
  if (const char* iso = isoMediaFormat(d, n)) return {iso, false};
  if (const char* markup = markupFormat(d, n)) return {markup, false};
  return {};
}

std::string refusedImageFormatReason(const SniffedImageFormat& format) {
  const std::string readable = readableImageFormatNames();
  if (format.name == nullptr)
    return "not a readable image: its first bytes match none of the formats FOLK reads (" + readable +
           "); it may be another format, a text file or damaged";
  return std::string("the file is in the ") + format.name + " format, which FOLK does not read (it reads " + readable +
         "); convert it to PNG first";
}

}  // namespace folk
