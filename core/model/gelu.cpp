#include "core/model/gelu.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define FOLK_GELU_X86 1
#endif

namespace folk {
namespace {

// erf(s) ≈ s P(s²) / Q(s²) on |s| < kErfCut, ±1 beyond (erf rounds to ±1 in float32 there).
// Coefficients: a (6,5) rational fitted to erf by tests/data/make_gelu_golden.py (iterated
// weighted least squares on Chebyshev nodes); evaluated in float32 its error stays under 4e-7.
constexpr float kErfCut = 3.925f;
constexpr float kP[7] = {1.128379225730896f,     0.18470238149166107f,    0.05428270995616913f,
                         0.003832963528111577f,  0.000380555895389989f,   4.722802259493619e-06f,
                         -1.3362483564094418e-08f};
constexpr float kQ[6] = {1.0f,                  0.49702176451683044f, 0.11377980560064316f,
                         0.01543277595192194f,  0.0013053938746452332f, 6.346597365336493e-05f};
constexpr float kInvSqrt2 = 0.70710678118654752f;
constexpr float kInvSqrt2Pi = 0.39894228040143268f;
// exp(z) = 2^n e^r with n = round(z log2 e) and r = z - n ln 2, ln 2 split so n·kLn2Hi is exact.
constexpr float kLog2e = 1.4426950408889634f;
constexpr float kLn2Hi = 0.693145751953125f;
constexpr float kLn2Lo = 1.4286068203094172e-06f;
constexpr float kExpMin = -87.0f;  // 2^n stays a normal float

inline float erfScalar(float s) {
  const float a = std::fabs(s);
  if (!(a < kErfCut)) return std::isnan(s) ? s : std::copysign(1.0f, s);
  const float t = s * s;
  float p = kP[6];
  for (int i = 5; i >= 0; --i) p = p * t + kP[i];
  float q = kQ[5];
  for (int i = 4; i >= 0; --i) q = q * t + kQ[i];
  return s * p / q;
}

// e^z for z <= 0 (the Gaussian density only needs that half), Taylor to degree 7 on |r| <= ln2/2
// (truncation error < 6e-9 relative).
inline float expNonPositiveScalar(float z) {
  z = z > kExpMin ? z : kExpMin;  // NaN too, like _mm256_max_ps below: the int conversion needs a number
  const float n = std::nearbyint(z * kLog2e);
  const float r = (z - n * kLn2Hi) - n * kLn2Lo;
  float p = 1.0f / 5040.0f;
  for (float c : {1.0f / 720.0f, 1.0f / 120.0f, 1.0f / 24.0f, 1.0f / 6.0f, 0.5f, 1.0f, 1.0f}) p = p * r + c;
  const std::int32_t bits = (std::int32_t(n) + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

inline float geluScalar(float x) { return x * (0.5f + 0.5f * erfScalar(x * kInvSqrt2)); }

inline float geluGradScalar(float g, float x) {
  const float cdf = 0.5f + 0.5f * erfScalar(x * kInvSqrt2);
  const float pdf = kInvSqrt2Pi * expNonPositiveScalar(-0.5f * x * x);
  return g * (cdf + x * pdf);
}

#ifdef FOLK_GELU_X86
// Eight lanes of the same arithmetic as the scalar functions above.
__attribute__((target("avx2,fma"))) inline __m256 erf8(__m256 s) {
  const __m256 signMask = _mm256_set1_ps(-0.0f);
  const __m256 a = _mm256_andnot_ps(signMask, s);
  const __m256 t = _mm256_mul_ps(s, s);
  __m256 p = _mm256_set1_ps(kP[6]);
  for (int i = 5; i >= 0; --i) p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(kP[i]));
  __m256 q = _mm256_set1_ps(kQ[5]);
  for (int i = 4; i >= 0; --i) q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(kQ[i]));
  const __m256 rational = _mm256_div_ps(_mm256_mul_ps(s, p), q);
  const __m256 unit = _mm256_or_ps(_mm256_and_ps(signMask, s), _mm256_set1_ps(1.0f));
  // |s| >= cut: ±1. NaN compares false and keeps the rational's NaN.
  return _mm256_blendv_ps(rational, unit, _mm256_cmp_ps(a, _mm256_set1_ps(kErfCut), _CMP_GE_OQ));
}

__attribute__((target("avx2,fma"))) inline __m256 expNonPositive8(__m256 z) {
  z = _mm256_max_ps(z, _mm256_set1_ps(kExpMin));
  const __m256 n = _mm256_round_ps(_mm256_mul_ps(z, _mm256_set1_ps(kLog2e)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(kLn2Hi), z);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(kLn2Lo), r);
  __m256 p = _mm256_set1_ps(1.0f / 5040.0f);
  for (float c : {1.0f / 720.0f, 1.0f / 120.0f, 1.0f / 24.0f, 1.0f / 6.0f, 0.5f, 1.0f, 1.0f})
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(c));
  const __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
}

__attribute__((target("avx2,fma"))) void geluForwardAvx2(const float* x, float* y, std::int64_t n) {
  const __m256 half = _mm256_set1_ps(0.5f), invSqrt2 = _mm256_set1_ps(kInvSqrt2);
  std::int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_loadu_ps(x + i);
    const __m256 cdf = _mm256_fmadd_ps(half, erf8(_mm256_mul_ps(v, invSqrt2)), half);
    _mm256_storeu_ps(y + i, _mm256_mul_ps(v, cdf));
  }
  for (; i < n; ++i) y[i] = geluScalar(x[i]);
}

