package data

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteMagic is how every SQLite database file begins.
var sqliteMagic = []byte("SQLite format 3\x00")

// header is what the first 100 bytes of an SQLite file say, read without SQLite so that
// nothing is opened, locked or created beside a file that may not be a case.
type header struct {
	appID, userVersion uint32
	pages              uint32
	wal                bool // the file is in WAL mode: its -wal file may hold newer pages
}

// fresh reports whether the file is an SQLite database with nothing in it yet, as a case
// is for a moment while another process makes it (its first page says WAL mode before
// the migrations, which go to the WAL, are checkpointed).
func (h header) fresh() bool { return h.appID == 0 && h.userVersion == 0 && h.pages <= 1 }

func readHeader(path string) (header, error) {
	f, err := os.Open(path)
	if err != nil {
		return header{}, &OpenError{Path: path, Reason: err.Error(), Err: err}
	}
	defer f.Close()
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head[:len(sqliteMagic)], sqliteMagic) {
		return header{}, &OpenError{Path: path, Reason: "not a Chronoscope case (not an SQLite database)", Err: ErrNotCase}
	}
	return header{
		appID:       binary.BigEndian.Uint32(head[68:]),
		userVersion: binary.BigEndian.Uint32(head[60:]),
		pages:       binary.BigEndian.Uint32(head[28:]),
		wal:         head[18] == 2 && head[19] == 2,
	}, nil
}

// checkHeader refuses a file that is not SQLite, or an SQLite file that is certainly not a
// case: its header is current (no -wal file can hold a newer first page) and carries
// another application id. Nothing but the bytes is read. fresh reports an SQLite file with
// nothing in it yet, which a create may make a case (see header.fresh).
func checkHeader(path string) (fresh bool, err error) {
	h, err := readHeader(path)
	if err != nil {
		return false, err
	}
	if h.appID == ApplicationID {
		return false, nil
	}
	if h.fresh() {
		return true, nil
	}
	if _, err := os.Stat(path + "-wal"); h.wal && err == nil {
		return false, nil // a case being created right now has its id in the WAL: inspect decides
	}
	return false, &OpenError{Path: path, Reason: "a SQLite database, but not a Chronoscope case", Err: ErrNotCase}
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
	db, err := sql.Open(driverName, base)
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
	return openImmutable(path, extra)
}

// openImmutable reads path as a file nobody changes: no locks, no -wal or -shm made
// beside it. It is right only while no -wal file exists (everything is in the file) and
// nobody writes; callers make sure of that.
func openImmutable(path, extra string) (*sql.DB, error) {
	db, err := sql.Open(driverName, "file:"+escapePath(path)+"?mode=ro&immutable=1"+extra)
	if err != nil {
		return nil, err
	}
	return db, db.Ping()
}

// exists reports whether a file is there.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// openForReading opens a read-only store's connection pool. A file the user cannot write
// is not written by any Chronoscope either, so while it has no -wal file it is read as
// immutable and leaves nothing beside it; otherwise through the WAL.
func openForReading(path, extra string) (*sql.DB, error) {
	if !exists(path + "-wal") {
		if db, err := openImmutable(path, extra); err == nil {
			return db, nil
		}
	}
	return openReadOnly(path, extra)
}

// errUnreadable marks a damaged file that cannot be opened at all: its first page or its
// schema cannot be read.
var errUnreadable = errors.New("unreadable")

// inspect reads the application id and schema version through a read-only connection,
// which cannot change the file, before anything is written to it. A file whose schema
// reads but whose events do not is damaged: inspect's error wraps timeline.ErrDamaged, and
// also errUnreadable when not even the schema could be read.
//
// It never removes a -wal or -shm file, not even one its connection made: another process
// may have opened the case at the same moment and committed into them.
//
// A file that is not a case yet but whose header says nothing is in it (another process
// is making a case there this moment) is inspected again for up to a second.
func inspect(path string) error {
	err := inspectOnce(path)
	for range 50 {
		h, herr := readHeader(path)
		if !errors.Is(err, ErrNotCase) || herr != nil || !h.fresh() {
			break
		}
		time.Sleep(20 * time.Millisecond)
		err = inspectOnce(path)
	}
	return err
}

// inspectOnce is one look of inspect.
func inspectOnce(path string) error {
	if verdict, ok := inspectQuietly(path); ok {
		return verdict
	}
	db, err := openReadOnly(path, "&_cell_size_check=on")
	if err != nil {
		return &OpenError{Path: path, Reason: describeSQLiteError(err), Err: errors.Join(dbError(err), errUnreadable)}
	}
	defer db.Close()
	return inspectDB(path, db)
}

// inspectQuietly inspects a file that has no -wal file as immutable, so that a refused
// file is left with nothing beside it. The verdict counts (ok) only if the file did not
// change while it was read and still has no -wal: then the file alone was the whole case.
func inspectQuietly(path string) (verdict error, ok bool) {
	before, err := os.Stat(path)
	if err != nil || exists(path+"-wal") {
		return nil, false
	}
	db, err := openImmutable(path, "&_cell_size_check=on")
	if err == nil {
		verdict = inspectDB(path, db)
		db.Close()
	} else {
		verdict = &OpenError{Path: path, Reason: describeSQLiteError(err), Err: errors.Join(dbError(err), errUnreadable)}
		if db != nil {
			db.Close()
		}
	}
	after, err := os.Stat(path)
	if err != nil || exists(path+"-wal") || after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		return nil, false
	}
	return verdict, true
}

// inspectDB is inspect on an open connection.
func inspectDB(path string, db *sql.DB) error {
	unreadable := func(err error) error {
		return &OpenError{Path: path, Reason: describeSQLiteError(err), Err: errors.Join(dbError(err), errUnreadable)}
	}
	var appID, version, tables int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return unreadable(err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return unreadable(err)
	}
	if appID != ApplicationID {
		return &OpenError{Path: path, Reason: "a SQLite database, but not a Chronoscope case", Err: ErrNotCase}
	}
	if version > SchemaVersion {
		return &OpenError{Path: path, Err: ErrNewerVersion,
			Reason: fmt.Sprintf("written by a newer Chronoscope (case schema %d; this version reads up to %d): update Chronoscope to open it", version, SchemaVersion)}
	}
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return unreadable(err)
	}
	// A quick look at the events catches much damage before the case is in use.
	var n int
	if err := db.QueryRow("SELECT count(*) FROM events").Scan(&n); err != nil {
		return &OpenError{Path: path, Reason: describeSQLiteError(err), Err: dbError(err)}
	}
	return nil
}
