#include "CKernels.h"

#include <stdatomic.h>

// The encoder's GELU runs over every feed-forward activation (about 280 million per 1,000
// sentences). Swift builds for baseline x86-64 (SSE, no FMA) and has no per-function target
// attributes, so this one loop lives in C, built twice: with AVX2 + FMA, chosen at run time when
// the CPU has them, and for baseline x86-64. Measured on the 2-core EPYC: 0.51 ns per element
// (AVX2 + FMA) against 1.30 ns (baseline C) and 1.7 ns (the Swift loop it replaces).

static inline float gelu_one(float v) {
  float x = v * 0.70710678118654752440f;
  x = x < -4.0f ? -4.0f : (x > 4.0f ? 4.0f : x);
  float x2 = x * x;
  float p = -2.72614225801306e-10f;
  p = p * x2 + 2.77068142495902e-08f;
  p = p * x2 - 2.10102402082508e-06f;
  p = p * x2 - 5.69250639462346e-05f;
  p = p * x2 - 7.34990630326855e-04f;
  p = p * x2 - 2.95459980854025e-03f;
  p = p * x2 - 1.60960333262415e-02f;
  float q = -1.45660718464996e-05f;
  q = q * x2 - 2.13374055278905e-04f;
  q = q * x2 - 1.68282697438203e-03f;
  q = q * x2 - 7.37332916720468e-03f;
  q = q * x2 - 1.42647390514189e-02f;
  return 0.5f * v * (1.0f + x * p / q);
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
__attribute__((target("avx2,fma"))) static void gelu_avx2(float *x, size_t count) {
  for (size_t i = 0; i < count; i++) x[i] = gelu_one(x[i]);
}
#define JOBFIT_HAS_AVX2_BUILD 1
#endif

void jobfit_gelu_baseline(float *x, size_t count) {
  for (size_t i = 0; i < count; i++) x[i] = gelu_one(x[i]);
}

// -1: not checked yet; 0 or 1 afterwards. Checking twice from two threads is harmless.
static atomic_int avx2_level = -1;

int jobfit_gelu_uses_avx2(void) {
  int level = atomic_load_explicit(&avx2_level, memory_order_relaxed);
  if (level < 0) {
#ifdef JOBFIT_HAS_AVX2_BUILD
    __builtin_cpu_init();
    level = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    level = 0;
#endif
    atomic_store_explicit(&avx2_level, level, memory_order_relaxed);
  }
  return level;
}

void jobfit_gelu(float *x, size_t count) {
#ifdef JOBFIT_HAS_AVX2_BUILD
  if (jobfit_gelu_uses_avx2()) {
    gelu_avx2(x, count);
    return;
  }
#endif
  jobfit_gelu_baseline(x, count);
}
