package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/timeline"
)

// caseStore is what the commands need of a case, a case file (data) or a shared case on
// PostgreSQL (data/postgres) alike: the case, its lanes, and imports streamed a chunk at a
// time.
type caseStore interface {
	timeline.Store
	timeline.LaneKeeper
	PutStream(ctx context.Context, size int, produce func(put func([]timeline.Event) error) error) (timeline.PutResult, error)
}

var (
	_ caseStore = (*data.Store)(nil)
	_ caseStore = (*postgres.Store)(nil)
)

// IsShared reports whether db (a --db value) names a shared case on a PostgreSQL server,
// postgres://user@host/database?case=NAME, rather than a case file.
func IsShared(db string) bool { return postgres.IsURL(db) }

// OpenShared opens the shared case at url as its user. password, when not "", is used
// instead of PGPASSWORD, PGPASSFILE or ~/.pgpass (the desktop app takes it from the OS
// keyring or asks); create makes the case when it is missing, its opener its admin. Save
// a copy writes a case file.
func OpenShared(ctx context.Context, url, password string, create bool) (*postgres.Store, error) {
	return postgres.Open(ctx, url, postgres.Options{Password: password, Create: create, SaveCopy: saveSharedCopy})
}

// OpenSharedCase is OpenShared for the desktop app (File > Open shared case, a shared case
// in the recent list): an existing case, as a timeline.Store, never one made here.
func OpenSharedCase(ctx context.Context, url, password string) (timeline.Store, error) {
	s, err := OpenShared(ctx, url, password, false)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// saveSharedCopy writes the shared case s into a new case file at path, as copy does.
func saveSharedCopy(ctx context.Context, s *postgres.Store, path string) error {
	if err := timeline.RefuseCaseTarget(path); err != nil {
		return fmt.Errorf("save a copy: %w", err)
	}
	_, err := copyIntoFile(ctx, s, path, nil)
	return err
}

// openExistingCase opens the case db names for a command: a shared case when db is a
// postgres:// address (never made here: chronoscope admin create makes one), else the
// case file, which must exist.
func openExistingCase(ctx context.Context, db string) (caseStore, error) {
	if IsShared(db) {
		return OpenShared(ctx, db, "", false)
	}
	return data.Open(db, data.OpenExisting)
}

// copyIntoFile writes every event, lane and the description of from into a new case file
// at path, through a temporary case in the same folder renamed into place when complete,
// so a copy that fails leaves nothing; path must not exist. It returns how many events it
// wrote; progress is told as they go.
func copyIntoFile(ctx context.Context, from caseStore, path string, progress timeline.Progress) (int, error) {
	if _, err := os.Stat(path); err == nil {
		return 0, fmt.Errorf("%s exists already: copy makes a new case file", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".chronoscope-copy-*"+data.Extension)
	if err != nil {
		return 0, err
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // data.Open makes the case itself
	defer func() {
		for _, p := range []string{tmpName, tmpName + "-wal", tmpName + "-shm"} {
			os.Remove(p) // our own temporary case, which no other process knows
		}
	}()
	to, err := data.Open(tmpName, data.OpenOrCreate)
	if err != nil {
		return 0, err
	}
	n, err := copyCase(ctx, from, to, progress)
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	if _, err := os.Stat(path); err == nil {
		return 0, fmt.Errorf("%s was made by someone else meanwhile: nothing was written over it", path)
	}
	if err := os.Rename(tmpName, path); err != nil {
		return 0, err
	}
	return n, nil
}

// copyChunk is how many events a copy hands the target at a time.
const copyChunk = 2000

// copyCase writes every event of from into the empty case to, with its stamps and
// version (to keeps them), then from's lanes with their colours and places, then its
// description (and, into a case file, its name: a shared case's name is its address).
// The events go in one transaction: to is left without them when the copy fails.
func copyCase(ctx context.Context, from, to caseStore, progress timeline.Progress) (int, error) {
	if n, err := to.Count(ctx, timeline.Filter{}); err != nil || n > 0 {
		if err == nil {
			err = fmt.Errorf("it holds %d events already: copy makes a new case", n)
		}
		return 0, err
	}
	total, err := from.Count(ctx, timeline.Filter{})
	if err != nil {
		return 0, err
	}
	keepStamps(to)
	done := 0
	_, err = to.PutStream(ctx, total, func(put func([]timeline.Event) error) error {
		chunk := make([]timeline.Event, 0, copyChunk)
		flush := func() error {
			err := put(chunk)
			done += len(chunk)
			chunk = chunk[:0]
			if progress != nil {
				progress(done, total)
			}
			return err
		}
		if err := from.Each(ctx, timeline.Filter{}, func(e timeline.Event) error {
			if chunk = append(chunk, e); len(chunk) == copyChunk {
				return flush()
			}
			return nil
		}); err != nil {
			return err
		}
		return flush()
	})
	if err != nil {
		return 0, err
	}
	return done, copyLanesAndInfo(ctx, from, to)
}

// keepStamps makes a store keep the stamps and versions of what it is given.
func keepStamps(s caseStore) {
	switch st := s.(type) {
	case *data.Store:
		st.KeepStamps = true
	case *postgres.Store:
		st.KeepStamps = true
	}
}

// copyLanesAndInfo gives to the lanes and description of from.
func copyLanesAndInfo(ctx context.Context, from, to caseStore) error {
	lanes, err := from.Lanes(ctx)
	if err != nil {
		return err
	}
	for _, l := range lanes {
		if err := to.SetLane(ctx, l); err != nil {
			return fmt.Errorf("lane %s: %w", l.Name, err)
		}
	}
	info, err := from.Info(ctx)
	if err != nil {
		return err
	}
	if shared, ok := to.(*postgres.Store); ok {
		info.Name = shared.Name()
	}
	return to.SetInfo(ctx, info)
}

// damage is the error of a case file found damaged, nil for a whole one or a shared case.
func damage(s caseStore) error {
	if d, ok := s.(interface{ Damage() error }); ok {
		return d.Damage()
	}
	return nil
}

// errNotAFile is what the commands that work on the file itself (check's integrity check
// of SQLite pages, recover) say of a shared case.
var errNotAFile = errors.New("a shared case lives on a PostgreSQL server, not in a file: chronoscope copy --from URL --to FILE.chronoscope saves a copy")
