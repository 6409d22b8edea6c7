#ifndef JOBFIT_CKERNELS_H
#define JOBFIT_CKERNELS_H

#include <stddef.h>

/// x[i] ← GELU(x[i]) = ½·x·(1 + erf(x/√2)) for i < count, in place, with erf from the rational
/// approximation of `EncoderKernels.erf` (within 1e-7). Runs an AVX2 + FMA build of the loop
/// when the CPU has both (checked once), else a baseline x86-64 build.
void jobfit_gelu(float *x, size_t count);

/// The baseline x86-64 build of `jobfit_gelu`, whatever the CPU (for tests).
void jobfit_gelu_baseline(float *x, size_t count);

/// 1 when `jobfit_gelu` uses its AVX2 + FMA build on this CPU, else 0.
int jobfit_gelu_uses_avx2(void);

#endif
