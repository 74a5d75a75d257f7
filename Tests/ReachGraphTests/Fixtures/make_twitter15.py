"""Writes twitter15_expected.json: size, depth and structural virality of each Twitter15 tree in
../shared/datasets/twitter15 (the project's conformance data, not bundled), computed
independently with NetworkX under the rule the data set's README states: drop duplicate lines,
keep the first parent in file order, one node per user id; lines whose parent has not appeared
yet are attached once it has. The ROOT line names the source wherever it stands in the file.

Structural virality is NetworkX's average_shortest_path_length on the undirected tree.
Run from this folder: python3 make_twitter15.py [path/to/twitter15/tree]
"""
import ast
import json
import os
import sys

import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../shared/datasets/twitter15/tree")


def build(path):
    lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
    seen, parent_of, order, pending = set(), {}, [], []
    root_line = next(l for l in lines if l.startswith("['ROOT'"))
    root = ast.literal_eval(root_line.split("->")[1])[0]
    parent_of[root] = None
    order.append(root)
    seen.add(root_line)

    def attach(p, c):
        if p not in parent_of:
            return False
        if c not in parent_of:
            parent_of[c] = p
            order.append(c)
        return True

    for line in lines:
        if line in seen:
            continue
        seen.add(line)
        left, right = line.split("->")
        p, c = ast.literal_eval(left)[0], ast.literal_eval(right)[0]
        if p == c or p == "ROOT":
            continue
        if not attach(p, c):
            pending.append((p, c))
    progress = True
    while progress and pending:
        progress = False
        rest = []
        for p, c in pending:
            if attach(p, c):
                progress = True
            else:
                rest.append((p, c))
        pending = rest
    g = nx.Graph()
    g.add_node(root)
    for c in order[1:]:
        g.add_edge(parent_of[c], c)
    depth = max(nx.single_source_shortest_path_length(g, root).values())
    sv = nx.average_shortest_path_length(g) if g.number_of_nodes() > 1 else 0.0
    return {"size": g.number_of_nodes(), "depth": depth, "structural_virality": sv}


result = {name[:-4]: build(os.path.join(folder, name)) for name in sorted(os.listdir(folder)) if name.endswith(".txt")}
with open(os.path.join(here, "twitter15_expected.json"), "w") as out:
    json.dump(result, out, indent=0, sort_keys=True)
print(len(result), "trees")
