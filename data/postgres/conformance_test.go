package postgres_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/data/postgres/pgtest"
	"github.com/chronoscope/chronoscope/data/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var ctx = context.Background()

// team is a database set up for shared cases with four analyst logins: admin, writer,
// reader and outsider (each a fresh role of the test).
type team struct {
	db                              string // its superuser URL
	admin, writer, reader, outsider string
}

// newTeam sets up a database and its analysts for one test.
func newTeam(t testing.TB) *team {
	t.Helper()
	db := pgtest.Database(t)
	if err := postgres.Setup(ctx, db, postgres.Options{}); err != nil {
		t.Fatal(err)
	}
	tm := &team{db: db}
	for _, r := range []*string{&tm.admin, &tm.writer, &tm.reader, &tm.outsider} {
		*r = tm.analyst(t)
	}
	return tm
}

// analyst makes one more analyst login, a member of no case.
func (tm *team) analyst(t testing.TB) string {
	t.Helper()
	r := pgtest.Role(t, "analyst")
	if err := postgres.AddAnalyst(ctx, tm.db, postgres.Options{}, r, ""); err != nil {
		t.Fatal(err)
	}
	return r
}

// url is the address of case name for analyst.
func (tm *team) url(t testing.TB, analyst, name string) string {
	return pgtest.WithCase(t, pgtest.As(t, tm.db, analyst), name)
}

// open opens case name as analyst, closed when the test ends.
func (tm *team) open(t testing.TB, analyst, name string, create bool) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(ctx, tm.url(t, analyst, name), postgres.Options{Create: create})
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return storetest.Now }
	t.Cleanup(func() { s.Close() })
	return s
}

// TestConformance runs the store tests both stores share against the PostgreSQL store:
// each test on a case of its own in one database, as the writer who made it.
func TestConformance(t *testing.T) {
	tm := newTeam(t)
	storetest.Run(t, storetest.Opener{
		New: func(t *testing.T) storetest.Store {
			return tm.open(t, tm.writer, pgtest.Name("case"), true)
		},
		Again: func(t *testing.T, s storetest.Store) storetest.Store {
			return tm.open(t, tm.writer, s.(*postgres.Store).Name(), false)
		},
	})
}

func contextWithTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}

func uintText(v uint64) string { return strconv.FormatUint(v, 10) }

// waitFor reads versions from got until one reaches want (true) or d has passed.
func waitFor(got <-chan uint64, want uint64, d time.Duration) bool {
	deadline := time.After(d)
	for {
		select {
		case v := <-got:
			if v >= want {
				return true
			}
		case <-deadline:
			return false
		}
	}
}
