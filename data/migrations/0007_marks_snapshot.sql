-- Case schema 7: the marks snapshot. The timeline's marks (timeline.Marks: dates, row
-- ids, lane and name indexes, flags, one title and one id arena) are kept in the case as
-- columns, one BLOB each, in the order the timeline reads them, so opening a case of a
-- million events is one sequential read with no sort (data/snapshot.go).
--
-- marks_state.built names the generation marks_columns holds (0: none yet); the snapshot
-- holds the marks of every event with id <= max_row as they were when it was built.
-- While logging is 1, triggers list in marks_dirty every event changed or deleted since,
-- so a read gives exactly what events holds: the snapshot, less the rows marks_dirty
-- names, plus those rows and the rows after max_row read from events. A new snapshot is
-- built in the background when that difference grows; counter only ever goes up, so no
-- two snapshots of a case share a generation.
CREATE TABLE IF NOT EXISTS marks_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    built   INTEGER NOT NULL,
    max_row INTEGER NOT NULL,
    logging INTEGER NOT NULL CHECK (logging IN (0, 1)),
    counter INTEGER NOT NULL
);
INSERT OR IGNORE INTO marks_state (id, built, max_row, logging, counter) VALUES (1, 0, 0, 0, 0);

CREATE TABLE IF NOT EXISTS marks_columns (
    generation INTEGER NOT NULL,
    part       INTEGER NOT NULL,
    data       BLOB NOT NULL,
    PRIMARY KEY (generation, part)
);

CREATE TABLE IF NOT EXISTS marks_dirty (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    row INTEGER NOT NULL
);

CREATE TRIGGER IF NOT EXISTS marks_dirty_update AFTER UPDATE OF id, uid, title, lane, importance, earliest, start_latest,
    end_earliest, latest, flags, names ON events
    WHEN (SELECT logging FROM marks_state) = 1
BEGIN
    INSERT INTO marks_dirty (row) VALUES (old.id);
    INSERT INTO marks_dirty (row) SELECT new.id WHERE new.id <> old.id;
END;

CREATE TRIGGER IF NOT EXISTS marks_dirty_delete AFTER DELETE ON events
    WHEN (SELECT logging FROM marks_state) = 1
BEGIN
    INSERT INTO marks_dirty (row) VALUES (old.id);
END;
