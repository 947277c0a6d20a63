-- Access per case, enforced by the server. Every analyst logs in as their own role, a
-- member of chronoscope_analyst; chronoscope.members says what each may do with each
-- case: read, write or admin. Row-level security on every table checks it against
-- session_user, which a client cannot change (SET ROLE changes current_user only). The
-- functions that read members are SECURITY DEFINER (they run as chronoscope_owner), take
-- nothing from the caller but their arguments and pin their search_path.

CREATE FUNCTION chronoscope.access(c bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = chronoscope, pg_temp
    AS $$ SELECT access FROM chronoscope.members WHERE case_id = c AND analyst = session_user $$;

-- The cases session_user holds at one of the levels, for the policies: a policy reads it
-- once a query, as an InitPlan, through (SELECT chronoscope.cases_with(...)).
CREATE FUNCTION chronoscope.cases_with(levels text[]) RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = chronoscope, pg_temp
    AS $$ SELECT coalesce(array_agg(case_id), '{}') FROM chronoscope.members
          WHERE analyst = session_user AND access = ANY (levels) $$;

-- The first statement of every write: refuses a reader or a non-member in words, and
-- holds the case's write lock until the transaction ends, so writes to one case follow
-- each other (and the change log's numbers follow the commits).
CREATE FUNCTION chronoscope.begin_write(c bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
DECLARE
    a text := chronoscope.access(c);
BEGIN
    IF a IS NULL THEN
        RAISE EXCEPTION 'you are not a member of this case' USING ERRCODE = 'insufficient_privilege';
    ELSIF a = 'read' THEN
        RAISE EXCEPTION 'you can read this case but not change it' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM pg_advisory_xact_lock(1128813139, (c % 2147483647)::integer);
END $$;

-- An analyst may start a case, and is its first admin.
CREATE FUNCTION chronoscope.create_case(case_name text, case_description text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
DECLARE
    c bigint;
BEGIN
    INSERT INTO chronoscope.cases (name, description) VALUES (case_name, coalesce(case_description, '')) RETURNING id INTO c;
    INSERT INTO chronoscope.members (case_id, analyst, access) VALUES (c, session_user, 'admin');
    RETURN c;
END $$;

-- require_admin refuses anyone but an admin of case c.
CREATE FUNCTION chronoscope.require_admin(c bigint) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    IF chronoscope.access(c) IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an admin of this case can see or change who may use it' USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- require_admin_left refuses a change that would leave case c without an admin.
CREATE FUNCTION chronoscope.require_admin_left(c bigint, who text) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM chronoscope.members WHERE case_id = c AND access = 'admin' AND analyst <> who) THEN
        RAISE EXCEPTION 'the case would have no admin left: grant admin to someone else first' USING ERRCODE = 'check_violation';
    END IF;
END $$;

-- An admin of a case grants an analyst read, write or admin access to it. Only an
-- analyst login may be granted: never a superuser, a role that bypasses row-level
-- security or the owner of the tables, whom the policies would not hold.
CREATE FUNCTION chronoscope.grant_access(c bigint, who text, level text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    PERFORM chronoscope.require_admin(c);
    IF level IS NULL OR level NOT IN ('read', 'write', 'admin') THEN
        RAISE EXCEPTION 'access is read, write or admin, not %', coalesce(level, 'nothing') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                   WHERE r.rolname = who AND r.rolcanlogin AND NOT r.rolsuper AND NOT r.rolbypassrls
                     AND pg_catalog.pg_has_role(r.oid, 'chronoscope_analyst', 'MEMBER')
                     AND NOT pg_catalog.pg_has_role(r.oid, 'chronoscope_owner', 'MEMBER')) THEN
        RAISE EXCEPTION '% is not an analyst of this database (chronoscope admin add-analyst makes one)', who
            USING ERRCODE = 'undefined_object';
    END IF;
    IF level <> 'admin' THEN
        PERFORM chronoscope.require_admin_left(c, who);
    END IF;
    INSERT INTO chronoscope.members (case_id, analyst, access) VALUES (c, who, level)
    ON CONFLICT (case_id, analyst) DO UPDATE SET access = excluded.access, granted_by = session_user, granted_at = now();
END $$;

-- An admin of a case takes an analyst's access away; false when they had none.
CREATE FUNCTION chronoscope.revoke_access(c bigint, who text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = chronoscope, pg_temp AS $$
BEGIN
    PERFORM chronoscope.require_admin(c);
    PERFORM chronoscope.require_admin_left(c, who);
    DELETE FROM chronoscope.members WHERE case_id = c AND analyst = who;
    RETURN FOUND;
END $$;

-- The ids of the events of case c that a filter's window, words and names select, for a
-- member of c (nothing for anyone else). Row-level security keeps the planner from using
-- an index for a condition whose operator is not leakproof (&& on ranges, @@, LIKE): this
-- function runs those conditions on the indexes, and the query that reads the events
-- goes on through the policies, joining on these ids. Only parameters reach the SQL.
CREATE FUNCTION chronoscope.matching(c bigint, lo bigint, hi bigint, words text, likes text[], actor_names text[], tag_names text[])
    RETURNS SETOF bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = chronoscope, public, pg_temp AS $$
DECLARE
    q text := 'SELECT id FROM chronoscope.events WHERE case_id = $1';
BEGIN
    IF chronoscope.access(c) IS NULL THEN
        RETURN;
    END IF;
    IF lo IS NOT NULL OR hi IS NOT NULL THEN
        q := q || ' AND span && int8range(coalesce($2, -4611686018427387904), coalesce($3, 4611686018427387904), ''[]'')';
    END IF;
    IF words IS NOT NULL THEN
        q := q || ' AND fts @@ to_tsquery(''simple'', $4)';
    END IF;
    FOR i IN 1 .. coalesce(cardinality(likes), 0) LOOP
        q := q || format(' AND cjk LIKE $5[%s]', i);
    END LOOP;
    IF actor_names IS NOT NULL THEN
        q := q || ' AND actors && $6';
    END IF;
    IF tag_names IS NOT NULL THEN
        q := q || ' AND tags && $7';
    END IF;
    RETURN QUERY EXECUTE q USING c, lo, hi, words, likes, actor_names, tag_names;
END $$;

ALTER TABLE chronoscope.schema_migrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY schema_read ON chronoscope.schema_migrations FOR SELECT USING (true);

ALTER TABLE chronoscope.cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_read ON chronoscope.cases FOR SELECT
    USING (id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]));
CREATE POLICY cases_write ON chronoscope.cases FOR UPDATE
    USING (id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]))
    WITH CHECK (id = ANY ((SELECT chronoscope.cases_with('{write,admin}'))::bigint[]));

