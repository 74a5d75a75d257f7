#!/usr/bin/env python3
"""A seeded SYNTHETIC Barabasi-Albert graph for the betweenness-ranking benchmark (issue #12).

Preferential attachment (Barabasi & Albert 1999) by Batagelj & Brandes' linear-time method
("Efficient generation of large random networks", Phys. Rev. E 71, 2005): nodes arrive one by one
from a clique of `m` nodes, and each new node links to `m` distinct earlier nodes, each drawn with
probability proportional to its degree (a uniform pick from the list of every edge end so far).
The degrees follow a power law with exponent 3. The graph is undirected, so each edge is written
in both directions (`a,b` and `b,a`): on such a list ReachGraph's directed betweenness, normalised
as NetworkX does, equals NetworkX's undirected betweenness of the graph.

Written as CSV `source,target` with a header and string ids `n123`, using Python's `random` with a
fixed seed, so the same command writes byte-identical files on any machine.

    python3 Benchmarks/generate_ba.py [--nodes 250000] [--m 2] [--seed 7] --out FILE
"""

import argparse
import os
import random


def edges(nodes, m, seed):
    """The BA edges as (new node, earlier node) pairs, in order of arrival."""
    rng = random.Random(seed)
    ends = []
    result = []
    for a in range(m):
        for b in range(a + 1, m):
            result.append((b, a))
            ends += (a, b)
    for new in range(m, nodes):
        chosen = set()
        while len(chosen) < m:
            chosen.add(ends[rng.randrange(len(ends))] if ends else rng.randrange(new))
        for old in sorted(chosen):
            result.append((new, old))
            ends += (new, old)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=250_000)
    parser.add_argument("--m", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    temporary = arguments.out + ".tmp"
    with open(temporary, "w") as file:
        file.write("source,target\n")
        for a, b in edges(arguments.nodes, arguments.m, arguments.seed):
            file.write(f"n{a},n{b}\nn{b},n{a}\n")
    os.replace(temporary, arguments.out)


if __name__ == "__main__":
    main()
