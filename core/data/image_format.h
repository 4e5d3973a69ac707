#pragma once
// The image formats FOLK reads, recognised by their magic bytes before any decoder sees a file.
// OpenCV picks its decoder from the first bytes too, and it carries decoders for many more formats
// (JPEG 2000, OpenEXR, Radiance HDR, Sun raster, DICOM through GDCM, ...), each a parser of
// untrusted input that FOLK has no use for; one of them (GDCM) aborts the process on malformed
// files. Only the formats listed here reach OpenCV; every other file is refused with an error that
// names the format it looks like.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace folk {

struct ReadableImageFormat {
  const char* name;                     // "PNG"
  std::vector<const char*> extensions;  // lower case, without the dot: "png"
  // Registered MIME types (shared-mime-info); the desktop entry's MimeType list is this union.
  // PAM and PFM have none.
  std::vector<const char*> mimeTypes;
};

// PNG, JPEG, TIFF, BMP, WebP, PNM (PBM/PGM/PPM), PAM and PFM, in this order.
const std::vector<ReadableImageFormat>& readableImageFormats();

// "PNG, JPEG, TIFF, BMP, WebP, PNM, PAM and PFM", for messages.
std::string readableImageFormatNames();

// True when the file name ends in the extension of a readable format (case-insensitive).
bool hasReadableImageExtension(const std::string& filename);

struct SniffedImageFormat {
  const char* name = nullptr;  // the format the bytes look like; nullptr: none FOLK knows
  bool readable = false;       // one of readableImageFormats()
};

// What the first bytes of a file say it is. Readable formats are recognised exactly as OpenCV's
// decoders recognise them (so a file that passes goes to that decoder); refused ones are named so
// the error can say what the file is (GIF, JPEG 2000, OpenEXR, Radiance HDR, SVG, ICO, DICOM, ...).
SniffedImageFormat sniffImageFormat(const std::uint8_t* data, std::size_t size);
inline SniffedImageFormat sniffImageFormat(const std::vector<std::uint8_t>& bytes) {
  return sniffImageFormat(bytes.data(), bytes.size());
}

// Why a file whose bytes sniffed as `format` is refused, for ImageFileError: names the format it
// looks like and the ones FOLK reads.
std::string refusedImageFormatReason(const SniffedImageFormat& format);

}  // namespace folk
