#!/usr/bin/env python3
"""Seeded power-law directed edge lists for the benchmarks.

Each list is a Chung-Lu graph (Chung & Lu 2002, "given expected degrees"): the source of every
edge is drawn with probability proportional to a power-law out-weight and the target, independently,
proportional to a power-law in-weight, with weights w_i = (i + i0)^(-1/(gamma - 1)) as in the
static model of Goh, Kahng & Kim (2001). Out-degrees follow gamma_out = 2.2 (a few sources are
reposted by very many accounts), in-degrees gamma_in = 2.6; the ranks are shuffled independently
so the biggest sources are not the biggest amplifiers. Self-loops are moved to the next node;
parallel edges are kept, as repeated reposts are in real logs.

Written as CSV `source,target,weight` with a header, string ids `u123`, and an integer weight
(repost count, 1 + geometric, mostly 1). Sampling uses numpy's PCG64 with a fixed seed per size,
so the same command writes byte-identical files on any machine.

    python3 Benchmarks/generate.py [--sizes small,medium,large] [--out Benchmarks/data]
"""

import argparse
import hashlib
import os
import sys

import numpy as np

# name: (edges, nodes, seed)
SIZES = {
    "small": (50_000, 5_000, 101),
    "medium": (1_000_000, 100_000, 102),
    "large": (10_000_000, 1_000_000, 103),
    # Betweenness ranking (Benchmarks/betweenness.sh): retweet-network scale, as the SNAP Higgs
    # retweet graph (256,491 accounts, 328,132 edges).
    "bc250k": (440_000, 312_000, 104),
    # Only for Benchmarks/scale.sh (about 2 GB of text): not among the default sizes.
    "huge": (100_000_000, 10_000_000, 105),
}
GAMMA_OUT = 2.2
GAMMA_IN = 2.6
CHUNK = 1_000_000


def power_law_weights(nodes, gamma, rng):
    """Chung-Lu expected-degree weights, normalised, assigned to nodes in a random order."""
    exponent = -1.0 / (gamma - 1.0)
    offset = 10.0  # i0: caps the largest hub near nodes^(1/(gamma-1)) * 10^exponent
    weights = (np.arange(nodes, dtype=np.float64) + offset) ** exponent
    weights /= weights.sum()
    return weights[rng.permutation(nodes)]


def sample(weights, count, rng):
    """`count` node indices drawn with probability `weights` (inverse transform on the CDF)."""
    cumulative = np.cumsum(weights)
    cumulative[-1] = 1.0
    return np.searchsorted(cumulative, rng.random(count), side="right").astype(np.int64)


def generate(name, path):
    edges, nodes, seed = SIZES[name]
    rng = np.random.Generator(np.random.PCG64(seed))
    sources = sample(power_law_weights(nodes, GAMMA_OUT, rng), edges, rng)
    targets = sample(power_law_weights(nodes, GAMMA_IN, rng), edges, rng)
    loops = sources == targets
    targets[loops] = (targets[loops] + 1) % nodes
    weights = rng.geometric(0.7, size=edges)
    names = np.array([f"u{index}" for index in range(nodes)], dtype=object)
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as out:
        out.write("source,target,weight\n")
        for start in range(0, edges, CHUNK):
            stop = min(start + CHUNK, edges)
            rows = map("{},{},{}\n".format, names[sources[start:stop]], names[targets[start:stop]], weights[start:stop].tolist())
            out.write("".join(rows))
    os.replace(temporary, path)  # an interrupted run leaves no half-written data file


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    parser.add_argument("--force", action="store_true", help="regenerate files that exist")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    for name in arguments.sizes.split(","):
        if name not in SIZES:
            sys.exit(f"unknown size {name!r}; expected one of {', '.join(SIZES)}")
        path = os.path.join(arguments.out, f"{name}.csv")
        if arguments.force or not os.path.exists(path):
            generate(name, path)
        digest = hashlib.sha256()
        with open(path, "rb") as data:
            for block in iter(lambda: data.read(1 << 22), b""):
                digest.update(block)
        print(f"{name}: {os.path.relpath(path)}, {os.path.getsize(path):,} bytes, sha256 {digest.hexdigest()[:16]}", file=sys.stderr)


if __name__ == "__main__":
    main()
