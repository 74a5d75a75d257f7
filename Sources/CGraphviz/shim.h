#ifndef REACHGRAPH_CGRAPHVIZ_SHIM_H
#define REACHGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

/* Swift 6 rejects reading mutable C globals, so the graph descriptors come through functions. */
static inline Agdesc_t reachgraph_directed_descriptor(void) { return Agdirected; }
static inline Agdesc_t reachgraph_undirected_descriptor(void) { return Agundirected; }

/* Object ids numbered in creation order, for every graph cgraph opens in this process.

   cgraph's default id discipline (AgIdDisc) makes a named object's id the address of its
   interned name and keeps subgraphs ordered by id; `dot` and `fdp` lay clusters out in that
   order, and fdp opens derived graphs of its own with the default discipline. So the same DOT
   text gave different cluster positions from run to run, as heap addresses varied. This
   discipline gives the k-th distinct name of a graph the id 2k and anonymous objects odd ids
   from a counter (as the default does), and prints names back from its own table: the same
   text, the same ids, the same layout. Installed once into AgIdDisc (and so AgDefaultDisc),
   inside the process-wide Graphviz lock. */
typedef struct {
    IDTYPE anonymous;   /* next odd id */
    size_t count;       /* names so far; name k (0-based) has id 2(k + 1) */
    size_t capacity;
    char **names;
    size_t *slots;      /* open addressing: 1 + index into names, 0 empty */
    size_t slotCount;   /* a power of two, at least twice count */
} reachgraph_ids;

static void *reachgraph_ids_open(Agraph_t *graph, Agdisc_t *discipline) {
    (void) graph; (void) discipline;
    reachgraph_ids *ids = (reachgraph_ids *) calloc(1, sizeof(reachgraph_ids));
    if (ids) ids->anonymous = 1;
    return ids;
}

static size_t reachgraph_ids_hash(const char *name) {
    size_t hash = 1469598103934665603ULL;
    for (const unsigned char *c = (const unsigned char *) name; *c; c++) hash = (hash ^ *c) * 1099511628211ULL;
    return hash;
}

static int reachgraph_ids_grow(reachgraph_ids *ids) {
    if (ids->count == ids->capacity) {
        size_t capacity = ids->capacity ? 2 * ids->capacity : 64;
        char **names = (char **) realloc(ids->names, capacity * sizeof(char *));
        if (!names) return 0;
        ids->names = names;
        ids->capacity = capacity;
    }
    if (2 * (ids->count + 1) > ids->slotCount) {
        size_t slotCount = ids->slotCount ? 2 * ids->slotCount : 128;
        size_t *slots = (size_t *) calloc(slotCount, sizeof(size_t));
        if (!slots) return 0;
        for (size_t k = 0; k < ids->count; k++) {
            size_t slot = reachgraph_ids_hash(ids->names[k]) & (slotCount - 1);
            while (slots[slot]) slot = (slot + 1) & (slotCount - 1);
            slots[slot] = k + 1;
        }
        free(ids->slots);
        ids->slots = slots;
        ids->slotCount = slotCount;
    }
    return 1;
}

static long reachgraph_ids_map(void *state, int objtype, char *name, IDTYPE *id, int create) {
    (void) objtype;
    reachgraph_ids *ids = (reachgraph_ids *) state;
    if (!name) {
        *id = ids->anonymous;
        ids->anonymous += 2;
        return 1;
    }
    if (ids->slotCount) {
        size_t slot = reachgraph_ids_hash(name) & (ids->slotCount - 1);
        while (ids->slots[slot]) {
            size_t k = ids->slots[slot] - 1;
            if (strcmp(ids->names[k], name) == 0) {
                *id = 2 * (IDTYPE) (k + 1);
                return 1;
            }
            slot = (slot + 1) & (ids->slotCount - 1);
        }
    }
    if (!create || !reachgraph_ids_grow(ids)) return 0;
    char *copy = strdup(name);
    if (!copy) return 0;
    size_t slot = reachgraph_ids_hash(name) & (ids->slotCount - 1);
    while (ids->slots[slot]) slot = (slot + 1) & (ids->slotCount - 1);
    ids->names[ids->count] = copy;
    ids->slots[slot] = ++ids->count;
    *id = 2 * (IDTYPE) ids->count;
    return 1;
}

static long reachgraph_ids_alloc(void *state, int objtype, IDTYPE request) {
    (void) state; (void) objtype; (void) request;
    return 0;
}

static void reachgraph_ids_free(void *state, int objtype, IDTYPE id) {
    (void) state; (void) objtype; (void) id;
}

static char *reachgraph_ids_print(void *state, int objtype, IDTYPE id) {
    (void) objtype;
    reachgraph_ids *ids = (reachgraph_ids *) state;
    if (id == 0 || id % 2 != 0 || id / 2 > ids->count) return 0;
    return ids->names[id / 2 - 1];
}

static void reachgraph_ids_close(void *state) {
    reachgraph_ids *ids = (reachgraph_ids *) state;
    if (!ids) return;
    for (size_t k = 0; k < ids->count; k++) free(ids->names[k]);
    free(ids->names);
    free(ids->slots);
    free(ids);
}

static void reachgraph_ids_register(void *state, int objtype, void *object) {
    (void) state; (void) objtype; (void) object;
}

/* Graphviz draws random numbers from libc's drand48 and rand streams; fdp does not reseed
   them per layout, so the same graph laid out twice in one process came out differently.
   Reseeded before every layout: a layout then depends on its DOT text alone. */
static inline void reachgraph_reseed_layout_randomness(void) {
    srand48(1);
    srand(1);
}

/* Hands the heap's free pages back to the system (glibc's malloc_trim; nothing elsewhere). The
   briefing calls it between sections: glibc keeps freed memory for reuse, so one analysis's
   freed arrays stayed in the process while the next allocated its own. Swift's Glibc module does
   not export malloc.h. */
#if defined(__GLIBC__)
#include <malloc.h>
#endif
static inline void reachgraph_return_freed_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

static inline void reachgraph_number_ids_in_creation_order(void) {
    if (AgIdDisc.map == reachgraph_ids_map) return;
    AgIdDisc.open = reachgraph_ids_open;
    AgIdDisc.map = reachgraph_ids_map;
    AgIdDisc.alloc = reachgraph_ids_alloc;
    AgIdDisc.free = reachgraph_ids_free;
    AgIdDisc.print = reachgraph_ids_print;
    AgIdDisc.close = reachgraph_ids_close;
    AgIdDisc.idregister = reachgraph_ids_register;
}
#endif
