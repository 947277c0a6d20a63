// Package data keeps a Chronoscope case in one SQLite file. It is the only package that
// knows SQL; everything else talks to it through timeline.Store.
package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// ApplicationID marks a SQLite file as a Chronoscope case ("CHRS").
const ApplicationID = timeline.CaseApplicationID

// Extension is the file extension of a case file (timeline.CaseExtension).
const Extension = timeline.CaseExtension

var _ timeline.Store = (*Store)(nil)

// Store is a case file opened for reading and, unless it is read-only, writing. It keeps
// one writer connection (writes are serialised, each in an immediate transaction) and a
// small pool of readers (WAL lets them read while a write is under way).
type Store struct {
	path     string
	readOnly bool
	w        *sql.DB
	r        *sql.DB
	// Now is the clock the created and updated stamps are read from (time.Now when the
	// store is opened; a caller that wants reproducible stamps sets its own).
	Now func() time.Time
	// KeepStamps makes Put write what each event says of its Updated stamp and Version
	// (when set) instead of now and the next version, and skip the version check: for a
	// copy of a case into a new one, never for an analyst's edits.
	KeepStamps bool
	// Prevalidated makes PutStream and PutBatch take the events they are handed as
	// normalized and valid, as format.Scan gives them, and not check them again: an
	// import then checks each event once, on the goroutine that reads the file. Never
	// for events from anywhere else.
	Prevalidated bool

	// damaged is set once any operation found the file damaged: from then on the store
	// refuses every write (see fail).
	damaged  atomic.Bool
	verified sync.Once // the check before the first write (see writeRefused)

	vmu   sync.Mutex
	vconn *sql.Conn // the connection Version reads data_version on

	snap snapshotter // the marks snapshot's cache and background rebuild (snapshot.go)

	batches batchBook // the import batches this store recorded (batch.go)
}

// busyTimeout is how long a write waits for the other writers of the case before it
// gives up with "another program held the case for too long": longer than a
// million-event import takes here.
const busyTimeout = 5 * time.Minute

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
	create, fi, err := classify(path, mode)
	if err != nil {
		return nil, err
	}
	readOnly, damaged := false, false
	if !create {
		readOnly = !writable(path, fi)
		if err := inspect(path); errors.Is(err, timeline.ErrDamaged) && !errors.Is(err, errUnreadable) {
			damaged = true // what can still be read is shown; nothing is written
		} else if err != nil {
			return nil, err
		}
	}
	s := &Store{path: path, readOnly: readOnly || damaged, Now: time.Now}
	s.snap.init()
	s.damaged.Store(damaged)
	// A file that failed half way through being made is left as it is (never removed: by
	// then another process may be using it); an empty file is made a case again next time.
	if err := s.open(); err != nil {
		s.Close()
		return nil, &OpenError{Path: path, Reason: describeSQLiteError(err), Err: dbError(err)}
	}
	// A small case is checked whole now, so that damage anywhere in it is known before
	// anything is shown or written (see writeRefused), a migration included.
	s.verified.Do(s.quickCheck)
	if !s.ReadOnly() {
		if err := s.migrate(); err != nil {
			s.Close()
			return nil, &OpenError{Path: path, Reason: "cannot prepare the case: " + describeSQLiteError(err), Err: dbError(err)}
		}
	}
	if create {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if err := s.nameNew(name); err != nil {
			s.Close()
			return nil, &OpenError{Path: path, Reason: describeSQLiteError(err), Err: dbError(err)}
		}
	}
	return s, nil
}

