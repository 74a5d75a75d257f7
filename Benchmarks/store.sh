#!/usr/bin/env bash
# Store benchmarks (release build, whole processes), results in BENCHMARKS.md ("The store").
#
#   Benchmarks/store.sh ingest [SCALE]    # default 32: the synthetic sample, 3 months, ~1M posts
#   Benchmarks/store.sh slice [SCALE]     # default 320 (~10M posts); builds the store once
#   Benchmarks/store.sh posts [FILE]      # default Benchmarks/data/posts-ira-2.5m.csv (SYNTHETIC)
#
# ingest: `reachgraph ingest` of the generated folder into a new store (reading the CSV folder,
#   checking, hashing and writing), then the same ingest again (nothing new); the store's size per
#   million posts. Beside it, the peer: Python's sqlite3 inserting the same posts.csv (csv module,
#   executemany, one transaction) into a table with the store's `post` columns and keys — the cost
#   of SQLite's B-trees alone, without ReachGraph's checks, accounts, relations or metrics.
# slice: one month of a store (`summary STORE --period MONTH`) against the same month as a CSV
#   folder (`summary MONTH_FOLDER`: every account, the month's posts and metrics rows), the median
#   of 3 runs each; the store is built once (ingest timed once) and kept in .build/store-bench/.
#
# posts: a posts table (`post_id,author,time,root_post,…`; the default is the IRA-sized file of
#   Benchmarks/posts.sh, generated when missing) ingested into a new store, ingested again (nothing
#   new), then `trend --measure pagerank` on the store (every month read as its own slice); beside
#   it the peer: Python's sqlite3 inserting the file's rows (one transaction) into a table with the
#   store's `post` columns, key and time index. STORE_BENCH_BASE=PATH also times that binary (a
#   release build of an earlier commit) on the same file, each of its rows right before ours.
#
# Every line gives wall time, CPU time (user + system), peak RSS (/usr/bin/time) and the load
# average (1 min) just before the run: the machine may be shared, and wall times rise with load.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-ingest}
case "$mode" in
  ingest) scale=${2:-32}; months=3 ;;
  slice) scale=${2:-320}; months=3 ;;
  posts) postsFile=${2:-Benchmarks/data/posts-ira-2.5m.csv} ;;
  *) echo "usage: Benchmarks/store.sh ingest|slice [SCALE] | posts [FILE]" >&2; exit 2 ;;
esac
# STORE_BENCH_NO_BUILD=1 uses the release binary as it is (while another SwiftPM holds .build);
# STORE_BENCH_BIN=PATH uses that binary instead.
bin=${STORE_BENCH_BIN:-.build/release/reachgraph}
[ -n "${STORE_BENCH_NO_BUILD:-}${STORE_BENCH_BIN:-}" ] || swift build -c release --product reachgraph >/dev/null
data=.build/store-bench
mkdir -p "$data"

# run LABEL COMMAND…: one line "LABEL | wall s | CPU s | peak RSS MiB | load".
run() {
  local label=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$@" > /dev/null
  read -r wall user sys kib < "$data/time.txt"
  printf '| %s | %.2f | %.2f | %d | %s |\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((kib / 1024))" "$load"
}

if [ "$mode" = posts ]; then
  [ -s "$postsFile" ] || { echo "no $postsFile: Benchmarks/posts.sh generates it (generate_posts.py --layout ira)" >&2; exit 2; }
  rows=$(($(wc -l < "$postsFile") - 1))
  echo "input: $postsFile ($rows posts, $(du -shL "$postsFile" | cut -f1)), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "| step | wall s | CPU s | peak RSS MiB | load (1 min) before |"
  echo "|---|---|---|---|---|"
  # posts_run NAME BINARY: ingest, ingest again, trend, each a row labelled with NAME.
  posts_run() {
    local name=$1 binary=$2 store="$data/posts-$1.sqlite"
    rm -f "$store" "$store-wal" "$store-shm"
    run "$name: ingest $rows posts into a new store" "$binary" ingest "$postsFile" --into "$store" --quiet
    run "$name: same ingest again (nothing new)" "$binary" ingest "$postsFile" --into "$store" --quiet
    run "$name: trend --measure pagerank ($("$binary" trend "$store" --measure pagerank --format csv --quiet | cut -d, -f1 | sort -u | grep -c '^[0-9]') months)" \
      "$binary" trend "$store" --measure pagerank --quiet
  }
  [ -z "${STORE_BENCH_BASE:-}" ] || posts_run base "$STORE_BENCH_BASE"
  posts_run this "$bin"
  peer="$data/peer.sqlite"
  rm -f "$peer" "$peer-wal" "$peer-shm"
  run "peer: Python sqlite3 inserts the posts only" python3 - "$postsFile" "$peer" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("PRAGMA journal_mode = WAL")
