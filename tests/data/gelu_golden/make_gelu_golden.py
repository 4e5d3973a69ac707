#!/usr/bin/python3
"""The erf approximation of core/model/gelu.cpp and golden GELU values for tests/core/model/gelu_test.cpp.

1. Fits erf(s) ~ s P(s^2) / Q(s^2), P of degree 6 and Q of degree 5 with Q(0) = 1, on 0 < s < 3.925
   (beyond, erf rounds to 1 in float32) by iterated weighted linear least squares on Chebyshev nodes
   (Sanathanan-Koerner weights 1/|Q|, then Lawson weights towards the minimax error), and prints the
   coefficients rounded to float32: they are the kP / kQ constants in gelu.cpp. It also prints the
   error of that rational evaluated in float32 over [-6, 6] (about 3.6e-7).
2. Writes golden.json next to this file: x, GELU(x) = x Phi(x) and GELU'(x) = Phi(x) + x phi(x) in
   float64 from math.erf / math.exp, independently of the C++ code.

Run: /usr/bin/python3 tests/data/gelu_golden/make_gelu_golden.py
"""
import json
import math
import os

import numpy as np

CUT = 3.925
verf = np.vectorize(math.erf)


def fit(num_degree=6, den_degree=5, iterations=60, nodes=3000):
    s = CUT * (1 - np.cos(np.linspace(0, np.pi, nodes))) / 2
    s = s[1:]
    t = s * s
    f = verf(s)
    lawson = np.ones_like(s)
    den_weight = np.ones_like(s)
    best = None
    for it in range(iterations):
        # s P(t) - f (q1 t + ... + qn t^n) = f, linear in the coefficients.
        a = np.hstack([np.stack([s * t**i for i in range(num_degree + 1)], 1),
                       np.stack([-f * t**j for j in range(1, den_degree + 1)], 1)])
        w = np.sqrt(lawson) / den_weight
        sol, *_ = np.linalg.lstsq(a * w[:, None], f * w, rcond=None)
        p, q = sol[:num_degree + 1], np.concatenate([[1.0], sol[num_degree + 1:]])
        den = sum(q[j] * t**j for j in range(den_degree + 1))
        den_weight = np.abs(den)
        err = np.abs(s * sum(p[i] * t**i for i in range(num_degree + 1)) / den - f)
        worst = err.max()
        if best is None or worst < best[0]:
            best = (worst, p, q)
        if it > 5:
            lawson = lawson * (err / worst + 1e-3)
            lawson /= lawson.sum()
    return best[1].astype(np.float32), best[2].astype(np.float32)


def erf_float32(p, q, s):
    """The rational exactly as gelu.cpp's scalar path evaluates it (float32 Horner)."""
    s = s.astype(np.float32)
    t = s * s
    num = np.full_like(t, p[-1])
    for c in p[-2::-1]:
        num = num * t + c
    den = np.full_like(t, q[-1])
    for c in q[-2::-1]:
        den = den * t + c
    out = s * num / den
    return np.where(np.abs(s) < np.float32(CUT), out, np.sign(s)).astype(np.float32)


def main():
    p, q = fit()
    print("kP =", ", ".join(repr(float(c)) for c in p))
    print("kQ =", ", ".join(repr(float(c)) for c in q))
    s = np.linspace(-6, 6, 1200001)
    print("max |erf error| in float32: %.3g" % np.abs(erf_float32(p, q, s) - verf(s)).max())

    xs = sorted(set([round(v, 6) for v in np.linspace(-12, 12, 481)] +
                    [-1e-3, 1e-3, -1e-6, 1e-6, 0.0, 5.5, -5.5, 3.0 * math.sqrt(2), -3.0 * math.sqrt(2)]))
    cases = []
    for x in xs:
        x32 = float(np.float32(x))  # the C++ side feeds float32, so the reference uses that value
        cdf = 0.5 * (1.0 + math.erf(x32 / math.sqrt(2.0)))
        pdf = math.exp(-0.5 * x32 * x32) / math.sqrt(2.0 * math.pi)
        cases.append({"x": x32, "gelu": x32 * cdf, "grad": cdf + x32 * pdf})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
    with open(out, "w") as f:
        json.dump({"cases": cases}, f, indent=1)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), out))


if __name__ == "__main__":
    main()
