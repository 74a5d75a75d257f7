"""Writes krackhardt.json: Krackhardt's four measures, Freeman centralizations and core-periphery
correlations on the fixture graphs, computed independently by brute force on NetworkX primitives.

- connectedness: share of unordered pairs in one weak component (sna's connectedness);
- hierarchy: 1 - mutual / (mutual + one-way) over unordered pairs of the reflexive transitive
  closure (sna's hierarchy, measure = "krackhardt");
- efficiency: 1 - (m - sum(s - 1)) / sum(s (s - 1) - (s - 1)) over weak components, m the directed
  edges without self-loops (sna's efficiency);
- LUBness: per weak component of 3+, pairs whose common ancestors (reflexive) include one that
  every other common ancestor reaches; 1 - violations / sum((s - 1)(s - 2) / 2) (Krackhardt 1994);
- degree centralization: out-degree without loops, igraph's maximum (n - 1)^2;
- betweenness centralization: NetworkX raw betweenness (directed; and on the undirected graph),
  igraph's maxima (n - 1)^2 (n - 2) and half of it;
- core-periphery: the correlation of every partition of graphs up to 12 nodes (pattern: ties
  touching the core present, periphery empty), the best of them, and the correlation of the
  partition core = the highest out-degree node.

Run from this folder: python3 make_krackhardt.py (NetworkX 3.x).
"""
import itertools
import json
import math

import networkx as nx

from graphs import GRAPHS, graph_record, networkx_graph

EXTRA = {
    "out_star_6": (6, [(0, v, 1.0) for v in range(1, 6)]),
    "out_tree_10": (10, [(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (1, 4, 2.0), (1, 5, 1.0), (2, 6, 1.0),
                         (3, 7, 1.0), (3, 8, 1.0), (8, 9, 1.0)]),
    "two_bosses_5": (5, [(0, 2, 1.0), (1, 2, 1.0), (0, 3, 1.0), (1, 3, 1.0), (2, 4, 1.0)]),
    "cycle_and_tail_7": (7, [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0), (3, 4, 1.0), (5, 6, 1.0),
                             (6, 5, 1.0), (4, 4, 1.0)]),
}


def build(n, edges):
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(edges)
    return g


def krackhardt(g):
    n = g.number_of_nodes()
    comps = [len(c) for c in nx.weakly_connected_components(g)]
    connectedness = sum(s * (s - 1) for s in comps) / (n * (n - 1)) if n > 1 else None
    closure = nx.transitive_closure(g, reflexive=True)
    reach = lambda a, b: closure.has_edge(a, b)
    mutual = one_way = 0
    for i, j in itertools.combinations(range(n), 2):
        f, b = reach(i, j), reach(j, i)
        if f and b:
            mutual += 1
        elif f or b:
            one_way += 1
    hierarchy = 1 - mutual / (mutual + one_way) if mutual + one_way else None
    m = sum(1 for u, v in g.edges if u != v)
    required = sum(s - 1 for s in comps)
    max_excess = sum(s * (s - 1) - (s - 1) for s in comps)
    efficiency = 1 - (m - required) / max_excess if max_excess else None
    violations = 0
    maximum = 0
    for comp in nx.weakly_connected_components(g):
        comp = sorted(comp)
        if len(comp) <= 2:
            continue
        maximum += (len(comp) - 1) * (len(comp) - 2) / 2
        for i, j in itertools.combinations(comp, 2):
            bounds = [k for k in comp if reach(k, i) and reach(k, j)]
            if not any(all(reach(b, least) for b in bounds) for least in bounds):
                violations += 1
    lub = 1 - violations / maximum if maximum else None
    return connectedness, hierarchy, efficiency, lub


def centralization(scores, tmax):
    if tmax <= 0:
        return None
    top = max(scores)
    return sum(top - s for s in scores) / tmax


def core_periphery(g, core):
    n = g.number_of_nodes()
    xs, ys = [], []
    for i in range(n):
        for j in range(n):
            if i != j:
                xs.append(1.0 if g.has_edge(i, j) else 0.0)
                ys.append(1.0 if core[i] or core[j] else 0.0)
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


cases = []
names = list(GRAPHS) + list(EXTRA)
for name in names:
    if name in GRAPHS:
        g, record = networkx_graph(name), graph_record(name)
    else:
        n, edges = EXTRA[name]
        g, record = build(n, edges), {"nodes": n, "edges": [[u, v, w] for u, v, w in edges]}
    n = g.number_of_nodes()
    connectedness, hierarchy, efficiency, lub = krackhardt(g)
    out_degrees = [sum(1 for v in g.successors(u) if v != u) for u in range(n)]
    directed_b = nx.betweenness_centrality(g, normalized=False)
    undirected_b = nx.betweenness_centrality(g.to_undirected(), normalized=False)
    case = {
        "name": name, "graph": record,
        "connectedness": connectedness, "hierarchy": hierarchy, "efficiency": efficiency, "lub": lub,
        "degree_centralization_out": centralization(out_degrees, (n - 1) ** 2),
        "betweenness_centralization_directed": centralization([directed_b[u] for u in range(n)], (n - 1) ** 2 * (n - 2)),
        "betweenness_centralization_undirected": centralization([undirected_b[u] for u in range(n)], (n - 1) ** 2 * (n - 2) / 2),
    }
    hub = max(range(n), key=lambda u: (out_degrees[u], -u))
    case["core_periphery_hub_core"] = core_periphery(g, [u == hub for u in range(n)])
    if n <= 12:
        best = None
        for bits in range(1, 2 ** n - 1):
            value = core_periphery(g, [(bits >> u) & 1 == 1 for u in range(n)])
            if value is not None and (best is None or value > best):
                best = value
        case["core_periphery_best"] = best
    cases.append(case)
    print(name, connectedness, hierarchy, efficiency, lub, case.get("core_periphery_best"))

with open("krackhardt.json", "w", encoding="utf-8") as handle:
    json.dump(cases, handle, indent=1)
    handle.write("\n")
