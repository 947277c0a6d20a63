// Package data keeps a Chronoscope case in one SQLite file. It is the only package that
// knows SQL; everything else talks to it through timeline.Store.
package data

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// ApplicationID marks a SQLite file as a Chronoscope case ("CHRS").
const ApplicationID = 0x43485253

// Extension is the file extension of a case file.
const Extension = ".chronoscope"

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this build writes (its number of migrations).
var SchemaVersion = len(migrations())

var _ timeline.Store = (*Store)(nil)

// Store is a case file opened for reading and, unless it is read-only, writing. It keeps
// one writer connection (writes are serialised, each in an immediate transaction) and a
// small pool of readers (WAL lets them read while a write is under way).
type Store struct {
	path     string
	readOnly bool
	w        *sql.DB
	r        *sql.DB
	// Now is the clock for created/updated stamps; tests replace it.
	Now func() time.Time

	side    sideFiles // what a read-only store must tidy when it closes
	mu      sync.Mutex
	classes []int // span classes present, for window queries; nil means unknown
}

// Mode says how Open treats a missing file.
type Mode int

// Open modes.
const (
	// OpenExisting refuses a missing file.
	OpenExisting Mode = iota
	// OpenOrCreate makes a new, empty case when the file is missing or empty.
	OpenOrCreate
)

// OpenError says why a file could not be opened as a case. The file is left untouched.
type OpenError struct {
	Path   string
	Reason string
	Err    error
}

func (e *OpenError) Error() string { return fmt.Sprintf("open %s: %s", e.Path, e.Reason) }

// Unwrap returns the underlying error, if any.
func (e *OpenError) Unwrap() error { return e.Err }

// ErrNewerVersion is wrapped by the OpenError for a case written by a newer Chronoscope.
var ErrNewerVersion = errors.New("case from a newer version")

// ErrNotCase is wrapped by the OpenError for a file that is not a Chronoscope case.
var ErrNotCase = errors.New("not a Chronoscope case")

// Open opens the case at path. It refuses, leaving the file byte-for-byte unchanged, a
// missing file (unless mode is OpenOrCreate), a file that is not SQLite, a SQLite file that
// is not a case, and a case written by a newer version. A file the user cannot write (or
// whose write permission bits are all off) opens read-only.
func Open(path string, mode Mode) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	fi, statErr := os.Stat(path)
	create := false
	switch {
	case errors.Is(statErr, os.ErrNotExist):
		if mode != OpenOrCreate {
			return nil, &OpenError{Path: path, Reason: "no such case file", Err: statErr}
		}
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, &OpenError{Path: path, Reason: "cannot create its folder: " + err.Error(), Err: err}
			}
		}
		create = true
	case statErr != nil:
		return nil, &OpenError{Path: path, Reason: statErr.Error(), Err: statErr}
	case fi.IsDir():
		return nil, &OpenError{Path: path, Reason: "it is a folder, not a case file", Err: ErrNotCase}
	case fi.Size() == 0:
		if mode != OpenOrCreate {
			return nil, &OpenError{Path: path, Reason: "the file is empty, not a Chronoscope case", Err: ErrNotCase}
		}
		create = true
	default:
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	}
	readOnly := false
	if !create {
		readOnly = !writable(path, fi)
		if err := inspect(path); err != nil {
			return nil, err
		}
	}
	s := &Store{path: path, readOnly: readOnly, Now: time.Now}
	if readOnly {
		s.side = newSideFiles(path)
	}
	if err := s.open(); err != nil {
		s.Close()
		if create {
			os.Remove(path)
		}
		return nil, &OpenError{Path: path, Reason: describeSQLiteError(err), Err: err}
	}
	if !readOnly {
		if err := s.migrate(); err != nil {
			s.Close()
			return nil, &OpenError{Path: path, Reason: "cannot prepare the case: " + describeSQLiteError(err), Err: err}
		}
	}
	if create {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if err := s.SetInfo(context.Background(), timeline.CaseInfo{Name: name}); err != nil {
			s.Close()
			return nil, &OpenError{Path: path, Reason: describeSQLiteError(err), Err: err}
		}
	}
	return s, nil
}

