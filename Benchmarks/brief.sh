#!/usr/bin/env bash
# The whole briefing on a generated dataset (release build), results in BENCHMARKS.md ("The
# briefing at scale"): whole-process wall, CPU (user + sys) and peak RSS of `reachgraph brief`,
# with the load average it ran under. No peer builds a briefing, so none runs beside it.
# Usage: bash Benchmarks/brief.sh [SCALE] [SEED]   (default 8 and 7; data in .build/brief-bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-8}
seed=${2:-7}
swift build -c release --product reachgraph >/dev/null
bin=.build/release/reachgraph
data=.build/brief-bench
mkdir -p "$data"
folder="$data/seed-$seed-scale-$scale"
[ -f "$folder/posts.csv" ] || "$bin" generate --seed "$seed" --scale "$scale" --output "$folder" --quiet
posts=$(($(wc -l < "$folder/posts.csv") - 1))
echo "input: reachgraph generate --seed $seed --scale $scale ($posts posts, $(($(wc -l < "$folder/accounts.csv") - 1)) accounts; synthetic)"
echo "load before: $(uptime | sed 's/.*load average: //')"
out="$data/brief-$seed-$scale"
/usr/bin/time -v "$bin" brief "$folder" -o "$out" --quiet 2> "$data/time.txt" >/dev/null
grep -E "Elapsed \(wall|User time|System time|Maximum resident" "$data/time.txt" | sed 's/^\s*//'
echo "load after: $(uptime | sed 's/.*load average: //')"
echo "figures: $(ls "$out/figures" | grep -c '\.svg$') SVG, $(ls "$out/figures" | grep -c '\.png$') PNG; trimmed or skipped: $(grep -c '^- ' <(sed -n '/Trimmed or skipped/,/^## /p' "$out/brief.md") || true)"
