"""Reads a ReachGraph store with Python's standard sqlite3 module only, as docs/store.md says a
notebook can, and prints what it found as JSON for StoreSchemaTests to check."""
import json
import sqlite3
import sys

path = sys.argv[1]
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
one = lambda sql: db.execute(sql).fetchone()[0]
result = {
    "tables": sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")),
    "migrations": [r[0] for r in db.execute("SELECT identifier FROM grdb_migrations ORDER BY rowid")],
    "journal_mode": one("PRAGMA journal_mode"),
    "posts": one("SELECT COUNT(*) FROM post"),
    "reposts": one("SELECT COUNT(*) FROM post WHERE parent_post IS NOT NULL"),
    "declared_accounts": one("SELECT COUNT(*) FROM account WHERE declared = 1"),
    "posts_by_month": dict(db.execute(
        "SELECT strftime('%Y-%m', time, 'unixepoch') AS month, COUNT(*) FROM post GROUP BY month ORDER BY month")),
    # The version every command reads: the latest ingest's row of each key.
    "metrics_posts_by_period": dict(db.execute("SELECT period, SUM(posts) FROM metric_latest GROUP BY period ORDER BY period")),
    "relation_weight_by_type": dict(db.execute("SELECT relation, SUM(weight) FROM relation GROUP BY relation")),
    # The followers each account has in its latest version: the newest period, then the newest ingest.
    "latest_followers": dict(db.execute("""
        SELECT a.id, v.followers FROM account a JOIN account_version v ON v.account_seq = a.seq
        WHERE NOT EXISTS (SELECT 1 FROM account_version w WHERE w.account_seq = v.account_seq
                          AND (w.period > v.period OR (w.period = v.period AND w.ingest_id > v.ingest_id)))
        """)),
    "ingests": [dict(zip(("source", "sha256", "posts_added", "synthetic"), r))
                for r in db.execute("SELECT source, sha256, posts_added, synthetic FROM ingest ORDER BY id")],
}
print(json.dumps(result, sort_keys=True))