var sqliteMagic = []byte("SQLite format 3\x00")

func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &OpenError{Path: path, Reason: err.Error(), Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return &OpenError{Path: path, Reason: "not a Chronoscope case (not an SQLite database)", Err: ErrNotCase}
	}
	return nil
}

// writable reports whether the user can and means to write path: root can write a file
// whose write bits are off, but that file was made read-only on purpose.
func writable(path string, fi os.FileInfo) bool {
	if fi.Mode().Perm()&0o222 == 0 {
		return false
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	// A WAL database also needs its folder, for the -wal and -shm files.
	probe, err := os.CreateTemp(filepath.Dir(path), ".chronoscope-probe-*")
	if err != nil {
		return false
	}
	probe.Close()
	os.Remove(probe.Name())
	return true
}

// openReadOnly opens path without any right to change it. A read-only connection still
// sees what another writer left in the WAL; where SQLite cannot even do that (a folder it
// may not write its -shm file in) the file is read as immutable.
func openReadOnly(path string, extra string) (*sql.DB, error) {
	base := "file:" + escapePath(path) + "?mode=ro" + extra
	db, err := sql.Open("sqlite3", base)
	if err == nil {
		if err = db.Ping(); err == nil {
			var n int
			if err = db.QueryRow("PRAGMA schema_version").Scan(&n); err == nil {
				return db, nil
			}
		}
		db.Close()
	}
	if se := (sqlite3.Error{}); errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return nil, err
	}
	db, err = sql.Open("sqlite3", base+"&immutable=1")
	if err != nil {
		return nil, err
	}
	return db, db.Ping()
}

// inspect reads the application id and schema version through a read-only connection,
// which cannot change the file, before anything is written to it.
func inspect(path string) error {
	made := newSideFiles(path)
	db, err := openReadOnly(path, "")
	if err != nil {
		made.clean()
		return &OpenError{Path: path, Reason: describeSQLiteError(err), Err: err}
	}
	defer made.clean()
	defer db.Close()
	var appID, version int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return &OpenError{Path: path, Reason: describeSQLiteError(err), Err: err}
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return &OpenError{Path: path, Reason: describeSQLiteError(err), Err: err}
	}
	if appID != ApplicationID {
		return &OpenError{Path: path, Reason: "a SQLite database, but not a Chronoscope case", Err: ErrNotCase}
	}
	if version > SchemaVersion {
		return &OpenError{Path: path, Err: ErrNewerVersion,
			Reason: fmt.Sprintf("written by a newer Chronoscope (case schema %d; this version reads up to %d): update Chronoscope to open it", version, SchemaVersion)}
	}
	// A quick look at the schema catches most corruption before the case is in use.
	var n int
	if err := db.QueryRow("SELECT count(*) FROM events").Scan(&n); err != nil {
		return &OpenError{Path: path, Reason: describeSQLiteError(err), Err: err}
	}
	return nil
}

// describeSQLiteError turns the driver's words into the analyst's.
func describeSQLiteError(err error) string {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return "not a Chronoscope case (not an SQLite database)"
		case sqlite3.ErrCorrupt:
			return "the case file is damaged (corrupt); restore it from a copy"
		case sqlite3.ErrReadonly, sqlite3.ErrPerm:
			return "the case is read-only"
		case sqlite3.ErrCantOpen:
			return "cannot open the file"
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return "another program holds the case too long; try again"
		case sqlite3.ErrFull:
			return "the disk is full"
		}
	}
	return err.Error()
}

func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

