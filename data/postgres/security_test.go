package postgres_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/data/postgres/pgtest"
	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// raw connects to the team's database as analyst with no Chronoscope in between: what a
// member of the team could do with psql.
func (tm *team) raw(t testing.TB, analyst string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(ctx, pgtest.As(t, tm.db, analyst))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	return c
}

// sharedCase makes a case of the sample chronology, its admin tm.admin, with tm.writer a
// writer and tm.reader a reader; it returns the admin's store.
func (tm *team) sharedCase(t *testing.T, name string) *postgres.Store {
	t.Helper()
	s := tm.open(t, tm.admin, name, true)
	storetest.Put(t, s, timeline.Sample()...)
	a, err := postgres.Connect(ctx, tm.url(t, tm.admin, ""), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for who, level := range map[string]string{tm.writer: "write", tm.reader: "read"} {
		if err := a.Grant(ctx, name, who, level); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// A reader reads the case and every write of theirs is refused in words, through the
// store and with raw SQL alike; never a silent 0-row change.
func TestReaderCannotWrite(t *testing.T) {
	tm := newTeam(t)
	tm.sharedCase(t, "summit")
	r := tm.open(t, tm.reader, "summit", false)
	n := len(timeline.Sample())
	if !r.ReadOnly() || r.Access() != "read" {
		t.Errorf("a reader's store: ReadOnly %v, access %q", r.ReadOnly(), r.Access())
	}
	if got, err := r.Count(ctx, timeline.Filter{}); err != nil || got != n {
		t.Errorf("a reader sees %d events (%v), want %d", got, err, n)
	}
	e := storetest.Event("", "A reader's event", "2023", "")
	for name, write := range map[string]func() error{
		"put":      func() error { _, err := r.Put(ctx, []timeline.Event{e}, nil); return err },
		"delete":   func() error { return r.Delete(ctx, timeline.Sample()[0].ID) },
		"lane":     func() error { return r.SetLane(ctx, timeline.LaneInfo{Name: "Space", Colour: "#000000"}) },
		"describe": func() error { return r.SetInfo(ctx, timeline.CaseInfo{Name: "summit", Description: "mine"}) },
		"stream": func() error {
			_, err := r.PutStream(ctx, 1, func(put func([]timeline.Event) error) error { return put([]timeline.Event{e}) })
			return err
		},
	} {
		err := write()
		if !errors.Is(err, timeline.ErrReadOnly) || !strings.Contains(err.Error(), "you can read this case but not change it") {
			t.Errorf("a reader's %s = %v", name, err)
		}
	}
	// The same writes in SQL, past the client's own check: the server refuses each one.
	c := tm.raw(t, tm.reader)
	var id int64
	if err := c.QueryRow(ctx, "SELECT id FROM chronoscope.cases WHERE name = 'summit'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE chronoscope.events SET title = 'defaced' WHERE case_id = $1",
		"DELETE FROM chronoscope.events WHERE case_id = $1",
		`INSERT INTO chronoscope.events (case_id, uid, title, start_text, earliest, start_latest, end_earliest, latest, hash, created, updated)
			VALUES ($1, 'x', 'x', '2023', 0, 0, 0, 0, '', 0, 0)`,
		"UPDATE chronoscope.lanes SET colour = '#000000' WHERE case_id = $1",
		"UPDATE chronoscope.cases SET description = 'defaced' WHERE id = $1",
		"SELECT chronoscope.begin_write($1)",
		"SELECT chronoscope.grant_access($1, session_user, 'admin')",
	} {
		tag, err := c.Exec(ctx, q, id)
		if err == nil {
			t.Errorf("a reader's %q went through: %s", q, tag)
		} else if !strings.Contains(err.Error(), "SQLSTATE 42501") {
			t.Errorf("a reader's %q: %v, want insufficient privilege", q, err)
		}
	}
	for _, q := range []string{"DELETE FROM chronoscope.changes", "UPDATE chronoscope.members SET access = 'admin'",
		"INSERT INTO chronoscope.members VALUES (1, session_user, 'admin')", "SET SESSION AUTHORIZATION postgres"} {
		if _, err := c.Exec(ctx, q); err == nil {
			t.Errorf("a reader's %q went through", q)
		}
	}
	if got, _ := r.Count(ctx, timeline.Filter{}); got != n {
		t.Errorf("after the refused writes the case holds %d events, want %d", got, n)
	}
}

// Someone who is not a member of a case sees none of it, whatever they ask, and cannot
// write it.
func TestOutsiderSeesNothing(t *testing.T) {
	tm := newTeam(t)
	admin := tm.sharedCase(t, "secret")
	if _, err := postgres.Open(ctx, tm.url(t, tm.outsider, "secret"), postgres.Options{}); !errors.Is(err, postgres.ErrNoAccess) ||
		!strings.Contains(err.Error(), `no case "secret" here, or you are not one of its members`) {
		t.Errorf("an outsider's open = %v", err)
	}
	if _, err := postgres.Open(ctx, tm.url(t, tm.outsider, "secret"), postgres.Options{Create: true}); !errors.Is(err, postgres.ErrNoAccess) {
		t.Errorf("an outsider's open with create = %v", err)
	}
	c := tm.raw(t, tm.outsider)
	for _, q := range []string{
		"SELECT count(*) FROM chronoscope.events",
		"SELECT count(*) FROM chronoscope.cases",
		"SELECT count(*) FROM chronoscope.members",
		"SELECT count(*) FROM chronoscope.lanes",
		"SELECT count(*) FROM chronoscope.changes",
		"SELECT count(*) FROM chronoscope.matching((SELECT max(id) FROM chronoscope.events), NULL, NULL, NULL, NULL, NULL, NULL)",
		"SELECT count(*) FROM chronoscope.events WHERE title LIKE '%' OR true",
	} {
		var n int
		if err := c.QueryRow(ctx, q).Scan(&n); err != nil || n != 0 {
			t.Errorf("an outsider's %q = %d (%v), want 0", q, n, err)
		}
	}
	var id int64
	a := tm.raw(t, tm.admin)
	if err := a.QueryRow(ctx, "SELECT id FROM chronoscope.cases WHERE name = 'secret'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"SELECT chronoscope.matching($1, NULL, NULL, NULL, NULL, NULL, NULL)",
		"SELECT chronoscope.begin_write($1)",
		"SELECT chronoscope.grant_access($1, session_user, 'admin')",
		`INSERT INTO chronoscope.events (case_id, uid, title, start_text, earliest, start_latest, end_earliest, latest, hash, created, updated)
			VALUES ($1, 'x', 'x', '2023', 0, 0, 0, 0, '', 0, 0)`,
		"INSERT INTO chronoscope.lanes VALUES ($1, 'x', '#000000', 0)",
	} {
		rows, err := c.Query(ctx, q, id)
		got := 0
		if err == nil {
			for rows.Next() {
				got++
			}
			err = rows.Err()
		}
		if err == nil && (got > 0 || !strings.HasPrefix(q, "SELECT chronoscope.matching")) {
			t.Errorf("an outsider's %q went through (%d rows)", q, got)
		}
	}
	// An UPDATE or DELETE of an outsider finds nothing to change.
	for _, q := range []string{"UPDATE chronoscope.events SET title = 'x'", "DELETE FROM chronoscope.events"} {
		if tag, err := c.Exec(ctx, q); err != nil || tag.RowsAffected() != 0 {
			t.Errorf("an outsider's %q = %v %v", q, tag, err)
		}
	}
	if n, _ := admin.Count(ctx, timeline.Filter{}); n != len(timeline.Sample()) {
		t.Errorf("the case holds %d events after the outsider's attempts", n)
	}
	// The outsider can start a case of their own, which the others do not see.
	mine := tm.open(t, tm.outsider, "outsider's own", true)
	storetest.Put(t, mine, storetest.Event("o", "Outsider's event", "2023", ""))
	if _, err := postgres.Open(ctx, tm.url(t, tm.writer, "outsider's own"), postgres.Options{}); !errors.Is(err, postgres.ErrNoAccess) {
		t.Errorf("a writer opened the outsider's case: %v", err)
	}
}

// Granting, revoking and listing members: admins only; the last admin stays; a revoked
// analyst's open store stops reading at the next Version.
func TestMembers(t *testing.T) {
	tm := newTeam(t)
	tm.sharedCase(t, "team")
	w, err := postgres.Connect(ctx, tm.url(t, tm.writer, ""), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Grant(ctx, "team", tm.outsider, "read"); !errors.Is(err, postgres.ErrNoAccess) {
		t.Errorf("a writer's grant = %v", err)
	}
	if _, err := w.Members(ctx, "team"); !errors.Is(err, postgres.ErrNoAccess) {
		t.Errorf("a writer's members = %v", err)
	}
	cases, err := w.Cases(ctx)
	if err != nil || len(cases) != 1 || cases[0].Name != "team" || cases[0].Access != "write" {
		t.Errorf("a writer's cases = %+v, %v", cases, err)
	}
	a, err := postgres.Connect(ctx, tm.url(t, tm.admin, ""), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	members, err := a.Members(ctx, "team")
	var got []string
	for _, m := range members {
		got = append(got, m.Analyst+"="+m.Access)
	}
	if err != nil || len(members) != 3 || !strings.Contains(strings.Join(got, " "), tm.reader+"=read") {
		t.Errorf("members = %v, %v", got, err)
	}
	for _, bad := range []struct{ who, level string }{{"postgres", "read"}, {"no_such_role", "read"}, {postgres.OwnerRole, "read"}, {tm.reader, "owner"}} {
		if err := a.Grant(ctx, "team", bad.who, bad.level); err == nil {
			t.Errorf("grant %s to %s went through", bad.level, bad.who)
		}
	}
	if err := a.Revoke(ctx, "team", tm.admin); err == nil || !strings.Contains(err.Error(), "no admin left") {
		t.Errorf("revoking the last admin = %v", err)
	}
	r := tm.open(t, tm.reader, "team", false)
	if err := a.Grant(ctx, "team", tm.reader, "write"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Version(ctx); err != nil || r.ReadOnly() {
		t.Errorf("after a grant of write: ReadOnly %v (%v)", r.ReadOnly(), err)
	}
	if err := a.Revoke(ctx, "team", tm.reader); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Version(ctx); !errors.Is(err, postgres.ErrNoAccess) {
		t.Errorf("a revoked analyst's Version = %v", err)
	}
	if n, err := r.Count(ctx, timeline.Filter{}); n != 0 {
		t.Errorf("a revoked analyst still sees %d events (%v)", n, err)
	}
	if err := a.Revoke(ctx, "team", tm.reader); err == nil {
		t.Errorf("revoking twice went through")
	}
	if err := a.CreateCase(ctx, "team", ""); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second case named team = %v", err)
	}
}

// Notifications carry the case's Version and nothing else, to every listener whatever
// its rights; Watch passes them on and catches up after a lost connection.
func TestNotificationsCarryOnlyANumber(t *testing.T) {
	tm := newTeam(t)
	w := tm.sharedCase(t, "live")
	// The outsider listens on the case's channel: PostgreSQL lets them.
	c := tm.raw(t, tm.outsider)
	if _, err := c.Exec(ctx, "LISTEN "+w.Channel()); err != nil {
		t.Fatal(err)
	}
	e := storetest.Event("", "Secret meeting in Pyongyang", "2023-09-20", "")
	e.Actors = []string{"Agent Smith"}
	storetest.Put(t, w, e)
	wctx, cancel := contextWithTimeout(5 * time.Second)
	defer cancel()
	n, err := c.WaitForNotification(wctx)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := w.Version(ctx)
	if !regexp.MustCompile(`^[0-9]+$`).MatchString(n.Payload) || n.Payload != uintText(v) {
		t.Errorf("notification payload %q, want the version %d and nothing else", n.Payload, v)
	}
	// A reader's store hears of a writer's change through Watch, within a second, and again
	// after its connection was cut.
	r := tm.open(t, tm.reader, "live", false)
	got := make(chan uint64, 100)
	wctx2, cancel2 := contextWithTimeout(30 * time.Second)
	defer cancel2()
	go r.Watch(wctx2, func(v uint64) { got <- v })
	first := <-got
	storetest.Put(t, w, storetest.Event("", "Another", "2023-09-21", ""))
	v2, _ := w.Version(ctx)
	if !waitFor(got, v2, time.Second) {
		t.Errorf("Watch did not tell version %d within a second (started at %d)", v2, first)
	}
	su := tm.raw(t, "postgres")
	if _, err := su.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND query LIKE 'LISTEN%'", tm.reader); err != nil {
		t.Fatal(err)
	}
	storetest.Put(t, w, storetest.Event("", "While the reader was cut off", "2023-09-22", ""))
	v3, _ := w.Version(ctx)
	if !waitFor(got, v3, 10*time.Second) {
		t.Errorf("Watch did not catch up to version %d after a lost connection", v3)
	}
	changes, err := r.Changes(ctx, first, 0)
	if err != nil || len(changes) != 2 || changes[0].Kind != "add" || changes[1].Analyst != tm.admin || changes[1].Version != 1 {
		t.Errorf("changes after %d = %+v, %v", first, changes, err)
	}
}

// A database whose locale is C is refused in one line, and so are a superuser's and the
// owner's logins for opening a case.
func TestRefusals(t *testing.T) {
	tm := newTeam(t)
	su := tm.raw(t, "postgres")
	name := pgtest.Name("chronoscope_c_locale")
	if _, err := su.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C' LC_COLLATE 'C'"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { su.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	err := postgres.Setup(ctx, pgtest.WithDatabase(t, tm.db, name), postgres.Options{})
	if !errors.Is(err, postgres.ErrLocale) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "locale C") {
		t.Errorf("setup on a database of locale C = %v", err)
	}
	tm.sharedCase(t, "c")
	if _, err := postgres.Open(ctx, tm.url(t, "postgres", "c"), postgres.Options{}); !errors.Is(err, postgres.ErrNoAccess) ||
		!strings.Contains(err.Error(), "superuser") {
		t.Errorf("a superuser's open = %v", err)
	}
	if _, err := postgres.Open(ctx, pgtest.As(t, tm.db, tm.admin), postgres.Options{}); err == nil || !strings.Contains(err.Error(), "?case=NAME") {
		t.Errorf("an address without a case = %v", err)
	}
	if err := postgres.Setup(ctx, tm.db, postgres.Options{}); err != nil {
		t.Errorf("a second setup = %v", err)
	}
	if err := postgres.AddAnalyst(ctx, tm.db, postgres.Options{}, "postgres", ""); err == nil {
		t.Errorf("the superuser was made an analyst")
	}
}

// Check finds an event changed in SQL behind Chronoscope's back (searches would miss it),
// and says a whole case is whole.
func TestCheckFindsChangesBehindChronoscope(t *testing.T) {
	tm := newTeam(t)
	s := tm.sharedCase(t, "checked")
	rep, err := s.Check(ctx, nil)
	if err != nil || len(rep.Problems) != 0 || rep.Events != len(timeline.Sample()) || rep.Tables != 6 {
		t.Fatalf("check of a whole case = %+v, %v", rep, err)
	}
	w := tm.raw(t, tm.writer)
	if _, err := w.Exec(ctx, "UPDATE chronoscope.events SET title = 'Tampered' WHERE uid = $1", timeline.Sample()[3].ID); err != nil {
		t.Fatal(err)
	}
	rep, err = s.Check(ctx, nil)
	if err != nil || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], timeline.Sample()[3].ID+" was changed without Chronoscope") {
		t.Errorf("check after a change in SQL = %+v, %v", rep, err)
	}
	// The change was logged all the same: the others' windows show it.
	changes, _ := s.Changes(ctx, 0, 0)
	if last := changes[len(changes)-1]; last.Kind != "edit" || last.Analyst != tm.writer {
		t.Errorf("the change in SQL is logged as %+v", last)
	}
}

// A login of the server that is not an analyst cannot even connect to the database, and
// no function of the schema is anyone's to run but the analysts'.
func TestOnlyAnalystsConnect(t *testing.T) {
	tm := newTeam(t)
	stranger := pgtest.Role(t, "stranger")
	su := tm.raw(t, "postgres")
	if _, err := su.Exec(ctx, "CREATE ROLE "+stranger+" LOGIN"); err != nil {
		t.Fatal(err)
	}
	if c, err := pgx.Connect(ctx, pgtest.As(t, tm.db, stranger)); err == nil {
		c.Close(ctx)
		t.Errorf("a login that is no analyst connected")
	} else if !strings.Contains(err.Error(), "permission denied for database") {
		t.Errorf("a stranger's connection = %v", err)
	}
	var public int
	if err := su.QueryRow(ctx, `SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname = 'chronoscope' AND has_function_privilege('public', p.oid, 'EXECUTE')`).Scan(&public); err != nil || public != 0 {
		t.Errorf("%d functions of the schema are PUBLIC's to run (%v)", public, err)
	}
}
