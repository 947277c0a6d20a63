package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

var _ timeline.LaneKeeper = (*Store)(nil)

// Lanes lists every lane the case keeps, by position.
func (s *Store) Lanes(ctx context.Context) ([]timeline.LaneInfo, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT name, colour, position FROM lanes ORDER BY position, name")
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []timeline.LaneInfo
	for rows.Next() {
		var l timeline.LaneInfo
		if err := rows.Scan(&l.Name, &l.Colour, &l.Position); err != nil {
			return nil, s.fail(err)
		}
		out = append(out, l)
	}
	return out, s.fail(rows.Err())
}

// SetLane changes the colour and position of a lane the case has; a lane it does not
// have yet is added.
func (s *Store) SetLane(ctx context.Context, l timeline.LaneInfo) error {
	if err := s.writeRefused(); err != nil {
		return err
	}
	if l.Name == "" {
		return &timeline.FieldError{Field: "lane", Reason: "events with no lane have no colour of their own"}
	}
	if err := l.Validate(); err != nil {
		return err
	}
	return s.fail(s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO lanes (name, colour, position) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET colour = excluded.colour, position = excluded.position`, l.Name, l.Colour, l.Position)
		return err
	}))
}

// ensureLanes gives each lane of events that the case does not know yet the next
// position and the palette colour of that position, inside the Put's transaction.
func ensureLanes(ctx context.Context, tx *sql.Tx, events []timeline.Event) error {
	seen := map[string]bool{"": true}
	next := -1
	for i := range events {
		lane := events[i].Lane
		if seen[lane] {
			continue
		}
		seen[lane] = true
		var one int
		err := tx.QueryRowContext(ctx, "SELECT 1 FROM lanes WHERE name = ?", lane).Scan(&one)
		if err == nil {
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if next < 0 {
			if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(position) + 1, 0) FROM lanes").Scan(&next); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO lanes (name, colour, position) VALUES (?, ?, ?)", lane, timeline.PaletteColour(next), next); err != nil {
			return fmt.Errorf("lane %q: %w", lane, err)
		}
		next++
	}
	return nil
}
