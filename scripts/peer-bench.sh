#!/usr/bin/env bash
# Measures Chronoscope beside its browser peer, vis-timeline 8.5.4 in headless Chromium,
# in one run on the same machine state, at the same 1600x1000 (the figures are quoted in
# docs/performance.md, "Beside the browser peer"):
#
#   first render  vis-timeline: from new Timeline() to the first painted frame, the items
#                 already made in the page; Chronoscope: `chronoscope snapshot` of the
#                 case, the whole process (start, open the case, read its marks, lay out,
#                 paint, write the PNG): more than the window's own first frame.
#   zoom step     vis-timeline: zoomIn/zoomOut(0.2) to the next painted frame, median of 8;
#                 Chronoscope: BenchmarkZoomStep (view=whole) in app/timelineview, one
#                 wheel notch through the real widget and renderer (frame data, label
#                 layout, paint; not the upload to the screen).
#
#   scripts/peer-bench.sh                 # 20,000 and 100,000 items
#   SIZES="20000" scripts/peer-bench.sh
#
# The npm packages (vis-timeline, playwright-core) are installed into scripts/peer by
# npm ci from its lock file on the first run, never committed; Chromium is Debian's
# (CHROMIUM=/usr/bin/chromium). Run it on a quiet machine: `uptime` is printed with it.
set -euo pipefail

SIZES=${SIZES:-"20000 100000"}
GO=${GO:-go}
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/peer-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ ! -d scripts/peer/node_modules/vis-timeline ]; then
	echo "installing the peer: npm ci in scripts/peer"
	(cd scripts/peer && npm ci --no-audit --no-fund --silent)
fi
"$GO" build -o "$work/chronoscope" .
uptime

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

for n in $SIZES; do
	"$GO" run ./scripts/gencsv -rows "$n" -out "$work/events-$n.csv"
	"$work/chronoscope" --db "$work/case-$n.chronoscope" import "$work/events-$n.csv" >/dev/null
	best=""
	for run in 1 2 3; do
		t=$(date +%s%N)
		"$work/chronoscope" --db "$work/case-$n.chronoscope" snapshot --out "$work/snap.png" --width 1600 --height 1000 >/dev/null
		took=$(ms "$t")
		if [ -z "$best" ] || [ "$took" -lt "$best" ]; then best=$took; fi
	done
	zoom=$(CHRONOSCOPE_BENCH_EVENTS=$n "$GO" test -run '^$' -bench "BenchmarkZoomStep/view=whole/events=$n\$" -benchtime 40x ./app/timelineview/ |
		awk '/ns\/op/ { printf "%.1f", $3 / 1e6 }')
	echo "{\"app\":\"chronoscope\",\"items\":$n,\"first_render_ms\":$best,\"zoom_step_ms\":$zoom}"
	(cd scripts/peer && node vis-bench.mjs "$n")
done
