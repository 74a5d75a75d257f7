import GRDB

/// The store's tables as GRDB migrations, applied in order and recorded in `grdb_migrations`;
/// `docs/store.md` describes every table and column.
///
/// Rows are kept in the order they arrived (`seq`), so a dataset read back lists accounts,
/// relations, posts and metrics in the order its files gave them, and every analysis gives the
/// same numbers as on the files. Empty text (`''`) stands for a missing platform or period in key
/// columns, because SQLite treats NULLs as distinct in UNIQUE constraints.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE ingest (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    format TEXT NOT NULL,
                    period TEXT NOT NULL,
                    platform TEXT NOT NULL,
                    ingested_at TEXT NOT NULL,
                    relations_derived INTEGER NOT NULL,
                    accounts_read INTEGER NOT NULL,
                    accounts_added INTEGER NOT NULL,
                    accounts_changed INTEGER NOT NULL,
                    relations_read INTEGER NOT NULL,
                    relations_added INTEGER NOT NULL,
                    posts_read INTEGER NOT NULL,
                    posts_added INTEGER NOT NULL,
                    metrics_read INTEGER NOT NULL,
                    metrics_added INTEGER NOT NULL
                );
                CREATE TABLE ingest_warning (
                    ingest_id INTEGER NOT NULL REFERENCES ingest(id),
                    category TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (ingest_id, category)
                );
                CREATE TABLE ingest_note (
                    ingest_id INTEGER NOT NULL REFERENCES ingest(id),
                    position INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (ingest_id, position)
                );
                CREATE TABLE account (
                    seq INTEGER PRIMARY KEY,
                    platform TEXT NOT NULL,
                    id TEXT NOT NULL,
                    declared INTEGER NOT NULL,
                    first_ingest INTEGER NOT NULL REFERENCES ingest(id),
                    UNIQUE (platform, id)
                );
                CREATE TABLE account_version (
                    account_seq INTEGER NOT NULL REFERENCES account(seq),
                    period TEXT NOT NULL,
                    ingest_id INTEGER NOT NULL REFERENCES ingest(id),
                    name TEXT,
                    kind TEXT NOT NULL,
                    country TEXT,
                    province TEXT,
                    city TEXT,
                    tier TEXT,
                    followers INTEGER,
                    parent TEXT,
                    attributes TEXT,
                    PRIMARY KEY (account_seq, period, ingest_id)
                );
                CREATE TABLE relation (
                    seq INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    target TEXT NOT NULL,
                    relation TEXT NOT NULL,
                    period TEXT NOT NULL,
                    occurrence INTEGER NOT NULL,
                    weight REAL NOT NULL,
                    first_seen REAL,
                    last_seen REAL,
                    attributes TEXT,
                    ingest_id INTEGER NOT NULL REFERENCES ingest(id),
                    UNIQUE (source, target, relation, period, occurrence)
                );
                CREATE TABLE post (
                    seq INTEGER PRIMARY KEY,
                    platform TEXT NOT NULL,
                    post_id TEXT NOT NULL,
                    author TEXT NOT NULL,
                    time REAL NOT NULL,
                    parent_post TEXT,
                    root_post TEXT,
                    likes INTEGER,
                    comments INTEGER,
                    shares INTEGER,
                    views INTEGER,
                    content_hash TEXT,
                    url TEXT,
                    attributes TEXT,
                    ingest_id INTEGER NOT NULL REFERENCES ingest(id),
                    UNIQUE (platform, post_id)
                );
                CREATE INDEX post_by_time ON post(time);
                \(metricTable("metric", key: "account, platform, period"))
                CREATE TABLE attribute_column (
                    table_name TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (table_name, name)
                );
                """)
        }
        // v2: whether each ingest's input was synthetic; metrics rows kept as versions (a changed
        // row for a stored key is a new row of its ingest, read back as the latest), counted per
        // ingest in `metrics_changed`. SQLite cannot drop a UNIQUE constraint, so `metric` is
        // rebuilt with the ingest in its key, rows and `seq` unchanged.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE ingest ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE ingest ADD COLUMN metrics_changed INTEGER NOT NULL DEFAULT 0;
                \(metricTable("metric_v2", key: "account, platform, period, ingest_id"))
                INSERT INTO metric_v2 SELECT seq, account, platform, period, posts, likes, comments, shares, views, followers,
                    follower_gain, qualitative, attributes, ingest_id FROM metric;
                DROP TABLE metric;
                ALTER TABLE metric_v2 RENAME TO metric;
                CREATE VIEW metric_latest AS
                    SELECT * FROM metric m WHERE NOT EXISTS (
                        SELECT 1 FROM metric n
                        WHERE n.account = m.account AND n.platform = m.platform AND n.period = m.period AND n.ingest_id > m.ingest_id
                    );
                """)
        }
        // v3: an account's entity (the institution behind several accounts) is part of its
        // history; a post keeps `parent_author`, without which relations derived again on reading
        // lose every repost of a post outside the data (the normal case in IO archives).
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                ALTER TABLE account_version ADD COLUMN entity TEXT;
                ALTER TABLE post ADD COLUMN parent_author TEXT;
                """)
        }
        // v4: a slice reads its relations through their period label instead of scanning them all.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: "CREATE INDEX relation_by_period ON relation(period)")
        }
        // v5: how each ingest's input was read (`Dataset.relationReading`), so the same file read
        // another way is not stored again unasked; `''` for ingests made before it. Readers do
        // not need it (``readerMigrations``).
        // Earlier ingests get the reading their notes tell: an edge list's direction, and the
        // format alone for readers that take neither option; a folder's `--map` was not noted.
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
                ALTER TABLE ingest ADD COLUMN reading TEXT NOT NULL DEFAULT '';
                UPDATE ingest SET reading = coalesce(format || ', --edge-direction ' || (
                    SELECT substr(value, 1, instr(value, ':') - 1) FROM ingest_note
                    WHERE ingest_id = ingest.id AND topic = 'edge direction' AND instr(value, ':') > 1
                ), '') WHERE format IN ('edge-list', 'snap');
                UPDATE ingest SET reading = format WHERE format IN ('json', 'twitter-v1', 'twitter-v2', 'telegram', 'weibo-ced', 'deephawkes');
                """)
        }
        return migrator
    }

    /// The migrations a store must have for reading: a store written before a later one is still
    /// read as it is, and brought up to date by the next ingest.
    static let readerMigrations: Set<String> = ["v1", "v2", "v3", "v4"]

    /// The `metric` table as v1 created it and v2 rebuilt it: the same columns, under `key`.
    private static func metricTable(_ name: String, key: String) -> String {
        """
        CREATE TABLE \(name) (
            seq INTEGER PRIMARY KEY,
            account TEXT NOT NULL,
            platform TEXT NOT NULL,
            period TEXT NOT NULL,
            posts INTEGER,
            likes INTEGER,
            comments INTEGER,
            shares INTEGER,
            views INTEGER,
            followers INTEGER,
            follower_gain INTEGER,
            qualitative REAL,
            attributes TEXT,
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            UNIQUE (\(key))
        );
        """
    }
}
