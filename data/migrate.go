package data

import (
	"embed"
	"fmt"
	sqlite3 "github.com/mattn/go-sqlite3"
	"sort"
	"strconv"
	"strings"
)

// migrationFS holds the numbered files of migrations/, each run once, in its own
// transaction, in order of number.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this build writes (its number of migrations).
var SchemaVersion = len(migrations())

// migration is one numbered schema change.
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

// migrate brings the schema to SchemaVersion, one immediate transaction per migration.
// The version is read again inside each transaction, so two processes opening a new or
// old case at the same moment never run a migration twice.
func (s *Store) migrate() error {
	for {
		done, err := s.migrateOne()
		if err != nil || done {
			return err
		}
	}
}

// migrateOne runs the next migration the case lacks; done is true when it lacks none.
func (s *Store) migrateOne() (done bool, err error) {
	tx, err := s.w.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return false, err
	}
	all := migrations()
	if version >= len(all) {
		return true, nil
	}
	m := all[version]
	if _, err := tx.Exec(m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return false, err
	}
	return false, tx.Commit()
}

// SQLiteVersion is the version of the SQLite library built into Chronoscope.
func SQLiteVersion() string {
	v, _, _ := sqlite3.Version()
	return v
}
