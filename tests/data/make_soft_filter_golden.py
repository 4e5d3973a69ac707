#!/usr/bin/python3
"""Golden data for the soft-edged filters and masks given as weights, computed with NumPy
independently of the C++ code.

Run with Debian's system Python (it has NumPy and PIL):

    /usr/bin/python3 tests/data/make_soft_filter_golden.py

It writes tests/data/golden/soft_filters/: for every case `<case>_input.npy` (float32 C×H×W in
[0,1]), `<case>_gains.npy` (float32 S×H×W, one transfer function per spec, centred) and
`<case>_filtered.npy` (float32 S×C×H×W), `<case>_given_weights.npy` (float32 H×W, a mask that is
not symmetric), `<case>_given_gain.npy` (float64 H×W, the same made symmetric) and
`<case>_given_filtered.npy`, and one `manifest.json` with the specs and the scalar results.
tests/core/spectral/test_soft_filter_golden.cpp checks the C++ core against them.

Definitions (Gonzalez & Woods, Digital Image Processing, 4th ed., §4.9–4.10; core/spectral/mask.h):
- D = distance of the centred index (u - H//2, v - W//2) from the centre; D0 = C0 = the radius
  (default 16 min(H, W) / 224), W = the band width (default max(1, radius / 2)), n = the order;
- Gaussian low-pass exp(-D² / (2 D0²)); Butterworth low-pass 1 / (1 + (D / D0)^(2n));
- with q = (D² - C0²) / (D W): Gaussian band-pass exp(-q²), Butterworth band-pass 1 / (1 + |q|^(2n)),
  both 0 at D = 0; high-pass and band-stop are 1 minus their partner;
- filtered channel = clamp(Re(ifft2(ifftshift(H * fftshift(fft2(x_c))))), 0, 1);
- retained energy = sum_c sum |H F(x_c)|² / sum_c sum |F(x_c)|²;
- a given mask M becomes (M(k) + M(-k)) / 2: Re(ifft2(M F)) equals the filter with that average,
  because F(-k) = conj(F(k)) for a real image.
"""
import json
import math
import os
import sys

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden", "soft_filters")
SKIMAGE_DATA = "/usr/lib/python3/dist-packages/skimage/data"

SOFT = ("gaussian", "butterworth")
PASSES = ("lowpass", "highpass", "bandpass", "bandstop")


def distances(h, w):
    u = np.arange(h, dtype=np.float64)[:, None] - h // 2
    v = np.arange(w, dtype=np.float64)[None, :] - w // 2
    return np.sqrt(u * u + v * v)


def transfer(spec, h, w):
    family, shape = spec["filter"].split("-")
    radius = spec["radius"] if spec["radius"] > 0 else 16.0 * min(h, w) / 224.0
    d = distances(h, w)
    if shape in ("lowpass", "highpass"):
        if family == "gaussian":
            g = np.exp(-d * d / (2.0 * radius * radius))
        else:
            g = 1.0 / (1.0 + (d / radius) ** (2.0 * spec["order"]))
    else:
        width = spec["band_width"] if spec["band_width"] > 0 else max(1.0, radius / 2.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            q = (d * d - radius * radius) / (d * width)
        if family == "gaussian":
            g = np.exp(-q * q)
        else:
            g = 1.0 / (1.0 + np.abs(q) ** (2.0 * spec["order"]))
        g[d == 0] = 0.0
    return 1.0 - g if shape in ("highpass", "bandstop") else g


def filter_image(x, gain):
    m = np.fft.ifftshift(gain)
    out = np.empty_like(x)
    kept = total = 0.0
    for c in range(x.shape[0]):
        f = np.fft.fft2(x[c].astype(np.float64))
        power = np.abs(f) ** 2
        kept += float((m * m * power).sum())
        total += float(power.sum())
        out[c] = np.clip(np.real(np.fft.ifft2(m * f)), 0.0, 1.0).astype(np.float32)
    return out, (kept / total if total > 0 else 1.0)


def symmetrised(weights):
    """(M(k) + M(-k)) / 2 on the centred layout; the partner of centred index i is 2 (n//2) - i mod n."""
    h, w = weights.shape
    rows = (2 * (h // 2) - np.arange(h)) % h
    cols = (2 * (w // 2) - np.arange(w)) % w
    partner = weights[rows][:, cols]
    return (weights.astype(np.float64) + partner.astype(np.float64)) / 2.0


def photo(name):
    return np.asarray(Image.open(os.path.join(SKIMAGE_DATA, name)))


def inputs():
    cases = {}
    astro = photo("astronaut.png")[88:120, 180:220, :3]
    cases["astronaut_32x40"] = astro.transpose(2, 0, 1).astype(np.float32) / np.float32(255.0)
    cam = photo("camera.png")[200:233, 230:251]
    cases["camera_grey_33x21"] = cam[None].astype(np.float32) / np.float32(255.0)
    return cases


SPECS = (
    [{"filter": f"{family}-{shape}", "radius": r, "order": 2.0, "band_width": -1.0}
     for family in SOFT for shape in PASSES for r in (-1.0, 5.5)]
    + [{"filter": "butterworth-lowpass", "radius": 4.0, "order": n, "band_width": -1.0} for n in (0.5, 1.0, 7.0)]
    + [{"filter": f"{family}-bandpass", "radius": 6.0, "order": 3.0, "band_width": 2.5} for family in SOFT]
)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261207)
    manifest = {"specs": list(SPECS), "cases": []}
    for name, x in inputs().items():
        c, h, w = x.shape
        gains = np.stack([transfer(s, h, w) for s in SPECS])
        filtered, results = [], []
        for gain in gains:
            f, energy = filter_image(x, gain)
            filtered.append(f)
            results.append({"kept": int((gain.astype(np.float32) >= 0.5).sum()), "retained_energy": energy})
        # A given mask that is not symmetric: random grey levels, as an 8-bit mask image holds them.
        weights = (rng.integers(0, 256, size=(h, w)) / 255.0).astype(np.float32)
        given = symmetrised(weights)
        given_filtered, given_energy = filter_image(x, given)
        np.save(os.path.join(OUT, name + "_input.npy"), x)
        np.save(os.path.join(OUT, name + "_gains.npy"), gains.astype(np.float32))
        np.save(os.path.join(OUT, name + "_filtered.npy"), np.stack(filtered).astype(np.float32))
        np.save(os.path.join(OUT, name + "_given_weights.npy"), weights)
        np.save(os.path.join(OUT, name + "_given_gain.npy"), given)
        np.save(os.path.join(OUT, name + "_given_filtered.npy"), given_filtered)
        manifest["cases"].append({"name": name, "channels": c, "height": h, "width": w, "results": results,
                                  "given_retained_energy": given_energy})
    with open(os.path.join(OUT, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1, allow_nan=False)
        fh.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {len(manifest['cases'])} cases, {len(SPECS)} specs to {OUT} ({total / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
