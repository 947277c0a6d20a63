#!/usr/bin/env bash
# Times importing a generated native CSV (1,000,000 rows by default) with
# `chronoscope import` into a new case, side by side with the sqlite3 shell's `.import` of
# the same file into a plain table of a new database, and with the floor of
# scripts/import-floor.sh (SQLite alone filling the case schema from rows already in the
# database), in one run. The figures are quoted in docs/performance.md ("Import").
#
# For chronoscope it reports two times: the foreground, from the start until the import
# says "N added, ..." (the case is committed then: another process can open it and the
# timeline shows every event), and the whole, until the process ends (the full-text rows,
# actor and tag links and other indexes built after the commit, see data/backlog.go);
# and its peak memory.
#
#   scripts/bench-import.sh                 # 1,000,000 rows, 3 runs of each, the floor once
#   ROWS=100000 RUNS=1 scripts/bench-import.sh
#   CSV=/path/events.csv scripts/bench-import.sh   # an existing file instead
#   FLOOR=0 scripts/bench-import.sh         # without the floor (it takes a few minutes)
#
# Runs alternate (sqlite3, chronoscope, sqlite3, ...) so that load from other programs
# falls on both alike. Every run starts from a new database; the work folder is removed
# at the end unless KEEP=1.
set -euo pipefail

ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
FLOOR=${FLOOR:-1}
SQLITE3=${SQLITE3:-/usr/bin/sqlite3}
GO=${GO:-go}

cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-import.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi

echo "building bin/chronoscope"
"$GO" build -o bin/chronoscope .
csv=${CSV:-}
if [ -z "$csv" ]; then
	csv=$work/events.csv
	echo "generating $ROWS rows: $GO run ./scripts/gencsv -rows $ROWS -out $csv"
	"$GO" run ./scripts/gencsv -rows "$ROWS" -out "$csv"
fi
rows=$(($(wc -l <"$csv") - 1)) # no field of the generated file spans lines
echo "file: $csv ($rows rows, $(du -m "$csv" | cut -f1) MB)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sqlite3 shell: $("$SQLITE3" --version | cut -d' ' -f1)"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", b - a }'; }

plain=()
fore=()
whole=()
for i in $(seq "$RUNS"); do
	rm -f "$work/plain.db"
	t0=$(now)
	"$SQLITE3" "$work/plain.db" -cmd '.mode csv' ".import $csv plain"
	t=$(elapsed "$t0" "$(now)")
	n=$("$SQLITE3" "$work/plain.db" 'SELECT count(*) FROM plain')
	[ "$n" = "$rows" ] || { echo "sqlite3 imported $n rows, not $rows" >&2; exit 1; }
	plain+=("$t")
	echo "run $i: sqlite3 .import            ${t} s"

	db=$work/case.chronoscope
	rm -f "$db" "$db-wal" "$db-shm"
	t0=$(now)
	# Each line of the output with the moment it came; /usr/bin/time writes the peak
	# memory to its own file.
	/usr/bin/time -f '%M' -o "$work/rss" bin/chronoscope --db "$db" import "$csv" 2>"$work/err" |
		while IFS= read -r line; do echo "$(now) $line"; done >"$work/out" || { cat "$work/err" >&2; exit 1; }
	t1=$(now)
	read -r said line <"$work/out" || true
	case "$line" in "$rows added, 0 updated, 0 unchanged") ;; *) echo "chronoscope said: $(cat "$work/out" "$work/err")" >&2; exit 1 ;; esac
	f=$(elapsed "$t0" "$said")
	w=$(elapsed "$t0" "$t1")
	fore+=("$f")
	whole+=("$w")
	left=$("$SQLITE3" "$db" 'SELECT count(*) FROM backlog')
	[ "$left" = 0 ] || { echo "the import left $left parts of its backlog unbuilt" >&2; exit 1; }
	echo "run $i: chronoscope import        ${f} s committed, ${w} s with the index, peak $(($(cat "$work/rss") / 1024)) MB   ($line)"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
p=$(median "${plain[@]}")
f=$(median "${fore[@]}")
w=$(median "${whole[@]}")
echo
echo "median of $RUNS: sqlite3 .import ${p} s; chronoscope import ${f} s committed, ${w} s whole"
awk -v p="$p" -v f="$f" -v w="$w" 'BEGIN { printf "ratio to .import: committed %.2f (target: at most 2), whole %.2f\n", f / p, w / p }'
if [ "$FLOOR" = 1 ]; then
	echo
	echo "the floor (scripts/import-floor.sh on the same file):"
	CSV="$csv" SQLITE3="$SQLITE3" scripts/import-floor.sh | tee "$work/floor"
	fill=$(sed -n 's/^sqlite3 filling the case schema (floor): *\([0-9.]*\) s$/\1/p' "$work/floor")
	awk -v fill="$fill" -v w="$w" 'BEGIN { printf "whole import against the floor: %.2f (target: at most 1.2)\n", w / fill }'
fi
