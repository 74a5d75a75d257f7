#!/usr/bin/env bash
# Checks a briefing page in a real browser: renders index.html with headless Chromium to a PNG
# screenshot, then checks the page really drew (a non-trivial image, the SVG figures present).
# Installs Chromium through apt-get when missing. Usage:
#   scripts/screenshot-brief.sh [BRIEF_DIR] [OUT.png]
set -euo pipefail
brief=${1:-graphs/sample/brief}
out=${2:-/tmp/reachgraph-brief.png}
[ -f "$brief/index.html" ] || { echo "error: $brief/index.html not found (run: reachgraph brief graphs/sample -o $brief)" >&2; exit 1; }
if ! command -v chromium >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei >/dev/null
fi
page="file://$(cd "$brief" && pwd)/index.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,6000 \
  --screenshot="$out" "$page" >/dev/null 2>&1
python3 - "$out" "$brief/index.html" <<'PY'
import struct, sys
png, html = sys.argv[1], sys.argv[2]
data = open(png, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 6000), (width, height)
assert len(data) > 100_000, f"screenshot suspiciously small ({len(data)} bytes): the page may be blank"
text = open(html, encoding="utf-8").read()
assert text.count("<svg") >= 2 and "<h2>" in text
print(f"ok: {png} {width}x{height}, {len(data)} bytes")
PY
