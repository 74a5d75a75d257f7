#!/usr/bin/env bash
# Installs the system packages ReachGraph needs, only when something is missing:
# Graphviz's C libraries and headers (in-process rendering), the graphviz tools (checks and
# benchmarks), a CJK font so Chinese labels render as glyphs in PNG and PDF, Python's venv
# (the NetworkX read-back of exports runs in one), Chromium (the briefing page's browser check)
# and SQLite's headers (GRDB, under the store).
set -euo pipefail

# chromium: make test checks the briefing page in a headless browser.
packages=(pkg-config libgraphviz-dev graphviz fontconfig fonts-wqy-zenhei python3-venv chromium libsqlite3-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Graphviz finds its layout and render plugins through config6a; a missing list would only show
# at the first render, so build it now and fail loudly if it cannot be built.
plugin_dir=$(pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
if [ ! -f "$plugin_dir/config6a" ]; then
  if command -v libgvc6-config-update >/dev/null; then ${sudo:-} libgvc6-config-update -c; else ${sudo:-} dot -c; fi
fi
[ -f "$plugin_dir/config6a" ] || { echo "error: Graphviz plugin list $plugin_dir/config6a is missing" >&2; exit 1; }
pkg-config --exists libgvc || { echo "error: pkg-config cannot find libgvc" >&2; exit 1; }
fc-list | grep -qi "WenQuanYi Zen Hei" || { echo "error: the CJK font WenQuanYi Zen Hei is not installed" >&2; exit 1; }
