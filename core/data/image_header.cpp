#include "core/data/image_header.h"

#include <cstring>
#include <string>

// libjpeg and libtiff come with OpenCV (Debian's OpenCV decodes JPEG and TIFF with them);
// engine-only builds without OpenCV cannot decode images at all, so they need neither.
#ifdef FOLK_HAVE_OPENCV
#include <tiffio.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE and size_t declared first
#include <jpeglib.h>
#endif

namespace folk {
namespace {

std::uint32_t bigEndian32(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}
std::int32_t littleEndian32(const std::uint8_t* p) {
  return std::int32_t((std::uint32_t(p[3]) << 24) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[1]) << 8) | p[0]);
}
std::uint16_t littleEndian16(const std::uint8_t* p) { return std::uint16_t(p[0] | (p[1] << 8)); }

bool startsWith(const std::vector<std::uint8_t>& b, const char* signature, std::size_t length) {
  return b.size() >= length && std::memcmp(b.data(), signature, length) == 0;
}

bool isJpeg(const std::vector<std::uint8_t>& b) { return b.size() >= 4 && b[0] == 0xFF && b[1] == 0xD8; }

ClaimedSize pngSize(const std::vector<std::uint8_t>& b) {
  // IHDR must be the first chunk (libpng refuses anything else).
  if (b.size() < 24 || std::memcmp(b.data() + 12, "IHDR", 4) != 0) return {"PNG"};
  return {"PNG", bigEndian32(b.data() + 16), bigEndian32(b.data() + 20)};
}

// As OpenCV's BmpDecoder reads it: BITMAPINFOHEADER and its successors (header size >= 36) hold
// signed 32-bit width and height (a negative height means top-down rows); the OS/2 header (size 12)
// unsigned 16-bit ones. Other header sizes are refused by the decoder.
ClaimedSize bmpSize(const std::vector<std::uint8_t>& b) {
  if (b.size() < 26) return {"BMP"};
  const std::int32_t headerSize = littleEndian32(b.data() + 14);
  if (headerSize >= 36) {
    const std::int64_t width = littleEndian32(b.data() + 18);
    const std::int64_t height = littleEndian32(b.data() + 22);
    return {"BMP", width, height < 0 ? -height : height};
  }
  if (headerSize == 12) return {"BMP", littleEndian16(b.data() + 18), littleEndian16(b.data() + 20)};
  return {"BMP"};
}

#ifdef FOLK_HAVE_OPENCV
// libjpeg reports fatal errors through error_exit, which must not return: jump back out of it.
// (Throwing a C++ exception through libjpeg's C frames is not allowed.)
struct JumpingErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
};

[[noreturn]] void jumpOut(j_common_ptr info) {
  std::longjmp(reinterpret_cast<JumpingErrorManager*>(info->err)->jump, 1);
}

void stayQuiet(j_common_ptr) {}  // warnings about corrupt data: the decoder will report those

