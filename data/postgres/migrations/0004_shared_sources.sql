-- Shared cases, schema 4: sources shared across events, and notes.
--
-- A case's sources are shared by its events: each object of events.sources is a citation
-- that names its source by "id" (timeline.Source.ID) and carries the citation's own
-- quote beside a copy of the source's fields, which every write keeps equal in every
-- citation of the id (sources.go). The case's list of sources is the distinct ids of its
-- citations; events_sources finds the citations of an id, or of a document, by
-- containment (@>). The sources of every event are given ids here, exact duplicates
-- (equal title, URL, publisher, date and grade) one id.
CREATE INDEX events_sources ON chronoscope.events USING gin (sources jsonb_path_ops);

UPDATE chronoscope.events SET sources = (
    SELECT jsonb_agg(s || jsonb_build_object('id', md5(concat_ws(chr(31), coalesce(s ->> 'title', ''),
        coalesce(s ->> 'url', ''), coalesce(s ->> 'publisher', ''), coalesce(s ->> 'date', ''),
        coalesce(s ->> 'reliability', ''), coalesce(s ->> 'credibility', '0')))) ORDER BY n)
    FROM jsonb_array_elements(sources) WITH ORDINALITY x(s, n))
WHERE sources <> '[]';

-- The analyst's note on an event (searched with it: it is in search) and the case's
-- notes page.
ALTER TABLE chronoscope.events ADD COLUMN notes text NOT NULL DEFAULT '';
ALTER TABLE chronoscope.cases ADD COLUMN notes text NOT NULL DEFAULT '';
GRANT UPDATE (notes) ON chronoscope.cases TO chronoscope_analyst;
