"""Writes structure.json: components, reciprocity and density by NetworkX on the fixture graphs.

Run from this folder: python3 make_structure.py (NetworkX 3.x).
"""
import json

import networkx as nx

from graphs import GRAPHS, graph_record, networkx_graph


def canonical(components, n):
    labels = [-1] * n
    ordered = sorted((sorted(c) for c in components), key=lambda c: c[0])
    for index, members in enumerate(ordered):
        for node in members:
            labels[node] = index
    return labels


cases = []
for name in GRAPHS:
    g = networkx_graph(name)
    n = g.number_of_nodes()
    cases.append({
        "name": name,
        "graph": graph_record(name),
        "weak": canonical(nx.weakly_connected_components(g), n),
        "strong": canonical(nx.strongly_connected_components(g), n),
        "reciprocity": nx.overall_reciprocity(g),
        "density": nx.density(g),
        "networkx": nx.__version__,
    })
with open("structure.json", "w") as out:
    json.dump(cases, out)
