/* A measuring stick for the dense stage: plain C, chunked cblas_sgemm + top-k.
 *
 *   gcc -O3 -march=native -o dense_ref dense_ref.c -lblas
 *   ./dense_ref CORPUS_DIR [REPEAT]
 *
 * Reads resumes.f32 (queries) and postings.f32 (items), 256-d row-major float32, and for every
 * query keeps the 10 best items by inner product: blocks of 256 query rows × all items through
 * one sgemm into a reused buffer, then an insertion-sorted list of 10 per row (ties: lower
 * index). Prints one JSON line like jobfit-stages, checksum = sum of the kept scores.
 */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { DIM = 256, K = 10, BLOCK = 256 };

static float *read_rows(const char *dir, const char *name, long *rows) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.f32", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END);
  long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  *rows = bytes / (4L * DIM);
  float *data = malloc((size_t)bytes);
  if (!data || fread(data, 1, (size_t)bytes, f) != (size_t)bytes) { perror(path); exit(1); }
  fclose(f);
  return data;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double run(const float *q, long nq, const float *x, long nx, float *buffer,
                  float *best, int *best_index) {
  int k = nx < K ? (int)nx : K;
  for (long start = 0; start < nq; start += BLOCK) {
    long rows = nq - start < BLOCK ? nq - start : BLOCK;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)rows, (int)nx, DIM, 1.0f,
                q + start * DIM, DIM, x, DIM, 0.0f, buffer, (int)nx);
    for (long r = 0; r < rows; r++) {
      const float *s = buffer + r * nx;
      float *b = best + (start + r) * K;
      int *bi = best_index + (start + r) * K;
      int n = 0;
      for (long j = 0; j < nx; j++) {
        float v = s[j];
        if (n == k && v <= b[k - 1]) continue;
        int p = n < k ? n++ : k - 1;
        while (p > 0 && b[p - 1] < v) { b[p] = b[p - 1]; bi[p] = bi[p - 1]; p--; }
        b[p] = v;
        bi[p] = (int)j;
      }
    }
  }
  double total = 0;
  for (long i = 0; i < nq; i++)
    for (int j = 0; j < k; j++) total += best[i * K + j];
  return total;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: dense_ref CORPUS_DIR [REPEAT]\n"); return 64; }
  int repeat = argc > 2 ? atoi(argv[2]) : 3;
  if (repeat < 1) repeat = 1;
  long nq, nx;
  float *q = read_rows(argv[1], "resumes", &nq);
  float *x = read_rows(argv[1], "postings", &nx);
  float *buffer = malloc(sizeof(float) * BLOCK * (size_t)nx);
  float *best = malloc(sizeof(float) * K * (size_t)nq);
  int *best_index = malloc(sizeof(int) * K * (size_t)nq);
  double seconds[64], checksum = 0;
  if (repeat > 64) repeat = 64;
  for (int r = 0; r < repeat; r++) {
    double t0 = now();
    checksum = run(q, nq, x, nx, buffer, best, best_index);
    seconds[r] = now() - t0;
  }
  double sorted[64];
  memcpy(sorted, seconds, sizeof(double) * repeat);
  qsort(sorted, repeat, sizeof(double), cmp_double);
  printf("{\"implementation\": \"peer\", \"stage\": \"c-dense\", \"summary\": "
         "\"plain C: cblas_sgemm (256-row blocks) + insertion top-10\", "
         "\"seconds_median\": %.6f, \"seconds_all\": [", sorted[repeat / 2]);
  for (int r = 0; r < repeat; r++) printf("%s%.6f", r ? ", " : "", seconds[r]);
  printf("], \"checksum\": %.6f, \"detail\": {}}\n", checksum);
  free(q); free(x); free(buffer); free(best); free(best_index);
  return 0;
}
