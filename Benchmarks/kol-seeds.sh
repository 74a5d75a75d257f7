#!/usr/bin/env bash
# `kol` at several betweenness budgets and `seeds --k 5` on the 2.5M IRA-sized posts (SYNTHETIC,
# issue #13: any command ≤ 3 s and ≤ 1 GB). Whole `reachgraph` processes, one after the other,
# with wall time, CPU time (user + system) and peak RSS from /usr/bin/time and the 1-minute load
# average before each run; pandas `read_csv` of the same file first, as the floor any reader of
# it pays. For `kol`: the note (searches sampled, cost of a search, settled or not) and how many
# of its top 20 accounts by KOL score are in the top 20 of the largest budget. Prints Markdown;
# BENCHMARKS.md ("kol's betweenness budget and seeds on 2.5M IRA-sized posts") quotes it.
#
#     Benchmarks/kol-seeds.sh ["2 5 10 60"]      # budgets in seconds; the last is the reference
#     Benchmarks/kol-seeds.sh none               # seeds only
#     KOL_ONLY=1 Benchmarks/kol-seeds.sh "2 20"  # kol only
#
# REACHGRAPH_BIN: a release reachgraph built already (else built into SCRATCH_PATH).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
budgets="${1:-2 5 10 60}"
peer_packages pandas==2.3.3
python="$venv/bin/python"
ira="$data/posts-ira-2.5m.csv"
[ -s "$ira" ] || "$python" Benchmarks/generate_posts.py --rows 2500000 --layout ira --out "$ira"
reachgraph="${REACHGRAPH_BIN:-$(release_binary reachgraph)}"

# Runs a command with its output in stdout.txt; sets `row` to "wall s, CPU s CPU, MiB (load L)".
measure() {
    local load
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$@" > "$data/stdout.txt" 2> "$data/stderr.txt" || true
    read -r wall user system kilobytes < <(tail -1 "$data/time.txt")
    row="$wall s, $(echo "$user + $system" | bc) s CPU, $((kilobytes / 1024)) MiB (load $load)"
}

echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
measure "$python" -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$ira"
echo "pandas read_csv of the file: $row."
echo
[ "$budgets" = none ] && budgets=""
[ -z "$budgets" ] || { echo "| command | wall, CPU, peak | note |"; echo "|---|---|---|"; }
for budget in $budgets; do
    measure "$reachgraph" kol "$ira" --exact-betweenness-budget "${budget}s" --format csv -o "$data/kol-$budget.csv"
    note="$(grep '^note: betweenness' "$data/stderr.txt" | sed 's/^note: betweenness: //' || true)"
    echo "| \`kol --exact-betweenness-budget ${budget}s\` | $row | $note |"
done
reference="${budgets##* }"
[ -z "$budgets" ] || { echo; echo "Top 20 by KOL score shared with the ${reference} s budget's:"; }
for budget in $budgets; do
    shared="$("$python" - "$data/kol-$budget.csv" "$data/kol-$reference.csv" <<'PY'
import csv, sys
def top(path):
    with open(path, newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle)}
print(len(top(sys.argv[1]) & top(sys.argv[2])))
PY
)"
    echo "- ${budget} s: $shared of 20"
done
if [ -n "${KOL_ONLY:-}" ]; then
    echo; echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)."; exit 0
fi
echo
echo "| command | wall, CPU, peak | result |"
echo "|---|---|---|"
for arguments in "--k 5" "--k 5 --runs 10000" "--k 5 --model ic"; do
    # shellcheck disable=SC2086
    measure "$reachgraph" seeds "$ira" $arguments --table reach --format csv
    result="$(grep -v '^warning' "$data/stderr.txt" | head -1 | cut -c1-300 || true)"
    [ -n "$result" ] || result="$(grep -E '^(expected reach|runs),' "$data/stdout.txt" | tr '\n' ' ')"
    echo "| \`seeds $arguments\` | $row | $result |"
done
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)."
