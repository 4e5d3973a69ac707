#include "core/train/embedding.h"

#include <torch/torch.h>

#include <stdexcept>

namespace folk {

Embedding pcaEmbedding(const std::vector<float>& features, std::int64_t rows, std::int64_t dim,
                       const std::vector<int>& labels, int classes) {
  if (rows < 2 || dim < 1 || std::int64_t(features.size()) != rows * dim || std::int64_t(labels.size()) != rows) {
    throw std::invalid_argument("pcaEmbedding: need at least 2 rows of " + std::to_string(dim) +
                                " features with one label each (got " + std::to_string(features.size()) +
                                " values, " + std::to_string(labels.size()) + " labels)");
  }
  torch::NoGradGuard noGrad;
  auto x = torch::from_blob(const_cast<float*>(features.data()), {rows, dim}, torch::kFloat32).to(torch::kFloat64);
  x = x - x.mean(0, /*keepdim=*/true);
  // Thin SVD: the right singular vectors are the principal axes, s^2 their variances.
  auto [u, s, vh] = torch::linalg_svd(x, /*full_matrices=*/false);
  const auto components = std::min<std::int64_t>(2, s.size(0));
  auto axes = vh.slice(0, 0, components);  // (c, dim)
  // Deterministic signs: the largest |loading| of each axis is positive.
  auto largest = axes.abs().argmax(1);
  auto signs = torch::sign(axes.gather(1, largest.unsqueeze(1))).squeeze(1);
  signs = torch::where(signs == 0, torch::ones_like(signs), signs);
  auto projected = (x.matmul(axes.t()) * signs.unsqueeze(0)).to(torch::kFloat32).contiguous();  // (N, c)
  const double total = (s * s).sum().item<double>();
  Embedding e;
  e.classes = classes;
  e.labels = labels;
  e.x.resize(size_t(rows));
  e.y.assign(size_t(rows), 0.0f);
  const float* p = projected.data_ptr<float>();
  for (std::int64_t i = 0; i < rows; ++i) {
    e.x[size_t(i)] = p[i * components];
    if (components > 1) e.y[size_t(i)] = p[i * components + 1];
  }
  for (std::int64_t c = 0; c < components; ++c) {
    const double v = s[c].item<double>();
    e.explained[c] = total > 0.0 ? v * v / total : 0.0;
  }
  return e;
}

}  // namespace folk
