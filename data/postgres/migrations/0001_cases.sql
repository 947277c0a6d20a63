-- Chronoscope shared cases on PostgreSQL, schema 1: several cases in one database, each
-- with its events and lanes. `chronoscope admin setup` runs the migrations as the role
-- chronoscope_owner, which owns every object (analysts own nothing: a table's owner, like
-- a superuser, is not held by row-level security).
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE chronoscope.cases (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name <> ''),
    description text NOT NULL DEFAULT '',
    created_by  text NOT NULL DEFAULT session_user,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row an analyst (a login role) and case: what the analyst may do with the case.
CREATE TABLE chronoscope.members (
    case_id    bigint NOT NULL REFERENCES chronoscope.cases (id) ON DELETE CASCADE,
    analyst    text NOT NULL,
    access     text NOT NULL CHECK (access IN ('read', 'write', 'admin')),
    granted_by text NOT NULL DEFAULT session_user,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, analyst)
);
CREATE INDEX members_analyst ON chronoscope.members (analyst);

-- An event, as in the SQLite case file: earliest/latest bound everything the event may
-- cover (inclusive Unix seconds, UTC), span is that range for the GiST window index.
-- Actors and tags keep their order in arrays, sources in a JSON array. search is the
-- event's searchable words (title, description, actors, tags, sources' titles and
-- publishers) folded by the client (lower case, Latin accents off), which fts indexes
-- word by word; cjk is those of its words that are CJK text, which has no spaces between
-- words and is searched inside them through the trigram index (an index of every word's
-- trigrams was measured to make an import three times slower).
CREATE TABLE chronoscope.events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES chronoscope.cases (id) ON DELETE CASCADE,
    uid          text NOT NULL,
    title        text NOT NULL CHECK (title <> ''),
    description  text NOT NULL DEFAULT '',
    start_text   text NOT NULL CHECK (start_text <> ''),
    end_text     text NOT NULL DEFAULT '',
    earliest     bigint NOT NULL,
    start_latest bigint NOT NULL,
    end_earliest bigint NOT NULL,
    latest       bigint NOT NULL CHECK (latest >= earliest),
    span         int8range GENERATED ALWAYS AS (int8range(earliest, latest, '[]')) STORED,
    flags        integer NOT NULL DEFAULT 0,
    lane         text NOT NULL DEFAULT '',
    actors       text[] NOT NULL DEFAULT '{}',
    tags         text[] NOT NULL DEFAULT '{}',
    location     text NOT NULL DEFAULT '',
    lat          double precision,
    lon          double precision,
    importance   smallint NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),
    sources      jsonb NOT NULL DEFAULT '[]',
    attrs        jsonb NOT NULL DEFAULT '{}',
    search       text NOT NULL DEFAULT '',
    fts          tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED,
    cjk          text NOT NULL DEFAULT '',
    hash         text NOT NULL,
    version      bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    created      bigint NOT NULL,
    updated      bigint NOT NULL,
    UNIQUE (case_id, uid)
);
-- Time windows: a btree on the two ends was measured to fall back to a full scan.
CREATE INDEX events_window ON chronoscope.events USING gist (case_id, span);
CREATE INDEX events_order ON chronoscope.events (case_id, earliest, latest, id);
CREATE INDEX events_words ON chronoscope.events USING gin (fts);
CREATE INDEX events_trigrams ON chronoscope.events USING gin (cjk gin_trgm_ops);
CREATE INDEX events_actors ON chronoscope.events USING gin (actors);
CREATE INDEX events_tags ON chronoscope.events USING gin (tags);

-- Each lane's colour and place in a case (timeline.LaneInfo).
CREATE TABLE chronoscope.lanes (
    case_id  bigint NOT NULL REFERENCES chronoscope.cases (id) ON DELETE CASCADE,
    name     text NOT NULL CHECK (name <> ''),
    colour   text NOT NULL,
    position integer NOT NULL CHECK (position >= 0),
    PRIMARY KEY (case_id, name)
);