// classify looks at the file at path before it is opened: whether a case is to be made
// there (create), and what the file is; the error refuses it (see Open).
func classify(path string, mode Mode) (create bool, fi os.FileInfo, err error) {
	fi, statErr := os.Stat(path)
	if statErr == nil && fi.Size() == 0 && mode != OpenOrCreate {
		fi, statErr = waitForContent(path, fi) // another process may be making the case
	}
	switch {
	case errors.Is(statErr, os.ErrNotExist):
		if mode != OpenOrCreate {
			return false, nil, &OpenError{Path: path, Reason: "no such case file", Err: statErr}
		}
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return false, nil, &OpenError{Path: path, Reason: "cannot create its folder: " + err.Error(), Err: err}
			}
		}
		return true, nil, nil
	case statErr != nil:
		return false, nil, &OpenError{Path: path, Reason: statErr.Error(), Err: statErr}
	case fi.IsDir():
		return false, nil, &OpenError{Path: path, Reason: "it is a folder, not a case file", Err: ErrNotCase}
	case fi.Size() == 0:
		if mode != OpenOrCreate {
			return false, nil, &OpenError{Path: path, Reason: "the file is empty, not a Chronoscope case", Err: ErrNotCase}
		}
		return true, fi, nil
	}
	fresh, err := checkHeader(path)
	if err != nil {
		return false, nil, err
	}
	// An SQLite file with nothing in it is made a case like an empty file: that is also
	// what a case looks like while another process is making it.
	create = fresh && mode == OpenOrCreate && writable(path, fi)
	if fresh && !create && !waitForWAL(path) {
		return false, nil, &OpenError{Path: path, Reason: "an empty SQLite database, not a Chronoscope case", Err: ErrNotCase}
	}
	return create, fi, nil
}

// waitForContent waits a moment for an empty file to get its first bytes, as a case does
// just after another process created the file, and returns what the file is then.
func waitForContent(path string, fi os.FileInfo) (os.FileInfo, error) {
	for range 50 {
		time.Sleep(20 * time.Millisecond)
		now, err := os.Stat(path)
		if err != nil || now.Size() > 0 {
			return now, err
		}
	}
	return fi, nil
}

