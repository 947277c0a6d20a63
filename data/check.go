package data

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteMagic is how every SQLite database file begins.
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
