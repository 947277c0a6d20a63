#!/usr/bin/env bash
# Measures how long SQLite itself takes to fill a case's tables (schema of
# data/migrations) with the rows of a native CSV, and compares it with the sqlite3 shell's
# `.import` of the same file into a plain table: the reference of issue #6's speed
# target (an import at most twice as long as `.import`).
#
# The sqlite3 shell does all of the work here, in C, with nothing from Chronoscope:
#   1. `.import` the CSV into a plain table (timed: the reference);
#   2. untimed preparation, so that what follows is a pure copy: the dates turned into
#      numbers, the `;` lists split into (event, name, position) rows, the names numbered;
#   3. timed: create the case schema from data/migrations/*.sql and, in one transaction,
#      copy the prepared rows into the event, actor, tag, link and source tables and the
#      FTS4 full-text index, then create the secondary indexes (dropped while the rows go
#      in, as the importer does).
# No CSV is parsed and no value is checked in step 3; Go and the cgo calls of the real
# importer are not involved. Its time is therefore a floor under any importer that writes
# this schema with this SQLite, and the ratio it prints a floor under the importer's.
#
#   scripts/import-floor.sh                     # 1,000,000 rows
#   ROWS=100000 scripts/import-floor.sh
#   CSV=/path/events.csv scripts/import-floor.sh
set -euo pipefail

ROWS=${ROWS:-1000000}
SQLITE3=${SQLITE3:-/usr/bin/sqlite3}
GO=${GO:-go}

cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/import-floor.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi

csv=${CSV:-}
if [ -z "$csv" ]; then
	csv=$work/events.csv
	echo "generating $ROWS rows: $GO run ./scripts/gencsv -rows $ROWS -out $csv"
	"$GO" run ./scripts/gencsv -rows "$ROWS" -out "$csv"
fi
echo "file: $csv ($(du -m "$csv" | cut -f1) MB)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); sqlite3 shell $("$SQLITE3" --version | cut -d' ' -f1)"

db=$work/floor.db
t0=$(date +%s.%N)
"$SQLITE3" "$db" -cmd '.mode csv' ".import $csv plain"
t1=$(date +%s.%N)
plain=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
echo "sqlite3 .import into a plain table:       ${plain} s"

# Step 2, untimed.
"$SQLITE3" "$db" <<'SQL'
CREATE TABLE ev AS SELECT rowid AS id, id AS uid, title, description, start, "end",
    coalesce(unixepoch(substr(start, 1, 10)), unixepoch(substr(start, 1, 7) || '-01'), unixepoch(substr(start, 1, 4) || '-01-01'), 0) AS earliest,
    lane, location, CAST(importance AS INTEGER) AS importance, hex(randomblob(32)) AS hash,
    replace(actors, '; ', char(31)) || char(30) || replace(tags, '; ', char(31)) AS names,
    replace(actors, '; ', char(31)) AS alist, replace(tags, '; ', char(31)) AS tlist,
    replace(actors, '; ', ' ') AS actors, replace(tags, '; ', ' ') AS tags,
    source, source_url, reliability, CAST(credibility AS INTEGER) AS credibility
  FROM plain;
UPDATE ev SET earliest = earliest - 86400 WHERE start LIKE '%~' OR start LIKE '%?';
CREATE TABLE split_a AS WITH RECURSIVE r(e, k, item, rest) AS (
    SELECT id, -1, NULL, alist || char(31) FROM ev
    UNION ALL SELECT e, k + 1, substr(rest, 1, instr(rest, char(31)) - 1), substr(rest, instr(rest, char(31)) + 1) FROM r WHERE rest <> '')
  SELECT e, item AS name, k AS pos FROM r WHERE k >= 0;
CREATE TABLE split_t AS WITH RECURSIVE r(e, k, item, rest) AS (
    SELECT id, -1, NULL, tlist || char(31) FROM ev
    UNION ALL SELECT e, k + 1, substr(rest, 1, instr(rest, char(31)) - 1), substr(rest, instr(rest, char(31)) + 1) FROM r WHERE rest <> '')
  SELECT e, item AS name, k AS pos FROM r WHERE k >= 0;
CREATE TABLE an AS SELECT row_number() OVER (ORDER BY name) AS id, name FROM (SELECT DISTINCT name FROM split_a);
CREATE TABLE tn AS SELECT row_number() OVER (ORDER BY name) AS id, name FROM (SELECT DISTINCT name FROM split_t);
CREATE TABLE la AS SELECT s.e, n.id AS actor_id, min(s.pos) AS pos FROM split_a s JOIN an n USING (name) GROUP BY s.e, n.id ORDER BY s.e, n.id;
CREATE TABLE lt AS SELECT s.e, n.id AS tag_id, min(s.pos) AS pos FROM split_t s JOIN tn n USING (name) GROUP BY s.e, n.id ORDER BY s.e, n.id;
DROP TABLE split_a;
DROP TABLE split_t;
SQL
echo "prepared: $("$SQLITE3" "$db" 'SELECT (SELECT count(*) FROM ev) || " events, " || (SELECT count(*) FROM la) || " actor links, " || (SELECT count(*) FROM lt) || " tag links"')"

# Step 3, timed: the case schema, then one transaction of copies.
{
	cat "$root"/data/migrations/*.sql
	cat <<'SQL'
PRAGMA cache_size = -262144;
.timer on
BEGIN;
DROP INDEX events_window;
DROP INDEX events_earliest;
DROP INDEX events_lane;
DROP INDEX event_actors_actor;
DROP INDEX event_tags_tag;
INSERT INTO events (id, uid, title, description, start_text, end_text, earliest, start_latest, end_earliest, latest,
    span_class, flags, lane, location, importance, hash, created, updated, names)
  SELECT id, uid, title, description, start, "end", earliest, earliest + 86399, earliest, earliest + 86399,
    17, 0, lane, location, importance, hash, 1700000000, 1700000000, names FROM ev;
INSERT INTO actors (id, name) SELECT id, name FROM an;
INSERT INTO tags (id, name) SELECT id, name FROM tn;
INSERT INTO event_actors (event_id, actor_id, pos) SELECT e, actor_id, pos FROM la;
INSERT INTO event_tags (event_id, tag_id, pos) SELECT e, tag_id, pos FROM lt;
INSERT INTO sources (event_id, pos, title, url, reliability, credibility)
  SELECT id, 0, source, source_url, reliability, credibility FROM ev;
INSERT INTO events_fts (docid, title, description, actors, tags, sources)
  SELECT id, title, description, actors, tags, source FROM ev;
CREATE INDEX events_window ON events (span_class, earliest);
CREATE INDEX events_earliest ON events (earliest);
CREATE INDEX events_lane ON events (lane);
CREATE INDEX event_actors_actor ON event_actors (actor_id);
CREATE INDEX event_tags_tag ON event_tags (tag_id);
COMMIT;
SQL
} >"$work/fill.sql"
t0=$(date +%s.%N)
"$SQLITE3" "$db" <"$work/fill.sql" >"$work/timer.txt"
t1=$(date +%s.%N)
fill=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
if [ "${VERBOSE:-0}" = 1 ]; then cat "$work/timer.txt"; fi
echo "sqlite3 filling the case schema (floor):  ${fill} s"
awk -v p="$plain" -v f="$fill" 'BEGIN { printf "floor ratio, filling alone: %.2f; with the .import as the reading: %.2f (target: at most 2)\n", f / p, (f + p) / p }'
