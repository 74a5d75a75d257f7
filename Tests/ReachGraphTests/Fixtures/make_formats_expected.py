"""Writes formats_expected.json: for each real platform-export sample in
../shared/datasets/formats/ (not bundled: see each folder's PROVENANCE.md), the numbers the
format adapters must reproduce, computed independently here in plain Python (standard library
only) from the formats' published documentation:

- posts: posts (tweets, messages, reposts) in the data;
- accounts: distinct account ids named anywhere the adapter takes accounts from;
- repost_events: posts that are reposts (SNAP: retweet rows);
- pairs: distinct (original author, reposter) pairs of those events, self pairs excluded for
  posts-based formats (ReachGraph does not make self-repost relations) and kept for edge lists;
- first/last: earliest and latest post (or event) time, ISO 8601 UTC;
- widest_source: the most distinct reposters of one original author (shows the direction read).

Run from this folder: python3 make_formats_expected.py [path/to/shared/datasets/formats]
"""
import csv
import datetime as dt
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "shared", "datasets", "formats")


def iso(seconds):
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def summary(posts, accounts, reposts, pairs, times):
    reposters = {}
    for source, target in pairs:
        reposters.setdefault(source, set()).add(target)
    return {
        "widest_source": max((len(v) for v in reposters.values()), default=0),
        "posts": posts, "accounts": len(accounts), "repost_events": reposts, "pairs": len(pairs),
        "first": iso(min(times)) if times else None, "last": iso(max(times)) if times else None,
    }


def io_archive():
    folder = os.path.join(root, "x-io-archive-csv")
    accounts, pairs, times = set(), set(), []
    posts = reposts = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                accounts.add(row["userid"])
                if "tweetid" not in row:
                    continue
                posts += 1
                times.append(dt.datetime.strptime(row["tweet_time"], "%Y-%m-%d %H:%M").replace(tzinfo=dt.timezone.utc).timestamp())
                if row["in_reply_to_userid"]:
                    accounts.add(row["in_reply_to_userid"])
                if row["is_retweet"].lower() == "true":
                    reposts += 1
                    if row["retweet_userid"]:
                        accounts.add(row["retweet_userid"])
                        if row["retweet_userid"] != row["userid"]:
                            pairs.add((row["retweet_userid"], row["userid"]))
    return summary(posts, accounts, reposts, pairs, times)


def snap(name, reversed_direction):
    accounts, pairs, times = set(), set(), []
    reposts = 0
    with open(os.path.join(root, "snap-higgs-edgelist", name)) as handle:
        for line in handle:
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            a, b = fields[0], fields[1]
            source, target = (b, a) if reversed_direction else (a, b)
            accounts.update((a, b))
            if len(fields) == 4:
                times.append(int(fields[2]))
                if fields[3] != "RT":
                    continue
            reposts += 1
            pairs.add((source, target))
    return summary(0, accounts, reposts, pairs, times)


expected = {
    "x-io-archive": io_archive(),
    "snap-activity-reversed": snap("higgs-activity_time.head50000.txt", True),
    "snap-retweet-network-reversed": snap("higgs-retweet_network.head50000.edgelist", True),
    "snap-retweet-network-as-written": snap("higgs-retweet_network.head50000.edgelist", False),
}
with open(os.path.join(here, "formats_expected.json"), "w") as out:
    json.dump(expected, out, indent=1, sort_keys=True)
    out.write("\n")
print(json.dumps(expected, indent=1, sort_keys=True))