// Two earlier versions walked the marker segments themselves and each disagreed with libjpeg on a
// malformed file the fuzzer found (a 1-byte segment length; a stuffed 0xFF00 where a marker was
// expected): libjpeg resynchronised past it, found an 11342x64780 frame and OpenCV allocated 2.2 GB
// before the decode failed. Asking libjpeg itself ends that class of disagreement. Reading the
// header parses only the marker segments up to the first scan: microseconds.
ClaimedSize jpegSize(const std::vector<std::uint8_t>& bytes) {
  jpeg_decompress_struct info;
  JumpingErrorManager errors;
  info.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = jumpOut;
  errors.base.output_message = stayQuiet;
  // Nothing with a destructor lives in this frame, so longjmp may unwind it.
  if (setjmp(errors.jump) != 0) {
    jpeg_destroy_decompress(&info);
    return {"JPEG"};
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
  // OpenCV keeps APP1 (EXIF, for the orientation); do the same so the markers are read identically.
  jpeg_save_markers(&info, JPEG_APP0 + 1, 0xffff);
  ClaimedSize size{"JPEG"};
  if (jpeg_read_header(&info, TRUE) == JPEG_HEADER_OK) {
    size.width = info.image_width;
    size.height = info.image_height;
  }
  jpeg_destroy_decompress(&info);
  return size;
}

// libtiff reads from memory through these callbacks (a TIFF's directories may sit anywhere).
struct MemoryFile {
  const std::vector<std::uint8_t>* bytes;
  toff_t position;
};

tmsize_t readMemory(thandle_t handle, void* buffer, tmsize_t size) {
  auto* file = static_cast<MemoryFile*>(handle);
  const toff_t available = file->position < file->bytes->size() ? file->bytes->size() - file->position : 0;
  const toff_t count = std::min<toff_t>(available, toff_t(size));
  if (count > 0) std::memcpy(buffer, file->bytes->data() + file->position, count);
  file->position += count;
  return tmsize_t(count);
}
tmsize_t writeNothing(thandle_t, void*, tmsize_t) { return -1; }
toff_t seekMemory(thandle_t handle, toff_t offset, int whence) {
  auto* file = static_cast<MemoryFile*>(handle);
  const toff_t base = whence == SEEK_CUR ? file->position : whence == SEEK_END ? file->bytes->size() : 0;
  file->position = base + offset;  // past the end is allowed (reads there return nothing)
  return file->position;
}
int closeNothing(thandle_t) { return 0; }
toff_t sizeOfMemory(thandle_t handle) { return static_cast<MemoryFile*>(handle)->bytes->size(); }
int mapNothing(thandle_t, void**, toff_t*) { return 0; }
void unmapNothing(thandle_t, void*, toff_t) {}
int silence(TIFF*, void*, const char*, const char*, va_list) { return 1; }  // 1: not passed on to stderr

// The name libtiff knows the bytes by; some codecs give it as the module of their messages.
constexpr const char* kTiffName = "image";

// Keeps libtiff's first error message ("module: text") in the std::string behind `user`.
int keepFirstError(TIFF*, void* user, const char* module, const char* format, va_list arguments) {
  auto* first = static_cast<std::string*>(user);
  if (first->empty()) {
    char text[512];
    std::vsnprintf(text, sizeof text, format, arguments);
    const bool named = module != nullptr && *module != '\0' && std::strcmp(module, kTiffName) != 0;
    *first = (named ? std::string(module) + ": " : std::string()) + text;
  }
  return 1;
}

// Opens `bytes` with libtiff, its errors and warnings going to handlers of this one handle (libtiff
// >= 4.5), not the global ones OpenCV installs for itself; with `firstError`, the first error is
// kept there. Null when libtiff refuses the file.
TIFF* openTiff(MemoryFile& file, std::string* firstError = nullptr) {
  TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
  if (options == nullptr) return nullptr;
  if (firstError != nullptr)
    TIFFOpenOptionsSetErrorHandlerExtR(options, keepFirstError, firstError);
  else
    TIFFOpenOptionsSetErrorHandlerExtR(options, silence, nullptr);
  TIFFOpenOptionsSetWarningHandlerExtR(options, silence, nullptr);
  // "m": no memory mapping (there is no file). Opening reads the first directory.
  TIFF* tiff = TIFFClientOpenExt(kTiffName, "rm", &file, readMemory, writeNothing, seekMemory, closeNothing,
                                 sizeOfMemory, mapNothing, unmapNothing, options);
  TIFFOpenOptionsFree(options);
  return tiff;
}

// The first directory's ImageWidth and ImageLength, read by libtiff as OpenCV's TiffDecoder does.
ClaimedSize tiffSize(const std::vector<std::uint8_t>& bytes) {
  ClaimedSize size{"TIFF"};
  MemoryFile file{&bytes, 0};
  TIFF* tiff = openTiff(file);
  if (tiff == nullptr) return size;
  std::uint32_t width = 0, height = 0;
  if (TIFFGetField(tiff, TIFFTAG_IMAGEWIDTH, &width) == 1 && TIFFGetField(tiff, TIFFTAG_IMAGELENGTH, &height) == 1) {
    size.width = width;
    size.height = height;
  }
  TIFFClose(tiff);
  return size;
}

bool isTiff(const std::vector<std::uint8_t>& b) {
  return startsWith(b, "II*\0", 4) || startsWith(b, "MM\0*", 4) || startsWith(b, "II+\0", 4) || startsWith(b, "MM\0+", 4);
}
#endif

}  // namespace

ClaimedSize claimedImageSize(const std::vector<std::uint8_t>& b) {
  if (startsWith(b, "\x89PNG\r\n\x1a\n", 8)) return pngSize(b);
  if (startsWith(b, "BM", 2)) return bmpSize(b);
#ifdef FOLK_HAVE_OPENCV
  if (isJpeg(b)) return jpegSize(b);
  if (isTiff(b)) return tiffSize(b);
#endif
  return {};
}

