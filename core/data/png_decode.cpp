#include "core/data/png_decode.h"

#include <cstring>
#include <new>
#include <utility>

// libpng is there when OpenCV is (FOLK_HAVE_OPENCV); an engine-only build reads no image files.
#ifdef FOLK_HAVE_OPENCV
#include <png.h>
#endif

#include "core/data/exif_orientation.h"
#include "core/data/image_file.h"

namespace folk {

#ifndef FOLK_HAVE_OPENCV
Image decodePng(const std::vector<std::uint8_t>&, const std::string& name, std::int64_t) {
  throw ImageFileError(name, "this folk was built without OpenCV and libpng (an engine-only build) and cannot read PNG files");
}
#else
namespace {

struct DecodeState {
  png_structp png = nullptr;
  png_infop info = nullptr;
  const std::vector<std::uint8_t>* bytes = nullptr;
  std::size_t position = 0;
  std::int64_t maxPixels = 0;
  bool tooLarge = false;
  std::string message;  // libpng's words for the error
  std::vector<png_bytep> rows;
  std::vector<std::uint8_t> pixels;  // the decoded samples, row after row
  int width = 0, height = 0, channels = 0, bitDepth = 0;
  int orientation = 1;  // EXIF (eXIf chunk)
};

void readBytes(png_structp png, png_bytep out, png_size_t count) {
  auto* s = static_cast<DecodeState*>(png_get_io_ptr(png));
  if (count > s->bytes->size() - s->position) png_error(png, "the file ends inside a chunk");
  std::memcpy(out, s->bytes->data() + s->position, count);
  s->position += count;
}

[[noreturn]] void onError(png_structp png, png_const_charp message) {
  static_cast<DecodeState*>(png_get_error_ptr(png))->message = message;
  png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {}  // e.g. an unknown sRGB profile: harmless here

// Runs libpng from the signature to the last row. libpng leaves through longjmp on an error, so
// this frame holds nothing with a destructor (the state lives in the caller's frame). False when
// libpng stopped (message says why) or the image is too large.
bool runDecoder(DecodeState& s) {
  if (setjmp(png_jmpbuf(s.png)) != 0) return false;
  png_set_read_fn(s.png, &s, readBytes);
  png_read_info(s.png, s.info);
  const png_uint_32 width = png_get_image_width(s.png, s.info), height = png_get_image_height(s.png, s.info);
  if (std::int64_t(width) * height > s.maxPixels) {
    s.tooLarge = true;
    return false;
  }
  const int colourType = png_get_color_type(s.png, s.info);
  const int bitDepth = png_get_bit_depth(s.png, s.info);
  if (colourType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(s.png);
  if (colourType == PNG_COLOR_TYPE_GRAY && bitDepth < 8) png_set_expand_gray_1_2_4_to_8(s.png);
  if (colourType & PNG_COLOR_MASK_ALPHA) png_set_strip_alpha(s.png);
  if (bitDepth == 16) png_set_swap(s.png);  // samples in this machine's byte order
  png_set_interlace_handling(s.png);
  png_read_update_info(s.png, s.info);
  s.width = int(width);
  s.height = int(height);
  s.channels = png_get_channels(s.png, s.info);
  s.bitDepth = png_get_bit_depth(s.png, s.info);
  const std::size_t rowBytes = png_get_rowbytes(s.png, s.info);
  // Deflate expands at most 1032-fold: a file far too short for the size it claims is refused before
  // its rows are allocated (a bomb whose header fits the pixel budget).
  if (double(rowBytes) * height > 1100.0 * double(s.bytes->size()) + 65536.0) {
    s.message = "the file is far too short for the " + std::to_string(width) + "x" + std::to_string(height) +
                " pixels its header claims";
    return false;
  }
  s.pixels.resize(rowBytes * height);
  s.rows.resize(height);
  for (png_uint_32 y = 0; y < height; ++y) s.rows[y] = s.pixels.data() + rowBytes * y;
  png_read_image(s.png, s.rows.data());
  png_read_end(s.png, s.info);  // into info: an eXIf chunk may come after the image data
  png_uint_32 exifSize = 0;
  png_bytep exif = nullptr;
  if (png_get_eXIf_1(s.png, s.info, &exifSize, &exif) != 0 && exif != nullptr) {
    s.orientation = tiffExifOrientation(exif, exifSize);
  }
  return true;
}

}  // namespace

Image decodePng(const std::vector<std::uint8_t>& bytes, const std::string& name, std::int64_t maxPixels) {
  DecodeState state;
  state.bytes = &bytes;
  state.maxPixels = maxPixels;
  state.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, onError, onWarning);
  if (state.png != nullptr) state.info = png_create_info_struct(state.png);
  if (state.png == nullptr || state.info == nullptr) {
    png_destroy_read_struct(state.png != nullptr ? &state.png : nullptr, nullptr, nullptr);
    throw ImageFileError(name, "libpng could not start (out of memory)");
  }
  bool decoded = false;
  try {
    decoded = runDecoder(state);
  } catch (const std::bad_alloc&) {  // the picture does not fit in memory: libpng's memory goes too
    png_destroy_read_struct(&state.png, &state.info, nullptr);
    throw ImageFileError(name, "not enough memory to decode it");
  }
  png_destroy_read_struct(&state.png, &state.info, nullptr);
  if (state.tooLarge) throw ImageFileError(name, "the image has more pixels than the limit of " + std::to_string(maxPixels));
  if (!decoded) {
    throw ImageFileError(name, "not a readable image: the PNG decoder found it corrupt (libpng: \"" + state.message +
                                   "\"); copy the file again or save it anew");
  }
  // Grey stays one channel; colour (RGB) three, in R, G, B order.
  const int channels = state.channels >= 3 ? 3 : 1;
  Image image(channels, state.height, state.width);
  const bool wide = state.bitDepth == 16;
  const float scale = wide ? 1.0f / 65535.0f : 1.0f / 255.0f;
  for (int y = 0; y < state.height; ++y) {
    const std::uint8_t* row = state.rows[std::size_t(y)];
    for (int x = 0; x < state.width; ++x) {
      for (int c = 0; c < channels; ++c) {
        const std::size_t i = std::size_t(x) * state.channels + c;
        float v;
        if (wide) {
          std::uint16_t sample;
          std::memcpy(&sample, row + 2 * i, sizeof sample);
          v = sample * scale;
        } else {
          v = row[i] * scale;
        }
        image.at(c, y, x) = v;
      }
    }
  }
  return applyExifOrientation(std::move(image), state.orientation);
}
#endif

}  // namespace folk
