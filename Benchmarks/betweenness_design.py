#!/usr/bin/env python3
"""How much of exact betweenness's search cost any source-sampling design needs to settle the top 20.

For each graph: ReachGraph's exact top 40 (`rank --by betweenness`), then every contributing
search's exact contribution to those 40 nodes (Benchmarks/betweenness_sources.c, the searches of
the degree-one reduction that the default sampler draws). With every X_v(w) known, the sampling
error of each design is computed exactly (no simulation), for every pair (a in the exact top 20,
b ranked 21-40), and the smallest expected search cost, as a fraction of exact's, at which

  * "separated": every pair's true gap is at least 2 standard errors of the estimated difference;
  * "rule, tau 5%": every pair is separated or its gap plus 2 errors is within 5% of the larger
    score (what the default accepts as a tie, reported, which can leave the wrong node in).

Designs: uniform without replacement (the default sampler); Poisson sampling with probability
proportional to 1 + f (the pendant sources a search stands for), Horvitz-Thompson weights;
stratified: searches reaching under half the largest reach done exactly (cheap), the rest uniform;
oracle: for each pair on its own, Poisson with probability proportional to |X_v(a) - X_v(b)| /
sqrt(cost_v) (the variance-optimal design for that difference, unknowable before the searches),
without capping probabilities at 1: a lower bound for any design that samples searches.

    Benchmarks/.venv/bin/python Benchmarks/betweenness_design.py --reachgraph BIN GRAPH.csv...
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

TOP, TRACKED, Z, TAU = 20, 40, 2.0, 0.05


def exact_top(binary, graph, work):
    out = os.path.join(work, "exact.csv")
    subprocess.run([binary, "rank", graph, "--by", "betweenness", "--top", str(TRACKED), "--format", "csv", "-o", out], check=True)
    with open(out, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split(",") for line in handle][1:]
    return [row[1] for row in rows], np.array([float(row[2]) for row in rows])


def contributions(tool, graph, nodes, work):
    out = os.path.join(work, "sources.bin")
    subprocess.run([tool, graph, out] + nodes, check=True)
    record = np.dtype([("node", "<i4"), ("folded", "<i4"), ("reached", "<i4"), ("x", "<f8", (len(nodes) + 1,)), ("hops", "<i4", (len(nodes),))])
    data = np.fromfile(out, dtype=record)
    return data["x"][:, :-1], data["x"][:, -1], data["folded"].astype(float), data["reached"].astype(float), data["hops"]


def cost_needed(variance_at, gaps, larger, tie):
    """Smallest cost fraction in (0, 1] at which every pair passes; 1.0 means only exact does."""
    def passes(c):
        errors = np.sqrt(np.maximum(variance_at(c), 0))
        ok = gaps >= Z * errors
        if tie:
            ok |= np.abs(gaps) + Z * errors <= TAU * larger
        return bool(ok.all())
    if not passes(0.999):
        return 1.0
    low, high = 1e-4, 0.999
    if passes(low):
        return low
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (low, middle) if passes(middle) else (middle, high)
    return high


def poisson(size, cost, exact_mask=None):
    """Returns pi(c): inclusion probabilities proportional to `size`, scaled to expected cost c·total."""
    total = cost.sum()
    exact_mask = np.zeros(len(size), bool) if exact_mask is None else exact_mask
    fixed = cost[exact_mask].sum()
    def pi(c):
        budget = c * total - fixed
        result = np.ones(len(size))
        if budget <= 0:
            result[~exact_mask] = 0
            return result
        low, high = 0.0, 1.0
        while (np.minimum(1, high * size[~exact_mask]) * cost[~exact_mask]).sum() < budget and high < 1e300:
            high *= 2
        for _ in range(80):
            middle = (low + high) / 2
            if (np.minimum(1, middle * size[~exact_mask]) * cost[~exact_mask]).sum() < budget:
                low = middle
            else:
                high = middle
        result[~exact_mask] = np.minimum(1, high * size[~exact_mask])
        return result
    return pi


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reachgraph", required=True)
    parser.add_argument("graphs", nargs="+")
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="betweenness-design-")
    tool = os.path.join(work, "sources")
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run(["cc", "-O2", "-o", tool, os.path.join(here, "betweenness_sources.c")], check=True)
    notes = []
    print("| graph | contributing searches | of them reaching ≥ half the largest reach | their share of the search cost | closest pair at the cut (exact) | design | cost to separate every pair at 2 errors | cost until the τ = 5% rule holds |")
    print("|---|---|---|---|---|---|---|---|")
    for graph in arguments.graphs:
        names, scores = exact_top(arguments.reachgraph, graph, work)
        X, cost, folded, reached, hops = contributions(tool, graph, names, work)
        total = X.sum(0)
        inside, outside = np.arange(TOP), np.arange(TOP, len(names))
        a = np.repeat(inside, len(outside))
        b = np.tile(outside, len(inside))
        D = X[:, a] - X[:, b]
        gaps = total[a] - total[b]
        larger = np.maximum(total[a], total[b])
        worst = int(np.argmin(gaps / larger))
        closest = f"ranks {a[worst] + 1}/{b[worst] + 1}, {gaps[worst] / larger[worst]:.2%} apart"
        N = len(X)
        heavy = reached >= reached.max() / 2
        label = os.path.basename(graph)
        summary = f"| {label} | {N:,} | {heavy.sum():,} | {cost[heavy].sum() / cost.sum():.2%} | {closest} |"

        def uniform(c, D=D, N=N):
            q = min(max(c, 1 / N), 1.0)
            return N * (1 - q) / q * D.var(axis=0, ddof=1)

        def with_pi(pi_of):
            def variance(c):
                pi = pi_of(c)
                inverse = np.where(pi > 0, (1 - pi) / np.where(pi > 0, pi, 1), np.inf)
                return (inverse[:, None] * D * D).sum(axis=0)
            return variance

        def stratified(c, D=D, heavy=heavy, cost=cost):
            light_cost = cost[~heavy].sum() / cost.sum()
            q = min(max((c - light_cost) / (1 - light_cost), 1 / heavy.sum()), 1.0)
            Dh = D[heavy]
            return heavy.sum() * (1 - q) / q * Dh.var(axis=0, ddof=1)

        designs = [
            ("uniform (the default sampler)", uniform),
            ("Poisson ∝ 1 + f, Horvitz–Thompson", with_pi(poisson(1 + folded, cost))),
            ("stratified by reach", stratified),
        ]
        for name, variance in designs:
            separated = cost_needed(variance, gaps, larger, tie=False)
            rule = cost_needed(variance, gaps, larger, tie=True)
            print(f"{summary} {name} | {separated:.1%} | {rule:.1%} |", flush=True)
            summary = "| | | | | |"
        # Poisson with pi = lambda·|d_v|/sqrt(cost_v) without the cap pi <= 1 (a relaxation, so
        # a lower bound): expected cost lambda·S, S = sum |d_v| sqrt(cost_v), variance
        # S²/(c·C) − sum d_v²; the pair needs variance <= (gap/Z)².
        spread = (np.abs(D) * np.sqrt(cost)[:, None]).sum(axis=0)
        needed = spread ** 2 / (cost.sum() * ((gaps / Z) ** 2 + (D * D).sum(axis=0)))
        oracle = min(1.0, float(needed.max())) if (gaps > 0).all() else 1.0
        print(f"{summary} oracle per pair (lower bound) | {oracle:.1%} | – |", flush=True)
        near = np.where(hops < 0, 1 << 30, hops)[:, [a[worst], b[worst]]].min(axis=1)
        squares = D[:, worst] ** 2
        shares = ", ".join(f"≤ {h}: {squares[near <= h].sum() / squares.sum():.1%}" for h in (1, 3, 7))
        notes.append(f"{label}: share of the squared differences of ranks {a[worst] + 1}/{b[worst] + 1} from searches within h hops of either node: {shares}")
    print()
    for note in notes:
        print(note)


if __name__ == "__main__":
    sys.exit(main())
