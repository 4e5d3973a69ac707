#!/usr/bin/python3
"""Golden values for tests/core/method/folk_step_golden_test.cpp: two FOLK training steps of a tiny
ViT, written from DESIGN.md §3 in plain PyTorch (Debian's python3-torch), independently of the C++
engine under test.

What it pins: which view each network sees (student: Com/RCom-filtered, teacher: unfiltered), the
reconstruction target (the normalised UNFILTERED view, over the removed frequencies), the cross-view
distillation with the teacher's centre and temperature, the centre (from the teacher's logits,
updated after the loss), the schedules (lr, weight decay, EMA momentum, teacher temperature),
AdamW with DINO's parameter groups, global-norm gradient clipping, the prototypes frozen during the
first epoch (step 0 here) and free afterwards (step 1), and the EMA of both the teacher backbone and
its projection head.

Inputs are not random: every parameter and both view batches come from chirp() below (the C++ test
has the same formula), with the per-parameter offset / scale / base listed in the JSON, so this
file and folk_step_golden.json are all there is. The only randomness of the method, the per-image
Com/RCom choice and ratio, is drawn with torch's CPU generator in the order batched_masks.h
documents (2B uniforms < p_com, then 2B ratio indices) and stored in the JSON as well.

The golden run is float64 (the engine runs float32). The same run in float32 must agree with it to
well under the test's tolerance, and every Com threshold must be separated from the next magnitude
by a clear gap; both are asserted here, so a golden file cannot depend on rounding.

Run: /usr/bin/python3 tests/data/method_golden/make_folk_step_golden.py
(rewrites folk_step_golden.json next to it)
"""
import json
import math
import os

import torch
import torch.nn.functional as F

MODEL = {"imageSize": 16, "patchSize": 4, "channels": 3, "dim": 16, "depth": 1, "heads": 2, "mlpRatio": 4,
         "prototypes": 32, "headHidden": 32, "headBottleneck": 16}
BATCH = 4  # images per view
METHOD = {
    "epochs": 2, "stepsPerEpoch": 1, "batchSize": BATCH,
    "baseLr": 0.32, "minLr": 1e-3, "warmupEpochs": 0.0,  # peak lr 0.32 * 4 / 256 = 5e-3
    "weightDecay": 0.04, "weightDecayEnd": 0.4,
    "momentum": 0.9, "momentumEnd": 1.0,  # far from 1, so that the EMA visibly moves the teacher
    "studentTemp": 0.1, "teacherTemp": 0.07, "warmupTeacherTemp": 0.04, "warmupTeacherTempEpochs": 2.0,
    "centerMomentum": 0.9, "reconstructionWeight": 0.5, "clipGrad": 18.0, "freezeLastLayerEpochs": 1.0,
    "pCom": 0.5, "ratios": [0.05, 0.25], "maskSeed": 5,
}
STEPS = 2
IMAGENET_MEAN, IMAGENET_STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
ADAM_BETAS, ADAM_EPS = (0.9, 0.999), 1e-8  # PyTorch's / LibTorch's AdamW defaults, as DINO uses
LN_EPS = 1e-6  # timm / DINO ViT


def chirp(shape, offset):
    """sin(0.37 n + 0.0013 n^2 + offset) over the flat index n, float64: a broad spectrum, not low rank."""
    n = torch.arange(math.prod(shape), dtype=torch.float64)
    return torch.sin(n * 0.37 + (n * n) * 0.0013 + offset).reshape(shape)


