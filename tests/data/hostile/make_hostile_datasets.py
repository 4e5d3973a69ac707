#!/usr/bin/env python3
"""Writes the hostile dataset and config corpus of tests/core/data/test_hostile_datasets.cpp.

Run with Debian's python3 (standard library only): `python3 tests/data/hostile/make_hostile_datasets.py`.
The files are checked in; this script documents how each was made. Each file is one specific way an
IDX file, a CIFAR batch folder or a config JSON can be wrong.
"""
import gzip
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(relative, data):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def idx_header(type_and_rank, dims):
    return struct.pack(">I", type_and_rank) + b"".join(struct.pack(">I", d) for d in dims)


def cifar10_record(label):
    return bytes([label]) + bytes((i * 7) % 256 for i in range(3072))


def main():
    # IDX (MNIST / Fashion-MNIST) files, read as images (rank 3).
    write("idx/wrong_magic.idx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00")
    write("idx/labels_not_images.idx", idx_header(0x801, [2]) + b"\x01\x02")
    write("idx/float_elements.idx", idx_header(0x0D03, [1, 1, 1]) + b"\x00" * 4)
    write("idx/truncated_data.idx", idx_header(0x803, [3, 2, 2]) + b"\x00" * 7)
    write("idx/trailing_bytes.idx", idx_header(0x803, [1, 2, 2]) + b"\x00" * 9)
    write("idx/header_cut.idx", b"\x00\x00\x08\x03\x00\x00")
    write("idx/claims_64_gb.idx", idx_header(0x803, [1 << 30, 28, 28]))
    write("idx/zero_bytes.idx", b"")
    valid = idx_header(0x803, [4, 8, 8]) + bytes(range(256))
    write("idx/truncated_gzip.idx.gz", gzip.compress(valid)[:40])
    write("idx/not_gzip.idx.gz", b"this is not gzip data at all")

    # CIFAR-10 batch folders.
    test_batch = cifar10_record(3)
    write("cifar/truncated_batch/data_batch_1.bin", cifar10_record(1) * 2 + b"\x00" * 100)
    write("cifar/truncated_batch/test_batch.bin", test_batch)
    write("cifar/label_out_of_range/data_batch_1.bin", cifar10_record(1) + cifar10_record(42))
    write("cifar/label_out_of_range/test_batch.bin", test_batch)
    write("cifar/empty_batch/data_batch_1.bin", b"")
    write("cifar/empty_batch/test_batch.bin", test_batch)
    write("cifar/no_batches/readme.txt", "a folder with no CIFAR batch files\n")

    # An image folder for the pixel budget: one 12x8 PNG (made with PIL: Image.new("RGB", (12, 8)).save(...)).
    # Config JSON (folk train --config, Train workspace "Load config").
    write("config/zero_bytes.json", b"")
    write("config/not_json.json", "{ model: vit-tiny, }\n")
    write("config/top_level_array.json", "[1, 2, 3]\n")
    write("config/unknown_key.json", json.dumps({"modle": {"name": "vit-tiny"}}))
    write("config/section_as_value.json", json.dumps({"model": 3}))
    write("config/string_for_number.json", json.dumps({"optimisation": {"batch_size": "large"}}))
    write("config/fraction_for_integer.json", json.dumps({"optimisation": {"batch_size": 12.5}}))
    write("config/negative_seed.json", json.dumps({"seed": -1}))
    write("config/integer_overflow.json", '{"optimisation": {"batch_size": 99999999999999999999}}')
    write("config/huge_float_for_integer.json", '{"optimisation": {"batch_size": 1e300}}')
    # Found by fuzz_config: a number beyond a double is not a parse error to nlohmann-json.
    write("config/number_beyond_double.json", '{"optimisation": {"base_lr": 996e968}}')
    write("config/deep_nesting.json", '{"model": ' + "[" * 100000 + "]" * 100000 + "}")
    write("config/out_of_range_values.json", json.dumps(
        {"optimisation": {"base_lr": -1}, "masks": {"p_com": 2, "ratios": []}, "model": {"patch_size": 5}}))


if __name__ == "__main__":
    main()
