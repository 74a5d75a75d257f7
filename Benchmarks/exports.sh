#!/usr/bin/env bash
# Times `reachgraph export` in every format on the 2.5M IRA-sized posts (issue #13: "any command
# ≤ 3 s and ≤ 1 GB"): whole processes (release build) with wall time, CPU time (user + system),
# peak RSS from /usr/bin/time and the load average before each run, beside pandas reading the
# same SYNTHETIC file and writing it back as CSV and as JSON lines. Prints a Markdown table;
# BENCHMARKS.md ("Exports of 2.5M posts") quotes it with this command.
#
#     Benchmarks/exports.sh                 # this checkout's release build
#     BASE=/path/to/reachgraph Benchmarks/exports.sh
#                                           # also times BASE and checks with `cmp` that both
#                                           # builds write the same bytes in every format
#     REACHGRAPH=/path/to/reachgraph Benchmarks/exports.sh
#                                           # times that binary instead of building this checkout
#
# The file is generated into Benchmarks/data/ when missing (generate_posts.py, seeded). Outputs go
# to Benchmarks/data/out/exports/ (about 2 GB; removed at the end). SCRATCH_PATH names a separate
# build folder, so the release build need not wait for a debug one.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
peer_packages pandas==2.3.3
python="$venv/bin/python"

ira="$data/posts-ira-2.5m.csv"
[ -s "$ira" ] || "$python" Benchmarks/generate_posts.py --rows 2500000 --layout ira --out "$ira"
reachgraph="${REACHGRAPH:-$(release_binary reachgraph)}"
base="${BASE:-}"
out="$data/out/exports"
rm -rf "$out"
mkdir -p "$out/new" "$out/base"

cell() { # wall cpu mib load
    printf '%.2f s, %.2f s CPU, %s MiB (load %s)' "$1" "$2" "$3" "$4"
}

echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); one round."
echo
if [ -n "$base" ]; then
    echo "| \`export --to\` (whole process) | this build | BASE build | same bytes |"
    echo "|---|---|---|---|"
else
    echo "| \`export --to\` (whole process) | this build |"
    echo "|---|---|"
fi
read -r wall cpu mib load <<< "$(measure "$reachgraph" summary "$ira" --quiet)"
if [ -n "$base" ]; then
    read -r bwall bcpu bmib bload <<< "$(measure "$base" summary "$ira" --quiet)"
    echo "| (\`summary\`: reading alone) | $(cell "$wall" "$cpu" "$mib" "$load") | $(cell "$bwall" "$bcpu" "$bmib" "$bload") | |"
else
    echo "| (\`summary\`: reading alone) | $(cell "$wall" "$cpu" "$mib" "$load") |"
fi
for format in csv json graphml gexf dot; do
    target="out.$format"
    [ "$format" = csv ] && target="csv"
    read -r wall cpu mib load <<< "$(measure "$reachgraph" export "$ira" --to "$format" -o "$out/new/$target" --quiet)"
    if [ -n "$base" ]; then
        read -r bwall bcpu bmib bload <<< "$(measure "$base" export "$ira" --to "$format" -o "$out/base/$target" --quiet)"
        same=yes
        if [ "$format" = csv ]; then
            for file in "$out/base/csv/"*; do cmp -s "$file" "$out/new/csv/$(basename "$file")" || same=no; done
            [ "$(ls "$out/base/csv")" = "$(ls "$out/new/csv")" ] || same=no
        else
            cmp -s "$out/base/$target" "$out/new/$target" || same=no
        fi
        echo "| $format | $(cell "$wall" "$cpu" "$mib" "$load") | $(cell "$bwall" "$bcpu" "$bmib" "$bload") | $same |"
    else
        echo "| $format | $(cell "$wall" "$cpu" "$mib" "$load") |"
    fi
    rm -rf "${out:?}/new/$target" "${out:?}/base/$target"
done
echo
echo "| pandas 2.3.3 (whole process) | time |"
echo "|---|---|"
read -r wall cpu mib load <<< "$(measure "$python" -c 'import pandas, sys; pandas.read_csv(sys.argv[1]).to_csv(sys.argv[2], index=False)' "$ira" "$out/pandas.csv")"
echo "| \`read_csv\` + \`to_csv\` | $(cell "$wall" "$cpu" "$mib" "$load") |"
read -r wall cpu mib load <<< "$(measure "$python" -c 'import pandas, sys; pandas.read_csv(sys.argv[1]).to_json(sys.argv[2], orient="records", lines=True)' "$ira" "$out/pandas.json")"
echo "| \`read_csv\` + \`to_json(orient=\"records\", lines=True)\` | $(cell "$wall" "$cpu" "$mib" "$load") |"
rm -rf "$out"
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)."
