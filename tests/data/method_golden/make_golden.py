#!/usr/bin/python3
"""Golden values for tests/core/method/losses_test.cpp, computed with Debian's python3-torch.

The inputs are not stored: both sides build them from the same formula (det() in golden_inputs.py
and deterministicTensor() in the C++ test), so this file and golden.json are all there is.
The losses are written the way DINO's DINOLoss and MFM's frequency loss are written in Python
(two FFTs, explicit pair loop; multi-crop: the student output chunked into all crops, the teacher's
into the two global crops), independently of the C++ code under test.

Run: /usr/bin/python3 tests/data/method_golden/make_golden.py  (rewrites golden.json next to it)
"""
import json
import os

import torch
import torch.nn.functional as F

from golden_inputs import det


def dino_case(batch, k, student_temp, teacher_temp, center_momentum):
    student = det((2 * batch, k), 0.1, 3.0).requires_grad_(True)
    teacher = det((2 * batch, k), 1.3, 2.0)
    center = det((1, k), 2.7, 0.5)
    student_out = (student / student_temp).chunk(2)
    teacher_out = F.softmax((teacher - center) / teacher_temp, dim=-1).detach().chunk(2)
    total, n_terms = 0, 0
    for iq, q in enumerate(teacher_out):
        for v in range(len(student_out)):
            if v == iq:
                continue
            total = total + torch.sum(-q * F.log_softmax(student_out[v], dim=-1), dim=-1).mean()
            n_terms += 1
    loss = total / n_terms
    loss.backward()
    batch_center = torch.sum(teacher, dim=0, keepdim=True) / len(teacher)
    new_center = center * center_momentum + batch_center * (1 - center_momentum)
    return {
        "batch": batch, "prototypes": k, "student_temp": student_temp, "teacher_temp": teacher_temp,
        "center_momentum": center_momentum, "loss": loss.item(),
        "center": new_center.flatten().tolist(), "grad_row0": student.grad[0].tolist(),
    }


def multicrop_case(batch, k, ncrops, student_temp, teacher_temp):
    student = det((ncrops * batch, k), 0.1, 3.0).requires_grad_(True)
    teacher = det((2 * batch, k), 1.3, 2.0)
    center = det((1, k), 2.7, 0.5)
    student_out = (student / student_temp).chunk(ncrops)
    teacher_out = F.softmax((teacher - center) / teacher_temp, dim=-1).detach().chunk(2)
    total_loss, n_loss_terms = 0, 0
    for iq, q in enumerate(teacher_out):
        for v in range(len(student_out)):
            if v == iq:
                continue
            loss = torch.sum(-q * F.log_softmax(student_out[v], dim=-1), dim=-1)
            total_loss += loss.mean()
            n_loss_terms += 1
    total_loss /= n_loss_terms
    total_loss.backward()
    return {
        "batch": batch, "prototypes": k, "crops": ncrops, "student_temp": student_temp,
        "teacher_temp": teacher_temp, "loss": total_loss.item(),
        "grad_row0": student.grad[0].tolist(), "grad_last_row": student.grad[-1].tolist(),
    }


def mfm_case(batch, channels, size):
    yhat = det((batch, channels, size, size), 0.5, 1.0)
    x = det((batch, channels, size, size), 2.2, 1.5)
    masks = ((torch.arange(batch * size * size) * 7) % 5 != 0).to(torch.uint8).reshape(batch, size, size)
    fy = torch.fft.fftshift(torch.fft.fft2(yhat, norm="ortho"), dim=(-2, -1))
    fx = torch.fft.fftshift(torch.fft.fft2(x, norm="ortho"), dim=(-2, -1))
    removed = (masks == 0).to(torch.float32).unsqueeze(1)
    loss = ((fy - fx).abs() * removed).sum() / (removed.sum() * channels)
    return {"batch": batch, "channels": channels, "size": size, "loss": loss.item()}


def main():
    golden = {
        "torch_version": torch.__version__,
        "dino": [dino_case(3, 5, 0.1, 0.04, 0.9), dino_case(2, 7, 0.1, 0.07, 0.9)],
        "mfm": [mfm_case(2, 3, 8), mfm_case(3, 1, 7)],
        "multicrop": [multicrop_case(3, 5, 4, 0.1, 0.04), multicrop_case(2, 7, 10, 0.1, 0.07),
                      multicrop_case(4, 6, 3, 0.2, 0.05)],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
    with open(path, "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