// waitForWAL waits a moment for the -wal file of an SQLite file with nothing in it yet:
// another process making a case there writes the case's first pages to it at once.
func waitForWAL(path string) bool {
	for range 50 {
		if exists(path + "-wal") {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

func (s *Store) open() error {
	base := "file:" + escapePath(s.path)
	var err error
	if s.readOnly {
		if s.r, err = openForReading(s.path, "&_foreign_keys=on&_cell_size_check=on"); err != nil {
			return err
		}
		s.r.SetMaxOpenConns(4)
		return nil
	}
	// cell_size_check makes SQLite check each b-tree page as it is read, so a damaged page
	// is reported (and the store stops writing) instead of being built upon.
	// A write waits for another process's write to finish (busyTimeout) rather than fail:
	// a long import elsewhere holds the case for a minute or more.
	params := fmt.Sprintf("_journal_mode=WAL&_foreign_keys=on&_busy_timeout=%d&_synchronous=NORMAL&_cell_size_check=on", busyTimeout.Milliseconds())
	s.w, err = sql.Open(driverName, base+"?mode=rwc&_txlock=immediate&"+params)
	if err != nil {
		return err
	}
	s.w.SetMaxOpenConns(1)
	if err := s.w.Ping(); err != nil {
		return err
	}
	s.r, err = sql.Open(driverName, base+"?mode=rw&_query_only=1&"+params)
	if err != nil {
		return err
	}
	s.r.SetMaxOpenConns(4)
	return s.r.Ping()
}

// Path is the case file.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused: the file is read-only, or it was found
// damaged.
func (s *Store) ReadOnly() bool { return s.readOnly || s.damaged.Load() }

// Close releases the file; the WAL is folded back into it.
func (s *Store) Close() error {
	var err error
	if s.w != nil && !s.ReadOnly() {
		s.forgetBatches()
	}
	s.snap.close()
	s.vmu.Lock()
	if s.vconn != nil {
		s.vconn.Close()
		s.vconn = nil
	}
	s.vmu.Unlock()
	if s.r != nil {
		err = s.r.Close()
	}
	if s.w != nil {
		if e := s.w.Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// Info returns the case's name, description and notes.
func (s *Store) Info(ctx context.Context) (timeline.CaseInfo, error) {
	var info timeline.CaseInfo
	err := s.r.QueryRowContext(ctx, "SELECT name, description, notes FROM case_info WHERE id = 1").Scan(&info.Name, &info.Description, &info.Notes)
	if errors.Is(err, sql.ErrNoRows) {
		info.Name = strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
		return info, nil
	}
	return info, s.fail(err)
}

// SetInfo renames and re-describes the case, and writes its notes.
func (s *Store) SetInfo(ctx context.Context, info timeline.CaseInfo) error {
	if err := s.writeRefused(); err != nil {
		return err
	}
	if strings.TrimSpace(info.Name) == "" {
		return &timeline.FieldError{Field: "name", Reason: "a case needs a name"}
	}
	return s.fail(s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO case_info (id, name, description, notes) VALUES (1, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, notes = excluded.notes`,
			strings.TrimSpace(info.Name), info.Description, info.Notes)
		return err
	}))
}

// nameNew gives a case just made its name, unless another process that made it at the
// same moment already did.
func (s *Store) nameNew(name string) error {
	return s.writeTx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO case_info (id, name) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", name)
		return err
	})
}

// writeTx runs fn in one immediate transaction on the writer connection and commits it.
func (s *Store) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// readTx runs fn in one read transaction: every statement fn runs sees the same
// snapshot of the case, whatever other connections commit meanwhile.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	return s.fail(fn(tx))
}

// SaveCopy writes a consistent copy of the case to path, even while the case is being
// written: SQLite's VACUUM INTO makes the copy from one snapshot into a scratch file,
// which then goes to path the way every export does (timeline.WriteFileAtomic: flushed
// and renamed into place, never over a case or a read-only file, through a symlink to
// its target, keeping the mode of a file it replaces).
func (s *Store) SaveCopy(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if abs == s.path || sameFile(abs, s.path) {
		return fmt.Errorf("save a copy: %s is the open case itself", path)
	}
	if err := timeline.RefuseCaseTarget(abs, s.path); err != nil {
		return fmt.Errorf("save a copy: %w", err)
	}
	scratch, err := os.MkdirTemp(filepath.Dir(abs), ".chronoscope-copy-*")
	if err != nil {
		scratch, err = os.MkdirTemp("", "chronoscope-copy-*")
	}
	if err != nil {
		return fmt.Errorf("save a copy to %s: %w", path, err)
	}
	defer os.RemoveAll(scratch)
	tmpName := filepath.Join(scratch, "copy"+Extension)
	// A connection of its own: VACUUM INTO reads one consistent snapshot while writers go
	// on. Whatever -wal or -shm it needs stays when it closes (see inspect).
	db, err := openForReading(s.path, "")
	if err != nil {
		return fmt.Errorf("save a copy to %s: %w", path, s.fail(err))
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
		return fmt.Errorf("save a copy to %s: %w", path, s.fail(err))
	}
	copyFile := func(w io.Writer) error {
		f, err := os.Open(tmpName)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	}
	if err := timeline.WriteFileAtomic(abs, copyFile); err != nil {
		return fmt.Errorf("save a copy: %w", err)
	}
	return nil
}

// syncFile flushes a file's contents to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder, so that a rename into it survives a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// sameFile reports whether a and b are one file on disk (another spelling of the path, a
// link); false when either does not exist.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// Version identifies what the case holds: SQLite's data_version, read on one connection
// kept for it alone, which changes whenever any other connection (this store's writer,
// another process) commits.
func (s *Store) Version(ctx context.Context) (uint64, error) {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	if s.vconn == nil {
		c, err := s.r.Conn(ctx)
		if err != nil {
			return 0, err
		}
		s.vconn = c
	}
	var v uint64
	if err := s.vconn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, err
	}
	return v, nil
}
