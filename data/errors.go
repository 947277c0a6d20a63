package data

import (
	"errors"
	"os"
	"syscall"

	"github.com/chronoscope/chronoscope/timeline"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqlError is a driver error in the analyst's words. It keeps the driver's error as its
// cause and, where one fits, the domain's sentinel (timeline.ErrDamaged,
// timeline.ErrReadOnly), so errors.Is and errors.As find both.
type sqlError struct {
	cause    error
	sentinel error
}

func (e *sqlError) Error() string { return describeSQLiteError(e.cause) }

// Unwrap returns the driver's error and the sentinel, if any.
func (e *sqlError) Unwrap() []error {
	if e.sentinel == nil {
		return []error{e.cause}
	}
	return []error{e.cause, e.sentinel}
}

// dbError puts an SQLite error in the analyst's words, keeping it as the cause; other
// errors, such as a canceled context or a PutError, are returned as they are.
func dbError(err error) error {
	var se sqlite3.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	var already *sqlError
	if errors.As(err, &already) {
		return err
	}
	return &sqlError{cause: err, sentinel: sentinelOf(se)}
}

// sentinelOf maps an SQLite result code to the domain's error, once for the package.
func sentinelOf(se sqlite3.Error) error {
	switch se.Code {
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return timeline.ErrDamaged
	case sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return timeline.ErrReadOnly
	}
	return nil
}

// describeSQLiteError turns the driver's words into the analyst's.
func describeSQLiteError(err error) string {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return damagedText + " (it is no longer a database)" + recoverHint
		case sqlite3.ErrCorrupt:
			return damagedText + recoverHint
		case sqlite3.ErrReadonly, sqlite3.ErrPerm:
			return "the case is read-only"
		case sqlite3.ErrCantOpen:
			return "cannot open the file"
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return "another program held the case for too long; nothing was changed, try again"
		case sqlite3.ErrFull:
			return diskFull
		case sqlite3.ErrIoErr:
			if se.SystemErrno == syscall.ENOSPC || se.SystemErrno == syscall.EDQUOT {
				return diskFull
			}
			why := ""
			if se.SystemErrno != 0 {
				why = " (" + se.SystemErrno.Error() + ")"
			}
			return "the case file could not be read or written" + why + "; nothing was changed"
		}
	}
	return err.Error()
}

// diskFull is what a full disk (or a spent quota) says.
const diskFull = "the disk is full; nothing was changed (free some space and try again)"

// The words of a damaged case's error: what happened, and what to do.
const (
	damagedText = "the case file is damaged"
	recoverHint = "; nothing more is written to it: `chronoscope check` says what is wrong, `chronoscope recover --out NEW.chronoscope` saves what can still be read"
)

// fail is how every method of Store returns an error: a driver error in the analyst's
// words with its cause kept (dbError), and a damaged file remembered, so that the store
// refuses every later write in this session.
func (s *Store) fail(err error) error {
	err = dbError(err)
	if err != nil && errors.Is(err, timeline.ErrDamaged) {
		s.damaged.Store(true)
	}
	return err
}

// damagedError is what a write to a store that found its file damaged returns.
func damagedError() error {
	return &sqlError{cause: errors.New(damagedText + recoverHint), sentinel: timeline.ErrDamaged}
}

// Damage returns the error of a store that found its file damaged (wrapping
// timeline.ErrDamaged), or nil. On a case of up to quickCheckMax bytes the whole file has
// been checked by then; on a larger one only what was read so far.
func (s *Store) Damage() error {
	s.verified.Do(s.quickCheck)
	if s.damaged.Load() {
		return damagedError()
	}
	return nil
}

// writeRefused says why the store takes no write: read-only, or damaged; nil when it can.
// Before the first write of a store on a case of up to quickCheckMax bytes, the whole file
// is checked (PRAGMA quick_check), so that damage anywhere, not only on the pages the
// write touches, stops it.
func (s *Store) writeRefused() error {
	if s.readOnly && !s.damaged.Load() {
		return timeline.ErrReadOnly
	}
	s.verified.Do(s.quickCheck)
	if s.damaged.Load() {
		return damagedError()
	}
	if s.readOnly {
		return timeline.ErrReadOnly
	}
	return nil
}

// quickCheckMax is the largest case file checked whole when a store opens it, before
// anything is read or written: quick_check reads about 230 MB a second here, so 64 MiB
// (some 50,000 events) costs about a quarter of a second. A larger case relies on its
// pages being checked as they are read (cell_size_check) and on `chronoscope check`, so a
// write into it is stopped only by damage on the pages the write itself reads.
const quickCheckMax = 64 << 20

// quickCheck marks the store damaged when a small case file fails SQLite's quick_check.
func (s *Store) quickCheck() {
	if fi, err := os.Stat(s.path); err != nil || fi.Size() > quickCheckMax {
		return
	}
	var verdict string
	err := s.r.QueryRow("PRAGMA quick_check(1)").Scan(&verdict)
	if err != nil {
		s.fail(err)
		return
	}
	if verdict != "ok" {
		s.damaged.Store(true)
	}
}
