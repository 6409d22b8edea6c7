// zlib's raw inflate, used to read DOCX (ZIP) entries with our own size limits.
#ifndef JOBFIT_ZLIB_SHIM_H
#define JOBFIT_ZLIB_SHIM_H
#include <zlib.h>
#endif
