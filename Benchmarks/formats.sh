#!/usr/bin/env bash
# Times reading platform exports: `reachgraph summary` (whole process, release build) against
# pandas `read_csv` / `read_json(lines=True)` on the same SYNTHETIC files, one right after the
# other, with wall time, CPU time (user + sys), throughput and peak memory from /usr/bin/time and
# the load average at the start of each run. Results go to standard output; BENCHMARKS.md quotes
# them with this command.
#
#     [REACHGRAPH=binary] Benchmarks/formats.sh [ROWS] [TWEETS] [PARTS]
#         default: 2,500,000 IO-archive rows, 300,000 tweets, PARTS "csv jsonl" (either or both)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
rows="${1:-2500000}"
tweets="${2:-300000}"
parts="${3:-csv jsonl}"
peer_packages pandas==2.3.3
csv="$data/io-archive-synthetic.csv"
jsonl="$data/twitter-v1-synthetic.jsonl"
if [[ " $parts " == *" csv "* ]] && { [ ! -s "$csv" ] || [ "$(($(wc -l < "$csv") - 1))" != "$rows" ]; }; then
    python3 Benchmarks/generate_formats.py --rows "$rows" --out "$data" --only csv
fi
if [[ " $parts " == *" jsonl "* ]] && { [ ! -s "$jsonl" ] || [ "$(wc -l < "$jsonl")" != "$tweets" ]; }; then
    python3 Benchmarks/generate_formats.py --tweets "$tweets" --out "$data" --only jsonl
fi
# REACHGRAPH: a release binary built earlier (a copy), so a build can run meanwhile.
reachgraph="${REACHGRAPH:-$(release_binary reachgraph)}"

measure() { # label, file, command...
    local label="$1" file="$2"; shift 2
    local load bytes
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    bytes="$(stat -c %s "$file")"
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$@" > /dev/null
    read -r wall user sys kilobytes < "$data/time.txt"
    awk -v label="$label" -v wall="$wall" -v user="$user" -v sys="$sys" -v kb="$kilobytes" -v bytes="$bytes" -v load="$load" 'BEGIN {
        cpu = user + sys
        printf "%-42s %7.2f s wall %7.2f s cpu %7.1f MB/s wall %7.1f MB/s cpu %6.0f MB peak  load %s\n",
            label, wall, cpu, bytes / 1e6 / wall, bytes / 1e6 / cpu, kb / 1024, load
    }'
}

echo "Run $(date -u '+%Y-%m-%d %H:%M') UTC at $(git rev-parse --short HEAD 2> /dev/null || echo '?'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for part in $parts; do
    case "$part" in
    csv)
        echo "IO-archive CSV: $(du -m "$csv" | cut -f1) MB ($rows rows)"
        measure "reachgraph summary (IO-archive CSV)" "$csv" "$reachgraph" summary "$csv" --quiet
        measure "pandas read_csv (IO-archive CSV)" "$csv" "$venv/bin/python" -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$csv"
        ;;
    jsonl)
        echo "Twitter v1.1 JSON lines: $(du -m "$jsonl" | cut -f1) MB ($tweets tweets)"
        measure "reachgraph summary (v1.1 JSON lines)" "$jsonl" "$reachgraph" summary "$jsonl" --quiet
        measure "pandas read_json lines (v1.1 JSON lines)" "$jsonl" "$venv/bin/python" -c "import pandas, sys; pandas.read_json(sys.argv[1], lines=True)" "$jsonl"
        ;;
    *) echo "unknown part $part (csv, jsonl)" >&2; exit 2 ;;
    esac
done
