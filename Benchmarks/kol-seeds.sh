#!/usr/bin/env bash
# `kol` at several betweenness budgets, `seeds --k 5` and `brief` on the 2.5M IRA-sized posts
# (SYNTHETIC, issue #13: any command ≤ 3 s and ≤ 1 GB). Whole `reachgraph` processes, one after the
# other, with wall time, CPU time (user + system) and peak RSS from /usr/bin/time and the 1-minute
# load average before each run; pandas `read_csv` of the same file first, as the floor any reader
# of it pays. For `kol`: the note (searches sampled, cost of a search, settled or not) and how many
# of its top 20 accounts by KOL score are in the top 20 of the largest budget. Prints Markdown;
# BENCHMARKS.md ("kol's betweenness budget and seeds on 2.5M IRA-sized posts", "kol, seeds and
# brief on 2.5M posts beside main") quotes it.
#
#     Benchmarks/kol-seeds.sh ["2 5 10 60"]      # budgets in seconds; the last is the reference
#     Benchmarks/kol-seeds.sh none               # seeds (and brief) only
#     KOL_ONLY=1 Benchmarks/kol-seeds.sh "2 20"  # kol only
#     BRIEF=1 Benchmarks/kol-seeds.sh none       # also `brief` (its own row, after seeds)
#     BRIEF=only Benchmarks/kol-seeds.sh none    # `brief` alone
#
# REACHGRAPH_BIN: a release reachgraph built already (else built into SCRATCH_PATH).
# BASE: another release build (main's, say) run right after it on every row; the row then shows
# both, and whether they wrote the same bytes (`cmp` of standard output and every file written).
# BRIEF_ARGS: extra arguments of the brief row (BRIEF_ARGS="--bootstrap 0").
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
budgets="${1:-2 5 10 60}"
peer_packages pandas==2.3.3
python="$venv/bin/python"
ira="$data/posts-ira-2.5m.csv"
[ -s "$ira" ] || "$python" Benchmarks/generate_posts.py --rows 2500000 --layout ira --out "$ira"
reachgraph="${REACHGRAPH_BIN:-$(release_binary reachgraph)}"
base="${BASE:-}"

# Runs a command with its output in TAG.stdout and TAG.stderr; sets `row` to "wall s, CPU s CPU,
# MiB (load L)".
measure() {
    local tag="$1" load
    shift
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$@" > "$data/$tag.stdout" 2> "$data/$tag.stderr" || true
    read -r wall user system kilobytes < <(tail -1 "$data/time.txt")
    row="$wall s, $(echo "$user + $system" | bc) s CPU, $((kilobytes / 1024)) MiB (load $load)"
}

# Runs ARGUMENTS (where @OUT@ stands for an output path made from TAG) with this build and, when
# BASE is set, with BASE; sets `ours` and `theirs` to the rows and `same` to yes or no (`cmp` of
# standard output and of the output, file or folder).
compare() {
    local tag="$1" arguments=() argument
    shift
    for argument in "$@"; do arguments+=("${argument//@OUT@/$data/$tag.out}"); done
    rm -rf "$data/$tag.out" "$data/$tag-base.out"
    measure "$tag" "$reachgraph" "${arguments[@]}"
    ours="$row"
    theirs="" same=""
    [ -n "$base" ] || return 0
    arguments=()
    for argument in "$@"; do arguments+=("${argument//@OUT@/$data/$tag-base.out}"); done
    measure "$tag-base" "$base" "${arguments[@]}"
    theirs="$row"
    same=yes
    cmp -s "$data/$tag.stdout" "$data/$tag-base.stdout" || same=no
    if [ -e "$data/$tag.out" ] || [ -e "$data/$tag-base.out" ]; then
        diff -rq "$data/$tag.out" "$data/$tag-base.out" > /dev/null 2>&1 || same=no
    fi
}

# A table row: the command, this build, BASE's build and whether they agree (when BASE is set).
print_row() {
    if [ -n "$base" ]; then echo "| \`$1\` | $ours | $theirs | $same | $2 |"; else echo "| \`$1\` | $ours | $2 |"; fi
}
header() {
    if [ -n "$base" ]; then
        echo "| command | this build: wall, CPU, peak | BASE: wall, CPU, peak | same bytes | $1 |"; echo "|---|---|---|---|---|"
    else
        echo "| command | wall, CPU, peak | $1 |"; echo "|---|---|---|"
    fi
}

echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)."
[ -z "$base" ] || echo "This build: $reachgraph; BASE: $base."
echo
measure pandas "$python" -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$ira"
echo "pandas read_csv of the file: $row."
echo
[ "$budgets" = none ] && budgets=""
[ "${BRIEF:-}" = only ] && budgets=""
[ -z "$budgets" ] || header note
for budget in $budgets; do
    compare "kol-$budget" kol "$ira" --exact-betweenness-budget "${budget}s" --format csv -o @OUT@
    note="$(grep '^note: betweenness' "$data/kol-$budget.stderr" | sed 's/^note: betweenness: //' || true)"
    print_row "kol --exact-betweenness-budget ${budget}s" "$note"
done
reference="${budgets##* }"
[ -z "$budgets" ] || { echo; echo "Top 20 by KOL score shared with the ${reference} s budget's:"; }
for budget in $budgets; do
    shared="$("$python" - "$data/kol-$budget.out" "$data/kol-$reference.out" <<'PY'
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
if [ "${BRIEF:-}" != only ]; then
    echo
    header result
    for arguments in "--k 5" "--k 5 --runs 10000" "--k 5 --model ic"; do
        tag="seeds-${arguments// /}"
        # shellcheck disable=SC2086
        compare "$tag" seeds "$ira" $arguments --table reach --format csv
        result="$(grep -v '^warning' "$data/$tag.stderr" | head -1 | cut -c1-300 || true)"
        [ -n "$result" ] || result="$(grep -E '^(expected reach|runs),' "$data/$tag.stdout" | tr '\n' ' ')"
        print_row "seeds $arguments" "$result"
    done
fi
if [ -n "${BRIEF:-}" ]; then
    echo
    header result
    # shellcheck disable=SC2086
    compare brief brief "$ira" -o @OUT@ ${BRIEF_ARGS:-}
    result="$(grep -E '^(wrote|trimmed or skipped)' "$data/brief.stderr" | tr '\n' ' ' | cut -c1-600 || true)"
    print_row "brief${BRIEF_ARGS:+ $BRIEF_ARGS}" "$result"
fi
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)."
