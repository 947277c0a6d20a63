package data

import (
	"context"
	"database/sql"
	"errors"

	"github.com/chronoscope/chronoscope/timeline"
)

var _ timeline.SettingKeeper = (*Store)(nil)

// Setting returns the case's view setting called name, "" when it was never set.
func (s *Store) Setting(ctx context.Context, name string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, "SELECT value FROM settings WHERE name = ?", name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, s.fail(err)
}

// SetSetting writes the case's view setting called name; "" forgets it.
func (s *Store) SetSetting(ctx context.Context, name, value string) error {
	if err := s.writeRefused(); err != nil {
		return err
	}
	if name == "" {
		return &timeline.FieldError{Field: "setting", Reason: "a setting needs a name"}
	}
	return s.fail(s.writeTx(ctx, func(tx *sql.Tx) error {
		if value == "" {
			_, err := tx.ExecContext(ctx, "DELETE FROM settings WHERE name = ?", name)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
		return err
	}))
}
