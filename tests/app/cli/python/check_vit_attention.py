#!/usr/bin/env python3
"""Independent check of the attention maps of `folk inspect`, run by tests/app/cli/test_inspect_cli.cpp.

Builds the plain-PyTorch ViT of check_vit_export.py (Debian's python3-torch, timm's names), loads
the backbone that `folk export` wrote for the same run, feeds it the image `folk inspect` saw
(INPUT.npy, C×H×W in [0,1], normalised here with MEAN and STD) and computes the last block's
attention from the CLS token to every patch per head, as DINO's visualisation does, then compares
with the ATTENTION.npy (heads × grid × grid) that `folk inspect` wrote.

usage: check_vit_attention.py WEIGHTS.safetensors INPUT.npy ATTENTION.npy MEAN STD
Prints the largest absolute difference; exits 0 when it is below 1e-5, 1 otherwise.
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_vit_export import load_vit  # noqa: E402


def cls_attention(model, images):
    x = model.patch_embed.proj(images).flatten(2).transpose(1, 2)
    x = torch.cat([model.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + model.pos_embed
    for block in model.blocks[:-1]:
        x = block(x)
    last = model.blocks[-1]
    y = last.norm1(x)
    b, n, c = y.shape
    heads = last.attn.heads
    q, k, _ = last.attn.qkv(y).reshape(b, n, 3, heads, c // heads).permute(2, 0, 3, 1, 4)
    attn = ((q @ k.transpose(-2, -1)) * (c // heads) ** -0.5).softmax(dim=-1)
    return attn[:, :, 0, 1:]  # (B, heads, patches): CLS row without its own entry


def main():
    weights, input_path, attention_path = sys.argv[1:4]
    mean, std = float(sys.argv[4]), float(sys.argv[5])
    model, _, _, _, heads = load_vit(weights)
    image = torch.from_numpy(np.load(input_path)).unsqueeze(0)
    expected = np.load(attention_path)
    with torch.no_grad():
        attention = cls_attention(model, (image - mean) / std)[0].numpy()
    attention = attention.reshape(expected.shape)
    difference = float(np.abs(attention - expected).max())
    print("python ViT CLS attention (%d heads, grid %s): max abs difference %.3g"
          % (heads, "x".join(map(str, expected.shape[1:])), difference))
    return 0 if difference < 1e-5 else 1


if __name__ == "__main__":
    sys.exit(main())
