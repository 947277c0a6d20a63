package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// ErrCaseExists is returned by Create when its path already names a file: the caller
// imports into that case instead (Open and PutStream).
var ErrCaseExists = errors.New("the case file already exists")

// CreateOptions says what Create is given.
type CreateOptions struct {
	// Size is about how many events will come (0 when unknown).
	Size int
	// Prevalidated says the events come normalized and valid (as format.Scan hands them),
	// so they are not checked again: see Store.Prevalidated.
	Prevalidated bool
}

// Create makes a new case at path holding the events produce puts (the contract of
// PutStream). Nothing is at path until the case is
// whole: it is written beside it, straight into its own file without a journal or WAL
// (each page once, where the WAL would write it twice), flushed to the disk and only
// then given its name, atomically and never over a file. So a failed or killed Create
// leaves no case, and any process that opens path finds either no file or the whole
// case. The case is named after the file; what the import leaves to build after its
// commit is in the case's backlog, for BuildIndex. When path exists (another process
// made it first), Create returns ErrCaseExists and leaves it alone.
func Create(ctx context.Context, path string, opt CreateOptions, produce func(put func([]timeline.Event) error) error) (timeline.PutResult, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return timeline.PutResult{}, err
	}
	if exists(abs) || exists(abs+"-wal") {
		return timeline.PutResult{}, ErrCaseExists
	}
	dir, base := filepath.Split(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return timeline.PutResult{}, &OpenError{Path: abs, Reason: "cannot create its folder: " + err.Error(), Err: err}
	}
	removeLeftovers(dir, base)
	tmp, err := os.CreateTemp(dir, leftoverPrefix(base)+"*")
	if err != nil {
		return timeline.PutResult{}, &OpenError{Path: abs, Reason: describeSQLiteError(err), Err: err}
	}
	lockFile(tmp)               // while it is held, no other process takes the file for a leftover
	os.Chmod(tmp.Name(), 0o644) // as SQLite makes a case file (CreateTemp makes it 0600)
	defer func() {
		tmp.Close()
		for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
			os.Remove(tmp.Name() + suffix)
		}
	}()
	res, err := fillNew(ctx, tmp.Name(), strings.TrimSuffix(base, filepath.Ext(base)), opt, produce)
	if err != nil {
		return timeline.PutResult{}, err
	}
	if err := tmp.Sync(); err != nil {
		return timeline.PutResult{}, fmt.Errorf("write %s: %w", abs, err)
	}
	if err := os.Link(tmp.Name(), abs); errors.Is(err, os.ErrExist) {
		return timeline.PutResult{}, ErrCaseExists
	} else if err != nil {
		return timeline.PutResult{}, fmt.Errorf("write %s: %w", abs, err)
	}
	if err := syncDir(dir); err != nil {
		return res, fmt.Errorf("write %s: %w", abs, err)
	}
	return res, nil
}

// leftoverPrefix begins the name of the file Create writes a case named base in.
func leftoverPrefix(base string) string { return "." + base + ".creating-" }

// removeLeftovers removes the files of Creates of base in dir whose process is gone
// (killed, or the machine stopped): nobody holds their lock.
func removeLeftovers(dir, base string) {
	names, _ := filepath.Glob(filepath.Join(dir, leftoverPrefix(base)+"*"))
	for _, name := range names {
		if strings.HasSuffix(name, "-journal") || strings.HasSuffix(name, "-wal") || strings.HasSuffix(name, "-shm") {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		if lockFile(f) == nil {
			for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
				os.Remove(name + suffix)
			}
		}
		f.Close()
	}
}

// fillNew makes a case in the new file path (no other process knows of it) without a
// journal, puts what produce gives, and leaves the file in WAL mode as every case is.
func fillNew(ctx context.Context, path, name string, opt CreateOptions, produce func(put func([]timeline.Event) error) error) (timeline.PutResult, error) {
	s := &Store{path: path, Now: time.Now, Prevalidated: opt.Prevalidated}
	s.verified.Do(func() {}) // nothing to check in a file made here
	var err error
	s.w, err = openDB(path, "?mode=rw&_txlock=immediate&_journal_mode=OFF&_synchronous=OFF&_locking_mode=EXCLUSIVE&_foreign_keys=on")
	if err != nil {
		return timeline.PutResult{}, err
	}
	s.w.SetMaxOpenConns(1)
	defer s.w.Close()
	if err := s.migrate(); err != nil {
		return timeline.PutResult{}, fmt.Errorf("create %s: %w", path, dbError(err))
	}
	if err := s.nameNew(name); err != nil {
		return timeline.PutResult{}, dbError(err)
	}
	res, err := s.PutStream(ctx, opt.Size, produce)
	if err != nil {
		return res, err
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		return res, dbError(err)
	}
	return res, dbError(s.w.Close())
}

// openDB opens the SQLite file path with the URI parameters params ("?...").
func openDB(path, params string) (*sql.DB, error) {
	db, err := sql.Open(driverName, "file:"+escapePath(path)+params)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
