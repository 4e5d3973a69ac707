#!/usr/bin/env python3
"""Writes the valid TIFFs of tests/core/data/test_tiff_files.cpp: one picture in every compression
Pillow writes (through libtiff), in colour, 8-bit grey and 16-bit grey, each beside a lossless PNG of
the same pixels. Every compressed block of a TIFF is decoded once before OpenCV sees it (to refuse
damaged data); these files pin that valid ones of each kind still decode, to the pixels written.

Run with Debian's python3 (python3-pil): `python3 tests/data/tiff/make_tiffs.py`.
"""
import os

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    h, w = 16, 24
    y, x = np.mgrid[0:h, 0:w]
    rgb = np.stack([x * 255 // (w - 1), y * 255 // (h - 1), (x * y) % 256], -1).astype(np.uint8)
    colour = Image.fromarray(rgb, "RGB")
    colour.save(os.path.join(HERE, "rgb.png"))
    for compression in ("raw", "tiff_lzw", "tiff_adobe_deflate", "packbits", "jpeg"):
        colour.save(os.path.join(HERE, f"rgb_{compression}.tiff"), compression=compression, rowsperstrip=5)
    grey = Image.fromarray(rgb[:, :, 0], "L")
    grey.save(os.path.join(HERE, "grey.png"))
    grey.save(os.path.join(HERE, "grey_tiff_lzw.tiff"), compression="tiff_lzw")
    grey16 = Image.fromarray((x * 2731 + y * 7).astype(np.uint16), "I;16")
    grey16.save(os.path.join(HERE, "grey16.png"))
    grey16.save(os.path.join(HERE, "grey16_tiff_adobe_deflate.tiff"), compression="tiff_adobe_deflate")


if __name__ == "__main__":
    main()
