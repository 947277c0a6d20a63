#!/bin/sh
# open-latency.sh: time from process start to the first overview of a case in the real
# window under Xvfb, and the window's memory then.
#
#   scripts/open-latency.sh BINARY CASE [RUNS]
#
# Each run (default 3) starts BINARY --db CASE on a fresh Xvfb screen (1600x1000, HOME a
# fresh folder, so the window opens at its default size) and captures the screen every
# 100 ms for DURATION seconds (default 20), see open-latency/caps.c. The overview is the
# picture the window settles on: its time is that of the first capture showing it (so
# up to 100 ms late), which must come before the last 5 s of the run (else the window
# was still changing). Printed a run: that time, the last change, the CPU time the
# process used until then (user and system, all its threads: under load the wall time
# is mostly waiting for a core), VmRSS then and at the end, VmHWM, and the live heap the last garbage collection left (GODEBUG=gctrace=1).
# The settled picture is kept as OUT/runN.png (OUT default ./open-latency-out).
# Needs Xvfb, gcc, the X11 library and ImageMagick's convert. DISPLAY_NUM picks the
# display (default 97).
set -eu
bin=$1 case=$2 runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-./open-latency-out}
dur=${DURATION:-20}
num=${DISPLAY_NUM:-97}
work=$(mktemp -d)
xvfb=""
cleanup() {
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM
mkdir -p "$out"
gcc -O2 -o "$work/caps" "$here/open-latency/caps.c" -lX11
Xvfb ":$num" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$num" LANG=C.UTF-8
sleep 1
for r in $(seq "$runs"); do
	rm -rf "$work/home" "$work/caps-out"
	mkdir -p "$work/home" "$work/caps-out"
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	HOME="$work/home" GODEBUG=gctrace=1 "$work/caps" "$work/caps-out" 100 "$dur" 1600 1000 -- \
		"$bin" --db "$case" >"$work/caps.txt" 2>"$work/app.log" || true
	if grep -q '^# exited' "$work/caps.txt"; then
		echo "open-latency: $bin exited:" >&2
		cat "$work/app.log" >&2
		exit 1
	fi
	final=$(tail -1 "$work/caps.txt" | cut -d' ' -f2)
	first=$(awk -v h="$final" '$2 == h { print; exit }' "$work/caps.txt")
	change=$(awk -v h="$final" 'prev != "" && $2 != prev { t = $1 } { prev = $2 } END { print t + 0 }' "$work/caps.txt")
	endline=$(tail -1 "$work/caps.txt")
	heap=$(grep '^gc ' "$work/app.log" | tail -1 | sed -n 's/.*->\([0-9]*\) MB.*/\1/p')
	gcs=$(grep -c '^gc ' "$work/app.log" || true)
	t=$(echo "$first" | cut -d' ' -f1)
	echo "run $r (load $load): overview at $t ms (last change $change ms), the process's CPU time by then $(echo "$first" | cut -d' ' -f5) ms; RSS then $(echo "$first" | cut -d' ' -f3) kB, at ${dur} s $(echo "$endline" | cut -d' ' -f3) kB, peak $(echo "$endline" | cut -d' ' -f4) kB; live heap after the last of $gcs GCs ${heap:-?} MB"
	if [ "$change" -gt $(((dur - 5) * 1000)) ]; then
		echo "open-latency: run $r still changing at $change ms; settle longer (DURATION)" >&2
	fi
	convert "$work/caps-out/$(printf '%06d' "$t").ppm" "$out/run$r.png"
done
