-- Case schema 9: sources shared across events, and notes.
--
-- case_sources is the case's list of sources: a document (title, URL, publisher, date)
-- and its grade, named by a stable uid (timeline.Source.ID) that exports keep. An event
-- cites sources: each row of sources (and each object of a large import's
-- events.sources_json, key "i") is one citation, naming its shared source by uid and
-- holding the citation's own quote. The citation keeps a copy of the shared source's
-- fields, which every write keeps equal to case_sources, so reading an event, the grade
-- filter and the full-text rows need no join; editing a shared source rewrites each
-- citation of it (data/sharedsources.go).
--
-- The sources of every event become shared sources (in the migration's Go step,
-- shareSources in sharedsources.go, which also adds the new columns where they are
-- missing: sources.source_uid, events.notes for the analyst's note on an event, searched
-- with its description, and case_info.notes for the case's notes page), exact
-- duplicates (equal title, URL, publisher, date and grade) merged into one, named by
-- timeline.Source.DocumentID. A write finds the source of a citation with no id by
-- that id (its fields' DocumentID): no index of the fields, which would hold a second
-- copy of every source's text.
CREATE TABLE IF NOT EXISTS case_sources (
    uid         TEXT PRIMARY KEY CHECK (uid <> ''),
    title       TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    publisher   TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6)
) WITHOUT ROWID;

