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
- widest_source: the most distinct reposters of one original author (shows the direction read);
- languages: posts per language tag, where the export has one (`summary` shows it).

It also writes mentions_expected.json: for the Twitter samples, the mention relations
`--relations mention` must derive (one per mentioned account and author, mentioned → author,
weight = the author's posts mentioning it; retweets skipped, since they carry the original's
mentions; self mentions left out and counted).

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


def summary(posts, accounts, reposts, pairs, times, languages=None):
    reposters = {}
    for source, target in pairs:
        reposters.setdefault(source, set()).add(target)
    return {
        "languages": dict(languages) if languages else None,
        "widest_source": max((len(v) for v in reposters.values()), default=0),
        "posts": posts, "accounts": len(accounts), "repost_events": reposts, "pairs": len(pairs),
        "first": iso(min(times)) if times else None, "last": iso(max(times)) if times else None,
    }


def io_archive():
    folder = os.path.join(root, "x-io-archive-csv")
    accounts, pairs, times, languages = set(), set(), [], {}
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
                if row["tweet_language"]:
                    languages[row["tweet_language"]] = languages.get(row["tweet_language"], 0) + 1
                times.append(dt.datetime.strptime(row["tweet_time"], "%Y-%m-%d %H:%M").replace(tzinfo=dt.timezone.utc).timestamp())
                if row["in_reply_to_userid"]:
                    accounts.add(row["in_reply_to_userid"])
                if row["is_retweet"].lower() == "true":
                    reposts += 1
                    if row["retweet_userid"]:
                        accounts.add(row["retweet_userid"])
                        if row["retweet_userid"] != row["userid"]:
                            pairs.add((row["retweet_userid"], row["userid"]))
    return summary(posts, accounts, reposts, pairs, times, languages)


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


def twitter_time(text):
    return dt.datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y").timestamp()


def v1_tweets(name):
    """The tweets of a v1.1 file: a search response (statuses), one tweet, or JSON lines."""
    with open(os.path.join(root, name), encoding="utf-8") as handle:
        text = handle.read()
    if text.lstrip().startswith("{") and "\n{" not in text.strip():
        document = json.loads(text)
        return document["statuses"] if isinstance(document, dict) and "statuses" in document else [document]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def twitter_v1(name):
    tweets = v1_tweets(name)
    accounts, pairs, times, ids, languages = set(), set(), [], set(), {}
    posts = reposts = 0
    for tweet in tweets:
        if tweet["id_str"] in ids:
            continue
        ids.add(tweet["id_str"])
        posts += 1
        if tweet.get("lang"):
            languages[tweet["lang"]] = languages.get(tweet["lang"], 0) + 1
        author = tweet["user"]["id_str"]
        accounts.add(author)
        times.append(twitter_time(tweet["created_at"]))
        original = tweet.get("retweeted_status")
        if original:
            reposts += 1
            source = original["user"]["id_str"]
            accounts.add(source)
            if source != author:
                pairs.add((source, author))
        elif tweet.get("is_quote_status") and tweet.get("quoted_status"):
            accounts.add(tweet["quoted_status"]["user"]["id_str"])
        if tweet.get("in_reply_to_user_id_str"):
            accounts.add(tweet["in_reply_to_user_id_str"])
    return summary(posts, accounts, reposts, pairs, times, languages)


