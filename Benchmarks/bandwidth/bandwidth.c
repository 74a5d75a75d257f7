/* STREAM-like memory bandwidth on this machine, for the PageRank bound in BENCHMARKS.md.
 *
 *     cc -O3 -march=native -pthread Benchmarks/bandwidth/bandwidth.c -o bandwidth && ./bandwidth [MiB per array]
 *
 * Kernels over arrays far larger than the last-level cache, each timed as the best of several
 * repetitions (McCalpin's STREAM convention), at 1 and 2 threads:
 *   read:  s += a[i]                  8 bytes moved per element
 *   triad: a[i] = b[i] + q * c[i]     24 bytes counted per element (STREAM's count; the
 *                                      write-allocate read of a[] makes it 32 on the bus)
 * Prints one JSON object per line. The read kernel is the relevant one for PageRank, whose
 * iteration is dominated by streaming the CSR arrays. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { REPEATS = 7 };

static double *a, *b, *c;
static size_t count;
static double sums[2];

struct job { int kernel, thread, threads; };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *work(void *argument) {
    const struct job *job = argument;
    size_t start = count * job->thread / job->threads, stop = count * (job->thread + 1) / job->threads;
    if (job->kernel == 0) {
        /* Four accumulators so the adds do not serialise on one register. */
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        size_t i = start;
        for (; i + 4 <= stop; i += 4) { s0 += a[i]; s1 += a[i + 1]; s2 += a[i + 2]; s3 += a[i + 3]; }
        for (; i < stop; i++) s0 += a[i];
        sums[job->thread] = s0 + s1 + s2 + s3;
    } else {
        for (size_t i = start; i < stop; i++) a[i] = b[i] + 3.0 * c[i];
    }
    return NULL;
}

static double best(int kernel, int threads) {
    double fastest = 1e30;
    for (int r = 0; r < REPEATS; r++) {
        pthread_t ids[2];
        struct job jobs[2];
        double start = now();
        for (int t = 0; t < threads; t++) {
            jobs[t] = (struct job){kernel, t, threads};
            pthread_create(&ids[t], NULL, work, &jobs[t]);
        }
        for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
        double elapsed = now() - start;
        if (elapsed < fastest) fastest = elapsed;
    }
    return fastest;
}

int main(int argc, char **argv) {
    size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 256;
    count = mib * 1024 * 1024 / sizeof(double);
    a = malloc(count * sizeof(double));
    b = malloc(count * sizeof(double));
    c = malloc(count * sizeof(double));
    if (!a || !b || !c) return 1;
    for (size_t i = 0; i < count; i++) { a[i] = 1; b[i] = 2; c[i] = 0.5; }  /* fault the pages in */
    const char *names[] = {"read", "triad"};
    const double bytes[] = {8.0, 24.0};
    for (int kernel = 0; kernel < 2; kernel++) {
        for (int threads = 1; threads <= 2; threads++) {
            double seconds = best(kernel, threads);
            printf("{\"task\": \"bandwidth\", \"kernel\": \"%s\", \"threads\": %d, \"array_mib\": %zu, \"best_s\": %.6f, \"gb_per_s\": %.2f}\n",
                   names[kernel], threads, mib, seconds, bytes[kernel] * count / seconds / 1e9);
        }
    }
    fprintf(stderr, "checksum %g\n", sums[0] + sums[1]);
    return 0;
}
