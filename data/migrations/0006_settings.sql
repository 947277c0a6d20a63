-- Case schema 6: the case's view settings (name, value), such as the compressed time
-- axis, so that a case opens as it was left on any machine.
CREATE TABLE IF NOT EXISTS settings (
    name  TEXT PRIMARY KEY CHECK (name <> ''),
    value TEXT NOT NULL
) WITHOUT ROWID;
