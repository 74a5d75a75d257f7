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
    return np.searchsorted(cumulative, rng.random(count), side="right").astype(np.int32)


def decimal_digits(values, width):
    """ASCII digits of non-negative integers, left-aligned in a (len(values), width) uint8 matrix,
    with the number of digits of each value."""
    counts = np.ones(len(values), dtype=np.int64)
    for power in range(1, width):
        counts += values >= 10**power
    places = counts[:, None] - 1 - np.arange(width)[None, :]
    digits = (values[:, None] // 10 ** np.maximum(places, 0)) % 10 + ord("0")
    return digits.astype(np.uint8), counts


def format_rows(sources, targets, weights, nodes):
    """The bytes of the rows `u{source},u{target},{weight}\n`, built with array operations: each
    field is laid out in a fixed-width block, and a mask keeps the bytes that belong to it, in order.
    The same bytes as `"u{},u{},{}\n".format` row by row, about 20 times faster."""
    count = len(sources)
    node_width = len(str(max(nodes - 1, 0)))
    weight_width = len(str(int(weights.max()))) if count else 1
    blocks, masks = [], []

    def constant(text):
        blocks.append(np.frombuffer(text.encode("ascii"), dtype=np.uint8)[None, :].repeat(count, axis=0))
        masks.append(np.ones((count, len(text)), dtype=bool))

    def number(values, width):
        digits, lengths = decimal_digits(values, width)
        blocks.append(digits)
        masks.append(np.arange(width)[None, :] < lengths[:, None])

    constant("u")
    number(sources, node_width)
    constant(",u")
    number(targets, node_width)
    constant(",")
    number(weights, weight_width)
    constant("\n")
    return np.concatenate(blocks, axis=1)[np.concatenate(masks, axis=1)].tobytes()


def generate(name, path):
    edges, nodes, seed = SIZES[name]
    rng = np.random.Generator(np.random.PCG64(seed))
    sources = sample(power_law_weights(nodes, GAMMA_OUT, rng), edges, rng)
    targets = sample(power_law_weights(nodes, GAMMA_IN, rng), edges, rng)
    loops = sources == targets
    targets[loops] = (targets[loops] + 1) % nodes
    weights = rng.geometric(0.7, size=edges)
    temporary = path + ".tmp"
    with open(temporary, "wb") as out:
        out.write(b"source,target,weight\n")
        for start in range(0, edges, CHUNK):
            stop = min(start + CHUNK, edges)
            out.write(format_rows(sources[start:stop], targets[start:stop], weights[start:stop], nodes))
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
