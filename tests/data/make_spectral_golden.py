#!/usr/bin/python3
"""Golden data for the spectral core, computed with NumPy independently of the C++ code.

Run with Debian's system Python (it has NumPy and PIL):

    /usr/bin/python3 tests/data/make_spectral_golden.py

It writes tests/data/golden/spectral/: for every case `<case>_input.npy` (float32 C×H×W in [0,1]),
`<case>_luma.npy` (float32 H×W), `<case>_magnitude.npy` (float64 H×W, |F(y)| centred),
`<case>_hann_magnitude.npy` (float64 H×W, |F| of the luma times a 2-D Hann window, centred),
`<case>_masks.npy` (uint8 M×H×W, one per mask spec), `<case>_filtered.npy` (float32 M×C×H×W) and one
`manifest.json` with the specs and the scalar results (kept coefficients, retained energy, PSNR).
tests/core/spectral/test_spectral_golden.cpp checks the C++ core against them.

Definitions (DESIGN.md §3, core/spectral/spectrum.h):
- luma y = 0.299 R + 0.587 G + 0.114 B, evaluated in float32 in that order (the C++ and torch paths
  do the same, so the ranking keys below come out identical);
- F = fftshift(fft2(y)) in double precision; |F| is taken from the real-to-complex transform and
  expanded by conjugate symmetry, so |F(k)| == |F(-k)| exactly, as in the C++ code;
- ranking keys: rint(|F| * 2^40 / max|F|), rounded half to even (all 0 when max is 0);
- Com(rho), top mode: k = max(1, ceil(rho N)) (rho N rounded to 1e-9 first), tau = k-th largest
  key, keep key >= tau; relative mode: keep |F| >= rho max|F|, i.e. key >= rho 2^40 (all when
  max|F| = 0); RCom = 1 - Com;
- LowPass(r): (u - H//2)^2 + (v - W//2)^2 < r^2, default r = 16 min(H, W) / 224; HighPass = 1 - LowPass;
- filtered channel = clamp(Re(ifft2(ifftshift(M * F(x_c)))), 0, 1);
- retained energy = sum_c sum M |F(x_c)|^2 / sum_c sum |F(x_c)|^2 (1 when the image is black);
- PSNR = 10 log10(1 / MSE(filtered, input)) over all samples (null in JSON when MSE = 0).
"""
import json
import math
import os
import sys

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden", "spectral")
SKIMAGE_DATA = "/usr/lib/python3/dist-packages/skimage/data"
KEY_BITS = 40


def luma(x):
    """x: float32 C×H×W. Float32 arithmetic, same operation order as the C++ code."""
    if x.shape[0] == 1:
        return x[0].copy()
    r, g, b = x[0], x[1], x[2]
    return (np.float32(0.299) * r + np.float32(0.587) * g) + np.float32(0.114) * b


