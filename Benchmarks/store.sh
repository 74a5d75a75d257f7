#!/usr/bin/env bash
# Store benchmarks (release build), results in BENCHMARKS.md ("The store"):
#   1. ingest of the synthetic sample at scale 25 (about 1M posts) into a new store, whole
#      process (reading the CSV folder, checking, hashing and writing); then the same ingest again
#      (nothing new); store size per million posts;
#   2. one month of that store (`summary STORE --period 2025-04`) against the same month as a CSV
#      folder (`summary MONTH_FOLDER`), whole process, median of 3 runs each.
# Usage: bash Benchmarks/store.sh [SCALE]   (default 25; data in .build/store-bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-25}
swift build -c release --product reachgraph >/dev/null
bin=.build/release/reachgraph
data=.build/store-bench
mkdir -p "$data"
folder="$data/scale-$scale"
[ -f "$folder/posts.csv" ] || "$bin" generate --seed 20250301 --scale "$scale" --out "$folder" --quiet

seconds() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
median3() { local a b c; a=$("$@"); b=$("$@"); c=$("$@"); printf "%s\n%s\n%s\n" "$a" "$b" "$c" | sort -n | sed -n 2p; }

posts=$(($(wc -l < "$folder/posts.csv") - 1))
echo "input: $folder ($posts posts, $(du -sh "$folder" | cut -f1) of CSV)"
store="$data/scale-$scale.sqlite"
rm -f "$store" "$store-wal" "$store-shm"
echo "ingest into a new store (s, max RSS KiB):   $(seconds "$bin" ingest "$folder" --into "$store" --quiet)"
echo "same ingest again, nothing new (s, KiB):    $(seconds "$bin" ingest "$folder" --into "$store" --quiet)"
bytes=$(stat -c %s "$store")
echo "store size: $bytes bytes = $(python3 -c "print(round($bytes / $posts * 1e6 / 2**20, 1))") MiB per million posts"

month=2025-04
monthFolder="$data/scale-$scale-$month"
if [ ! -f "$monthFolder/posts.csv" ]; then
  mkdir -p "$monthFolder"
  cp "$folder/accounts.csv" "$monthFolder/"
  awk -F, -v m="$month" 'NR == 1 || index($3, m) == 1' "$folder/posts.csv" > "$monthFolder/posts.csv"
  awk -F, -v m="$month" 'NR == 1 || $3 == m' "$folder/metrics.csv" > "$monthFolder/metrics.csv"
fi
one() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
echo "one month ($(($(wc -l < "$monthFolder/posts.csv") - 1)) posts), summary, median of 3 (s):"
echo "  store --period $month:  $(median3 one "$bin" summary "$store" --period "$month" --quiet)"
echo "  CSV month folder:       $(median3 one "$bin" summary "$monthFolder" --quiet)"
