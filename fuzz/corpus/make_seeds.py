#!/usr/bin/python3
"""Writes the fuzzers' seed corpora: small valid inputs of every kind each parser accepts, from
which libFuzzer mutates. (Hostile and broken inputs live in tests/data/hostile and are seeds too.)
Deterministic: running it again rewrites the same bytes. Needs python3-pil for the image seeds.
"""
import gzip
import io
import json
import os
import struct

from PIL import Image, PngImagePlugin

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    os.makedirs(os.path.join(HERE, target), exist_ok=True)
    with open(os.path.join(HERE, target, name), "wb") as f:
        f.write(data)


def idx(dims, payload):
    return struct.pack(">HBB", 0, 0x08, len(dims)) + b"".join(struct.pack(">I", d) for d in dims) + payload


# IDX: a 3×4×4 image set and its labels, raw and gzip-compressed (mtime 0: reproducible bytes).
images = idx([3, 4, 4], bytes(range(48)))
labels = idx([3], bytes([0, 9, 4]))
write("idx", "images_3x4x4.idx", images)
write("idx", "labels_3.idx", labels)
write("idx", "images_3x4x4.idx.gz", gzip.compress(images, mtime=0))
write("idx", "labels_3.idx.gz", gzip.compress(labels, mtime=0))

# CIFAR: first byte = mode (bit 0 CIFAR-100, bit 1 coarse labels, bit 2 meta file), then the bytes.
pixels = bytes((i * 7) % 256 for i in range(3072))
write("cifar", "cifar10_two_records.bin", bytes([0]) + bytes([3]) + pixels + bytes([9]) + pixels)
write("cifar", "cifar100_fine.bin", bytes([1]) + bytes([5, 42]) + pixels)
write("cifar", "cifar100_coarse.bin", bytes([3]) + bytes([19, 99]) + pixels)
names = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n"
write("cifar", "meta_names.txt", bytes([4]) + names.encode())
write("cifar", "meta_crlf_blank_lines.txt", bytes([4]) + names.replace("\n", "\r\n\r\n").encode())

# Configs: first byte 0 = a config file, 1 = a --set override.
config = {
    "data": {"path": "/usr/share/datasets/fashion-mnist", "max_image_pixels": 1000000,
             "augment": {"jitter": {"probability": 0.5}}},
    "model": {"name": "vit-nano", "patch_size": 4, "image_size": 28, "channels": 1},
    "objective": {"name": "folk", "teacher_temp": 0.05},
    "masks": {"ratios": [0.01, 0.05, 0.1], "p_com": 0.5},
    "optimisation": {"base_lr": 0.0005, "epochs": 1, "batch_size": 32},
    "seed": 7,
}
write("config", "partial_config.json", bytes([0]) + json.dumps(config, indent=2).encode())
write("config", "empty_object.json", bytes([0]) + b"{}")
for i, assignment in enumerate([
        "optimisation.base_lr=1e-3", "masks.ratios=[0.01,0.05]", "model.name=vit-tiny",
        "data.max_image_pixels=4096", "objective.name=mfm-comrcom", "device.precision=bf16"]):
    write("config", "override_%d.txt" % i, bytes([1]) + assignment.encode())


# safetensors: F32, BF16, I64 and U8 tensors with metadata; an empty file of tensors.
def safetensors(tensors, metadata=None):
    header, data = {}, b""
    for name, dtype, shape, payload in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(payload)]}
        data += payload
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


write("safetensors", "four_dtypes.safetensors", safetensors([
    ("blocks.0.attn.qkv.weight", "F32", [2, 3], struct.pack("<6f", *range(6))),
    ("cls_token", "BF16", [1, 1, 2], b"\x80\x3f\x00\x40"),
    ("steps", "I64", [1], struct.pack("<q", 7)),
    ("mask", "U8", [4], bytes([0, 1, 1, 0])),
], {"format": "pt", "folk.model": "vit-nano"}))
write("safetensors", "scalar_and_empty.safetensors", safetensors([
    ("scalar", "F64", [], struct.pack("<d", 1.5)),
    ("empty", "F32", [0, 3], b""),
]))
write("safetensors", "no_tensors.safetensors", safetensors([], {"format": "pt"}))


# Images: small files of every kind OpenCV decodes for us (colour, grey, 16-bit, palette, alpha).
def image_bytes(img, fmt, **kw):
    out = io.BytesIO()
    img.save(out, fmt, **kw)
    return out.getvalue()


rgb = Image.new("RGB", (6, 5))
rgb.putdata([((x * 40) % 256, (y * 50) % 256, (x * y * 13) % 256) for y in range(5) for x in range(6)])
write("image", "rgb.png", image_bytes(rgb, "PNG"))
write("image", "rgb.jpg", image_bytes(rgb, "JPEG", quality=80))
write("image", "rgb.bmp", image_bytes(rgb, "BMP"))
write("image", "grey.png", image_bytes(rgb.convert("L"), "PNG"))
write("image", "rgba.png", image_bytes(rgb.convert("RGBA"), "PNG"))
write("image", "palette.png", image_bytes(rgb.convert("P"), "PNG"))
write("image", "grey16.png", image_bytes(rgb.convert("L").convert("I").point(lambda v: v * 257).convert("I;16"), "PNG"))
write("image", "rgb.tiff", image_bytes(rgb, "TIFF"))
# Compressed TIFFs: their strips are decoded by libtiff before OpenCV (core/data/image_header.h).
write("image", "rgb_lzw.tiff", image_bytes(rgb, "TIFF", compression="tiff_lzw"))
write("image", "grey_deflate.tiff", image_bytes(rgb.convert("L"), "TIFF", compression="tiff_adobe_deflate"))
write("image", "grey.pgm", image_bytes(rgb.convert("L"), "PPM"))
write("image", "rgb.ppm", image_bytes(rgb, "PPM"))
# Ancillary chunks that are removed before OpenCV sees the file (core/data/png_chunks.h).
text = PngImagePlugin.PngInfo()
text.add_text("Comment", "seed")
write("image", "iccp_text.png", image_bytes(rgb, "PNG", icc_profile=b"not a real profile", pnginfo=text))
write("image", "rgb.webp", image_bytes(rgb, "WEBP", lossless=True))
# PAM and PFM by hand (this Pillow writes neither): the same pixels, 8-bit RGB and float32 grey.
write("image", "rgb.pam", b"P7\nWIDTH 6\nHEIGHT 5\nDEPTH 3\nMAXVAL 255\nTUPLTYPE RGB\nENDHDR\n" + rgb.tobytes())
grey = rgb.convert("L")
# PFM: bottom row first, little-endian (negative scale).
write("image", "grey.pfm", b"Pf\n6 5\n-1.0\n" + b"".join(
    struct.pack("<f", grey.getpixel((x, y)) / 255.0) for y in reversed(range(5)) for x in range(6)))
exif = Image.Exif()
exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
write("image", "exif_rotated.jpg", image_bytes(rgb, "JPEG", exif=exif.tobytes()))
# JPEG is decoded by libjpeg itself (core/data/jpeg_decode.cpp): greyscale, CMYK and progressive too.
write("image", "grey.jpg", image_bytes(rgb.convert("L"), "JPEG", quality=90))
write("image", "cmyk.jpg", image_bytes(rgb.convert("CMYK"), "JPEG", quality=90))
write("image", "progressive.jpg", image_bytes(rgb, "JPEG", quality=90, progressive=True))
