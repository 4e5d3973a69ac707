#!/usr/bin/env python3
"""The FOLK training step of `folk bench step`, written in plain PyTorch (Python).

This is the reference that `bench/compare_step.sh` (CPU) and `scripts/gpu-check.sh` (CUDA, bf16
on and off) measure the C++ engine against: the same model (timm-style ViT, DINO projection head
with a weight-normalised last layer, the MFM reconstruction head), the same objective (`folk`: the
student sees Com/RCom-filtered views, the teacher the unfiltered ones, DINO cross-view distillation
with centring plus the frequency reconstruction loss over the removed frequencies), AdamW with DINO's parameter groups, gradient clipping,
frozen prototypes (as at the start of a run) and the EMA teacher update. It runs on Debian's
python3-torch, i.e. the same libtorch build the engine links against.

Usage: bench_step.py [--model vit-tiny] [--patch 4] [--image-size 32] [--channels 3]
                     [--batch 64] [--prototypes 4096] [--steps 5] [--warmup 1] [--threads N]
                     [--device cpu|cuda] [--precision float32|bf16]
Prints one line with images/s, formatted like `folk bench step`.
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {"vit-nano": (128, 6, 4), "vit-tiny": (192, 12, 3), "vit-small": (384, 12, 6), "vit-base": (768, 12, 12)}


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads, self.scale = heads, (dim // heads) ** -0.5
        self.qkv, self.proj = nn.Linear(dim, 3 * dim), nn.Linear(dim, dim)

    def forward(self, x):
        b, n, d = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        if hasattr(F, "scaled_dot_product_attention"):  # PyTorch >= 2.0: the fused kernel, as the engine uses
            out = F.scaled_dot_product_attention(q, k, v)
        else:
            out = ((q * self.scale) @ k.transpose(-2, -1)).softmax(-1) @ v
        return self.proj(out.transpose(1, 2).reshape(b, n, d))


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(dim, eps=1e-6), nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class ViT(nn.Module):
    def __init__(self, image, patch, channels, dim, depth, heads):
        super().__init__()
        self.proj = nn.Conv2d(channels, dim, patch, stride=patch)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos = nn.Parameter(torch.zeros(1, (image // patch) ** 2 + 1, dim))
        self.blocks = nn.ModuleList(Block(dim, heads) for _ in range(depth))
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)
        nn.init.trunc_normal_(self.cls, std=0.02)
        nn.init.trunc_normal_(self.pos, std=0.02)

    def forward(self, x):
        x = self.proj(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], 1) + self.pos
        for block in self.blocks:
            x = block(x)
        x = self.norm(x)
        return x[:, 0], x[:, 1:]  # CLS token, patch tokens


class Head(nn.Module):
    def __init__(self, dim, prototypes, hidden=2048, bottleneck=256):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(dim, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, bottleneck))
        self.last = nn.utils.weight_norm(nn.Linear(bottleneck, prototypes, bias=False))
        self.last.weight_g.data.fill_(1)
        self.last.weight_g.requires_grad = False

    def forward(self, x):
        return self.last(F.normalize(self.mlp(x), dim=-1))


def folk_masks(images, generator, p_com=0.5, ratios=(0.005, 0.01, 0.05)):
    """Per image: Com (keep the ceil(rho N) strongest luma frequencies) with p_com, else RCom."""
    b, _, h, w = images.shape
    luma = images[:, 0] * 0.299 + images[:, 1] * 0.587 + images[:, 2] * 0.114 if images.shape[1] == 3 else images[:, 0]
    magnitude = torch.fft.fft2(luma.double()).abs().reshape(b, -1)
    # The draws come from a CPU generator (as the engine's); the masks are computed where the images are.
    is_com = (torch.rand(b, generator=generator, dtype=torch.float64) < p_com).to(images.device)
    rho = torch.tensor(ratios, dtype=torch.float64)[torch.randint(len(ratios), (b,), generator=generator)]
    keep = torch.clamp(torch.ceil(rho * h * w), min=1).long().tolist()
    tau = torch.stack([torch.kthvalue(magnitude[i], h * w - keep[i] + 1).values for i in range(b)])
    com = magnitude >= tau[:, None]
    return torch.where(is_com[:, None], com, ~com).reshape(b, 1, h, w)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="vit-tiny")
    parser.add_argument("--patch", type=int, default=4)
    parser.add_argument("--image-size", type=int, default=32)
    parser.add_argument("--channels", type=int, default=3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--prototypes", type=int, default=4096)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--precision", default="float32", choices=["float32", "bf16"],
                        help="bf16: autocast for the forward passes; masks and losses stay float32")
    a = parser.parse_args()
    device = torch.device(a.device)
    bf16 = a.precision == "bf16"

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    dim, depth, heads = PRESETS[a.model]
    student = nn.ModuleDict({"backbone": ViT(a.image_size, a.patch, a.channels, dim, depth, heads),
                             "head": Head(dim, a.prototypes),
                             # MFM reconstruction head: each patch token to its p x p x C pixels
                             "recon": nn.Linear(dim, a.patch * a.patch * a.channels)})
    teacher = nn.ModuleDict({"backbone": ViT(a.image_size, a.patch, a.channels, dim, depth, heads),
                             "head": Head(dim, a.prototypes)})
    student.to(device)
    teacher.to(device)
    teacher.load_state_dict({k: v for k, v in student.state_dict().items() if not k.startswith("recon.")})
    for p in teacher.parameters():
        p.requires_grad = False
    params = [p for p in student.parameters() if p.requires_grad]
    decay = [p for n, p in student.named_parameters() if p.requires_grad and p.ndim > 1 and not n.endswith(".bias")]
    no_decay = [p for n, p in student.named_parameters() if p.requires_grad and (p.ndim <= 1 or n.endswith(".bias"))]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.04}, {"params": no_decay, "weight_decay": 0.0}],
                                  lr=5e-4 * a.batch / 256)
    center = torch.zeros(1, a.prototypes, device=device)
    mean = torch.tensor([0.485, 0.456, 0.406] if a.channels == 3 else [0.5], device=device).view(1, -1, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225] if a.channels == 3 else [0.5], device=device).view(1, -1, 1, 1)
    generator = torch.Generator().manual_seed(1)
    view1 = torch.rand(a.batch, a.channels, a.image_size, a.image_size, generator=generator)
    view2 = torch.rand(a.batch, a.channels, a.image_size, a.image_size, generator=generator)
    if device.type == "cuda":  # host batches as a loader hands them over: page-locked
        view1, view2 = view1.pin_memory(), view2.pin_memory()
    last_v = student["head"].last.weight_v

    times = []
    for i in range(a.warmup + a.steps):
        sync()
        start = time.perf_counter()
        views = torch.cat([view1.to(device, non_blocking=True), view2.to(device, non_blocking=True)])
        with torch.no_grad():
            masks = folk_masks(views, generator)
            filtered = torch.fft.irfft2(torch.fft.rfft2(views) * masks[..., : a.image_size // 2 + 1],
                                        s=views.shape[-2:]).clamp(0, 1)
        teacher_in, student_in = (views - mean) / std, (filtered - mean) / std
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
            with torch.no_grad():
                t_logits = teacher["head"](teacher["backbone"](teacher_in)[0]).float()
            s_cls, s_tokens = student["backbone"](student_in)
            s_logits = student["head"](s_cls).float()
            grid = a.image_size // a.patch
            cells = student["recon"](s_tokens).transpose(1, 2).reshape(s_tokens.shape[0], -1, grid, grid)
            predicted = F.pixel_shuffle(cells, a.patch).float()
        s_logp = F.log_softmax(s_logits / 0.1, -1).chunk(2)
        t_prob = F.softmax((t_logits - center) / 0.04, -1).chunk(2)
        distill = 0.5 * ((-t_prob[1] * s_logp[0]).sum(-1).mean() + (-t_prob[0] * s_logp[1]).sum(-1).mean())
        # Frequency reconstruction: |F(prediction - target)| over the removed frequencies of each view,
        # per removed entry, averaged over the two views (the masks are in FFT layout, as the spectrum).
        error = torch.fft.fft2(predicted - teacher_in, norm="ortho").abs()
        removed = (~masks).float()
        per_view = (error * removed).flatten(1).sum(1).chunk(2)
        counts = (removed.flatten(1).sum(1) * a.channels).chunk(2)
        reconstruction = 0.5 * (per_view[0].sum() / counts[0].sum().clamp(min=1) +
                                per_view[1].sum() / counts[1].sum().clamp(min=1))
        loss = distill + reconstruction
        center = center * 0.9 + t_logits.mean(0, keepdim=True) * 0.1
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, 3.0)
        last_v.grad = None  # frozen prototypes in the first epoch
        optimizer.step()
        with torch.no_grad():
            for pt, ps in zip(teacher.parameters(), student.parameters()):
                pt.mul_(0.996).add_(ps.detach(), alpha=0.004)
        loss.item()
        sync()
        if i >= a.warmup:
            times.append(time.perf_counter() - start)
    median = sorted(times)[len(times) // 2]
    print(f"python step: {a.model} p{a.patch} {a.image_size}x{a.image_size}x{a.channels} batch {a.batch} "
          f"K {a.prototypes} folk {a.precision} on {device}, {torch.get_num_threads()} threads: {a.batch / median:.1f} images/s "
          f"({median:.3f} s/step, median of {len(times)})")


if __name__ == "__main__":
    main()
