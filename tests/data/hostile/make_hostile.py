#!/usr/bin/env python3
"""Writes the hostile image corpus of tests/core/data/test_hostile_images.cpp.

Run with Debian's python3 (python3-pil): `python3 tests/data/hostile/make_hostile.py`. The files are
checked in; this script documents how each was made. Names that git cannot carry portably (non-UTF-8
bytes) and file-system states (symlink loops, unreadable folders) are made by the tests themselves.
"""
import io
import os
import struct
import zlib

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def gradient(mode, size):
    w, h = size
    img = Image.new("RGB", size)
    img.putdata([((x * 255) // max(1, w - 1), (y * 255) // max(1, h - 1), 128) for y in range(h) for x in range(w)])
    return img.convert(mode)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main():
    # Empty and not-an-image files.
    open(path("zero_bytes.png"), "wb").close()
    with open(path("text_named.png"), "w") as f:
        f.write("this is a text file with an image's name\n")
    # A JPEG behind a .png name: the content decides, not the extension.
    gradient("RGB", (12, 8)).save(path("jpeg_named.png"), format="JPEG", quality=95)

    # Truncated files: half of a real PNG and of a real JPEG.
    buf = io.BytesIO()
    gradient("RGB", (64, 48)).save(buf, format="PNG")
    open(path("truncated.png"), "wb").write(buf.getvalue()[: len(buf.getvalue()) // 2])
    buf = io.BytesIO()
    gradient("RGB", (64, 48)).save(buf, format="JPEG", quality=90)
    open(path("truncated.jpg"), "wb").write(buf.getvalue()[: len(buf.getvalue()) // 2])
    # A TIFF cut in its image data (the directory, written first by Pillow, survives).
    buf = io.BytesIO()
    gradient("RGB", (64, 48)).save(buf, format="TIFF")
    data = buf.getvalue()
    assert data[4:8] == b"\x08\x00\x00\x00", "the directory is expected right after the header"
    open(path("truncated.tiff"), "wb").write(data[: len(data) // 2])
    # TIFFs of full length whose compressed data were changed in place (a faulty copy): libtiff's
    # deflate and LZW decoders notice, OpenCV's reader returned black or garbled rows for them.
    for compression, name in (("tiff_adobe_deflate", "damaged_deflate.tiff"), ("tiff_lzw", "damaged_lzw.tiff")):
        buf = io.BytesIO()
        gradient("RGB", (64, 48)).save(buf, format="TIFF", compression=compression)
        data = bytearray(buf.getvalue())
        assert Image.open(io.BytesIO(bytes(data))).tag_v2[273] == (8,), "one strip right after the header expected"
        for i in range(40, 60):
            data[i] ^= 0x5A
        open(path(name), "wb").write(bytes(data))
    # A TIFF whose Compression tag names JPEG 2000 (34712), which libtiff does not decode: refused
    # as unsupported, not as damaged.
    buf = io.BytesIO()
    gradient("RGB", (16, 12)).save(buf, format="TIFF", compression="tiff_lzw")
    data = bytearray(buf.getvalue())
    ifd = struct.unpack("<I", data[4:8])[0]
    for i in range(struct.unpack("<H", data[ifd : ifd + 2])[0]):
        entry = ifd + 2 + 12 * i
        if struct.unpack("<H", data[entry : entry + 2])[0] == 259:
            data[entry + 8 : entry + 10] = struct.pack("<H", 34712)
    open(path("jpeg2000_compressed.tiff"), "wb").write(bytes(data))

    # A PNG written corrupt: bytes of its compressed data changed and the CRC computed over them, so
    # only the decoder finds it (libpng: "IDAT: incorrect data check" or similar).
    buf = io.BytesIO()
    gradient("RGB", (64, 48)).save(buf, format="PNG")
    data = bytearray(buf.getvalue())
    at = data.index(b"IDAT") - 4
    length = struct.unpack(">I", data[at : at + 4])[0]
    for k in range(20, 30):
        data[at + 8 + k] ^= 0xFF
    data[at + 8 + length : at + 12 + length] = struct.pack(">I", zlib.crc32(bytes(data[at + 4 : at + 8 + length])))
    open(path("idat_corrupt_crc_right.png"), "wb").write(bytes(data))

    # A decompression bomb: a valid PNG header claiming 100000x100000 RGB pixels, a tiny IDAT.
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
    bomb += png_chunk(b"IEND", b"")
    open(path("bomb_100000x100000.png"), "wb").write(bomb)

    # A JPEG bomb found by fuzz_image: an APP1 segment whose length field says 1 (impossible), then
    # a start-of-frame claiming 11342x64780 pixels. libjpeg resynchronises after the bad length and
    # would allocate 2.2 GB, so the header check must read past it too.
    with open(os.path.join(os.path.dirname(__file__), "..", "fuzz-regressions", "image",
                           "jpeg_short_app1_hides_11342x64780_frame.jpg"), "rb") as f:
        open(path("bomb_behind_bad_segment_length.jpg"), "wb").write(f.read())
    # The next one it found: the same frame behind a stuffed 0xFF00 that an earlier header walk took
    # for a marker with a length (libjpeg skips it and reads on), after the 1-byte APP1 above.
    with open(os.path.join(os.path.dirname(__file__), "..", "fuzz-regressions", "image",
                           "jpeg_stuffed_zero_hides_11342x64780_frame.jpg"), "rb") as f:
        open(path("bomb_behind_stuffed_zero.jpg"), "wb").write(f.read())

    # Bombs in the other formats whose headers are read before decoding (20000x20000 = 4e8 pixels:
    # over the budget of 2^28, under OpenCV's own limit of 2^30, so only our check stops them).
    side = 20000
    # TIFF, deflate-compressed grey, one strip holding a single row.
    data = zlib.compress(b"\x00" * side)
    entries = [(256, 4, side), (257, 4, side), (258, 3, 8), (259, 3, 8), (262, 3, 1), (273, 4, 0),
               (277, 3, 1), (278, 4, side), (279, 4, len(data))]
    ifd_size = 2 + 12 * len(entries) + 4
    data_offset = 8 + ifd_size
    ifd = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        value = data_offset if tag == 273 else value
        ifd += struct.pack("<HHI", tag, kind, 1) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value))
    ifd += struct.pack("<I", 0)
    open(path("bomb_20000x20000.tiff"), "wb").write(b"II*\x00" + struct.pack("<I", 8) + ifd + data)
    # BMP, 8-bit RLE, top-down (negative height), a grey palette and an end-of-bitmap code.
    palette = b"".join(bytes((i, i, i, 0)) for i in range(256))
    pixels = b"\x00\x01"
    offset = 14 + 40 + len(palette)
    header = struct.pack("<IiiHHIIiiII", 40, side, -side, 1, 8, 1, len(pixels), 2835, 2835, 256, 0)
    open(path("bomb_20000x20000.bmp"), "wb").write(
        b"BM" + struct.pack("<IHHI", offset + len(pixels), 0, 0, offset) + header + palette + pixels)
    # Sun raster, 8-bit grey, byte-run encoded: one run of 255 zeros. Sun raster is not a format FOLK
    # reads: this bomb is refused by the format allowlist, before any header is read.
    run = b"\x80\xfe\x00"
    open(path("bomb_20000x20000.ras"), "wb").write(
        struct.pack(">8I", 0x59A66A95, side, side, 8, len(run), 2, 0, 0) + run)

    write_refused_formats()

    # Colour models and layouts OpenCV must convert.
    gradient("CMYK", (10, 6)).save(path("cmyk.jpg"), format="JPEG", quality=95)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to display
    gradient("RGB", (12, 4)).save(path("exif_rotated.jpg"), format="JPEG", quality=95, exif=exif.tobytes())
    Image.frombytes("I;16", (5, 3), bytes(range(30))).save(path("grey16.png"))
    gradient("P", (7, 5)).save(path("palette.png"))
    gradient("RGBA", (6, 4)).save(path("rgba.png"))
    gradient("RGB", (1, 1)).save(path("one_by_one.png"))
    gradient("L", (1, 9)).save(path("one_by_nine.png"))


def write_refused_formats():
    """Valid files of formats OpenCV decodes but FOLK does not read, each named .png: the allowlist
    of core/data/image_format.h must refuse them by their magic bytes, naming the format."""
    small = gradient("RGB", (8, 6))
    small.save(path("gif_named.png"), format="GIF")
    small.save(path("jpeg2000_named.png"), format="JPEG2000")
    small.save(path("ico_named.png"), format="ICO", sizes=[(8, 6)])
    # Radiance HDR: the text header, then flat (uncompressed) RGBE pixels, all mid grey.
    hdr = b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 6 +X 8\n" + bytes((128, 128, 128, 128)) * 48
    open(path("radiance_hdr_named.png"), "wb").write(hdr)
    # OpenEXR: magic, version 2 (scanline), the required header attributes, an empty offset table
    # entry and one uncompressed scanline of a 1x1 half-float Y image.
    def attribute(name, kind, value):
        return name + b"\0" + kind + b"\0" + struct.pack("<i", len(value)) + value
    header = b"".join([
        attribute(b"channels", b"chlist", b"Y\0" + struct.pack("<iB3xii", 1, 0, 1, 1) + b"\0"),
        attribute(b"compression", b"compression", b"\0"),
        attribute(b"dataWindow", b"box2i", struct.pack("<4i", 0, 0, 0, 0)),
        attribute(b"displayWindow", b"box2i", struct.pack("<4i", 0, 0, 0, 0)),
        attribute(b"lineOrder", b"lineOrder", b"\0"),
        attribute(b"pixelAspectRatio", b"float", struct.pack("<f", 1.0)),
        attribute(b"screenWindowCenter", b"v2f", struct.pack("<2f", 0.0, 0.0)),
        attribute(b"screenWindowWidth", b"float", struct.pack("<f", 1.0)),
    ]) + b"\0"
    prefix = b"\x76\x2f\x31\x01" + struct.pack("<I", 2) + header
    scanline = struct.pack("<ii", 0, 2) + struct.pack("<e", 0.5)
    open(path("openexr_named.png"), "wb").write(prefix + struct.pack("<Q", len(prefix) + 8) + scanline)
    with open(path("svg_named.png"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6"><rect width="8" height="6"/></svg>\n')


if __name__ == "__main__":
    main()