__attribute__((target("avx2,fma"))) void geluBackwardAvx2(const float* g, const float* x, float* dx, std::int64_t n) {
  const __m256 half = _mm256_set1_ps(0.5f), minusHalf = _mm256_set1_ps(-0.5f);
  const __m256 invSqrt2 = _mm256_set1_ps(kInvSqrt2), invSqrt2Pi = _mm256_set1_ps(kInvSqrt2Pi);
  std::int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_loadu_ps(x + i);
    const __m256 cdf = _mm256_fmadd_ps(half, erf8(_mm256_mul_ps(v, invSqrt2)), half);
    const __m256 pdf = _mm256_mul_ps(invSqrt2Pi, expNonPositive8(_mm256_mul_ps(minusHalf, _mm256_mul_ps(v, v))));
    _mm256_storeu_ps(dx + i, _mm256_mul_ps(_mm256_loadu_ps(g + i), _mm256_fmadd_ps(v, pdf, cdf)));
  }
  for (; i < n; ++i) dx[i] = geluGradScalar(g[i], x[i]);
}

bool cpuHasAvx2Fma() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return has;
}
#endif

// Elementwise work splits into chunks big enough to amortise a thread hand-off.
constexpr std::int64_t kGrain = 32768;

void geluForwardRange(const float* x, float* y, std::int64_t n) {
#ifdef FOLK_GELU_X86
  if (cpuHasAvx2Fma()) return geluForwardAvx2(x, y, n);
#endif
  for (std::int64_t i = 0; i < n; ++i) y[i] = geluScalar(x[i]);
}

void geluBackwardRange(const float* g, const float* x, float* dx, std::int64_t n) {
#ifdef FOLK_GELU_X86
  if (cpuHasAvx2Fma()) return geluBackwardAvx2(g, x, dx, n);
#endif
  for (std::int64_t i = 0; i < n; ++i) dx[i] = geluGradScalar(g[i], x[i]);
}

void requireFusedInput(const torch::Tensor& x, const char* what) {
  TORCH_CHECK(geluUsesFusedKernel(x), what, ": expected a contiguous float32 CPU tensor, got ", x.toString(),
              x.is_contiguous() ? "" : " (not contiguous)");
}

// Saves the input, like LibTorch's GeluBackward; the backward recomputes Φ and φ from it.
struct GeluFunction : torch::autograd::Function<GeluFunction> {
  static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x) {
    ctx->save_for_backward({x});
    return geluForwardCpu(x);
  }
  static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                               torch::autograd::tensor_list grads) {
    const torch::Tensor x = ctx->get_saved_variables()[0];
    return {geluBackwardCpu(grads[0].contiguous(), x)};
  }
};

}  // namespace

bool geluUsesFusedKernel(const torch::Tensor& x) {
  return x.defined() && x.device().is_cpu() && x.layout() == torch::kStrided &&
         x.scalar_type() == torch::kFloat && x.is_contiguous();
}

torch::Tensor geluForwardCpu(const torch::Tensor& x) {
  requireFusedInput(x, "geluForwardCpu");
  torch::Tensor y = torch::empty_like(x);
  const float* in = x.data_ptr<float>();
  float* out = y.data_ptr<float>();
  at::parallel_for(0, x.numel(), kGrain, [&](std::int64_t begin, std::int64_t end) {
    geluForwardRange(in + begin, out + begin, end - begin);
  });
  return y;
}

torch::Tensor geluBackwardCpu(const torch::Tensor& gradOutput, const torch::Tensor& x) {
  requireFusedInput(x, "geluBackwardCpu");
  requireFusedInput(gradOutput, "geluBackwardCpu (gradient)");
  TORCH_CHECK(gradOutput.sizes() == x.sizes(), "geluBackwardCpu: gradient ", gradOutput.sizes(), " vs input ",
              x.sizes());
  torch::Tensor dx = torch::empty_like(x);
  const float* g = gradOutput.data_ptr<float>();
  const float* in = x.data_ptr<float>();
  float* out = dx.data_ptr<float>();
  at::parallel_for(0, x.numel(), kGrain, [&](std::int64_t begin, std::int64_t end) {
    geluBackwardRange(g + begin, in + begin, out + begin, end - begin);
  });
  return dx;
}

torch::Tensor gelu(const torch::Tensor& x) {
  if (!geluUsesFusedKernel(x)) return torch::gelu(x);
  if (torch::GradMode::is_enabled() && x.requires_grad()) return GeluFunction::apply(x);
  return geluForwardCpu(x);
}

}  // namespace folk
