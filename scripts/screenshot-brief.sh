#!/usr/bin/env bash
# Checks a briefing page in a real browser. Headless Chromium (installed through apt-get when
# missing) loads index.html 1,000 px wide: the page's inline script must run (it marks <body>
# with data-interactive once figures open full size and tables sort and filter), every figure
# must be inlined, and the screenshot must show a drawn page. Every figure is also held to what
# the page promises at that width: at most 3:1, and no text smaller than 6 px.
# Usage: [SCREENSHOT_HEIGHT=PX] scripts/screenshot-brief.sh BRIEF_DIR [OUT.png]
set -euo pipefail
brief=${1:?usage: scripts/screenshot-brief.sh BRIEF_DIR [OUT.png]}
out=${2:-/tmp/reachgraph-brief.png}
[ -f "$brief/index.html" ] || { echo "error: $brief/index.html not found (run: reachgraph brief graphs/sample -o $brief)" >&2; exit 1; }
if ! command -v chromium >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing chromium (headless browser check)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei >/dev/null
fi
page="file://$(cd "$brief" && pwd)/index.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions)
chromium "${flags[@]}" --window-size=1000,"${SCREENSHOT_HEIGHT:-4000}" --screenshot="$out" "$page" >/dev/null 2>&1
dom=$(mktemp)
trap 'rm -f "$dom"' EXIT
chromium "${flags[@]}" --window-size=1000,4000 --dump-dom "$page" 2>/dev/null >"$dom"
python3 - "$out" "$brief" "$dom" <<'PY'
import glob, os, re, struct, sys
png, brief, dom = sys.argv[1], sys.argv[2], open(sys.argv[3], encoding="utf-8").read()
data = open(png, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width == 1000, f"screenshot is {width} px wide, not 1,000"
assert len(data) > 100_000, f"screenshot suspiciously small ({len(data)} bytes): the page may be blank"
mark = re.search(r'data-interactive="(\d+) figures, (\d+) tables"', dom)
assert mark, "the page's script did not run in Chromium (no data-interactive on <body>)"
figures, tables = int(mark.group(1)), int(mark.group(2))
files = sorted(glob.glob(os.path.join(brief, "figures", "*.svg")))
assert figures == len(files), f"{figures} figures on the page, {len(files)} SVG files"
assert tables > 0, "no sortable tables"
problems = []
for path in files:
    text = open(path, encoding="utf-8").read()
    size = re.search(r'<svg[^>]*?width="([\d.]+)(pt|px)?"[^>]*?height="([\d.]+)(pt|px)?"', text)
    if not size:
        problems.append(f"{path}: no size"); continue
    unit = 4 / 3 if size.group(2) == "pt" else 1
    w, h = float(size.group(1)) * unit, float(size.group(3)) * unit
    fonts = [float(f) * unit for f in re.findall(r'font-size="([\d.]+)', text)]
    smallest = min(fonts) * min(1, 1000 / w) if fonts else None
    aspect = max(w / h, h / w)
    if aspect > 3: problems.append(f"{os.path.basename(path)}: aspect {aspect:.2f} > 3")
    if smallest is not None and smallest < 6: problems.append(f"{os.path.basename(path)}: smallest text {smallest:.1f} px at 1,000 px")
assert not problems, "; ".join(problems)
print(f"ok: {png} {width}x{height}; script ran ({figures} figures, {tables} tables); every figure ≤ 3:1 with text ≥ 6 px at 1,000 px")
PY
