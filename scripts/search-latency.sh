#!/bin/sh
# search-latency.sh: from the last key of a search typed into the real window (under
# Xvfb) to the timeline showing its matches.
#
#   scripts/search-latency.sh BINARY CASE TERM [RUNS]
#
# Each run (default 3) opens CASE in a fresh window (1600x1000 Xvfb screen, HOME a fresh
# folder, the window at its default 1400x900), waits WAIT seconds (default 30) for the
# first overview, clicks into the search box, types TERM (lowercase letters) and watches
# the timeline's lanes (see search-latency/searchlat.c): the first change and the last
# (the picture then still for 1.5 s), in ms from the last key. The window applies a
# search 180 ms after the last key (app/query.go), which the figures include.
# Needs Xvfb, gcc and the X11 and XTest libraries. DISPLAY_NUM picks the display
# (default 97).
set -eu
bin=$1 case=$2 term=$3 runs=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
num=${DISPLAY_NUM:-97}
work=$(mktemp -d)
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	sleep 1
	rm -rf "$work"
}
trap cleanup EXIT INT TERM
gcc -O2 -o "$work/searchlat" "$here/search-latency/searchlat.c" -lX11 -l:libXtst.so.6
Xvfb ":$num" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids="$!"
export DISPLAY=":$num" LANG=C.UTF-8
sleep 1
for r in $(seq "$runs"); do
	rm -rf "$work/home"
	mkdir -p "$work/home"
	HOME="$work/home" "$bin" --db "$case" >"$work/app.log" 2>&1 &
	app=$!
	sleep "${WAIT:-30}"
	# The search box, and the lanes between the axis and the overview strip.
	echo "run $r (load $(cut -d' ' -f1-3 /proc/loadavg)): $("$work/searchlat" 600 48 0 110 1390 370 "$term")"
	kill "$app"
	wait "$app" 2>/dev/null || true
done