def centred_magnitude(y):
    """|fftshift(fft2(y))| in double, from rfft2 expanded by conjugate symmetry."""
    h, w = y.shape
    half = np.fft.rfft2(y.astype(np.float64))  # H × (W//2 + 1)
    mag_half = np.abs(half)
    # Column 0 (and W/2 when W is even) of the half spectrum holds both members of its conjugate
    # pairs, computed separately (they may differ in the last bit): take the larger of each pair,
    # as the C++ does.
    for v in ([0, w // 2] if w % 2 == 0 and w > 1 else [0]):
        col = mag_half[:, v].copy()
        mag_half[:, v] = np.maximum(col, col[(-np.arange(h)) % h])
    full = np.empty((h, w), dtype=np.float64)
    for u in range(h):
        for v in range(w):
            if v <= w // 2:
                full[u, v] = mag_half[u, v]
            else:  # F(u, v) = conj(F(-u, -v))
                full[u, v] = mag_half[(-u) % h, (-v) % w]
    return np.fft.fftshift(full)


def magnitude_keys(mag):
    m = mag.max()
    if m <= 0:
        return np.zeros(mag.shape, dtype=np.int64)
    # mag * 2^40 is exact; the division rounds once; rint is round-half-even like the C++.
    return np.rint(mag * float(2 ** KEY_BITS) / m).astype(np.int64)


def com_keep_count(ratio, n):
    """k = max(1, ceil(rho N)), with rho N rounded to 1e-9 first so that 0.01 * 10000 gives 100."""
    product = math.floor(ratio * n * 1e9 + 0.5) / 1e9
    return min(max(1, math.ceil(product)), max(n, 1))


def com_mask(keys, ratio, mode):
    if mode == "relative":
        if not keys.any():  # max|F| = 0: every |F| >= rho * 0
            return np.ones(keys.shape, dtype=np.uint8)
        return (keys >= ratio * float(2 ** KEY_BITS)).astype(np.uint8)
    n = keys.size
    k = com_keep_count(ratio, n)
    tau = np.sort(keys.ravel())[::-1][k - 1]
    return (keys >= tau).astype(np.uint8)


def default_radius(h, w):
    return 16.0 * min(h, w) / 224.0


def low_pass_mask(h, w, radius):
    u = np.arange(h)[:, None] - h // 2
    v = np.arange(w)[None, :] - w // 2
    return ((u * u + v * v) < radius * radius).astype(np.uint8)


def mask_for(spec, keys, h, w):
    kind = spec["filter"]
    if kind in ("com", "rcom"):
        m = com_mask(keys, spec["ratio"], spec["mode"])
        return m if kind == "com" else (1 - m).astype(np.uint8)
    radius = spec["radius"] if spec["radius"] > 0 else default_radius(h, w)
    m = low_pass_mask(h, w, radius)
    return m if kind == "lowpass" else (1 - m).astype(np.uint8)


def filter_image(x, mask):
    """Returns (filtered float32 C×H×W, retained energy)."""
    m = np.fft.ifftshift(mask.astype(np.float64))
    out = np.empty_like(x)
    kept = total = 0.0
    for c in range(x.shape[0]):
        f = np.fft.fft2(x[c].astype(np.float64))
        power = np.abs(f) ** 2
        kept += float((m * power).sum())
        total += float(power.sum())
        out[c] = np.clip(np.real(np.fft.ifft2(m * f)), 0.0, 1.0).astype(np.float32)
    return out, (kept / total if total > 0 else 1.0)


def psnr(reference, test):
    mse = float(np.mean((reference.astype(np.float64) - test.astype(np.float64)) ** 2))
    return None if mse == 0.0 else 10.0 * math.log10(1.0 / mse)


def photo(name):
    return np.asarray(Image.open(os.path.join(SKIMAGE_DATA, name)))


def inputs():
    """Name -> float32 C×H×W in [0,1]."""
    rng = np.random.default_rng(20250214)
    cases = {}
    # A real photograph: the astronaut's face and badge, 48 × 64, RGB.
    astro = photo("astronaut.png")[80:128, 170:234, :3]
    cases["astronaut_48x64"] = (astro.transpose(2, 0, 1).astype(np.float32) / np.float32(255.0))
    # A real greyscale photograph at an odd, non-square size.
    cam = photo("camera.png")[200:233, 230:251]
    cases["camera_grey_33x21"] = (cam[None].astype(np.float32) / np.float32(255.0))
    # Small awkward inputs.
    cases["random_7x5"] = rng.integers(0, 256, size=(3, 7, 5)).astype(np.float32) / np.float32(255.0)
    cases["single_1x1"] = np.array([[[0.2]], [[0.6]], [[0.9]]], dtype=np.float32)
    cases["constant_8x8"] = np.full((3, 8, 8), 0.5, dtype=np.float32)
    impulse = np.zeros((1, 16, 16), dtype=np.float32)
    impulse[0, 3, 5] = 1.0  # every |F| is 1: all coefficients tie
    cases["impulse_16x16"] = impulse
    cases["black_3x4"] = np.zeros((1, 3, 4), dtype=np.float32)
    return cases


SPECS = (
    [{"filter": f, "ratio": r, "mode": "top", "radius": -1.0}
     for r in (0.005, 0.05, 0.25, 1.0) for f in ("com", "rcom")]
    + [{"filter": f, "ratio": r, "mode": "relative", "radius": -1.0}
       for r in (0.01, 0.1, 1.0) for f in ("com", "rcom")]
    + [{"filter": f, "ratio": 0.05, "mode": "top", "radius": rad}
       for rad in (-1.0, 3.0) for f in ("lowpass", "highpass")]
)


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = {"key_bits": KEY_BITS, "specs": list(SPECS), "cases": []}
    for name, x in inputs().items():
        assert x.dtype == np.float32 and x.ndim == 3
        c, h, w = x.shape
        y = luma(x)
        mag = centred_magnitude(y)
        keys = magnitude_keys(mag)
        masks = np.stack([mask_for(s, keys, h, w) for s in SPECS])
        filtered, results = [], []
        for spec, mask in zip(SPECS, masks):
            f, energy = filter_image(x, mask)
            filtered.append(f)
            results.append({"kept": int(mask.sum()), "retained_energy": energy, "psnr_db": psnr(x, f)})
        np.save(os.path.join(OUT, name + "_input.npy"), x)
        np.save(os.path.join(OUT, name + "_luma.npy"), y.astype(np.float32))
        np.save(os.path.join(OUT, name + "_magnitude.npy"), mag)
        # Explore's Hann window (display only): np.hanning along each axis, their outer product,
        # applied to the luma and rounded to float32 as the C++ stores it.
        window = np.outer(np.hanning(y.shape[0]), np.hanning(y.shape[1]))
        np.save(os.path.join(OUT, name + "_hann_magnitude.npy"),
                centred_magnitude((y.astype(np.float64) * window).astype(np.float32)))
        np.save(os.path.join(OUT, name + "_masks.npy"), masks)
        np.save(os.path.join(OUT, name + "_filtered.npy"), np.stack(filtered).astype(np.float32))
        manifest["cases"].append({"name": name, "channels": c, "height": h, "width": w, "results": results})
    with open(os.path.join(OUT, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1, allow_nan=False)
        fh.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {len(manifest['cases'])} cases to {OUT} ({total / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
