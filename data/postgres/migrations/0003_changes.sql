-- The change log: one row for each event added, edited or deleted (one row for a whole
-- statement of more than 1000 events), and for a change of lanes or of the case's
-- description, numbered by seq. Nobody writes it but the triggers; it is never updated
-- or deleted from, and members of a case read its rows through row-level security like
-- the case's events. A client's Version is the case's last seq: the write lock that
-- begin_write (and these triggers) take makes seqs follow the commits of one case.
--
-- Each statement that writes a case ends with NOTIFY on the channel chronoscope_case_<id>
-- carrying the last seq and nothing else: PostgreSQL hands notifications to every
-- listener whatever its rights, so clients read what changed from the log, through the
-- policies.
CREATE TABLE chronoscope.changes (
    seq     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES chronoscope.cases (id) ON DELETE CASCADE,
    kind    text NOT NULL CHECK (kind IN ('add', 'edit', 'delete', 'lanes', 'info')),
    uid     text,
    version bigint,
    events  bigint NOT NULL DEFAULT 1,
    analyst text NOT NULL DEFAULT session_user,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_case ON chronoscope.changes (case_id, seq);

ALTER TABLE chronoscope.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY changes_read ON chronoscope.changes FOR SELECT
    USING (case_id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]));
GRANT SELECT ON chronoscope.changes TO chronoscope_analyst;

-- logged refuses a write to case c by anyone who may not write it, takes the case's write
-- lock, and announces seq once the transaction commits.
CREATE FUNCTION chronoscope.logged(c bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    IF NOT c = ANY (chronoscope.cases_with('{write,admin}')) THEN
        RAISE EXCEPTION 'you can read this case but not change it' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM pg_advisory_xact_lock(1128813139, (c % 2147483647)::integer);
END $$;

CREATE FUNCTION chronoscope.announce(c bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    PERFORM pg_notify('chronoscope_case_' || c, (SELECT max(seq) FROM chronoscope.changes WHERE case_id = c)::text);
END $$;

-- The trigger of every statement that writes events: its rows are in the transition
-- table "touched" (the new rows of an INSERT or UPDATE, the old ones of a DELETE).
CREATE FUNCTION chronoscope.log_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
DECLARE
    c bigint;
    n bigint;
    k text := CASE TG_OP WHEN 'INSERT' THEN 'add' WHEN 'UPDATE' THEN 'edit' ELSE 'delete' END;
BEGIN
    FOR c, n IN SELECT case_id, count(*) FROM touched GROUP BY case_id ORDER BY case_id LOOP
        PERFORM chronoscope.logged(c);
        IF n <= 1000 THEN
            INSERT INTO chronoscope.changes (case_id, kind, uid, version)
            SELECT case_id, k, uid, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE version END
            FROM touched WHERE case_id = c ORDER BY id;
        ELSE
            INSERT INTO chronoscope.changes (case_id, kind, events) VALUES (c, k, n);
        END IF;
        PERFORM chronoscope.announce(c);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER events_added AFTER INSERT ON chronoscope.events
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION chronoscope.log_events();
CREATE TRIGGER events_edited AFTER UPDATE ON chronoscope.events
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION chronoscope.log_events();
CREATE TRIGGER events_deleted AFTER DELETE ON chronoscope.events
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION chronoscope.log_events();

-- note logs one change of kind to case c (lanes, info) and announces it.
CREATE FUNCTION chronoscope.note(c bigint, k text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    PERFORM chronoscope.logged(c);
    INSERT INTO chronoscope.changes (case_id, kind) VALUES (c, k);
    PERFORM chronoscope.announce(c);
END $$;

-- Lanes, and the case's description: one row for each case a statement touched.
CREATE FUNCTION chronoscope.log_lanes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    PERFORM chronoscope.note(c, 'lanes') FROM (SELECT DISTINCT case_id AS c FROM touched ORDER BY 1) t;
    RETURN NULL;
END $$;

CREATE FUNCTION chronoscope.log_info() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    PERFORM chronoscope.note(id, 'info') FROM (SELECT id FROM touched ORDER BY id) t;
    RETURN NULL;
END $$;

CREATE TRIGGER lanes_added AFTER INSERT ON chronoscope.lanes
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION chronoscope.log_lanes();
CREATE TRIGGER lanes_edited AFTER UPDATE ON chronoscope.lanes
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION chronoscope.log_lanes();
CREATE TRIGGER case_edited AFTER UPDATE ON chronoscope.cases
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION chronoscope.log_info();

REVOKE ALL ON FUNCTION chronoscope.logged(bigint), chronoscope.announce(bigint), chronoscope.note(bigint, text),
    chronoscope.log_events(), chronoscope.log_lanes(), chronoscope.log_info() FROM PUBLIC;
