"""Writes SYNTHETIC platform exports for the reading benchmark (BENCHMARKS.md, "Reading platform
exports"): an X IO-archive CSV with the published 31 columns and Twitter v1.1 JSON lines. Seeded,
so the same files everywhere; no row is a real observation.

    python3 Benchmarks/generate_formats.py --rows 2500000 --tweets 300000 --out Benchmarks/data [--only csv|jsonl]

Each file has its own seed, so either can be written alone and comes out the same.
"""
import argparse
import json
import os
import random

HEADER = ("tweetid,userid,user_display_name,user_screen_name,user_reported_location,user_profile_description,"
          "user_profile_url,follower_count,following_count,account_creation_date,account_language,tweet_language,"
          "tweet_text,tweet_time,tweet_client_name,in_reply_to_tweetid,in_reply_to_userid,quoted_tweet_tweetid,"
          "is_retweet,retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,"
          "retweet_count,hashtags,urls,user_mentions,poll_choices\n")
WORDS = "the of and to in is for on with that this by from at news city province centre report story video live".split()


def io_archive(path, rows, rng):
    accounts = [f"{rng.getrandbits(256):064x}" for _ in range(20000)]
    outside = [str(rng.randrange(10**9, 10**10)) for _ in range(50000)]
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for row in range(rows):
            user = accounts[rng.randrange(len(accounts))]
            retweet = rng.random() < 0.6
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 30)))
            tags = "[" + ", ".join(f"'{rng.choice(WORDS)}{rng.randrange(50)}'" for _ in range(rng.randrange(0, 3))) + "]"
            url = f"[https://example.org/{rng.randrange(10**6)}]" if rng.random() < 0.3 else "[]"
            source = rng.choice(outside)
            minute = row // 4
            day, rest = divmod(minute, 1440)
            # 28-day months keep every generated date valid
            year, month, mday = 2017 + day // 336, 1 + (day % 336) // 28, 1 + day % 28
            out.write(
                f'"{10**17 + row}","{user}","{user}","{user}","Somewhere","{text[:40]}","","{rng.randrange(10**5)}",'
                f'"{rng.randrange(10**4)}","2014-01-01","en","{rng.choice(["en", "ru", "zh", "es"])}",'
                f'"{("RT @x: " if retweet else "") + text}","{year}-{month:02d}-{mday:02d} {rest // 60:02d}:{rest % 60:02d}",'
                f'"Twitter Web Client","","","","{"true" if retweet else "false"}","{source if retweet else ""}",'
                f'"{10**16 + rng.randrange(10**6) if retweet else ""}","","","0","0","{rng.randrange(100)}","{rng.randrange(100)}",'
                f'"{tags}","{url}","[{source}]",""\n'
            )


def v1_lines(path, tweets, rng):
    users = [str(rng.randrange(10**8, 10**10)) for _ in range(50000)]
    with open(path, "w", encoding="utf-8") as out:
        for index in range(tweets):
            user = rng.choice(users)
            tweet_id = 1177959424186310656 + index
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 30)))
            tweet = {
                "created_at": f"Sat Sep 28 18:{(index // 1000) % 60:02d}:{index % 60:02d} +0000 2019",
                "id": tweet_id, "id_str": str(tweet_id), "text": text, "lang": "en",
                "user": {"id": int(user), "id_str": user, "screen_name": f"u{user}", "followers_count": rng.randrange(10**5),
                         "name": "Name", "location": "Somewhere", "description": text[:60]},
                "entities": {"hashtags": [{"text": rng.choice(WORDS), "indices": [0, 4]}], "urls": [], "user_mentions": []},
                "favorite_count": 0, "retweet_count": 0, "timestamp_ms": str(1569693923000 + index),
            }
            if rng.random() < 0.5:
                original = rng.choice(users)
                tweet["retweeted_status"] = {
                    "created_at": "Sat Sep 28 17:00:00 +0000 2019", "id_str": str(10**17 + rng.randrange(10**6)), "text": text,
                    "user": {"id_str": original, "screen_name": f"u{original}", "followers_count": 10},
                }
            out.write(json.dumps(tweet) + "\r\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_500_000)
    parser.add_argument("--tweets", type=int, default=300_000)
    parser.add_argument("--out", default="Benchmarks/data")
    parser.add_argument("--only", choices=["csv", "jsonl"])
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    if arguments.only != "jsonl":
        io_archive(os.path.join(arguments.out, "io-archive-synthetic.csv"), arguments.rows, random.Random(20250301))
    if arguments.only != "csv":
        v1_lines(os.path.join(arguments.out, "twitter-v1-synthetic.jsonl"), arguments.tweets, random.Random(20250302))
