#!/usr/bin/env bash
# Issue 11's speed bar: the demo's report.html renders in headless Chromium (Debian's chromium) in under
# 2 seconds. Runs the demo (release build), then five times each:
#   - in-page: milliseconds from navigation to the end of the page with style and layout done (a copy of
#     the page whose last script forces layout of every chart and writes performance.now() into the DOM);
#   - whole browser: wall-clock of a 1280 px screenshot of the report, and of an empty page (Chromium's
#     own start and stop), whose difference is what the report costs the browser.
# Prints the page's size and the figures of each run.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
command -v chromium > /dev/null || { echo "chromium is missing: bash Scripts/install-system-packages.sh" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$binary" demo --fixtures "$root/Fixtures" --output-folder "$work/demo" > /dev/null
page="$work/demo/report.html"
echo "report.html: $(stat -c %s "$page") bytes, $(grep -o '<rect' "$page" | wc -l) rectangles, $(grep -o '<path' "$page" | wc -l) paths"
probe='<script>document.querySelectorAll("svg").forEach(function(s){s.getBBox();});document.body.getBoundingClientRect();document.body.setAttribute("data-rendered-ms",performance.now().toFixed(1));</script></body>'
sed "s|</body>|$probe|" "$page" > "$work/probe.html"
echo '<!DOCTYPE html><html><body></body></html>' > "$work/blank.html"
browse() {  # browse OUTPUT-FLAG PAGE: wall-clock milliseconds of one headless run
    local start end
    start=$(date +%s%N)
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile" \
        --window-size=1280,900 "$1" "file://$2" > "$work/out.txt" 2> /dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
for run in 1 2 3 4 5; do
    browse --dump-dom "$work/probe.html" > /dev/null
    in_page=$(grep -o 'data-rendered-ms="[0-9.]*"' "$work/out.txt" | grep -o '[0-9.]*')
    report=$(browse --screenshot="$work/report.png" "$page")
    blank=$(browse --screenshot="$work/blank.png" "$work/blank.html")
    echo "run $run: in-page ${in_page} ms to layout; screenshot of the report ${report} ms, of an empty page ${blank} ms (difference $(( report - blank )) ms)"
done
