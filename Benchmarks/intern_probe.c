// Does interning by hash partitions pay on this machine? (BENCHMARKS.md, "The two-part read's join
// on both threads", issue #13.) A C model of the edge-list reader's interning: an open-addressing
// table of 16-byte slots (key word, then hash << 32 | index + 1) at 62 % load, huge pages, linear
// probing, as IdentifierTable; 100M lookups of keys already in it, uniform over the ids.
//
//     cc -O2 -o /tmp/intern_probe Benchmarks/intern_probe.c && /tmp/intern_probe
//
// Prints ns a lookup for: batches of 512 lookups whose starting slots are read first (the reader's
// ExactIdentifierBatch), on tables from L1-sized to the 100M-edge file's 2^24 slots; and, on 2^24
// slots, the same lookups radix-partitioned first by slot region (32 regions of 8 MiB, chunks of
// 2M keys), each region's lookups then done together, results written back by row.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static uint64_t *slots;
static size_t mask;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static uint32_t mix(uint64_t word) {
    word *= 0x9E3779B97F4A7C15ull;
    word ^= word >> 29;
    word *= 0xBF58476D1CE4E5B9ull;
    word ^= word >> 32;
    return (uint32_t)word & 0x7FFFFFFF;
}

static long find(uint64_t word, uint32_t hash) {
    uint64_t tag = (uint64_t)hash << 32;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        uint64_t meta = slots[2 * slot + 1];
        if (meta == 0) return -1;
        if ((meta & 0xFFFFFFFF00000000ull) == tag && slots[2 * slot] == word) return (long)(meta & 0xFFFFFFFF) - 1;
    }
}

static size_t fill(int bits) {
    size_t count = (size_t)1 << bits, bytes = count * 16;
    if (slots) munmap(slots, ((mask + 1) * 16));
    slots = mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    madvise(slots, bytes, MADV_HUGEPAGE);
    memset(slots, 0, bytes);
    mask = count - 1;
    size_t ids = (size_t)(count * 0.62);
    for (size_t id = 0; id < ids; id++) {
        uint64_t word = 0x1000000 + id;
        uint32_t hash = mix(word);
        size_t slot = hash & mask;
        while (slots[2 * slot + 1]) slot = (slot + 1) & mask;
        slots[2 * slot] = word;
        slots[2 * slot + 1] = (uint64_t)hash << 32 | (id + 1);
    }
    return ids;
}

int main(void) {
    const size_t lookups = 100000000, batch = 512;
    uint64_t *keys = malloc(lookups * 8);
    int32_t *found = malloc(lookups * 4);
    uint32_t hashes[512];
    int sizes[] = {12, 16, 20, 24};
    for (int size = 0; size < 4; size++) {
        size_t ids = fill(sizes[size]);
        uint64_t state = 1;
        for (size_t row = 0; row < lookups; row++) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            keys[row] = 0x1000000 + (state >> 11) % ids;
        }
        double start = now();
        uint64_t touched = 0;
        for (size_t first = 0; first < lookups; first += batch) {
            size_t end = first + batch < lookups ? first + batch : lookups;
            for (size_t row = first; row < end; row++) hashes[row - first] = mix(keys[row]);
            for (size_t row = first; row < end; row++) touched += slots[2 * (hashes[row - first] & mask) + 1];
            for (size_t row = first; row < end; row++) found[row] = (int32_t)find(keys[row], hashes[row - first]);
        }
        printf("2^%d slots (%zu MiB), batches of %zu: %.1f ns a lookup (%d)\n", sizes[size], (mask + 1) * 16 >> 20, batch,
               (now() - start) / lookups * 1e9, (int)(touched & 1));
    }
    // Partitioned, on the last (2^24-slot) table.
    const size_t chunk = 2000000;
    const int regions = 32, shift = 24 - 5;
    uint32_t *chunkHashes = malloc(chunk * 4), *order = malloc(chunk * 4);
    size_t counts[33];
    double start = now();
    uint64_t touched = 0;
    for (size_t first = 0; first < lookups; first += chunk) {
        size_t count = first + chunk < lookups ? chunk : lookups - first;
        memset(counts, 0, sizeof counts);
        for (size_t row = 0; row < count; row++) {
            chunkHashes[row] = mix(keys[first + row]);
            counts[((chunkHashes[row] & mask) >> shift) + 1]++;
        }
        for (int region = 0; region < regions; region++) counts[region + 1] += counts[region];
        for (size_t row = 0; row < count; row++) order[counts[(chunkHashes[row] & mask) >> shift]++] = (uint32_t)row;
        for (size_t at = 0; at < count; at += batch) {
            size_t end = at + batch < count ? at + batch : count;
            for (size_t next = at; next < end; next++) touched += slots[2 * (chunkHashes[order[next]] & mask) + 1];
            for (size_t next = at; next < end; next++) {
                size_t row = order[next];
                found[first + row] = (int32_t)find(keys[first + row], chunkHashes[row]);
            }
        }
    }
    printf("2^24 slots, %d regions, chunks of %zu: %.1f ns a lookup (%d)\n", regions, chunk, (now() - start) / lookups * 1e9, (int)(touched & 1));
    return 0;
}
