#!/usr/bin/python3
"""Writes the small image fixtures used by tests/core/data/test_image_file.cpp.

Run with Debian's python3 (python3-pil, python3-numpy): /usr/bin/python3 make_images.py
Each file exercises one conversion rule of DESIGN.md section 3; expected values are noted per file.
"""
import numpy as np
from PIL import Image

rgb = np.zeros((3, 4, 3), np.uint8)
rgb[0, 0] = (255, 0, 0)      # red at (0,0)
rgb[1, 2] = (0, 255, 0)      # green at (1,2)
rgb[2, 3] = (0, 0, 255)      # blue at (2,3)
Image.fromarray(rgb, "RGB").save("rgb_3x4.png")

rgba = np.zeros((2, 2, 4), np.uint8)
rgba[..., 0] = 200; rgba[..., 3] = 10          # alpha must be dropped: R stays 200/255
Image.fromarray(rgba, "RGBA").save("rgba_2x2.png")

grey16 = np.array([[0, 65535], [32768, 1000]], np.uint16)  # 16-bit scaled by 1/65535
Image.fromarray(grey16).save("grey16_2x2.png")

grey8 = np.array([[0, 51, 255]], np.uint8)   # 1x3 greyscale: one channel kept
Image.fromarray(grey8, "L").save("grey_1x3.png")

pal = Image.new("P", (2, 1))
pal.putpalette([10, 20, 30, 200, 100, 50] + [0] * (256 * 3 - 6))
pal.putdata([0, 1])                            # palette expanded to RGB
pal.save("palette_2x1.png")

with open("not_an_image.png", "w") as f:       # text with an image extension
    f.write("this is text, not a PNG\n")

png = open("rgb_3x4.png", "rb").read()
open("truncated.png", "wb").write(png[: len(png) // 2])