-- Members see their own row; admins see every member of their cases.
ALTER TABLE chronoscope.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON chronoscope.members FOR SELECT
    USING (analyst = session_user OR case_id = ANY ((SELECT chronoscope.cases_with('{admin}'))::bigint[]));

-- Readers read; writers and admins write. A reader's UPDATE or DELETE reaches the rows
-- it can see and is then refused with an error (the WITH CHECK, or the change log's
-- trigger), never a silent 0-row change.
ALTER TABLE chronoscope.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON chronoscope.events FOR SELECT
    USING (case_id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]));
CREATE POLICY events_add ON chronoscope.events FOR INSERT
    WITH CHECK (case_id = ANY ((SELECT chronoscope.cases_with('{write,admin}'))::bigint[]));
CREATE POLICY events_edit ON chronoscope.events FOR UPDATE
    USING (case_id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]))
    WITH CHECK (case_id = ANY ((SELECT chronoscope.cases_with('{write,admin}'))::bigint[]));
CREATE POLICY events_delete ON chronoscope.events FOR DELETE
    USING (case_id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]));

ALTER TABLE chronoscope.lanes ENABLE ROW LEVEL SECURITY;
CREATE POLICY lanes_read ON chronoscope.lanes FOR SELECT
    USING (case_id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]));
CREATE POLICY lanes_add ON chronoscope.lanes FOR INSERT
    WITH CHECK (case_id = ANY ((SELECT chronoscope.cases_with('{write,admin}'))::bigint[]));
CREATE POLICY lanes_edit ON chronoscope.lanes FOR UPDATE
    USING (case_id = ANY ((SELECT chronoscope.cases_with('{read,write,admin}'))::bigint[]))
    WITH CHECK (case_id = ANY ((SELECT chronoscope.cases_with('{write,admin}'))::bigint[]));

REVOKE ALL ON SCHEMA chronoscope FROM PUBLIC;
GRANT USAGE ON SCHEMA chronoscope TO chronoscope_analyst;
REVOKE ALL ON ALL TABLES IN SCHEMA chronoscope FROM PUBLIC;
GRANT SELECT ON chronoscope.schema_migrations, chronoscope.cases, chronoscope.members TO chronoscope_analyst;
GRANT UPDATE (description) ON chronoscope.cases TO chronoscope_analyst;
GRANT SELECT, INSERT, UPDATE, DELETE ON chronoscope.events TO chronoscope_analyst;
GRANT SELECT, INSERT, UPDATE ON chronoscope.lanes TO chronoscope_analyst;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA chronoscope FROM PUBLIC;
-- Functions of later migrations are no one's to run until granted.
ALTER DEFAULT PRIVILEGES FOR ROLE chronoscope_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chronoscope.access(bigint), chronoscope.cases_with(text[]), chronoscope.begin_write(bigint),
    chronoscope.create_case(text, text), chronoscope.require_admin(bigint), chronoscope.require_admin_left(bigint, text),
    chronoscope.grant_access(bigint, text, text), chronoscope.revoke_access(bigint, text),
    chronoscope.matching(bigint, bigint, bigint, text, text[], text[], text[]) TO chronoscope_analyst;
