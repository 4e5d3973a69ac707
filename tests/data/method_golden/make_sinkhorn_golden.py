#!/usr/bin/python3
"""Golden values for tests/core/method/sinkhorn_knopp_test.cpp, computed with Debian's python3-torch.

Written the way DINOv2's DINOLoss.sinkhorn_knopp_teacher reads (one process: no all_reduce), in
float32 as there, independently of the C++ code under test. The inputs are not stored: both sides
build them with det() from golden_inputs.py (deterministicTensor() in the C++ test).

Run: /usr/bin/python3 tests/data/method_golden/make_sinkhorn_golden.py  (rewrites sinkhorn_golden.json)
"""
import json
import os

import torch

from golden_inputs import det


@torch.no_grad()
def sinkhorn_knopp_teacher(teacher_output, teacher_temp, n_iterations):
    Q = torch.exp(teacher_output / teacher_temp).t()  # K x B
    B = Q.shape[1]
    K = Q.shape[0]
    Q /= torch.sum(Q)
    for _ in range(n_iterations):
        Q /= torch.sum(Q, dim=1, keepdim=True)
        Q /= K
        Q /= torch.sum(Q, dim=0, keepdim=True)
        Q /= B
    Q *= B
    return Q.t()


def case(rows, k, temp, iterations):
    logits = det((rows, k), 0.4, 1.0)
    q = sinkhorn_knopp_teacher(logits.clone(), temp, iterations)
    return {"rows": rows, "prototypes": k, "teacher_temp": temp, "iterations": iterations,
            "targets": q.flatten().tolist()}


cases = [case(8, 6, 0.1, 3), case(6, 10, 0.04, 3), case(12, 4, 0.5, 1)]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sinkhorn_golden.json")
with open(out, "w") as f:
    json.dump({"sinkhorn_knopp": cases}, f, indent=1)
    f.write("\n")
print("wrote", out)
