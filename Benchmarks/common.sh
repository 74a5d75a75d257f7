# Sourced by benchmark scripts: moves to the repository root and sets `venv` and `data`.
#
#     source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
#     peer_packages pandas==2.3.3            # into Benchmarks/.venv, each only when its import fails
#     reachgraph="$(release_binary reachgraph)"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="Benchmarks/.venv"
data="Benchmarks/data"
mkdir -p "$data"

# Creates the venv when missing and installs each pinned NAME==VERSION that it cannot import.
peer_packages() {
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    local package
    for package in "$@"; do
        "$venv/bin/python" -c "import ${package%%==*}" 2> /dev/null || "$venv/bin/pip" install --quiet "$package"
    done
}

# Builds PRODUCT in release mode (in SCRATCH_PATH, a separate build folder, so a release build
# need not wait for a debug one; .build by default) and prints the binary's path. The build's
# own output goes to standard error, keeping standard output for results.
release_binary() {
    local scratch=(--scratch-path "${SCRATCH_PATH:-.build}")
    swift build -c release --product "$1" "${scratch[@]}" >&2
    echo "$(swift build -c release --product "$1" "${scratch[@]}" --show-bin-path)/$1"
}

# One measurement: prints "wall cpu peak_mb load" for a command run with its output discarded
# (wall, user + system and peak RSS from /usr/bin/time; the load average before the run).
measure() {
    local load
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$@" > /dev/null 2> "$data/stderr.txt" || {
        echo "failed: $*" >&2; cat "$data/stderr.txt" >&2; exit 1
    }
    read -r wall user system kilobytes < "$data/time.txt"
    echo "$wall $(echo "$user + $system" | bc) $((kilobytes / 1024)) $load"
}
