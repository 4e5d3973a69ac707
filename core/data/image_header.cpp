#include "core/data/image_header.h"

#include <cstring>

// libjpeg comes with OpenCV (Debian's OpenCV decodes JPEG with it); engine-only builds without
// OpenCV cannot decode images at all, so they do not need the JPEG header either.
#ifdef FOLK_HAVE_OPENCV
#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE and size_t declared first
#include <jpeglib.h>
#endif

namespace folk {
namespace {

std::uint32_t bigEndian32(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

bool isJpeg(const std::vector<std::uint8_t>& b) { return b.size() >= 4 && b[0] == 0xFF && b[1] == 0xD8; }

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
ClaimedSize jpegFrameSize(const std::vector<std::uint8_t>& bytes) {
  jpeg_decompress_struct info;
  JumpingErrorManager errors;
  info.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = jumpOut;
  errors.base.output_message = stayQuiet;
  // Nothing with a destructor lives in this frame, so longjmp may unwind it.
  if (setjmp(errors.jump) != 0) {
    jpeg_destroy_decompress(&info);
    return {};
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
  // OpenCV keeps APP1 (EXIF, for the orientation); do the same so the markers are read identically.
  jpeg_save_markers(&info, JPEG_APP0 + 1, 0xffff);
  ClaimedSize size;
  if (jpeg_read_header(&info, TRUE) == JPEG_HEADER_OK) size = {info.image_width, info.image_height};
  jpeg_destroy_decompress(&info);
  return size;
}
#endif

}  // namespace

ClaimedSize claimedImageSize(const std::vector<std::uint8_t>& b) {
  static const std::uint8_t kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (b.size() >= 24 && std::memcmp(b.data(), kPng, 8) == 0 && std::memcmp(b.data() + 12, "IHDR", 4) == 0)
    return {bigEndian32(b.data() + 16), bigEndian32(b.data() + 20)};
#ifdef FOLK_HAVE_OPENCV
  if (isJpeg(b)) return jpegFrameSize(b);
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

}  // namespace folk
