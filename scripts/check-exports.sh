#!/usr/bin/env bash
# Reads every `reachgraph export` format back with NetworkX, Python's json and csv modules and
# Graphviz's parser (Tests/ReachGraphTests/Fixtures/check_exports.py); exits non-zero when any
# check fails. NetworkX comes from PyPI into .venv (gitignored), created only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=".venv"
if ! "$venv/bin/python" -c "import networkx" 2> /dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet networkx==3.6.1
fi
binary="${1:-.build/debug/reachgraph}"
[ -x "$binary" ] || swift build --product reachgraph
"$venv/bin/python" Tests/ReachGraphTests/Fixtures/check_exports.py "$binary"
