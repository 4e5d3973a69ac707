#!/usr/bin/env python3
"""Writes the JPEG files and goldens of tests/core/data/test_jpeg_decode.cpp.

Run with Debian's python3 (python3-pil, whose decoder is the same libjpeg-turbo but driven by
Pillow's own code): `python3 tests/data/jpeg/make_jpeg_goldens.py`. The goldens are Pillow's
decoded pixels, with the EXIF orientation applied by Pillow's ImageOps.exif_transpose.
"""
import io
import json
import os

from PIL import Image, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def pattern(mode, size):
    # No symmetry: every orientation gives a different picture.
    w, h = size
    img = Image.new("RGB", size)
    img.putdata([((37 * x + 11 * y) % 256, (23 * y + 5 * x * x) % 256, (90 + 60 * x) % 256) for y in range(h) for x in range(w)])
    return img.convert(mode)


def jpeg_bytes(img, **kwargs):
    out = io.BytesIO()
    img.save(out, format="JPEG", **kwargs)
    return out.getvalue()


def golden(data):
    img = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    channels = 1 if img.mode == "L" else 3
    pixels = list(img.getdata())
    planes = [[p if channels == 1 else p[c] for p in pixels] for c in range(channels)]
    return {"width": img.width, "height": img.height, "channels": channels, "planes": planes}


def main():
    goldens = {}
    # A grey 5x3 picture stored with each EXIF orientation.
    for orientation in range(1, 9):
        exif = Image.Exif()
        exif[0x0112] = orientation
        data = jpeg_bytes(pattern("L", (5, 3)), quality=100, exif=exif.tobytes())
        name = "orientation_%d.jpg" % orientation
        open(path(name), "wb").write(data)
        goldens[name] = golden(data)
    # Colour with 4:2:0 chroma subsampling (the upsampling must match libjpeg's own).
    data = jpeg_bytes(pattern("RGB", (9, 7)), quality=90, subsampling=2)
    open(path("colour_420.jpg"), "wb").write(data)
    goldens["colour_420.jpg"] = golden(data)
    # Two stray bytes before the end marker: libjpeg warns ("extraneous bytes"), the picture is whole.
    base = jpeg_bytes(pattern("RGB", (16, 16)), quality=90)
    assert base.endswith(b"\xff\xd9")
    data = base[:-2] + b"\x00\x00" + base[-2:]
    open(path("extraneous_bytes.jpg"), "wb").write(data)
    goldens["extraneous_bytes.jpg"] = golden(base)
    # Damaged compressed data: a restart marker in the middle of a scan that has none (libjpeg:
    # "Corrupt JPEG data: premature end of data segment" / a marker where data should be).
    big = jpeg_bytes(pattern("RGB", (64, 64)), quality=90)
    sos = big.index(b"\xff\xda")
    middle = sos + (len(big) - sos) // 2
    open(path("damaged_scan.jpg"), "wb").write(big[:middle] + b"\xff\xd3" + big[middle + 2 :])
    with open(path("goldens.json"), "w") as f:
        json.dump(goldens, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
