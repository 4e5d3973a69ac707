#!/usr/bin/python3
"""Writes an IDX dataset folder whose test split is held out of Fashion-MNIST's TRAINING set.

Recipe probes choose hyperparameters on it, never on the real test set: the engine trains on the
folder's train files (50 000 images) and evaluates on its t10k files, which are 10 000 images of the
original 60 000 training images that the probes never train on (a seeded permutation, seed 0).

Usage: bench/make_validation_split.py OUT_DIR [SOURCE_DIR]   (default source: Debian's dataset-fashion-mnist)
"""
import gzip
import os
import sys

import numpy as np


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return data[:4], shape, np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def write_idx(path, magic, array):
    header = magic + b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    with gzip.open(path, "wb", compresslevel=6) as f:
        f.write(header + array.tobytes())


def main():
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist"
    os.makedirs(out, exist_ok=True)
    image_magic, _, images = read_idx(os.path.join(source, "train-images-idx3-ubyte.gz"))
    label_magic, _, labels = read_idx(os.path.join(source, "train-labels-idx1-ubyte.gz"))
    order = np.random.default_rng(0).permutation(len(labels))
    train, held_out = order[:-10000], order[-10000:]
    write_idx(os.path.join(out, "train-images-idx3-ubyte.gz"), image_magic, images[train])
    write_idx(os.path.join(out, "train-labels-idx1-ubyte.gz"), label_magic, labels[train])
    write_idx(os.path.join(out, "t10k-images-idx3-ubyte.gz"), image_magic, images[held_out])
    write_idx(os.path.join(out, "t10k-labels-idx1-ubyte.gz"), label_magic, labels[held_out])
    print(f"{out}: {len(train)} training images, {len(held_out)} held-out validation images "
          f"(class counts {np.bincount(labels[held_out]).tolist()})")


if __name__ == "__main__":
    main()
