-- Case schema 8: a large import commits its events first and builds the rest after.
--
-- In its one all-or-nothing transaction, an import of many events writes the event rows
-- (their actors and tags packed in events.names), their sources, the id index and the
-- window index: then the case holds the import, and the timeline can show it. What is
-- derived from those rows is built after the commit, a step at a time, each step its
-- own transaction: the full-text rows, the actor and tag links and name lists, and the
-- indexes that only make reading faster. backlog says what is still to build, so a
-- crash or a closed window only delays it (the next writer goes on from there); every
-- query meanwhile reads the events not yet indexed directly and stays exact.
--   part 'text':  the events with ids next_id..end_id may lack their full-text rows;
--   part 'links': the events with ids next_id..end_id may lack their actor and tag links;
--   part 'index NAME': the index NAME is to be made with the statement in sql;
--   part 'total': work is the sum of the work of everything above when it was planned.
-- work is each part's cost in the units progress is told in (for a row part, per row).
CREATE TABLE IF NOT EXISTS backlog (
    part    TEXT PRIMARY KEY,
    next_id INTEGER NOT NULL DEFAULT 0,
    end_id  INTEGER NOT NULL DEFAULT 0,
    sql     TEXT NOT NULL DEFAULT '',
    work    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The sources of the events a large import adds are kept in their row, as a JSON array
-- of objects {"t": title, "u": url, "p": publisher, "d": date, "q": quote,
-- "r": reliability, "c": credibility} (empty fields left out), instead of a row each in
-- sources: one value written with the event instead of a row and an index entry per
-- source. An event has its sources in one place only: sources_json when it is not NULL
-- (and then no sources rows), the sources table otherwise; a write of the event through
-- an edit moves them to the table. The column is added by the migration's Go step
-- (addImportColumns in backlog.go), which adds it only where it is missing.
SELECT 1;

-- Import batches. An import the window makes is recorded as a batch, so that its undo
-- and redo move its events within the case instead of a copy of them in memory. The
-- events it added carry its id in events.batch (added by addImportColumns, 0 for none)
-- and have ids first_id..last_id; added and hashes (the sum of the first 64 bits of
-- their content hashes) say what it left, so an undo sees whether they changed since.
-- batch_swaps holds each event it replaced: the event as the other side of the batch
-- has it (before the import while it is done, the import's while it is undone), and the
-- content hash of the event the case holds now. An undone batch's events and their
-- sources rows wait in tables of their own, batch_N_events and batch_N_sources, for a
-- redo. The store that recorded a batch forgets it when it closes.
CREATE TABLE IF NOT EXISTS batches (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    label    TEXT NOT NULL,
    undone   INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    first_id INTEGER NOT NULL DEFAULT 0,
    last_id  INTEGER NOT NULL DEFAULT -1,
    added    INTEGER NOT NULL DEFAULT 0,
    hashes   INTEGER NOT NULL DEFAULT 0,
    created  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS batch_swaps (
    batch INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    uid   TEXT NOT NULL,
    hash  TEXT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (batch, uid)
) WITHOUT ROWID;
