"""Writes communities.json: NetworkX's modularity of given partitions, and the modularity NetworkX's
Louvain reaches over ten seeds, on small undirected weighted graphs.

Each graph is listed with every undirected edge once ([u, v, w], self-loops as [u, u, w]); the
Swift test stores it symmetrically (both directions, a self-loop once). Partitions: singletons,
everything in one community, a hand-made split, connected components, and NetworkX's Louvain
result at seed 0; each at resolutions 1 and 0.5.

Run from this folder: python3 make_communities.py (NetworkX 3.x).
"""
import json
import random

import networkx as nx


def weighted_random(n, m, seed):
    rng = random.Random(seed)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    while g.number_of_edges() < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            g.add_edge(u, v, weight=float(rng.randint(1, 5)))
    return g


def two_cliques():
    g = nx.Graph()
    for block in (range(0, 5), range(5, 10)):
        for u in block:
            for v in block:
                if u < v:
                    g.add_edge(u, v, weight=2.0)
    g.add_edge(4, 5, weight=1.0)
    return g


def with_loops():
    g = nx.Graph()
    g.add_nodes_from(range(9))
    g.add_weighted_edges_from([(0, 1, 3.0), (1, 2, 1.0), (2, 0, 2.0), (0, 0, 4.0), (3, 4, 1.0), (4, 5, 2.5),
                               (5, 3, 1.0), (5, 5, 1.5), (2, 3, 0.5), (6, 7, 1.0), (8, 8, 2.0)])
    return g


def karate():
    g = nx.karate_club_graph()  # weighted by interaction counts in NetworkX 3
    return nx.convert_node_labels_to_integers(g)


def les_miserables():
    return nx.convert_node_labels_to_integers(nx.les_miserables_graph(), ordering="sorted")


GRAPHS = {
    "two_cliques": two_cliques(),
    "with_loops": with_loops(),
    "karate": karate(),
    "les_miserables": les_miserables(),
    "random_weighted_80": weighted_random(80, 240, seed=5),
}


def labels_of(communities, n):
    labels = [0] * n
    for index, members in enumerate(communities):
        for node in members:
            labels[node] = index
    return labels


cases = []
for name, g in GRAPHS.items():
    n = g.number_of_nodes()
    edges = [[u, v, float(d.get("weight", 1.0))] for u, v, d in g.edges(data=True)]
    louvain0 = nx.community.louvain_communities(g, weight="weight", seed=0)
    partitions = {
        "singletons": [[u] for u in g],
        "one": [list(g)],
        "halves": [list(range(n // 2)), list(range(n // 2, n))],
        "components": [sorted(c) for c in nx.connected_components(g)],
        "louvain_seed_0": [sorted(c) for c in louvain0],
    }
    scored = []
    for pname, communities in partitions.items():
        for resolution in (1.0, 0.5):
            scored.append({
                "name": pname, "resolution": resolution, "labels": labels_of(communities, n),
                "modularity": nx.community.modularity(g, communities, weight="weight", resolution=resolution),
            })
    runs = [nx.community.modularity(g, nx.community.louvain_communities(g, weight="weight", seed=s), weight="weight")
            for s in range(10)]
    cases.append({
        "name": name, "nodes": n, "edges": edges, "partitions": scored,
        "louvain_modularity": {"best": max(runs), "mean": sum(runs) / len(runs), "worst": min(runs)},
    })
    print(name, n, len(edges), min(runs), max(runs))

with open("communities.json", "w", encoding="utf-8") as handle:
    json.dump(cases, handle, indent=1)
    handle.write("\n")
