-- Case schema 4: every event has a version, 1 when it is added and one more each time a
-- Put changes it. An edit saves only over the version it started from (two processes on
-- one file, or two windows, never overwrite each other silently); see timeline.Event.
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
