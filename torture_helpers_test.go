package main

// Helpers of the torture suite (torture_*_test.go): the real binary, built once per test
// run, run as a subprocess on case files in temporary folders, and checks of what the
// case file holds afterwards, read with SQLite itself rather than through the binary.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/scripts/gencsv/gen"
	_ "github.com/mattn/go-sqlite3" // integrity_check and counts, independent of the binary
)

// tortureBinaryEnv names the binary a re-executed test process (the disk-full test runs
// itself inside a private mount namespace) uses instead of building its own.
const tortureBinaryEnv = "CHRONOSCOPE_TORTURE_BINARY"

// tortureBin is the chronoscope binary built by TestMain; tortureBuildErr says why not.
var (
	tortureBin      string
	tortureBuildErr error
)

func TestMain(m *testing.M) {
	tmp := ""
	if tortureBin = os.Getenv(tortureBinaryEnv); tortureBin == "" {
		var err error
		if tmp, err = os.MkdirTemp("", "chronoscope-torture-"); err != nil {
			tortureBuildErr = err
		} else {
			tortureBin = filepath.Join(tmp, "chronoscope")
			out, err := exec.Command("go", "build", "-o", tortureBin, ".").CombinedOutput()
			if err != nil {
				tortureBuildErr = fmt.Errorf("go build: %v\n%s", err, out)
			}
		}
	}
	code := m.Run()
	if tmp != "" {
		os.RemoveAll(tmp)
	}
	os.Exit(code)
}

// tortureLong reports whether the long form runs (make torture sets CHRONOSCOPE_TORTURE=long).
func tortureLong() bool { return os.Getenv("CHRONOSCOPE_TORTURE") == "long" }

// tries is short in the short form (inside make test) and long in the long form.
func tries(short, long int) int {
	if tortureLong() {
		return long
	}
	return short
}

// inCI reports whether the tests run in CI (or under make test), where nothing may skip.
func inCI() bool { return os.Getenv("CI") != "" }

// chronoscopeBinary returns the built chronoscope, or fails the test when it could not be built.
func chronoscopeBinary(t *testing.T) string {
	t.Helper()
	if tortureBuildErr != nil {
		t.Fatalf("building the binary: %v", tortureBuildErr)
	}
	return tortureBin
}

// result is what one run of the binary did.
type result struct {
	args           []string
	stdout, stderr string
	code           int // exit status; -1 when killed by a signal
	killed         bool
}

func (r result) String() string {
	cmdline := strings.Join(r.args, " ")
	if len(cmdline) > 100 {
		cmdline = cmdline[:100] + "..."
	}
	return fmt.Sprintf("chronoscope %s: exit %d, stderr %q", cmdline, r.code, r.stderr)
}

// command prepares a run of the binary with an environment of its own: no CHRONOSCOPE_DB
// from the caller, and a data folder under dir so that no default case is ever touched.
func command(t *testing.T, ctx context.Context, dir string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.CommandContext(ctx, chronoscopeBinary(t), args...)
	cmd.Env = append(os.Environ(), "CHRONOSCOPE_DB=", "XDG_DATA_HOME="+filepath.Join(dir, "xdg"),
		"HOME="+filepath.Join(dir, "home"), "LANG=C.UTF-8")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	return cmd, &stdout, &stderr
}

// finish waits for cmd and describes how it ended.
func finish(t *testing.T, cmd *exec.Cmd, stdout, stderr *bytes.Buffer) result {
	t.Helper()
	err := cmd.Wait()
	r := result{args: cmd.Args[1:], stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("chronoscope %s: %v", strings.Join(r.args, " "), err)
	}
	r.killed = r.code == -1
	return r
}

// run runs the binary to its end.
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd, stdout, stderr := command(t, context.Background(), dir, args...)
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting chronoscope: %v", err)
	}
	return finish(t, cmd, stdout, stderr)
}

// mustRun runs the binary and fails the test unless it exits 0.
func mustRun(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := run(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("%v", r)
	}
	return r
}

// listed is one event of `list --format json`, the fields the suite compares.
type listed struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Start   string   `json:"start"`
	Actors  []string `json:"actors"`
	Tags    []string `json:"tags"`
	Sources []struct {
		Title string `json:"title"`
		URL   string `json:"url"`
	} `json:"sources"`
}

// writeCSV writes a generated native CSV of rows events (scripts/gencsv) whose ids start
// with prefix instead of "ev-", so that every file adds events of its own.
func writeCSV(t *testing.T, path string, rows int, seed uint64, prefix string) {
	t.Helper()
	var b bytes.Buffer
	if err := gen.Write(&b, rows, seed); err != nil {
		t.Fatalf("generating %s: %v", path, err)
	}
	if n := bytes.Count(b.Bytes(), []byte("\nev-")); n != rows {
		t.Fatalf("generating %s: %d rows start with an id, want %d", path, n, rows)
	}
	data := bytes.ReplaceAll(b.Bytes(), []byte("\nev-"), []byte("\n"+prefix))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatalf("writing %s: %v", path, err)
	}
}