def twitter_v2(name):
    accounts, pairs, times, ids, languages = set(), set(), [], set(), {}
    posts = reposts = 0
    with open(os.path.join(root, name), encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            page = json.loads(line)
            included = {t["id"]: t for t in page.get("includes", {}).get("tweets", [])}
            for tweet in page["data"]:
                if tweet["id"] in ids:
                    continue
                ids.add(tweet["id"])
                posts += 1
                if tweet.get("lang"):
                    languages[tweet["lang"]] = languages.get(tweet["lang"], 0) + 1
                author = tweet["author_id"]
                accounts.add(author)
                times.append(dt.datetime.strptime(tweet["created_at"], "%Y-%m-%dT%H:%M:%S.%f%z").timestamp())
                retweet = False
                for reference in tweet.get("referenced_tweets", []):
                    original = included.get(reference["id"])
                    if reference["type"] == "retweeted":
                        retweet = True
                        reposts += 1
                        if original:
                            accounts.add(original["author_id"])
                            if original["author_id"] != author:
                                pairs.add((original["author_id"], author))
                    elif reference["type"] == "quoted" and original:
                        quoted = original["author_id"]
                if not retweet:
                    for reference in tweet.get("referenced_tweets", []):
                        original = included.get(reference["id"])
                        if reference["type"] == "quoted" and original:
                            accounts.add(original["author_id"])
                if tweet.get("in_reply_to_user_id"):
                    accounts.add(tweet["in_reply_to_user_id"])
    return summary(posts, accounts, reposts, pairs, times, languages)


def telegram_tgdataset():
    with open(os.path.join(root, "telegram-tgdataset-json", "tgdataset_preview.json"), encoding="utf-8") as handle:
        channels = json.load(handle)
    accounts, pairs, times, ids = set(), set(), [], set()
    posts = reposts = 0
    for channel, fields in channels.items():
        accounts.add(channel)
        for section in ("text_messages", "generic_media"):
            for key, message in (fields.get(section) or {}).items():
                if (channel, key) in ids:
                    continue
                ids.add((channel, key))
                posts += 1
                times.append(message["date"])
                if message.get("is_forwarded"):
                    reposts += 1
                    source = message.get("forwarded_from_id")
                    if source is not None:
                        source = str(int(source))
                        accounts.add(source)
                        if source != channel:
                            pairs.add((source, channel))
    return summary(posts, accounts, reposts, pairs, times)


BEIJING = dt.timezone(dt.timedelta(hours=8))


def weibo_ced():
    folder = os.path.join(root, "weibo-ced-repost-json")
    accounts, pairs, times = set(), set(), []
    author_of = {}
    posts = reposts = 0
    events = []
    for collection in sorted(n for n in os.listdir(folder) if n.endswith("-repost")):
        for name in sorted(n for n in os.listdir(os.path.join(folder, collection)) if n.endswith(".json")):
            _, mid, uid = name[:-5].rsplit("_", 2)
            with open(os.path.join(folder, "original-microblog", name), encoding="utf-8") as handle:
                original = json.load(handle)
            if isinstance(original["time"], str):
                root_time = dt.datetime.strptime(original["time"], "%a %b %d %H:%M:%S %z %Y").timestamp()
            else:
                root_time = float(original["time"])
            with open(os.path.join(folder, collection, name), encoding="utf-8") as handle:
                entries = json.load(handle)
            root_year = dt.datetime.fromtimestamp(root_time, BEIJING).year
            accounts.add(uid)
            if mid not in author_of:
                author_of[mid] = uid
                posts += 1
                times.append(root_time)
            for entry in entries:
                accounts.add(entry["uid"])
                if entry["mid"] in author_of:
                    continue
                author_of[entry["mid"]] = entry["uid"]
                posts += 1
                reposts += 1
                try:
                    when = dt.datetime.strptime(entry["date"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=BEIJING).timestamp()
                except ValueError:
                    month, rest = entry["date"].split("月")
                    day, clock = rest.split("日")
                    hour, minute = clock.strip().split(":")
                    for year in (root_year, root_year + 1):
                        when = dt.datetime(year, int(month), int(day), int(hour), int(minute), tzinfo=BEIJING).timestamp()
                        if when >= root_time:
                            break
                times.append(when)
                events.append((entry["parent"] or mid, entry["uid"]))
    for parent, reposter in events:
        source = author_of.get(parent)
        if source is not None and source != reposter:
            pairs.add((source, reposter))
    return summary(posts, accounts, reposts, pairs, times)


def link_sharing(name, post_column):
    accounts, times = set(), []
    posts = 0
    with open(os.path.join(root, name), newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            posts += 1
            accounts.add(row["account.url"])
            times.append(dt.datetime.strptime(row["date"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.timezone.utc).timestamp())
    return summary(posts, accounts, 0, set(), times)


def mention_summary(posts):
    """posts: (author, mentioned ids, is a retweet) per distinct post."""
    weights, selves, retweets = {}, 0, 0
    for author, mentioned, retweet in posts:
        if not mentioned:
            continue
        if retweet:
            retweets += 1
            continue
        for account in dict.fromkeys(mentioned):
            if account == author:
                selves += 1
            else:
                weights[(account, author)] = weights.get((account, author), 0) + 1
    return {"pairs": len(weights), "weight": sum(weights.values()), "self_mentions": selves, "retweets_with_mentions": retweets}


def twitter_v1_mentions(name):
    tweets = v1_tweets(name)
    posts, ids = [], set()
    for tweet in tweets:
        if tweet["id_str"] in ids:
            continue
        ids.add(tweet["id_str"])
        entities = tweet.get("extended_tweet", {}).get("entities") or tweet.get("entities") or {}
        mentioned = [m["id_str"] for m in entities.get("user_mentions", []) if m.get("id_str")]
        posts.append((tweet["user"]["id_str"], mentioned, "retweeted_status" in tweet))
    return mention_summary(posts)


def twitter_v2_mentions(name):
    posts, ids = [], set()
    with open(os.path.join(root, name), encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            for tweet in json.loads(line)["data"]:
                if tweet["id"] in ids:
                    continue
                ids.add(tweet["id"])
                mentioned = [m.get("id") or m.get("username") for m in tweet.get("entities", {}).get("mentions", [])]
                retweet = any(r["type"] == "retweeted" for r in tweet.get("referenced_tweets", []))
                posts.append((tweet["author_id"], [m for m in mentioned if m], retweet))
    return mention_summary(posts)


mentions = {
    "twitter-v1-stream": twitter_v1_mentions("twitter-v1-jsonl-stream/api-stream-small.jsonl"),
    "twitter-v1-search": twitter_v1_mentions("twitter-v1-search-json/get_search_raw.json"),
    "twitter-v2-2sets": twitter_v2_mentions("twitter-v2-twarc2-jsonl/2sets.jsonl"),
    "twitter-v2-entities": twitter_v2_mentions("twitter-v2-twarc2-jsonl/entities_test.jsonl"),
}
with open(os.path.join(here, "mentions_expected.json"), "w") as out:
    json.dump(mentions, out, indent=1, sort_keys=True)
    out.write("\n")

expected = {
    "crowdtangle-ctshares": link_sharing("crowdtangle-ctshares-csv/ct_shares.csv", "id"),
    "crowdtangle-coornet-marked": link_sharing("crowdtangle-coornet-marked-csv/ct_shares_marked.csv", "platformId"),
    "telegram-tgdataset": telegram_tgdataset(),
    "weibo-ced": weibo_ced(),
    "twitter-v1-stream": twitter_v1("twitter-v1-jsonl-stream/api-stream-small.jsonl"),
    "twitter-v1-search": twitter_v1("twitter-v1-search-json/get_search_raw.json"),
    "twitter-v2-2sets": twitter_v2("twitter-v2-twarc2-jsonl/2sets.jsonl"),
    "twitter-v2-entities": twitter_v2("twitter-v2-twarc2-jsonl/entities_test.jsonl"),
    "x-io-archive": io_archive(),
    "snap-activity-reversed": snap("higgs-activity_time.head50000.txt", True),
    "snap-retweet-network-reversed": snap("higgs-retweet_network.head50000.edgelist", True),
    "snap-retweet-network-as-written": snap("higgs-retweet_network.head50000.edgelist", False),
}
with open(os.path.join(here, "formats_expected.json"), "w") as out:
    json.dump(expected, out, indent=1, sort_keys=True)
    out.write("\n")
print(json.dumps(expected, indent=1, sort_keys=True))
