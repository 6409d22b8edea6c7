// Debian installs cblas.h under the multiarch include directory and lapacke.h at the top level.
// A module map cannot name headers outside its own directory portably, so this shim includes both
// through the compiler's normal search path; the link lines live in module.modulemap.
#ifndef JOBFIT_CBLAS_SHIM_H
#define JOBFIT_CBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
