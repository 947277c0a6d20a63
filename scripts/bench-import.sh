#!/usr/bin/env bash
# Times importing a generated native CSV (1,000,000 rows by default) with
# `chronoscope import` into a new case, against the sqlite3 shell's `.import` of the same
# file into a plain table of a new database, and prints both and their ratio. The figures
# are quoted in docs/performance.md ("Import of a 1,000,000-row CSV").
#
#   scripts/bench-import.sh                 # 1,000,000 rows, 3 runs of each
#   ROWS=100000 RUNS=1 scripts/bench-import.sh
#   CSV=/path/events.csv scripts/bench-import.sh   # an existing file instead
#
# Runs alternate (sqlite3, chronoscope, sqlite3, ...) so that load from other programs
# falls on both alike. Every run starts from a new database; the work folder is removed
# at the end unless KEEP=1.
set -euo pipefail

ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
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

# seconds runs "$@" and prints its wall-clock seconds; its output goes to $work/out.
seconds() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'
}

plain=()
case=()
for i in $(seq "$RUNS"); do
	rm -f "$work/plain.db"
	t=$(seconds "$SQLITE3" "$work/plain.db" -cmd '.mode csv' ".import $csv plain")
	n=$("$SQLITE3" "$work/plain.db" 'SELECT count(*) FROM plain')
	[ "$n" = "$rows" ] || { echo "sqlite3 imported $n rows, not $rows" >&2; exit 1; }
	plain+=("$t")
	echo "run $i: sqlite3 .import            ${t} s"

	rm -f "$work/case.chronoscope" "$work/case.chronoscope-wal" "$work/case.chronoscope-shm"
	t=$(seconds bin/chronoscope --db "$work/case.chronoscope" import "$csv")
	grep -q "^$rows added, 0 updated, 0 unchanged" "$work/out" || { echo "chronoscope said: $(cat "$work/out")" >&2; exit 1; }
	case+=("$t")
	echo "run $i: chronoscope import        ${t} s   ($(cat "$work/out"))"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
p=$(median "${plain[@]}")
c=$(median "${case[@]}")
echo
echo "median of $RUNS: sqlite3 .import ${p} s, chronoscope import ${c} s"
awk -v p="$p" -v c="$c" 'BEGIN { printf "ratio: %.2f (target: at most 2)\n", c / p }'
