#!/bin/sh
# wheel-latency.sh: wheel-zoom latency of two builds side by side in one run, from the
# input to the first changed pixels, in the real window under Xvfb.
#
#   scripts/wheel-latency.sh BEFORE_BINARY AFTER_BINARY CASE [ROUNDS] [TRIALS]
#
# Both windows (1600x1000 each, side by side on one 3200x1000 Xvfb screen) open CASE (the
# same file: the two builds must read the same schema) and, after WAIT seconds (default
# 90) for the first overview, take turns: TRIALS wheel notches each (four in, four out,
# over the first lane's rows), ROUNDS times (defaults 4 and 8). A notch is sent with
# XTest and the axis strip is read back with XGetImage until it differs (see lat.c).
# AFTER_CASE, when set, is the file the after build opens instead (a copy, when the
# after build would migrate the case to a schema the before build cannot read).
# Needs Xvfb, xdotool, gcc and the X11 and XTest libraries. DISPLAY_NUM picks the
# display (default 97). Prints each side's latencies and median.
set -eu
before=$1 after=$2 case=$3 rounds=${4:-4} trials=${5:-8}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
num=${DISPLAY_NUM:-97}
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	sleep 2 # the windows write their preferences as they close
	rm -rf "$work"
}
trap cleanup EXIT INT TERM
gcc -O2 -o "$work/lat" "$here/wheel-latency/lat.c" -lX11 -l:libXtst.so.6
Xvfb ":$num" -screen 0 3200x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids="$!"
export DISPLAY=":$num" HOME="$work/home" LANG=C.UTF-8
mkdir -p "$HOME"
sleep 1
x=0
for bin in "$before" "$after"; do
	db=$case
	[ "$bin" = "$after" ] && db=${AFTER_CASE:-$case}
	"$bin" --db "$db" >"$work/app$x.log" 2>&1 &
	pid=$!
	pids="$pid $pids"
	if ! win=$(timeout 120 xdotool search --sync --pid "$pid" --name Chronoscope | head -1) || [ -z "$win" ]; then
		echo "wheel-latency: $bin opened no window:" >&2
		cat "$work/app$x.log" >&2
		exit 1
	fi
	xdotool windowsize "$win" 1600 1000 windowmove "$win" "$x" 0
	x=$((x + 1600))
done
sleep "${WAIT:-90}"
# The pointer over the first lane's rows; the axis strip is watched.
for r in $(seq "$rounds"); do
	echo "# round $r: $(uptime)"
	"$work/lat" 800 185 0 72 1600 40 "$trials" | sed 's/^/before /'
	"$work/lat" 2400 185 1600 72 1600 40 "$trials" | sed 's/^/after /'
done | tee "$work/out.txt"
for side in before after; do
	grep "^$side " "$work/out.txt" | awk '{print $4}' | sort -n | awk -v s="$side" '
		{ v[NR] = $1 } END { printf "%s: %d notches, median %.0f ms, p90 %.0f ms, min %.0f, max %.0f\n", s, NR, v[int((NR+1)/2)], v[int(NR*0.9)], v[1], v[NR] }'
done
