#ifndef REACHGRAPH_CGRAPHVIZ_SHIM_H
#define REACHGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Swift 6 rejects reading mutable C globals, so the graph descriptors come through functions. */
static inline Agdesc_t reachgraph_directed_descriptor(void) { return Agdirected; }
static inline Agdesc_t reachgraph_undirected_descriptor(void) { return Agundirected; }
#endif
