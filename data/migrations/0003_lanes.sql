-- Case schema 3: each lane's colour and place, kept in the case so a lane looks the same
-- in every view and export whatever is filtered. A lane gets the next colour of
-- timeline.LanePalette when its first event is written; existing lanes are numbered in
-- the order they first appeared. The empty lane ("no lane") has no row: it is grey.
CREATE TABLE lanes (
    name     TEXT PRIMARY KEY CHECK (name <> ''),
    colour   TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 0)
) WITHOUT ROWID;

INSERT INTO lanes (name, colour, position)
SELECT lane,
    CASE (n - 1) % 7
        WHEN 0 THEN '#0072B2'
        WHEN 1 THEN '#E69F00'
        WHEN 2 THEN '#009E73'
        WHEN 3 THEN '#D55E00'
        WHEN 4 THEN '#56B4E9'
        WHEN 5 THEN '#CC79A7'
        WHEN 6 THEN '#F0E442'
    END,
    n - 1
FROM (SELECT lane, row_number() OVER (ORDER BY min(id)) AS n FROM events WHERE lane <> '' GROUP BY lane);
