package postgres

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/chronoscope/chronoscope/timeline"
)

// Lanes lists every lane the case keeps, by position (then name).
func (s *Store) Lanes(ctx context.Context) ([]timeline.LaneInfo, error) {
	rows, err := s.pool.Query(ctx, `SELECT name, colour, position FROM chronoscope.lanes WHERE case_id = $1
		ORDER BY position, name COLLATE "C"`, s.caseID)
	if err != nil {
		return nil, describe("read lanes", err)
	}
	var out []timeline.LaneInfo
	var l timeline.LaneInfo
	_, err = pgx.ForEachRow(rows, []any{&l.Name, &l.Colour, &l.Position}, func() error { out = append(out, l); return nil })
	return out, describe("read lanes", err)
}

// SetLane changes the colour and position of a lane; a lane the case does not have yet
// is added.
func (s *Store) SetLane(ctx context.Context, l timeline.LaneInfo) error {
	if l.Name == "" {
		return &timeline.FieldError{Field: "lane", Reason: "events with no lane have no colour of their own"}
	}
	if err := l.Validate(); err != nil {
		return err
	}
	if err := timeline.ValidateText("lane", l.Name); err != nil {
		return err
	}
	return s.write(ctx, "set a lane", func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO chronoscope.lanes (case_id, name, colour, position) VALUES ($1, $2, $3, $4)
			ON CONFLICT (case_id, name) DO UPDATE SET colour = excluded.colour, position = excluded.position`,
			s.caseID, l.Name, l.Colour, l.Position)
		return err
	})
}

// ensureLanes gives each of lanes (in order of first use) that the case does not know
// yet the next position and the palette colour of that position, inside tx.
func (s *Store) ensureLanes(ctx context.Context, tx pgx.Tx, lanes []string) error {
	if len(lanes) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, "SELECT name FROM chronoscope.lanes WHERE case_id = $1 AND name = ANY ($2)", s.caseID, lanes)
	if err != nil {
		return err
	}
	known, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	var names, colours []string
	var positions []int32
	next := -1
	for _, l := range lanes {
		if slices.Contains(known, l) {
			continue
		}
		if next < 0 {
			if err := tx.QueryRow(ctx, "SELECT coalesce(max(position) + 1, 0) FROM chronoscope.lanes WHERE case_id = $1", s.caseID).Scan(&next); err != nil {
				return err
			}
		}
		names, colours, positions = append(names, l), append(colours, timeline.PaletteColour(next)), append(positions, int32(next))
		next++
	}
	if len(names) == 0 {
		return nil
	}
	_, err = tx.Exec(ctx, `INSERT INTO chronoscope.lanes (case_id, name, colour, position)
		SELECT $1, * FROM unnest($2::text[], $3::text[], $4::integer[])`, s.caseID, names, colours, positions)
	return err
}
