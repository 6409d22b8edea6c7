// Snowball stemmers from Debian's libstemmer-dev (libstemmer.so.0d).
#ifndef JOBFIT_STEMMER_SHIM_H
#define JOBFIT_STEMMER_SHIM_H
#include <libstemmer.h>
#endif
