#!/usr/bin/env python3
"""Writes the safetensors cases of tests/core/io/test_safetensors.cpp.

Run with Debian's python3 (standard library only): `python3 make_safetensors_cases.py` in this
folder. The files are checked in; this script documents how each was made. It writes the format
by hand (struct + json), independently of FOLK's C++ writer, so valid.safetensors is golden data
for the reader and every other file is one specific lie about the format.
"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, header, data=b"", header_length=None, raw_header=None):
    text = raw_header if raw_header is not None else json.dumps(header).encode()
    length = len(text) if header_length is None else header_length
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(struct.pack("<Q", length) + text + data)


def f32(values):
    return struct.pack("<%df" % len(values), *values)


def main():
    # A valid file: every dtype FOLK maps, a scalar, an empty tensor, metadata; data in offset order.
    weight = f32([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])               # F32 [2, 3]
    count = struct.pack("<q", 7)                               # I64 [] (a scalar)
    flags = bytes([1, 0, 1])                                   # BOOL [3]
    half = struct.pack("<e", 1.5) + struct.pack("<e", -2.0)    # F16 [2]
    bf16 = struct.pack("<HH", 0x3F80, 0xC040)                  # BF16 [2]: 1.0, -3.0
    empty = b""                                                # F32 [0, 4]
    parts = [("weight", "F32", [2, 3], weight), ("count", "I64", [], count), ("flags", "BOOL", [3], flags),
             ("half", "F16", [2], half), ("bf", "BF16", [2], bf16), ("empty", "F32", [0, 4], empty)]
    header = {"__metadata__": {"format": "pt", "note": "made by make_safetensors_cases.py"}}
    data = b""
    for name, dtype, shape, raw in parts:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    write("valid.safetensors", header, data)

    one = {"t": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}
    six = f32([1, 2, 3, 4, 5, 6])
    with open(os.path.join(HERE, "zero_bytes.safetensors"), "wb"):
        pass
    with open(os.path.join(HERE, "shorter_than_length.safetensors"), "wb") as f:
        f.write(b"\x10\x00\x00\x00\x00")
    write("header_length_beyond_file.safetensors", one, six, header_length=4000)
    write("header_length_huge.safetensors", one, six, header_length=1 << 62)
    write("header_not_json.safetensors", None, six, raw_header=b"{\"t\": {\"dtype\": \"F32\", ")
    write("header_is_array.safetensors", None, six, raw_header=b"[1, 2, 3]")
    write("unknown_dtype.safetensors", {"t": {"dtype": "F8_E4M3", "shape": [24], "data_offsets": [0, 24]}}, six)
    write("negative_shape.safetensors", {"t": {"dtype": "F32", "shape": [-2, -3], "data_offsets": [0, 24]}}, six)
    write("fractional_shape.safetensors", {"t": {"dtype": "F32", "shape": [2.5, 2], "data_offsets": [0, 24]}}, six)
    write("shape_overflows.safetensors",
          {"t": {"dtype": "F32", "shape": [1 << 40, 1 << 40, 1 << 40], "data_offsets": [0, 24]}}, six)
    write("offsets_beyond_data.safetensors", {"t": {"dtype": "F32", "shape": [1000], "data_offsets": [0, 4000]}}, six)
    write("offsets_reversed.safetensors", {"t": {"dtype": "F32", "shape": [2], "data_offsets": [24, 16]}}, six)
    write("shape_disagrees_with_offsets.safetensors",
          {"t": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 20]}}, six[:20])
    write("overlapping.safetensors", {"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]},
                                      "b": {"dtype": "F32", "shape": [4], "data_offsets": [8, 24]}}, six)
    write("gap.safetensors", {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                              "b": {"dtype": "F32", "shape": [2], "data_offsets": [16, 24]}}, six)
    write("trailing_bytes.safetensors", one, six + b"\x00" * 8)
    write("metadata_not_string.safetensors", {"__metadata__": {"step": 12}, **one}, six)
    write("missing_offsets.safetensors", {"t": {"dtype": "F32", "shape": [2, 3]}}, six)
    write("truncated_data.safetensors", one, six[:10])


if __name__ == "__main__":
    main()
