#!/usr/bin/env python3
"""Independent check of `folk export`, run by tests/app/cli/test_export_cli.cpp.

Builds a ViT in plain PyTorch (Debian's python3-torch) with timm's module names, loads the exported
safetensors file through a NumPy reader written here (not the safetensors package, not FOLK's code),
runs the input FOLK's C++ engine ran, and compares with the features the engine computed.

usage: check_vit_export.py WEIGHTS.safetensors INPUT.npy FEATURES.npy
Prints the largest absolute difference; exits 0 when it is below 1e-4, 1 otherwise.
"""
import json
import struct
import sys

import numpy as np
import torch
from torch import nn

DTYPES = {"F32": np.float32, "F64": np.float64, "F16": np.float16, "I64": np.int64, "I32": np.int32, "U8": np.uint8}
HEADS = {"vit-nano": 4, "vit-tiny": 3, "vit-small": 6, "vit-base": 12}  # FOLK's presets (DESIGN.md)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + length])
    metadata = header.pop("__metadata__", {})
    data = raw[8 + length:]
    tensors = {}
    for name, spec in header.items():
        begin, end = spec["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=DTYPES[spec["dtype"]]).reshape(spec["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors, metadata


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        attn = ((q @ k.transpose(-2, -1)) * (c // self.heads) ** -0.5).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, c))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(nn.functional.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads, hidden):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, hidden)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class VisionTransformer(nn.Module):
    """timm's VisionTransformer without the classifier: CLS token after the final norm."""

    def __init__(self, channels, patch, dim, tokens, depth, heads, hidden):
        super().__init__()
        self.patch_embed = nn.Module()
        self.patch_embed.proj = nn.Conv2d(channels, dim, patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, tokens, dim))
        self.blocks = nn.ModuleList([Block(dim, heads, hidden) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)

    def forward(self, images):
        x = self.patch_embed.proj(images).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + self.pos_embed
        for block in self.blocks:
            x = block(x)
        return self.norm(x)[:, 0]


def load_vit(weights):
    """The ViT an exported file describes, its weights loaded: (model, FOLK's model config, dim, depth, heads)."""
    tensors, metadata = read_safetensors(weights)
    assert metadata.get("format") == "pt", metadata
    model_config = json.loads(metadata["folk.config"])["model"]
    proj = tensors["patch_embed.proj.weight"]
    dim, channels, patch = proj.shape[0], proj.shape[1], proj.shape[2]
    depth = len({name.split(".")[1] for name in tensors if name.startswith("blocks.")})
    heads = model_config.get("vit_heads") or HEADS[model_config["name"]]
    model = VisionTransformer(channels, patch, dim, tensors["pos_embed"].shape[1], depth, heads,
                              tensors["blocks.0.mlp.fc1.weight"].shape[0])
    model.load_state_dict(tensors, strict=True)  # every name must match, none left over
    model.eval()
    return model, model_config, dim, depth, heads


def main():
    weights, images_path, features_path = sys.argv[1:4]
    model, model_config, dim, depth, heads = load_vit(weights)
    images = torch.from_numpy(np.load(images_path))
    expected = np.load(features_path)
    with torch.no_grad():
        features = model(images).numpy()
    difference = float(np.abs(features - expected).max())
    print("python ViT (%s, dim %d, depth %d, heads %d): max abs difference %.3g over %s features"
          % (model_config["name"], dim, depth, heads, difference, "x".join(map(str, features.shape))))
    return 0 if difference < 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main())
