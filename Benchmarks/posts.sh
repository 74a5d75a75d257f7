#!/usr/bin/env bash
# Times reading posts (issues #13 and #10): whole `reachgraph` processes (release build) beside
# pandas `read_csv` of the same SYNTHETIC file, one right after the other, with wall time, CPU
# time (user + system) and peak RSS from /usr/bin/time and the load average before each run.
# Prints a Markdown table; BENCHMARKS.md ("Reading posts") quotes it with this command.
#
#     Benchmarks/posts.sh [ROUNDS]        # default 1 round; each cell is the median over rounds
#
# Files (generated into Benchmarks/data/ when missing, seeded):
#   posts-1m.csv         1,000,000 posts, post_id,author,time,root_post      (generate_posts.py)
#   posts-ira-2.5m.csv   2,500,000 posts, IRA-sized, 8 columns              (generate_posts.py)
#   io-archive-synthetic.csv  2,500,000 rows of the X IO-archive CSV, 31 columns (generate_formats.py)
# Set POSTS_SKIP_ARCHIVE=1 to leave the IO-archive file out; SCRATCH_PATH names a separate build
# folder, so the release build need not wait for a debug one; POSTS_ROWS, a regular expression,
# keeps only the rows whose label matches it (POSTS_ROWS='rank|coordination|summary.*IRA');
# REACHGRAPH names a binary to time instead of building one (a build of another commit, to compare).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
rounds="${1:-1}"
peer_packages pandas==2.3.3
python="$venv/bin/python"

posts1m="$data/posts-1m.csv"
ira="$data/posts-ira-2.5m.csv"
archive="$data/io-archive-synthetic.csv"
[ -s "$posts1m" ] || "$python" Benchmarks/generate_posts.py --rows 1000000 --layout cascades --out "$posts1m"
[ -s "$ira" ] || "$python" Benchmarks/generate_posts.py --rows 2500000 --layout ira --out "$ira"
if [ -z "${POSTS_SKIP_ARCHIVE:-}" ] && { [ ! -s "$archive" ] || [ "$(($(wc -l < "$archive") - 1))" != 2500000 ]; }; then
    "$python" Benchmarks/generate_formats.py --rows 2500000 --only csv --out "$data"
fi
reachgraph="${REACHGRAPH:-$(release_binary reachgraph)}"

# Median of each column over `rounds` runs of the same command.
median_of() {
    local runs=()
    for _ in $(seq "$rounds"); do runs+=("$(measure "$@")"); done
    printf '%s\n' "${runs[@]}" | "$python" -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
print(" ".join(str(statistics.median(column)) for column in zip(*rows)))'
}

pandas_read='import pandas, sys; pandas.read_csv(sys.argv[1])'
row() { # label, file, reachgraph arguments...
    local label="$1" file="$2"; shift 2
    [[ "$label" =~ ${POSTS_ROWS:-.} ]] || return 0
    read -r ours_wall ours_cpu ours_mb ours_load <<< "$(median_of "$reachgraph" "$@")"
    read -r peer_wall peer_cpu peer_mb peer_load <<< "$(median_of "$python" -c "$pandas_read" "$file")"
    printf '| %s | %s MB | %.2f s, %.2f s CPU, %.0f MB (load %s) | %.2f s, %.2f s CPU, %.0f MB (load %s) | %.2f | %.2f | %.2f |\n' \
        "$label" "$(du -m "$file" | cut -f1)" "$ours_wall" "$ours_cpu" "$ours_mb" "$ours_load" "$peer_wall" "$peer_cpu" "$peer_mb" "$peer_load" \
        "$(echo "$ours_wall / $peer_wall" | bc -l)" "$(echo "$ours_cpu / $peer_cpu" | bc -l)" "$(echo "$ours_mb / $peer_mb" | bc -l)"
}

echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); median of $rounds round(s)."
echo
echo "| command (whole process) | file | ReachGraph | pandas read_csv | wall ratio | CPU ratio | memory ratio |"
echo "|---|---|---|---|---|---|---|"
out="$data/out"
mkdir -p "$out"
row "\`cascades\` on 1M posts (4 columns)" "$posts1m" cascades "$posts1m" --quiet -o "$out/cascades-1m.csv" --format csv
row "\`summary\` on 1M posts (4 columns)" "$posts1m" summary "$posts1m" --quiet
row "\`cascades\` on 2.5M IRA-sized posts" "$ira" cascades "$ira" --quiet -o "$out/cascades-ira.csv" --format csv
row "\`summary\` on 2.5M IRA-sized posts" "$ira" summary "$ira" --quiet
row "\`rank --by pagerank\` on 2.5M IRA-sized posts (all 242,489 rows as a text table)" "$ira" rank "$ira" --by pagerank --quiet
row "\`rank --by degree\` on 2.5M IRA-sized posts (all rows, text table)" "$ira" rank "$ira" --by degree --quiet
row "\`coordination --window 60s\` on 2.5M IRA-sized posts" "$ira" coordination "$ira" --window 60s --quiet
if [ -z "${POSTS_SKIP_ARCHIVE:-}" ]; then
    row "\`summary\` on the 2.5M-row IO archive" "$archive" summary "$archive" --quiet
fi
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)."
