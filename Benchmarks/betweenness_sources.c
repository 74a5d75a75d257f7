/*
 * Per-search betweenness contributions for a few nodes: the data behind "why source sampling
 * cannot settle the top 20" in BENCHMARKS.md (Betweenness ranking). Measurement tool only.
 *
 *     cc -O2 -o sources Benchmarks/betweenness_sources.c
 *     sources GRAPH.csv OUT.bin NODE...
 *
 * GRAPH.csv is `source,target,...` with a header (repeated rows merged, self-loops dropped, as
 * ReachGraph reads it). The searches are those of ReachGraph's exact betweenness with hops after
 * the degree-one reduction (BetweennessReduction.swift): pendant sinks removed and counted on
 * their in-neighbour, pendant sources folded into their out-neighbour's search. For every
 * *contributing* search (as BetweennessSearches.contributing) one record is written:
 * int32 node, int32 folded sources f, int32 nodes reached R (pendant sinks included),
 * float64 X_v(w) for each NODE (the search's whole contribution, `(1 + f)·δ_v(w)`, plus
 * `f·(R − 1)` when w = v), float64 cost (nodes reached + edges scanned, as
 * BetweennessSearches.visits), int32 hop distance from v to each NODE (-1: unreached).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t capacity = 1u << 21;
static char **keys;
static int32_t *values;
static int32_t count;

static uint64_t hash(const char *text) {
    uint64_t value = 1469598103934665603ull;
    while (*text) { value ^= (unsigned char)*text++; value *= 1099511628211ull; }
    return value;
}

static int32_t intern(const char *name, int insert) {
    size_t slot = hash(name) & (capacity - 1);
    while (keys[slot]) {
        if (!strcmp(keys[slot], name)) return values[slot];
        slot = (slot + 1) & (capacity - 1);
    }
    if (!insert) return -1;
    keys[slot] = strdup(name);
    values[slot] = count;
    return count++;
}

static int compare(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s GRAPH.csv OUT.bin NODE...\n", argv[0]); return 2; }
    keys = calloc(capacity, sizeof *keys);
    values = calloc(capacity, sizeof *values);
    FILE *input = fopen(argv[1], "r");
    if (!input) { perror(argv[1]); return 1; }
    char line[4096];
    if (!fgets(line, sizeof line, input)) return 1;
    size_t edgeCount = 0, edgeCapacity = 1u << 20;
    int64_t *edges = malloc(edgeCapacity * sizeof *edges);
    while (fgets(line, sizeof line, input)) {
        char *comma = strchr(line, ',');
        if (!comma) continue;
        *comma = 0;
        char *end = strpbrk(comma + 1, ",\r\n");
        if (end) *end = 0;
        int32_t a = intern(line, 1), b = intern(comma + 1, 1);
        if (a == b) continue;
        if (edgeCount == edgeCapacity) edges = realloc(edges, (edgeCapacity *= 2) * sizeof *edges);
        edges[edgeCount++] = ((int64_t)a << 32) | b;
    }
    qsort(edges, edgeCount, sizeof *edges, compare);
    size_t m = 0;
    for (size_t i = 0; i < edgeCount; i++) if (i == 0 || edges[i] != edges[i - 1]) edges[m++] = edges[i];
    int32_t n = count;
    int32_t *inDegree = calloc(n, 4), *outDegree = calloc(n, 4), *fullOffsets = calloc(n + 1, 4), *fullTargets = malloc(4 * m);
    for (size_t i = 0; i < m; i++) { outDegree[edges[i] >> 32]++; inDegree[edges[i] & 0xffffffff]++; }
    for (int32_t v = 0; v < n; v++) fullOffsets[v + 1] = fullOffsets[v] + outDegree[v];
    for (size_t i = 0; i < m; i++) fullTargets[i] = (int32_t)(edges[i] & 0xffffffff);
    char *isSink = calloc(n, 1);
    double *pendantSinks = calloc(n, sizeof(double));
    for (size_t i = 0; i < m; i++) {
        int32_t a = (int32_t)(edges[i] >> 32), b = (int32_t)(edges[i] & 0xffffffff);
        if (outDegree[b] == 0 && inDegree[b] == 1) { isSink[b] = 1; pendantSinks[a] += 1; }
    }
    int32_t *offsets = calloc(n + 1, 4), *targets = malloc(4 * m);
    int32_t k = 0;
    for (int32_t v = 0; v < n; v++) {
        offsets[v] = k;
        for (int32_t e = fullOffsets[v]; e < fullOffsets[v + 1]; e++) if (!isSink[fullTargets[e]]) targets[k++] = fullTargets[e];
    }
    offsets[n] = k;
    int32_t *folded = calloc(n, 4);
    char *isFolded = calloc(n, 1);
    for (int32_t v = 0; v < n; v++)
        if (inDegree[v] == 0 && offsets[v + 1] - offsets[v] == 1) { isFolded[v] = 1; folded[targets[offsets[v]]]++; }
    int tracked = argc - 3;
    int32_t *nodes = malloc(4 * tracked), *slot = malloc(4 * n);
    for (int32_t v = 0; v < n; v++) slot[v] = -1;
    for (int i = 0; i < tracked; i++) {
        nodes[i] = intern(argv[i + 3], 0);
        if (nodes[i] < 0) { fprintf(stderr, "%s: no node %s\n", argv[1], argv[i + 3]); return 1; }
        slot[nodes[i]] = i;
    }
    FILE *output = fopen(argv[2], "wb");
    int32_t *distance = malloc(4 * n), *queue = malloc(4 * n), *hops = malloc(4 * tracked);
    double *paths = malloc(sizeof(double) * n), *coefficient = malloc(sizeof(double) * n), *row = malloc(sizeof(double) * (tracked + 1));
    for (int32_t v = 0; v < n; v++) distance[v] = -1;
    long written = 0;
    for (int32_t source = 0; source < n; source++) {
        if (isFolded[source] || !(offsets[source + 1] > offsets[source] || folded[source] > 0)) continue;
        /* BetweennessSearches.contributing: a path of two hops to a third node in the graph as
           read, or folded sources and anything reached. */
        int contributes = 0;
        for (int32_t e = fullOffsets[source]; e < fullOffsets[source + 1] && !contributes; e++) {
            int32_t middle = fullTargets[e];
            for (int32_t f = fullOffsets[middle]; f < fullOffsets[middle + 1]; f++)
                if (fullTargets[f] != source && fullTargets[f] != middle) { contributes = 1; break; }
        }
        if (!contributes && !(folded[source] > 0 && (offsets[source + 1] > offsets[source] || pendantSinks[source] > 0))) continue;
        int32_t head = 0, tail = 0;
        double cost = 0;
        queue[tail++] = source; distance[source] = 0; paths[source] = 1;
        while (head < tail) {
            int32_t v = queue[head++];
            cost += 1 + offsets[v + 1] - offsets[v];
            for (int32_t e = offsets[v]; e < offsets[v + 1]; e++) {
                int32_t w = targets[e];
                if (distance[w] < 0) { distance[w] = distance[v] + 1; paths[w] = 0; queue[tail++] = w; }
                if (distance[w] == distance[v] + 1) paths[w] += paths[v];
            }
        }
        double multiplicity = 1 + folded[source], reached = 0;
        for (int i = 0; i < tracked; i++) { row[i] = 0; hops[i] = distance[nodes[i]]; }
        for (int32_t i = tail - 1; i >= 0; i--) {
            int32_t v = queue[i];
            double sum = 0;
            for (int32_t e = offsets[v]; e < offsets[v + 1]; e++) if (distance[targets[e]] == distance[v] + 1) sum += coefficient[targets[e]];
            double dependency = pendantSinks[v] + paths[v] * sum;
            coefficient[v] = (1 + dependency) / paths[v];
            reached += 1 + pendantSinks[v];
            if (v != source && slot[v] >= 0) row[slot[v]] = multiplicity * dependency;
        }
        if (folded[source] > 0 && slot[source] >= 0) row[slot[source]] += folded[source] * (reached - 1);
        row[tracked] = cost;
        int32_t header[3] = {source, folded[source], (int32_t)reached};
        fwrite(header, 4, 3, output);
        fwrite(row, sizeof(double), tracked + 1, output);
        fwrite(hops, 4, tracked, output);
        for (int32_t i = 0; i < tail; i++) distance[queue[i]] = -1;
        written++;
    }
    fclose(output);
    fprintf(stderr, "%s: %d nodes, %zu edges, %ld contributing searches\n", argv[1], n, m, written);
    return 0;
}