// A complete JPEG has an end-of-image marker after its first top-level start-of-scan. The marker
// segments before it are skipped by their lengths, so an EXIF thumbnail (a JPEG inside APP1, with
// its own markers) cannot pass for the image's end; bytes after the end marker do not matter.
bool isTruncatedJpeg(const std::vector<std::uint8_t>& b) {
  if (!isJpeg(b)) return false;
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (b[i] != 0xFF) return false;  // no marker where one must be: the decoder will say what is wrong
    const std::uint8_t marker = b[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xDA) break;  // start of scan
    i += 2 + ((std::size_t(b[i + 2]) << 8) | b[i + 3]);
  }
  if (i + 4 > b.size()) return true;  // cut before the image data
  for (std::size_t k = i + 2; k + 1 < b.size(); ++k) {
    if (b[k] == 0xFF && b[k + 1] == 0xD9) return false;
  }
  return true;
}

bool isTruncatedTiff(const std::vector<std::uint8_t>& b) {
#ifdef FOLK_HAVE_OPENCV
  if (!isTiff(b)) return false;
  MemoryFile file{&b, 0};
  TIFF* tiff = openTiff(file);
  if (tiff == nullptr) return false;  // the decoder says what is wrong
  const bool tiled = TIFFIsTiled(tiff) != 0;
  const std::uint32_t count = tiled ? TIFFNumberOfTiles(tiff) : TIFFNumberOfStrips(tiff);
  const toff_t* offsets = nullptr;
  const toff_t* lengths = nullptr;
  bool truncated = false;
  if (TIFFGetField(tiff, tiled ? TIFFTAG_TILEOFFSETS : TIFFTAG_STRIPOFFSETS, &offsets) == 1 &&
      TIFFGetField(tiff, tiled ? TIFFTAG_TILEBYTECOUNTS : TIFFTAG_STRIPBYTECOUNTS, &lengths) == 1 && offsets &&
      lengths) {
    for (std::uint32_t i = 0; i < count && !truncated; ++i)
      truncated = offsets[i] > b.size() || lengths[i] > b.size() - offsets[i];
  }
  TIFFClose(tiff);
  return truncated;
#else
  (void)b;
  return false;
#endif
}

std::string unsupportedTiffCompression(const std::vector<std::uint8_t>& b) {
#ifdef FOLK_HAVE_OPENCV
  if (!isTiff(b)) return {};
  MemoryFile file{&b, 0};
  TIFF* tiff = openTiff(file);
  if (tiff == nullptr) return {};  // the decoder says what is wrong with the directory
  std::uint16_t compression = COMPRESSION_NONE;
  TIFFGetFieldDefaulted(tiff, TIFFTAG_COMPRESSION, &compression);
  const bool configured = TIFFIsCODECConfigured(compression) != 0;
  const TIFFCodec* codec = configured ? nullptr : TIFFFindCODEC(compression);
  TIFFClose(tiff);
  if (configured) return {};
  return "the TIFF is compressed with scheme " + std::to_string(compression) +
         (codec != nullptr && codec->name != nullptr ? std::string(" (") + codec->name + ")" : std::string()) +
         ", which FOLK's TIFF decoder (libtiff) cannot decode; save it uncompressed or with LZW, deflate or JPEG";
#else
  (void)b;
  return {};
#endif
}

std::string damagedTiffData(const std::vector<std::uint8_t>& b) {
#ifdef FOLK_HAVE_OPENCV
  if (!isTiff(b)) return {};
  MemoryFile file{&b, 0};
  std::string firstError;
  TIFF* tiff = openTiff(file, &firstError);
  if (tiff == nullptr) return {};  // the decoder says what is wrong with the directory
  firstError.clear();              // what opening said is the directory's business, not the data's
  const bool tiled = TIFFIsTiled(tiff) != 0;
  const std::uint32_t count = tiled ? TIFFNumberOfTiles(tiff) : TIFFNumberOfStrips(tiff);
  const tmsize_t size = tiled ? TIFFTileSize(tiff) : TIFFStripSize(tiff);
  std::string damage;
  if (size > 0) {
    std::vector<std::uint8_t> buffer(static_cast<std::size_t>(size));
    for (std::uint32_t i = 0; i < count && damage.empty(); ++i) {
      const tmsize_t read = tiled ? TIFFReadEncodedTile(tiff, i, buffer.data(), size)
                                  : TIFFReadEncodedStrip(tiff, i, buffer.data(), size);
      if (read < 0 || !firstError.empty())
        damage = std::string(tiled ? "tile " : "strip ") + std::to_string(i) + " of " + std::to_string(count) +
                 (firstError.empty() ? std::string(" could not be decoded") : " (libtiff: \"" + firstError + "\")");
    }
  }
  TIFFClose(tiff);
  return damage;
#else
  (void)b;
  return {};
#endif
}

}  // namespace folk