func (s *Store) open() error {
	base := "file:" + escapePath(s.path)
	var err error
	if s.readOnly {
		if s.r, err = openReadOnly(s.path, "&_foreign_keys=on"); err != nil {
			return err
		}
		s.r.SetMaxOpenConns(4)
		return nil
	}
	params := "_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_synchronous=NORMAL"
	s.w, err = sql.Open("sqlite3", base+"?mode=rwc&_txlock=immediate&"+params)
	if err != nil {
		return err
	}
	s.w.SetMaxOpenConns(1)
	if err := s.w.Ping(); err != nil {
		return err
	}
	s.r, err = sql.Open("sqlite3", base+"?mode=rw&_query_only=1&"+params)
	if err != nil {
		return err
	}
	s.r.SetMaxOpenConns(4)
	return s.r.Ping()
}

// sideFiles remembers which of a database's -wal and -shm files existed before a
// read-only connection, which cannot remove them when it closes, made them.
type sideFiles struct{ made []string }

func newSideFiles(path string) sideFiles {
	var sf sideFiles
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); errors.Is(err, os.ErrNotExist) {
			sf.made = append(sf.made, path+suffix)
		}
	}
	return sf
}

// clean removes the side files that did not exist before, once no connection is open.
func (sf sideFiles) clean() {
	for _, p := range sf.made {
		os.Remove(p)
	}
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() []migration {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		panic(err)
	}
	var out []migration
	for _, e := range entries {
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			panic("data: migration without a number: " + e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: n, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			panic("data: migrations must be numbered 1, 2, 3...: " + m.name)
		}
	}
	return out
}

// migrate brings the schema to SchemaVersion, one transaction per migration.
func (s *Store) migrate() error {
	var version int
	if err := s.w.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	for _, m := range migrations()[version:] {
		tx, err := s.w.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Path is the case file.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close releases the file; the WAL is folded back into it.
func (s *Store) Close() error {
	var err error
	if s.r != nil {
		err = s.r.Close()
	}
	if s.w != nil {
		if e := s.w.Close(); e != nil && err == nil {
			err = e
		}
	}
	s.side.clean()
	return err
}

// Info returns the case's name and description.
func (s *Store) Info(ctx context.Context) (timeline.CaseInfo, error) {
	var info timeline.CaseInfo
	err := s.r.QueryRowContext(ctx, "SELECT name, description FROM case_info WHERE id = 1").Scan(&info.Name, &info.Description)
	if errors.Is(err, sql.ErrNoRows) {
		info.Name = strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
		return info, nil
	}
	return info, err
}

// SetInfo renames and re-describes the case.
func (s *Store) SetInfo(ctx context.Context, info timeline.CaseInfo) error {
	if s.readOnly {
		return timeline.ErrReadOnly
	}
	if strings.TrimSpace(info.Name) == "" {
		return &timeline.FieldError{Field: "name", Reason: "a case needs a name"}
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO case_info (id, name, description) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description`,
		strings.TrimSpace(info.Name), info.Description)
	return err
}

// SaveCopy writes a consistent copy of the case to path (through a temporary file in the
// same folder, renamed when complete), even while the case is being written.
func (s *Store) SaveCopy(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if abs == s.path {
		return fmt.Errorf("save a copy: %s is the open case itself", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".chronoscope-copy-*")
	if err != nil {
		return fmt.Errorf("save a copy to %s: %w", path, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // VACUUM INTO wants to create the file itself
	// A connection of its own: VACUUM INTO reads one consistent snapshot while writers go on.
	made := newSideFiles(s.path)
	db, err := openReadOnly(s.path, "")
	if err != nil {
		return fmt.Errorf("save a copy to %s: %s", path, describeSQLiteError(err))
	}
	if s.readOnly {
		defer made.clean() // after db.Close below
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("save a copy to %s: %s", path, describeSQLiteError(err))
	}
	if err := os.Rename(tmpName, abs); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("save a copy to %s: %w", path, err)
	}
	return nil
}
