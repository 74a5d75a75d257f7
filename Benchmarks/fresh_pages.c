// What first touching memory costs on this machine kind (docs/scaling.md, "Fresh pages"): maps
// GIB GiB three times in a row, with or without MADV_HUGEPAGE, writes every byte (memset) and
// prints the CPU seconds per GiB of that first write; with SLEEP seconds between rounds, memory
// freed by the last round has time to go back to the host before the next round takes it.
//
//     cc -O2 Benchmarks/fresh_pages.c -o /tmp/fresh_pages
//     /tmp/fresh_pages 3 1 0 && /tmp/fresh_pages 3 1 4 && /tmp/fresh_pages 3 0 4   # GIB HUGE SLEEP
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: fresh_pages GIB HUGE(0|1) SLEEP_SECONDS\n");
        return 2;
    }
    size_t gib = (size_t)atoi(argv[1]), bytes = gib << 30;
    int huge = atoi(argv[2]), pause = atoi(argv[3]);
    for (int round = 0; round < 3; round++) {
        char *memory = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED) return 1;
        if (huge) madvise(memory, bytes, MADV_HUGEPAGE);
        double start = cpu_seconds();
        memset(memory, 1, bytes);
        double first = cpu_seconds() - start;
        start = cpu_seconds();
        memset(memory, 2, bytes);
        double again = cpu_seconds() - start;
        printf("huge pages %d, pause %d s: first write %.3f s/GiB, second write %.3f s/GiB\n", huge, pause, first / gib, again / gib);
        munmap(memory, bytes);
        sleep(pause);
    }
    return 0;
}