def parameter_shapes():
    d, c, p = MODEL["dim"], MODEL["channels"], MODEL["patchSize"]
    tokens = (MODEL["imageSize"] // p) ** 2 + 1
    hidden = d * MODEL["mlpRatio"]
    student = [("cls_token", (1, 1, d)), ("pos_embed", (1, tokens, d)),
               ("patch_embed.proj.weight", (d, c, p, p)), ("patch_embed.proj.bias", (d,))]
    for i in range(MODEL["depth"]):
        b = "blocks.%d." % i
        student += [(b + "norm1.weight", (d,)), (b + "norm1.bias", (d,)),
                    (b + "attn.qkv.weight", (3 * d, d)), (b + "attn.qkv.bias", (3 * d,)),
                    (b + "attn.proj.weight", (d, d)), (b + "attn.proj.bias", (d,)),
                    (b + "norm2.weight", (d,)), (b + "norm2.bias", (d,)),
                    (b + "mlp.fc1.weight", (hidden, d)), (b + "mlp.fc1.bias", (hidden,)),
                    (b + "mlp.fc2.weight", (d, hidden)), (b + "mlp.fc2.bias", (d,))]
    student += [("norm.weight", (d,)), ("norm.bias", (d,))]
    hh, bn, k = MODEL["headHidden"], MODEL["headBottleneck"], MODEL["prototypes"]
    projection = [("mlp.0.weight", (hh, d)), ("mlp.0.bias", (hh,)), ("mlp.2.weight", (hh, hh)), ("mlp.2.bias", (hh,)),
                  ("mlp.4.weight", (bn, hh)), ("mlp.4.bias", (bn,)), ("last_layer.weight_v", (k, bn))]
    reconstruction = [("proj.weight", (p * p * c, d)), ("proj.bias", (p * p * c,))]
    return {"student": student, "projection": projection, "reconstruction": reconstruction}


def initial_recipe():
    """Per parameter: value = base + scale * chirp(shape, offset), rounded to float32."""
    recipe, j = {}, 0
    for module, params in parameter_shapes().items():
        recipe[module] = []
        for name, shape in params:
            leaf = name.split(".")[-1]
            is_norm = ".norm" in "." + name and leaf in ("weight", "bias")
            if is_norm and leaf == "weight":
                base, scale = 1.0, 0.1
            elif leaf == "bias":
                base, scale = 0.0, 0.05
            elif name in ("cls_token", "pos_embed"):
                base, scale = 0.0, 0.1
            else:  # weight matrices: about 1 / sqrt(fan in)
                base, scale = 0.0, 1.0 / math.sqrt(math.prod(shape[1:]))
            recipe[module].append({"name": name, "shape": list(shape), "offset": round(0.61 * j + 0.2, 6),
                                   "scale": scale, "base": base})
            j += 1
    return recipe


VIEW_OFFSETS = (0.3, 1.9)  # view u, view v: 0.5 + 0.45 chirp((B, C, H, W), offset)


def views():
    shape = (BATCH, MODEL["channels"], MODEL["imageSize"], MODEL["imageSize"])
    return [(0.5 + 0.45 * chirp(shape, o)).to(torch.float32) for o in VIEW_OFFSETS]


# ---------------------------------------------------------------- the networks (functional)

def vit(P, x):
    """timm-style pre-norm ViT; returns (final-norm CLS token, final-norm patch tokens as (N, g, g, D))."""
    d, heads, p = MODEL["dim"], MODEL["heads"], MODEL["patchSize"]
    n = x.shape[0]
    t = F.conv2d(x, P["patch_embed.proj.weight"], P["patch_embed.proj.bias"], stride=p)
    g = t.shape[-1]
    t = t.flatten(2).transpose(1, 2)
    t = torch.cat([P["cls_token"].expand(n, 1, d), t], 1) + P["pos_embed"]
    for i in range(MODEL["depth"]):
        b = "blocks.%d." % i
        h = F.layer_norm(t, (d,), P[b + "norm1.weight"], P[b + "norm1.bias"], LN_EPS)
        qkv = F.linear(h, P[b + "attn.qkv.weight"], P[b + "attn.qkv.bias"])
        q, k, v = qkv.reshape(n, -1, 3, heads, d // heads).permute(2, 0, 3, 1, 4)
        attention = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d // heads), -1)
        mixed = (attention @ v).transpose(1, 2).reshape(n, -1, d)
        t = t + F.linear(mixed, P[b + "attn.proj.weight"], P[b + "attn.proj.bias"])
        h = F.layer_norm(t, (d,), P[b + "norm2.weight"], P[b + "norm2.bias"], LN_EPS)
        h = F.linear(F.gelu(F.linear(h, P[b + "mlp.fc1.weight"], P[b + "mlp.fc1.bias"])),
                     P[b + "mlp.fc2.weight"], P[b + "mlp.fc2.bias"])
        t = t + h
    t = F.layer_norm(t, (d,), P["norm.weight"], P["norm.bias"], LN_EPS)
    return t[:, 0], t[:, 1:].reshape(n, g, g, d)


def projection_head(P, features):
    """DINO head: 3-layer MLP (GELU), L2 normalisation, weight-normalised prototypes with g = 1."""
    h = F.gelu(F.linear(features, P["mlp.0.weight"], P["mlp.0.bias"]))
    h = F.gelu(F.linear(h, P["mlp.2.weight"], P["mlp.2.bias"]))
    z = F.normalize(F.linear(h, P["mlp.4.weight"], P["mlp.4.bias"]), dim=-1)
    v = P["last_layer.weight_v"]
    return z @ (v / v.norm(dim=1, keepdim=True)).t()


def reconstruction_head(P, patches):
    """MFM head: a 1x1 convolution of the patch map to p*p*C values per cell, then pixel shuffle by p."""
    cells = torch.einsum("nhwd,od->nohw", patches, P["proj.weight"]) + P["proj.bias"].view(1, -1, 1, 1)
    return F.pixel_shuffle(cells, MODEL["patchSize"])


# ---------------------------------------------------------------- masks, filtering, losses

def spectrum(z):
    return torch.fft.fftshift(torch.fft.fft2(z), dim=(-2, -1))


def com_mask(image, rho):
    """Com(rho) of one (C, H, W) image: keep |F(luma)| >= the k-th largest, k = max(1, ceil(rho N)), ties kept.

    Returns the mask and the relative gap between the threshold and the largest magnitude dropped.
    """
    image = image.to(torch.float64)  # the same masks for the float32 check run
    luma = image[0] if image.shape[0] == 1 else 0.299 * image[0] + 0.587 * image[1] + 0.114 * image[2]
    magnitude = spectrum(luma).abs()
    flat = magnitude.flatten()
    k = max(1, math.ceil(rho * flat.numel() - 1e-9))
    tau = torch.sort(flat, descending=True).values[k - 1]
    # Conjugate pairs have equal |F| up to the FFT's rounding: those are the ties to keep.
    keep = magnitude >= tau * (1 - 1e-6)
    dropped = flat[~keep.flatten()]
    gap = 1.0 if dropped.numel() == 0 else float((tau - dropped.max()) / tau)
    return keep, gap


def filtered(image, mask):
    """clamp(Re(ifft2(ifftshift(M * F(x_c)))), 0, 1) per channel."""
    back = torch.fft.ifft2(torch.fft.ifftshift(mask * spectrum(image), dim=(-2, -1)))
    return back.real.clamp(0, 1)


def normalise(images):
    mean = torch.tensor(IMAGENET_MEAN, dtype=images.dtype).view(1, -1, 1, 1)
    std = torch.tensor(IMAGENET_STD, dtype=images.dtype).view(1, -1, 1, 1)
    return (images - mean) / std


def distillation(student_logits, teacher_logits, center, student_temp, teacher_temp):
    """DINO: teacher view v supervises student view u~ and u supervises v~; the mean of the two."""
    s_u, s_v = (student_logits / student_temp).chunk(2)
    t_u, t_v = F.softmax((teacher_logits - center) / teacher_temp, -1).detach().chunk(2)
    ce = lambda q, s: (-q * F.log_softmax(s, -1)).sum(-1).mean()
    return (ce(t_v, s_u) + ce(t_u, s_v)) / 2


def frequency_loss(prediction, target, mask):
    """Mean over removed frequencies (mask 0) and channels of |F_o(prediction) - F_o(target)|, one view."""
    ortho = lambda z: torch.fft.fftshift(torch.fft.fft2(z, norm="ortho"), dim=(-2, -1))
    removed = (1 - mask).unsqueeze(1)
    return ((ortho(prediction) - ortho(target)).abs() * removed).sum() / (removed.sum() * prediction.shape[1])


# ---------------------------------------------------------------- schedules (DINO's cosine_scheduler)

def cosine(base, final, step, total, warmup=0, warmup_start=0.0):
    if step < warmup:
        return warmup_start + (base - warmup_start) * step / warmup
    if step >= total:
        return final
    return final + 0.5 * (base - final) * (1 + math.cos(math.pi * (step - warmup) / (total - warmup)))


def schedule(step):
    m = METHOD
    total = m["epochs"] * m["stepsPerEpoch"]
    peak = m["baseLr"] * m["batchSize"] / 256
    warm_t = round(m["warmupTeacherTempEpochs"] * m["stepsPerEpoch"])
    teacher_temp = m["teacherTemp"] if step >= warm_t else \
        m["warmupTeacherTemp"] + (m["teacherTemp"] - m["warmupTeacherTemp"]) * step / warm_t
    return {"lr": cosine(peak, m["minLr"], step, total, round(m["warmupEpochs"] * m["stepsPerEpoch"])),
            "weight_decay": cosine(m["weightDecay"], m["weightDecayEnd"], step, total),
            "momentum": cosine(m["momentum"], m["momentumEnd"], step, total),
            "teacher_temp": teacher_temp}


# ---------------------------------------------------------------- the training run

def decayed(name, tensor):
    """DINO's groups: no weight decay on biases and 1-D parameters (norms)."""
    return not (name.endswith(".bias") or tensor.dim() <= 1)


def run(dtype):
    recipe = initial_recipe()
    nets = {}
    for module, params in recipe.items():
        nets[module] = {p["name"]: (p["base"] + p["scale"] * chirp(p["shape"], p["offset"])).to(torch.float32).to(dtype)
                        for p in params}
    student, s_proj, recon = nets["student"], nets["projection"], nets["reconstruction"]
    teacher = {k: v.clone() for k, v in student.items()}
    t_proj = {k: v.clone() for k, v in s_proj.items()}
    trainable = [("student", student), ("student_projection", s_proj), ("reconstruction", recon)]
    for _, params in trainable:
        for v in params.values():
            v.requires_grad_(True)
    adam = {}  # (module, name) -> [step, exp_avg, exp_avg_sq]
    center = torch.zeros(1, MODEL["prototypes"], dtype=dtype)
    u, v = views()
    images = torch.cat([u, v]).to(dtype)
    generator = torch.Generator().manual_seed(METHOD["maskSeed"])
    ratios = torch.tensor(METHOD["ratios"], dtype=torch.float64)
    records = []
    for step in range(STEPS):
        s = schedule(step)
        # The method's random choices, in the engine's documented draw order (see the docstring).
        is_com = torch.rand(2 * BATCH, generator=generator, dtype=torch.float64) < METHOD["pCom"]
        rho = ratios[torch.randint(len(ratios), (2 * BATCH,), generator=generator)]
        masks, gaps = [], []
        for i in range(2 * BATCH):
            com, gap = com_mask(images[i], float(rho[i]))
            masks.append((com if is_com[i] else ~com).to(dtype))
            gaps.append(gap)
        masks = torch.stack(masks)
        student_view = torch.stack([filtered(images[i], masks[i]) for i in range(2 * BATCH)])

        teacher_in, student_in = normalise(images), normalise(student_view)
        s_features, s_patches = vit(student, student_in)
        student_logits = projection_head(s_proj, s_features)
        prediction = reconstruction_head(recon, s_patches)
        with torch.no_grad():
            teacher_logits = projection_head(t_proj, vit(teacher, teacher_in)[0])
        distill = distillation(student_logits, teacher_logits, center, METHOD["studentTemp"], s["teacher_temp"])
        rec = (frequency_loss(prediction[:BATCH], teacher_in[:BATCH], masks[:BATCH]) +
               frequency_loss(prediction[BATCH:], teacher_in[BATCH:], masks[BATCH:])) / 2
        total = distill + METHOD["reconstructionWeight"] * rec
        grads = torch.autograd.grad(total, [p for _, ps in trainable for p in ps.values()])
        grads = iter(grads)
        grad = {(m, n): next(grads) for m, ps in trainable for n in ps}

        with torch.no_grad():
            grad_norm = torch.sqrt(sum((g * g).sum() for g in grad.values()))
            clip = min(1.0, METHOD["clipGrad"] / (float(grad_norm) + 1e-6))
            grad = {key: g * clip for key, g in grad.items()}
            center = center * METHOD["centerMomentum"] + teacher_logits.mean(0, keepdim=True) * (
                1 - METHOD["centerMomentum"])
            frozen = step < METHOD["freezeLastLayerEpochs"] * METHOD["stepsPerEpoch"]
            for module, params in trainable:
                for name, p in params.items():
                    if frozen and module == "student_projection" and name == "last_layer.weight_v":
                        continue  # no gradient at all: no decay, no moments, no step count
                    g = grad[(module, name)]
                    state = adam.setdefault((module, name), [0, torch.zeros_like(p), torch.zeros_like(p)])
                    state[0] += 1
                    b1, b2 = ADAM_BETAS
                    state[1] = b1 * state[1] + (1 - b1) * g
                    state[2] = b2 * state[2] + (1 - b2) * g * g
                    wd = s["weight_decay"] if decayed(name, p) else 0.0
                    p.mul_(1 - s["lr"] * wd)
                    m_hat = state[1] / (1 - b1 ** state[0])
                    v_hat = state[2] / (1 - b2 ** state[0])
                    p.sub_(s["lr"] * m_hat / (v_hat.sqrt() + ADAM_EPS))
            for t_params, s_params in ((teacher, student), (t_proj, s_proj)):
                for name in t_params:
                    t_params[name] = s["momentum"] * t_params[name] + (1 - s["momentum"]) * s_params[name].detach()

        snapshot = lambda params: {k: x.detach().clone() for k, x in params.items()}
        records.append({
            "step": step, **s, "grad_norm": float(grad_norm), "clipped": clip < 1.0,
            "total": float(total), "distill": float(distill), "reconstruction": float(rec),
            "is_com": is_com.tolist(), "ratios": rho.tolist(), "min_threshold_gap": min(gaps),
            "kept": [int(k) for k in masks.sum((1, 2)).tolist()],
            "center": center.clone(), "student": snapshot(student), "student_projection": snapshot(s_proj),
            "reconstruction_head": snapshot(recon), "teacher": snapshot(teacher),
            "teacher_projection": snapshot(t_proj),
        })
    return recipe, records


TENSOR_KEYS = ("student", "student_projection", "reconstruction_head", "teacher", "teacher_projection")


def noise_driven():
    """Entries whose exact gradient is zero, so that float32 rounding alone drives their AdamW steps.

    The key part of each qkv bias: adding b to every key adds q.b to all scores of a query, which the
    softmax ignores, so d loss / d b_k = 0 exactly. Adam divides that rounding noise (~1e-9 in
    float32) by its own square root plus eps and moves the entry by up to about lr per step; the
    entry never changes an output (same invariance), so nothing downstream inherits the noise.
    The test compares these entries only against that bound, 2 x the sum of the step sizes.
    """
    d, bound = MODEL["dim"], 2 * sum(schedule(s)["lr"] for s in range(STEPS))
    return [{"modules": ["student", "teacher"], "name": "blocks.%d.attn.qkv.bias" % i, "begin": d, "end": 2 * d,
             "tolerance": bound} for i in range(MODEL["depth"])]


def max_difference(a, b):
    worst = max(abs(a[k] - b[k]) / max(1.0, abs(a[k])) for k in ("total", "distill", "reconstruction", "grad_norm"))
    worst = max(worst, float((a["center"] - b["center"]).abs().max()))
    for key in TENSOR_KEYS:
        for name in a[key]:
            diff = (a[key][name] - b[key][name].to(a[key][name].dtype)).abs()
            for entry in noise_driven():
                if key in entry["modules"] and name == entry["name"]:
                    assert float(diff[entry["begin"]:entry["end"]].max()) <= entry["tolerance"]
                    diff[entry["begin"]:entry["end"]] = 0
            worst = max(worst, float(diff.max()))
    return worst


def main():
    torch.set_num_threads(1)
    recipe, golden = run(torch.float64)
    _, single = run(torch.float32)
    # The test compares the engine (float32) with these values at 1e-5: a float32 run of this
    # script must stay well inside that, or the configuration depends on rounding.
    drift = max(max_difference(g, s) for g, s in zip(golden, single))
    assert drift < 2e-6, "float32 and float64 runs differ by %g: pick other inputs" % drift
    for r in golden:
        # A Com threshold within rounding of the next magnitude could flip between implementations.
        assert r["min_threshold_gap"] > 1e-4, "Com threshold too close to a dropped magnitude in step %d" % r["step"]
        # Both mask kinds and both ratios occur in every step, so each code path is pinned.
        assert any(r["is_com"]) and not all(r["is_com"]), "step %d draws only one mask kind" % r["step"]
        assert len(set(r["ratios"])) == len(METHOD["ratios"]), "step %d does not draw every ratio" % r["step"]
    assert golden[0]["clipped"] and not golden[1]["clipped"], "step 0 should be clipped and step 1 not"

    as_list = lambda t: [float("%.8g" % x) for x in t.flatten().tolist()]
    steps = []
    for r in golden:
        entry = {k: r[k] for k in ("step", "lr", "weight_decay", "momentum", "teacher_temp", "grad_norm", "clipped",
                                   "total", "distill", "reconstruction", "is_com", "ratios", "kept")}
        entry["center"] = as_list(r["center"])
        for key in TENSOR_KEYS:
            entry[key] = {name: as_list(t) for name, t in r[key].items()}
        steps.append(entry)
    out = {"torch_version": torch.__version__, "float32_drift": drift, "model": MODEL, "method": METHOD,
           "view_offsets": list(VIEW_OFFSETS), "initial": recipe, "noise_driven": noise_driven(), "steps": steps}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "folk_step_golden.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print("wrote %s (float32 drift %.2g, grad norms %s)" % (path, drift, [round(r["grad_norm"], 4) for r in golden]))


if __name__ == "__main__":
    main()