db.execute("""CREATE TABLE post (seq INTEGER PRIMARY KEY, platform TEXT NOT NULL, post_id TEXT NOT NULL, author TEXT NOT NULL,
    time TEXT NOT NULL, parent_post TEXT, root_post TEXT, likes INTEGER, shares INTEGER, UNIQUE (platform, post_id))""")
with open(sys.argv[1], newline="") as f, db:
    rows = csv.DictReader(f)
    db.executemany("INSERT OR IGNORE INTO post (platform, post_id, author, time, parent_post, root_post, likes, shares) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   ((r.get("platform") or "", r["post_id"], r["author"], r["time"], r.get("parent_post") or None, r.get("root_post") or None,
                     r.get("likes") or None, r.get("shares") or None) for r in rows))
    db.execute("CREATE INDEX post_by_time ON post(time)")
PY
  bytes=$(stat -c %s "$data/posts-this.sqlite")
  echo
  echo "store: $bytes bytes = $(python3 -c "print(round($bytes / $rows * 1e6 / 2**20, 1))") MiB per million posts"
  exit 0
fi
folder="$data/scale-$scale"
if [ ! -f "$folder/posts.csv" ]; then
  "$bin" generate --seed 20250301 --scale "$scale" --months "$months" --output "$folder" --quiet
fi
posts=$(($(wc -l < "$folder/posts.csv") - 1))

# median3 LABEL COMMAND…: the run with the median wall time of three.
median3() {
  { run "$@"; run "$@"; run "$@"; } | sort -t'|' -k3 -n | sed -n 2p
}

echo "input: $folder ($posts posts, $(du -sh "$folder" | cut -f1) of CSV), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| step | wall s | CPU s | peak RSS MiB | load (1 min) before |"
echo "|---|---|---|---|---|"
store="$data/scale-$scale.sqlite"
if [ "$mode" = ingest ]; then
  rm -f "$store" "$store-wal" "$store-shm"
  run "ingest $posts posts into a new store" "$bin" ingest "$folder" --into "$store" --quiet
  run "same ingest again (nothing new)" "$bin" ingest "$folder" --into "$store" --quiet
  peer="$data/peer.sqlite"
  rm -f "$peer" "$peer-wal" "$peer-shm"
  run "peer: Python sqlite3 inserts posts.csv only" python3 - "$folder/posts.csv" "$peer" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("PRAGMA journal_mode = WAL")
db.execute("""CREATE TABLE post (seq INTEGER PRIMARY KEY, platform TEXT NOT NULL, post_id TEXT NOT NULL, author TEXT NOT NULL,
    time TEXT NOT NULL, parent_post TEXT, root_post TEXT, likes INTEGER, comments INTEGER, shares INTEGER, views INTEGER,
    content_hash TEXT, url TEXT, UNIQUE (platform, post_id))""")
with open(sys.argv[1], newline="") as f, db:
    rows = csv.DictReader(f)
    db.executemany("INSERT OR IGNORE INTO post (platform, post_id, author, time, parent_post, root_post, likes, comments, shares, views, content_hash, url) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   ((r["platform"], r["post_id"], r["author"], r["time"], r["parent_post"] or None, r["root_post"] or None, r["likes"] or None,
                     r["comments"] or None, r["shares"] or None, r["views"] or None, r["content_hash"] or None, r["url"] or None) for r in rows))
    db.execute("CREATE INDEX post_by_time ON post(time)")
PY
  bytes=$(stat -c %s "$store")
  echo
  echo "store size: $bytes bytes = $(python3 -c "print(round($bytes / $posts * 1e6 / 2**20, 1))") MiB per million posts (CSV folder: $(du -sb "$folder" | cut -f1) bytes)"
else
  if [ ! -f "$store" ]; then
    run "build the store once: ingest $posts posts" "$bin" ingest "$folder" --into "$store" --quiet
  fi
  month=2025-04
  monthFolder="$data/scale-$scale-$month"
  if [ ! -f "$monthFolder/posts.csv" ]; then
    mkdir -p "$monthFolder"
    cp "$folder/accounts.csv" "$monthFolder/"
    awk -F, -v m="$month" 'NR == 1 || index($3, m) == 1' "$folder/posts.csv" > "$monthFolder/posts.csv"
    awk -F, -v m="$month" 'NR == 1 || $3 == m' "$folder/metrics.csv" > "$monthFolder/metrics.csv"
  fi
  monthPosts=$(($(wc -l < "$monthFolder/posts.csv") - 1))
  median3 "one month ($monthPosts posts) from the store: summary --period $month" "$bin" summary "$store" --period "$month" --quiet
  median3 "the same month from CSV: summary MONTH_FOLDER" "$bin" summary "$monthFolder" --quiet
  bytes=$(stat -c %s "$store")
  echo
  echo "store: $bytes bytes for $posts posts = $(python3 -c "print(round($bytes / $posts * 1e6 / 2**20, 1))") MiB per million posts (CSV folder: $(du -sb "$folder" | cut -f1) bytes)"
fi
