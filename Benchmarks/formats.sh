#!/usr/bin/env bash
# Times reading platform exports: `reachgraph summary` (whole process, release build) against
# pandas `read_csv` / `read_json(lines=True)` on the same SYNTHETIC files, one after the other,
# with wall time and peak memory from /usr/bin/time. Results go to standard output; BENCHMARKS.md
# quotes them with this command.
#
#     Benchmarks/formats.sh [ROWS] [TWEETS]      # default 2,500,000 IO-archive rows, 300,000 tweets
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rows="${1:-2500000}"
tweets="${2:-300000}"
venv="Benchmarks/.venv"
data="Benchmarks/data"
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if ! "$venv/bin/python" -c "import pandas" 2> /dev/null; then "$venv/bin/pip" install --quiet pandas==2.3.3; fi
csv="$data/io-archive-synthetic.csv"
jsonl="$data/twitter-v1-synthetic.jsonl"
if [ ! -s "$csv" ] || [ ! -s "$jsonl" ] || [ "$(($(wc -l < "$csv") - 1))" != "$rows" ]; then
    python3 Benchmarks/generate_formats.py --rows "$rows" --tweets "$tweets" --out "$data"
fi
swift build -c release --product reachgraph
reachgraph="$(swift build -c release --product reachgraph --show-bin-path)/reachgraph"

measure() { # label, command...
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" > /dev/null
    read -r seconds kilobytes < "$data/time.txt"
    printf '%-40s %8.2f s %8.0f MB\n' "$label" "$seconds" "$((kilobytes / 1024))"
}

echo "files: $(du -m "$csv" | cut -f1) MB ($rows rows), $(du -m "$jsonl" | cut -f1) MB ($tweets tweets); load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "reachgraph summary (IO-archive CSV)" "$reachgraph" summary "$csv" --quiet
measure "pandas read_csv (IO-archive CSV)" "$venv/bin/python" -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$csv"
measure "reachgraph summary (v1.1 JSON lines)" "$reachgraph" summary "$jsonl" --quiet
measure "pandas read_json lines (v1.1 JSON lines)" "$venv/bin/python" -c "import pandas, sys; pandas.read_json(sys.argv[1], lines=True)" "$jsonl"
