// Package pgtest finds the PostgreSQL cluster the tests of the shared-case store run
// against: `make test` starts a throwaway one (scripts/pg-cluster.sh) and names it in
// CHRONOSCOPE_TEST_PG, the URL of its superuser. Without that variable the tests that need
// PostgreSQL are skipped, and `go test ./...` says so once, in one line; under CI=true they
// fail instead, since CI must not skip. Only tests import this package.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the variable that holds the test cluster's superuser URL.
const EnvVar = "CHRONOSCOPE_TEST_PG"

// notRun is the line that says the PostgreSQL tests were not run.
const notRun = "PostgreSQL tests not run: " + EnvVar + " is not set (make test starts a throwaway cluster)"

// Main runs the tests of a package some of whose tests need PostgreSQL (call it from
// TestMain). Without EnvVar it prints notRun once per `go test` command: go test shows
// nothing a passing package prints, so the line goes to the terminal when there is one
// and to the test output otherwise. Under CI=true a missing cluster fails the run.
func Main(m *testing.M) {
	if os.Getenv(EnvVar) == "" {
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "FAIL: "+EnvVar+" is not set and CI=true: CI must run the PostgreSQL tests (make test starts a cluster)")
			os.Exit(1)
		}
		sayNotRun()
	}
	os.Exit(m.Run())
}

// sayNotRun prints notRun, once for all the test binaries one go command runs (they share
// its process id as their parent).
func sayNotRun() {
	marker := filepath.Join(os.TempDir(), fmt.Sprintf("chronoscope-pg-not-run-%d", os.Getppid()))
	if fi, err := os.Stat(marker); err == nil && time.Since(fi.ModTime()) < time.Hour {
		return
	}
	os.WriteFile(marker, nil, 0o600)
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		fmt.Fprintln(tty, notRun)
		tty.Close()
		return
	}
	fmt.Println(notRun)
}

// Server returns the superuser URL of the test cluster. Without one the test is skipped,
// or fails under CI=true.
func Server(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvVar)
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(EnvVar + " is not set and CI=true: CI must run the PostgreSQL tests (make test starts a cluster)")
		}
		t.Skip(notRun)
	}
	return u
}

// Connect opens a connection to the database db of the test cluster (its own database
// when db is ""), as role (the superuser when role is ""), closed when the test ends.
func Connect(t testing.TB, db, role string) *pgx.Conn {
	t.Helper()
	u := WithDatabase(t, Server(t), db)
	if role != "" {
		u = As(t, u, role)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatalf("connect to the test cluster: %v", err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// WithDatabase returns the URL u pointing at database db instead ("" keeps u's).
func WithDatabase(t testing.TB, u, db string) string {
	t.Helper()
	if db == "" {
		return u
	}
	p, err := url.Parse(u)
	if err != nil {
		t.Fatalf("%s: %v", EnvVar, err)
	}
	p.Path = "/" + db
	return p.String()
}

// As returns the URL u logging in as role instead, with no password (the test cluster
// trusts its Unix socket).
func As(t testing.TB, u, role string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatalf("%s: %v", EnvVar, err)
	}
	p.User = url.User(role)
	return p.String()
}

// Name returns a fresh name for a database or role of one test: prefix and random hex,
// lower case, safe unquoted.
func Name(prefix string) string {
	var b [6]byte
	rand.Read(b[:])
	return strings.ToLower(prefix) + "_" + hex.EncodeToString(b[:])
}

// Database makes a new, empty database on the test cluster (UTF-8, locale C.UTF-8),
// dropped when the test ends, and returns its superuser URL.
func Database(t testing.TB) string {
	t.Helper()
	server := Server(t)
	name := Name("chronoscope_test")
	c := Connect(t, "", "")
	ctx := context.Background()
	if _, err := c.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"); err != nil {
		t.Fatalf("create a test database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Logf("drop test database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	return WithDatabase(t, server, name)
}

// Role returns a fresh name for a login role of the test (prefix and random hex), and
// drops the role, if it was made, when the test ends.
func Role(t testing.TB, prefix string) string {
	t.Helper()
	name := Name(prefix)
	server := Server(t)
	t.Cleanup(func() {
		ctx := context.Background()
		c, err := pgx.Connect(ctx, server)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP ROLE IF EXISTS "+name)
	})
	return name
}

// WithCase returns the URL u naming case name (?case=name).
func WithCase(t testing.TB, u, name string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatalf("%s: %v", EnvVar, err)
	}
	q := p.Query()
	q.Set("case", name)
	p.RawQuery = q.Encode()
	return p.String()
}
