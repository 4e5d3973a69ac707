#!/usr/bin/python3
"""Golden effective ranks for tests/core/train/test_effective_rank.cpp, computed with NumPy.

Effective rank (Roy & Vetterli, "The effective rank: a measure of effective dimensionality", 2007):
centre the columns of the feature matrix X (N x D), take its singular values s, p = s / sum(s),
erank = exp(-sum_{p > 0} p log p). It is 1 for rank-one spread and D for a matrix whose centred
singular values are all equal.

Writes golden.json next to this file: each case holds the matrix (row-major, float64 values that
are exact in float32, so the C++ side may read them in either precision) and its effective rank.

Run: /usr/bin/python3 tests/data/effective_rank_golden/make_effective_rank_golden.py
"""
import json
import os

import numpy as np


def effective_rank(x):
    x = np.asarray(x, dtype=np.float64)
    x = x - x.mean(axis=0, keepdims=True)
    s = np.linalg.svd(x, compute_uv=False)
    total = s.sum()
    if total <= 0:
        return 0.0
    p = s / total
    p = p[p > 0]
    return float(np.exp(-(p * np.log(p)).sum()))


def as_float32(x):
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def main():
    rng = np.random.default_rng(20071)
    cases = []
    # Gaussian features: close to full rank.
    cases.append(("gaussian", as_float32(rng.standard_normal((64, 8)))))
    # A decaying spectrum, as learned features have: U diag(s) V^T with s = 2^-k.
    u, _ = np.linalg.qr(rng.standard_normal((80, 12)))
    v, _ = np.linalg.qr(rng.standard_normal((12, 12)))
    cases.append(("decaying", as_float32(u @ np.diag(2.0 ** -np.arange(12)) @ v.T * 10.0)))
    # Rank two plus an offset per column (the centring removes it).
    a = rng.standard_normal((40, 2)) @ rng.standard_normal((2, 6)) + rng.standard_normal((1, 6)) * 5.0
    cases.append(("rank_two_offset", as_float32(a)))
    # More columns than rows.
    cases.append(("wide", as_float32(rng.standard_normal((6, 20)))))
    # No spread at all.
    cases.append(("constant", as_float32(np.full((10, 4), 3.5))))
    out = {"cases": [{"name": name, "rows": int(x.shape[0]), "cols": int(x.shape[1]),
                      "values": x.reshape(-1).tolist(), "effective_rank": effective_rank(x)}
                     for name, x in cases]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
    with open(path, "w") as f:
        json.dump(out, f)
        f.write("\n")
    for case in out["cases"]:
        print(case["name"], case["rows"], "x", case["cols"], "effective rank", case["effective_rank"])


if __name__ == "__main__":
    main()
