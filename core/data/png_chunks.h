#pragma once
// PNG chunks the decoder never uses (core/data/png_decode.cpp applies no colour management and
// reads no text, time, physical size or background), removed before it sees the bytes: dropping
// them changes no decoded pixel and spares libpng the work (and its warnings about harmless
// defects of real photographs, such as the astronaut and chelsea sample photos' ICC profile,
// "iCCP: known incorrect sRGB profile"). And the checks that find a damaged chunk or a cut file
// before the decoder does, so the error names the file and the chunk.
#include <cstdint>
#include <string>
#include <vector>

namespace folk {

// The bytes of a PNG file with every ancillary chunk removed except tRNS (transparency, which
// OpenCV expands into alpha and then drops) and eXIf (the orientation). Returns the bytes
// unchanged when they are not a PNG or their chunk structure is broken (a length past the end):
// the decoder then reports what is wrong. `removed` (may be null) counts the chunks dropped.
std::vector<std::uint8_t> withoutUnusedPngChunks(const std::vector<std::uint8_t>& png, int* removed = nullptr);

// True for a PNG whose chunks run past the end of the bytes or stop before IEND: the file was cut
// short. libpng would report it on stderr itself ("libpng error: ...") before OpenCV gives up.
bool isTruncatedPng(const std::vector<std::uint8_t>& png);

// Why a PNG whose chunks are all there is damaged, "" when it is not: a chunk type that is not four
// letters, or a CRC that does not match its chunk among those the decoder reads (the critical
// chunks, tRNS and eXIf). libpng reports both on stderr itself ("libpng error: IDAT: CRC error")
// before OpenCV gives up; found here they become one error naming the file. A flipped bit in a
// copy or a download shows up as a CRC mismatch.
std::string damagedPngChunk(const std::vector<std::uint8_t>& png);

}  // namespace folk
