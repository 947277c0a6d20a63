#!/bin/sh
# screenshots.sh BINARY OUTDIR: the user guide's screenshots (docs/guide/*.png), taken from
# the real window under Xvfb (make screenshots). The window opens the default case of a
# scratch profile, so it shows the sample chronology; xdotool presses the keys an analyst
# would. SHOTS_DISPLAY picks the X display number to start from (default 99).
set -eu
bin=$(realpath "$1")
out=$(realpath -m "$2")
if [ -z "${SHOTS_INNER:-}" ]; then
  mkdir -p "$out"
  SHOTS_INNER=1 exec xvfb-run -a -n "${SHOTS_DISPLAY:-99}" -s "-screen 0 1400x900x24 -nolisten tcp" \
    sh "$0" "$bin" "$out"
fi

profile=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }; rm -rf "$profile"' EXIT
export HOME="$profile" XDG_DATA_HOME="$profile/data" XDG_CONFIG_HOME="$profile/config" \
  XDG_CACHE_HOME="$profile/cache" LANG=C.UTF-8

"$bin" 2>"$profile/stderr" & pid=$!
win=""
for _ in $(seq 100); do
  win=$(xdotool search --name '^Chronoscope - ' 2>/dev/null | head -1) && [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { echo "screenshots: the window did not open" >&2; exit 1; }
xdotool windowsize "$win" 1400 900 windowmove "$win" 0 0
sleep 2 # the case's first query and the first frame

shot() { sleep "${2:-1}"; import -window root "$out/$1.png"; echo "$out/$1.png"; }
key() { xdotool key --window "$win" "$@"; }

shot main 1
# The search narrows the timeline and the list to the matches.
xdotool mousemove 700 60 click 1
xdotool type --delay 120 'summit'
shot search 1.5
key Escape
# A new event, the date read back in words under the field.
key ctrl+n
sleep 1
xdotool type --delay 80 'Envoys meet in Beijing'
key Tab
xdotool type --delay 150 '2023-10-18~'
shot form 2.5
key Escape
# The keyboard shortcuts, read from the menus.
sleep 0.5
key ctrl+slash
shot shortcuts 1
key Escape
