"""Writes coortweet_expected.json: what CooRTweet's detect_groups + generate_coordinated_network
compute on ../shared/datasets/coortweet-russian_coord_tweets.csv (the project's conformance data,
not bundled), re-implemented independently in plain Python (no pandas) from the package's
documented semantics:

1. drop accounts with fewer than min_participation input rows;
2. per object_id, every pair of rows (i < j in input order) with |t_i - t_j| <= time_window,
   same-account pairs included;
3. with remove_loops: drop pairs whose content ids are equal, whose accounts are equal, or whose
   object_id equals either content id;
4. if min_participation >= 1: take the content ids that appear in the pairs, count per account its
   (pre-filtered) input rows among them, keep accounts with at least min_participation, and keep
   the pairs where either content id belongs to a row of a kept account;
5. the account network: one undirected edge per unordered account pair (self-loops when loops are
   kept), weight = number of pairs, avg_time_delta = mean |dt|; each side's contribution = the
   distinct content ids of that account among the edge's pairs; distinct objects per edge.

Every input row is kept (the file has 40 content ids on two rows each, sharing two objects, and one
exactly repeated row); the Swift test reads it the same way.

Run from this folder: python3 make_coortweet.py [path/to/coortweet-russian_coord_tweets.csv]
"""
import csv
import json
import os
import sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, "../../../../shared/datasets/coortweet-russian_coord_tweets.csv")

WATCHED = "9fa51ef17278c01d13d313741eddfc0b"


def read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return [(r["object_id"], r["account_id"], r["content_id"], int(r["timestamp_share"]))
                for r in csv.DictReader(handle)]


def detect(rows, window, min_participation, remove_loops):
    per_account = defaultdict(int)
    for _, account, _, _ in rows:
        per_account[account] += 1
    x = [r for r in rows if per_account[r[1]] >= min_participation]
    by_object = defaultdict(list)
    for r in x:
        by_object[r[0]].append(r)
    pairs = []
    for obj, group in by_object.items():
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                a, b = group[i], group[j]
                if abs(a[3] - b[3]) <= window:
                    pairs.append((obj, a, b))
    if remove_loops:
        pairs = [(o, a, b) for o, a, b in pairs
                 if o != a[2] and o != b[2] and a[2] != b[2] and a[1] != b[1]]
    if min_participation >= 1:
        contents = {a[2] for _, a, _ in pairs} | {b[2] for _, _, b in pairs}
        counts = defaultdict(int)
        for r in x:
            if r[2] in contents:
                counts[r[1]] += 1
        kept_contents = {r[2] for r in x if r[2] in contents and counts[r[1]] >= min_participation}
        pairs = [(o, a, b) for o, a, b in pairs if a[2] in kept_contents or b[2] in kept_contents]
    return pairs


def network(pairs):
    edges = {}
    for obj, a, b in pairs:
        low, high = (a, b) if a[1] <= b[1] else (b, a)
        key = (low[1], high[1])
        e = edges.setdefault(key, {"weight": 0, "dt": 0, "low": set(), "high": set(), "objects": set()})
        e["weight"] += 1
        e["dt"] += abs(a[3] - b[3])
        e["objects"].add(obj)
        if low[1] == high[1]:
            e["low"].update((a[2], b[2]))
            e["high"].update((a[2], b[2]))
        else:
            e["low"].add(low[2])
            e["high"].add(high[2])
    return edges


def summarise(rows, window, min_participation, remove_loops):
    pairs = detect(rows, window, min_participation, remove_loops)
    edges = network(pairs)
    nodes = {k[0] for k in edges} | {k[1] for k in edges}
    listed = []
    for (u, v), e in edges.items():
        listed.append({
            "account_a": u, "account_b": v, "weight": e["weight"],
            "mean_time_delta": e["dt"] / e["weight"], "objects": len(e["objects"]),
            "contribution_a": len(e["low"]), "contribution_b": len(e["high"]),
        })
    listed.sort(key=lambda e: (-e["weight"], e["account_a"], e["account_b"]))
    return {
        "time_window": window, "min_participation": min_participation, "remove_loops": remove_loops,
        "pairs": len(pairs), "edges": len(edges),
        "loop_edges": sum(1 for u, v in edges if u == v), "nodes": len(nodes),
        "watched_account_present": WATCHED in nodes,
        "weight_histogram": sorted([[w, sum(1 for e in listed if e["weight"] == w)]
                                    for w in {e["weight"] for e in listed}]),
        # Every edge of a small network; of a large one, every edge heavier than 1.
        "listed_edges": listed if len(listed) <= 100 else [e for e in listed if e["weight"] > 1],
    }


def main():
    rows = read(path)
    cases = [summarise(rows, w, m, loops)
             for w, m, loops in [(10, 5, True), (10, 5, False), (60, 2, True), (60, 2, False), (0, 1, True)]]
    out = {"rows": len(rows), "watched_account": WATCHED, "cases": cases}
    with open(os.path.join(here, "coortweet_expected.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, sort_keys=True)
        handle.write("\n")
    for c in cases:
        print(c["time_window"], c["min_participation"], c["remove_loops"], c["pairs"], c["edges"],
              c["nodes"], c["watched_account_present"])


if __name__ == "__main__":
    main()