// listEvents returns the case's events as the binary lists them, by id.
func listEvents(t *testing.T, dir, db string) map[string]listed {
	t.Helper()
	r := mustRun(t, dir, "--db", db, "list", "--format", "json")
	var doc struct{ Events []listed }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("list --format json: %v", err)
	}
	byID := make(map[string]listed, len(doc.Events))
	for _, e := range doc.Events {
		byID[e.ID] = e
	}
	if len(byID) != len(doc.Events) {
		t.Fatalf("list --format json: %d events but %d ids", len(doc.Events), len(byID))
	}
	return byID
}

// openRaw opens a case file with SQLite directly, read-only unless rw.
func openRaw(t *testing.T, path string, rw bool) *sql.DB {
	t.Helper()
	mode := "ro"
	if rw {
		mode = "rw"
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode="+mode)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	db.SetMaxOpenConns(1)
	return db
}

// integrity runs PRAGMA integrity_check on a case file and returns what is wrong ("" when ok).
func integrity(t *testing.T, path string) string {
	t.Helper()
	db := openRaw(t, path, false)
	defer db.Close()
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err.Error()
		}
		lines = append(lines, s)
	}
	if err := rows.Err(); err != nil {
		lines = append(lines, err.Error())
	}
	if len(lines) == 1 && lines[0] == "ok" {
		return ""
	}
	if len(lines) > 5 {
		lines = append(lines[:5], fmt.Sprintf("... (%d problems)", len(lines)))
	}
	return strings.Join(lines, "; ")
}

// mustBeWhole fails the test unless the case file passes integrity_check.
func mustBeWhole(t *testing.T, path, when string) {
	t.Helper()
	if bad := integrity(t, path); bad != "" {
		t.Fatalf("%s: integrity_check: %s", when, bad)
	}
}

// countWhere counts the events whose uid starts with prefix ("" for all), with SQLite.
func countWhere(t *testing.T, path, prefix string) int {
	t.Helper()
	db := openRaw(t, path, false)
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM events WHERE substr(uid, 1, length(?1)) = ?1", prefix).Scan(&n); err != nil {
		t.Fatalf("counting events of %s: %v", path, err)
	}
	return n
}

// checkpoint folds a case's WAL into its main file, so that its pages can be read raw.
func checkpoint(t *testing.T, path string) {
	t.Helper()
	db := openRaw(t, path, true)
	defer db.Close()
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatalf("checkpoint %s: %v", path, err)
	}
}

// oneLine fails the test unless the run exited 1 with exactly one line on stderr that
// starts with "chronoscope" and contains every one of want (case-insensitive).
func oneLine(t *testing.T, r result, want ...string) {
	t.Helper()
	msg := strings.TrimRight(r.stderr, "\n")
	if r.code != 1 || msg == "" || strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "chronoscope") {
		t.Errorf("%v: want exit 1 and one line on stderr", r)
		return
	}
	for _, w := range want {
		if !strings.Contains(strings.ToLower(msg), strings.ToLower(w)) {
			t.Errorf("%v: the message does not say %q", r, w)
		}
	}
}

// lockError returns the lock, busy or I/O error a run's stderr shows, or "".
func lockError(r result) string {
	low := strings.ToLower(r.stderr)
	for _, bad := range []string{"locked", "busy", "i/o error"} {
		if strings.Contains(low, bad) {
			return bad
		}
	}
	return ""
}

// noLockErrors fails the test when a run's stderr shows a lock, busy or I/O error.
func noLockErrors(t *testing.T, r result) {
	t.Helper()
	if bad := lockError(r); bad != "" {
		t.Errorf("%v: %q reached the user", r, bad)
	}
}

// newRand is the suite's source of randomness: a random seed, or
// CHRONOSCOPE_TORTURE_SEED when set, logged so that a failure can be replayed.
func newRand(t *testing.T) *rand.Rand {
	t.Helper()
	seed := rand.Uint64()
	if s := os.Getenv("CHRONOSCOPE_TORTURE_SEED"); s != "" {
		if _, err := fmt.Sscan(s, &seed); err != nil {
			t.Fatalf("CHRONOSCOPE_TORTURE_SEED=%q: %v", s, err)
		}
	}
	t.Logf("seed %d (CHRONOSCOPE_TORTURE_SEED=%d replays it)", seed, seed)
	return rand.New(rand.NewPCG(seed, 1))
}
