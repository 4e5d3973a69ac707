#include "core/data/jpeg_decode.h"

#include <cstring>
#include <utility>

// libjpeg is there when OpenCV is (FOLK_HAVE_OPENCV); an engine-only build reads no image files.
#ifdef FOLK_HAVE_OPENCV
#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE and size_t declared first
#include <jpeglib.h>
#include <jerror.h>  // after jpeglib.h: its list of messages depends on jconfig.h
#endif

#include "core/data/exif_orientation.h"
#include "core/data/image_file.h"

namespace folk {
namespace {

#ifdef FOLK_HAVE_OPENCV
// Warnings that mean the compressed data are damaged: libjpeg goes on and fills what it could not
// decode with grey or with whatever the broken bits say, which would be silent garbage here.
bool isDamage(int code) {
  switch (code) {
#if JPEG_LIB_VERSION >= 70 || defined(C_ARITH_CODING_SUPPORTED) || defined(D_ARITH_CODING_SUPPORTED)
    case JWRN_ARITH_BAD_CODE:  // declared under the same condition in jerror.h
#endif
    case JWRN_BOGUS_PROGRESSION:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_JPEG_EOF:
    case JWRN_MUST_RESYNC:
      return true;
    default:
      return false;
  }
}

struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = {};  // libjpeg's own words for the error or the damage
  bool damaged = false;
};

[[noreturn]] void stop(j_common_ptr info) {
  auto* errors = reinterpret_cast<ErrorManager*>(info->err);
  info->err->format_message(info, errors->message);
  std::longjmp(errors->jump, 1);
}

// Level -1 is a warning, 0 and up are trace messages (never printed here).
void onMessage(j_common_ptr info, int level) {
  if (level >= 0) return;
  info->err->num_warnings++;
  if (!isDamage(info->err->msg_code)) return;
  reinterpret_cast<ErrorManager*>(info->err)->damaged = true;
  stop(info);
}

struct DecodeState {
  jpeg_decompress_struct info;
  ErrorManager errors;
  const std::vector<std::uint8_t>* bytes = nullptr;
  std::int64_t maxPixels = 0;
  bool tooLarge = false;
  std::vector<JSAMPLE> row;
  Image image;
  int orientation = 1;
};

std::uint8_t toByte(unsigned value) { return std::uint8_t(value > 255 ? 255 : value); }

// Runs libjpeg from the header to the last scanline. libjpeg leaves through longjmp on an error or
// damage, so this frame holds nothing with a destructor (the state lives in the caller's frame).
// False when libjpeg stopped (errors.message says why) or the image is too large.
bool runDecoder(DecodeState& s) {
  if (setjmp(s.errors.jump) != 0) return false;
  jpeg_create_decompress(&s.info);
  jpeg_mem_src(&s.info, s.bytes->data(), static_cast<unsigned long>(s.bytes->size()));
  jpeg_save_markers(&s.info, JPEG_APP0 + 1, 0xffff);  // EXIF, for the orientation
  jpeg_read_header(&s.info, TRUE);
  if (std::int64_t(s.info.image_width) * s.info.image_height > s.maxPixels) {
    s.tooLarge = true;
    return false;
  }
  const bool cmyk = s.info.jpeg_color_space == JCS_CMYK || s.info.jpeg_color_space == JCS_YCCK;
  const bool grey = s.info.jpeg_color_space == JCS_GRAYSCALE;
  s.info.out_color_space = grey ? JCS_GRAYSCALE : cmyk ? JCS_CMYK : JCS_RGB;
  for (auto* marker = s.info.marker_list; marker != nullptr; marker = marker->next) {
    if (marker->marker == JPEG_APP0 + 1) {
      const int orientation = exifOrientation(marker->data, marker->data_length);
      if (orientation != 1) s.orientation = orientation;
    }
  }
  jpeg_start_decompress(&s.info);
  const int width = int(s.info.output_width), height = int(s.info.output_height);
  const int components = s.info.output_components;
  s.row.resize(std::size_t(width) * components);
  s.image = Image(grey ? 1 : 3, height, width);
  const float scale = 1.0f / 255.0f;
  while (s.info.output_scanline < s.info.output_height) {
    const int y = int(s.info.output_scanline);
    JSAMPROW rows[1] = {s.row.data()};
    jpeg_read_scanlines(&s.info, rows, 1);
    const JSAMPLE* in = s.row.data();
    for (int x = 0; x < width; ++x, in += components) {
      if (grey) {
        s.image.at(0, y, x) = in[0] * scale;
      } else if (cmyk) {
        // Adobe's inverted CMYK (each stored value is 255 - ink): a channel is about c * k / 255,
        // computed as OpenCV computes it (k - (255 - c) * k / 256), so pictures decode as before.
        const unsigned k = in[3];
        for (int c = 0; c < 3; ++c) s.image.at(c, y, x) = toByte(k - (((255u - in[c]) * k) >> 8)) * scale;
      } else {
        for (int c = 0; c < 3; ++c) s.image.at(c, y, x) = in[c] * scale;
      }
    }
  }
  jpeg_finish_decompress(&s.info);
  return true;
}

#endif

}  // namespace

#ifndef FOLK_HAVE_OPENCV
Image decodeJpeg(const std::vector<std::uint8_t>&, const std::string& name, std::int64_t) {
  throw ImageFileError(name, "this folk was built without OpenCV and libjpeg (an engine-only build) and cannot read JPEG files");
}
#else
Image decodeJpeg(const std::vector<std::uint8_t>& bytes, const std::string& name, std::int64_t maxPixels) {
  DecodeState state;
  state.bytes = &bytes;
  state.maxPixels = maxPixels;
  state.info.err = jpeg_std_error(&state.errors.base);
  state.errors.base.error_exit = stop;
  state.errors.base.emit_message = onMessage;
  bool decoded = false;
  try {
    decoded = runDecoder(state);
  } catch (...) {  // std::bad_alloc for the picture: libjpeg's memory goes too
    jpeg_destroy_decompress(&state.info);
    throw;
  }
  jpeg_destroy_decompress(&state.info);
  if (state.tooLarge) throw ImageFileError(name, "the image has more pixels than the limit of " + std::to_string(maxPixels));
  if (state.errors.damaged) {
    throw ImageFileError(name, std::string("damaged JPEG data (libjpeg: \"") + state.errors.message +
                                   "\"): parts of the picture would be grey or garbled; copy the file again or "
                                   "save it anew");
  }
  if (!decoded) {
    throw ImageFileError(name, std::string("not a readable image: the JPEG decoder found it corrupt (libjpeg: \"") +
                                   state.errors.message + "\")");
  }
  return applyExifOrientation(std::move(state.image), state.orientation);
}

#endif

}  // namespace folk
