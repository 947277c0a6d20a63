package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/chronoscope/chronoscope/data/schema"
)

// migrationFS holds the numbered files of migrations/, each run once, in its own
// transaction, in order of number.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this build writes (its number of migrations).
var SchemaVersion = len(migrations())

func migrations() []schema.Migration { return schema.Load(migrationFS, "migrations") }

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
	if version == 0 {
		if err := emptyDatabase(tx); err != nil {
			return false, err
		}
	}
	m := all[version]
	if _, err := tx.Exec(m.SQL); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if step := migrationSteps[m.Version]; step != nil {
		if err := step(context.Background(), tx); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
		return false, err
	}
	return false, tx.Commit()
}

// SQLiteVersion is the version of the SQLite library built into Chronoscope.
func SQLiteVersion() string {
	v, _, _ := sqlite3.Version()
	return v
}

// emptyDatabase refuses to make a case of a database that holds anything already (another
// program's tables, its application id): only an empty file becomes a case.
func emptyDatabase(tx *sql.Tx) error {
	var appID, objects int
	if err := tx.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return err
	}
	if err := tx.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&objects); err != nil {
		return err
	}
	if (appID != 0 && appID != ApplicationID) || objects > 0 {
		return fmt.Errorf("%w: an SQLite database that holds another program's data", ErrNotCase)
	}
	return nil
}
