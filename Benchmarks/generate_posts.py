#!/usr/bin/env python3
"""SYNTHETIC posts tables for the posts-reading benchmark (Benchmarks/posts.sh).

Two layouts, both seeded (numpy PCG64), so the same command writes byte-identical files anywhere:

* `cascades` — `post_id,author,time,root_post`: the minimal cascade input of issue #13.
* `ira` — `post_id,author,time,parent_post,root_post,platform,likes,shares`: sized like the
  Russian IRA troll-tweet release (about 2.5M posts and 260 MB at 2.5M rows).

Posts are in time order, one every 0–60 s from 2016-01-01. 30 % are originals (their `root_post`
is their own id); the rest repost an earlier original chosen with a popularity that falls as a
power law (a few cascades are very large), and in the `ira` layout 30 % of reposts name an
earlier repost of the same cascade as their parent (the others the original). Ids look like
tweet ids (18 digits, increasing with gaps); authors are handles `user` + 1–6 digits drawn
with power-law activity (accounts = posts / 10).

    python3 Benchmarks/generate_posts.py --rows 1000000 --layout cascades --out FILE
"""

import argparse
import os

import numpy as np

START = 1_451_606_400  # 2016-01-01T00:00:00Z
CHUNK = 200_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--layout", choices=["cascades", "ira"], required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rows = args.rows
    rng = np.random.Generator(np.random.PCG64(args.seed))

    ids = 700_000_000_000_000_000 + np.cumsum(rng.integers(1, 1_000_000, size=rows, dtype=np.int64))
    times = START + np.cumsum(rng.integers(0, 61, size=rows, dtype=np.int64))
    accounts = max(rows // 10, 1)
    activity = (np.arange(accounts, dtype=np.float64) + 10.0) ** -0.8
    activity /= activity.sum()
    authors = np.searchsorted(np.cumsum(activity), rng.random(rows), side="right").clip(0, accounts - 1)
    authors = rng.permutation(accounts)[authors]

    original = rng.random(rows) < 0.3
    original[0] = True
    # Each repost picks an earlier original: position among the originals so far, drawn with a
    # power-law preference for the oldest (most popular) ones.
    original_positions = np.flatnonzero(original)
    originals_before = np.cumsum(original) - 1  # index of the last original at or before each row
    draw = rng.random(rows)
    pick = np.floor((originals_before + 1) * draw ** 3).astype(np.int64)
    root = np.where(original, np.arange(rows), original_positions[np.minimum(pick, originals_before)])

    parent = root.copy()
    if args.layout == "ira":
        last_repost = {}
        chain = rng.random(rows) < 0.3
        for row in range(rows):
            if original[row]:
                continue
            r = int(root[row])
            previous = last_repost.get(r)
            if previous is not None and chain[row]:
                parent[row] = previous
            last_repost[r] = row
    likes = rng.geometric(0.3, size=rows) - 1
    shares = rng.geometric(0.5, size=rows) - 1

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    iso = np.datetime_as_string(times.astype("datetime64[s]"), unit="s")
    with open(args.out, "w", newline="\n") as out:
        if args.layout == "cascades":
            out.write("post_id,author,time,root_post\n")
        else:
            out.write("post_id,author,time,parent_post,root_post,platform,likes,shares\n")
        for start in range(0, rows, CHUNK):
            lines = []
            for row in range(start, min(start + CHUNK, rows)):
                post = str(ids[row])
                root_id = str(ids[root[row]])
                if args.layout == "cascades":
                    lines.append(f"{post},user{authors[row]},{iso[row]}Z,{root_id}\n")
                else:
                    parent_id = "" if original[row] else str(ids[parent[row]])
                    lines.append(f"{post},user{authors[row]},{iso[row]}Z,{parent_id},{root_id},twitter,{likes[row]},{shares[row]}\n")
            out.write("".join(lines))


if __name__ == "__main__":
    main()
