"""The inputs of the method goldens, shared by the scripts next to it and built the same way by
deterministicTensor() in tests/core/method/deterministic_tensor.h, so no input is stored."""
import torch


def det(shape, offset, scale):
    """sin(0.37 i + offset) * scale over the flat index i, in float64, then float32."""
    n = 1
    for s in shape:
        n *= s
    x = torch.sin(torch.arange(n, dtype=torch.float64) * 0.37 + offset) * scale
    return x.reshape(shape).to(torch.float32)
