-- Chronoscope case file, schema 1.
PRAGMA application_id = 1128813139; -- 0x43485253, "CHRS"

CREATE TABLE case_info (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

-- earliest/latest bound everything the event may cover (inclusive Unix seconds, UTC);
-- start_latest and end_earliest let the timeline draw the fuzzy ends without re-parsing.
-- span_class is bits.Len64(latest - earliest): a window query reads each class with an
-- index range of earliest in [from - 2^class, to], so it never scans the whole table.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL CHECK (title <> ''),
    description  TEXT NOT NULL DEFAULT '',
    start_text   TEXT NOT NULL CHECK (start_text <> ''),
    end_text     TEXT NOT NULL DEFAULT '',
    earliest     INTEGER NOT NULL,
    start_latest INTEGER NOT NULL,
    end_earliest INTEGER NOT NULL,
    latest       INTEGER NOT NULL CHECK (latest >= earliest),
    span_class   INTEGER NOT NULL,
    flags        INTEGER NOT NULL DEFAULT 0,
    lane         TEXT NOT NULL DEFAULT '',
    location     TEXT NOT NULL DEFAULT '',
    lat          REAL,
    lon          REAL,
    importance   INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),
    attrs        TEXT NOT NULL DEFAULT '',
    hash         TEXT NOT NULL,
    created      INTEGER NOT NULL,
    updated      INTEGER NOT NULL
);
CREATE INDEX events_window ON events (span_class, earliest);
CREATE INDEX events_earliest ON events (earliest);
CREATE INDEX events_lane ON events (lane);

CREATE TABLE actors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors (id),
    pos      INTEGER NOT NULL,
    PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors (actor_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE event_tags (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id),
    pos      INTEGER NOT NULL,
    PRIMARY KEY (event_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX event_tags_tag ON event_tags (tag_id);

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    publisher   TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    quote       TEXT NOT NULL DEFAULT '',
    reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6)
);
CREATE INDEX sources_event ON sources (event_id, pos);

-- Full text over what an analyst searches for; docid is events.id.
CREATE VIRTUAL TABLE events_fts USING fts4 (title, description, actors, tags, sources, tokenize=unicode61);
