package postgres

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// Change is one entry of a shared case's change log: what one statement of one analyst
// did to the case. The log is append-only and read through the same row-level security
// as the events.
type Change struct {
	Seq     uint64 // the entry's number; the case's Version is its last one
	Kind    string // add, edit, delete, lanes or info
	ID      string // the event's id; "" for lanes, info, or many events at once
	Version int64  // the event's version after an add or an edit; 0 otherwise
	Events  int    // how many events the entry stands for (1, or a whole import)
	Analyst string // who did it (their login)
	At      time.Time
}

// Channel is the name of the notification channel of the case: each commit that changes
// it notifies the channel with its Version, a number and nothing else (PostgreSQL hands
// notifications to every listener whatever its rights).
func (s *Store) Channel() string { return "chronoscope_case_" + strconv.FormatInt(s.caseID, 10) }

// Changes returns the entries of the case's change log after seq, oldest first, at most
// limit of them (all when limit is 0).
func (s *Store) Changes(ctx context.Context, after uint64, limit int) ([]Change, error) {
	q := `SELECT seq, kind, coalesce(uid, ''), coalesce(version, 0), events, analyst, at FROM chronoscope.changes
		WHERE case_id = $1 AND seq > $2 ORDER BY seq`
	if limit > 0 {
		q += " LIMIT " + strconv.Itoa(limit)
	}
	rows, err := s.pool.Query(ctx, q, s.caseID, int64(after))
	if err != nil {
		return nil, describe("read the change log", err)
	}
	var out []Change
	var c Change
	var seq int64
	_, err = pgx.ForEachRow(rows, []any{&seq, &c.Kind, &c.ID, &c.Version, &c.Events, &c.Analyst, &c.At}, func() error {
		c.Seq = uint64(seq)
		out = append(out, c)
		return nil
	})
	return out, describe("read the change log", err)
}

// Watch tells fn the case's Version each time it may have changed, until ctx ends: once
// at the start, on every notification of the case's channel, and each time a lost
// connection is made again (so whatever was committed meanwhile is caught up). It
// listens on a connection of its own; it returns ctx's error.
func (s *Store) Watch(ctx context.Context, fn func(version uint64)) error {
	wait := 250 * time.Millisecond
	for {
		if s.listen(ctx, fn) {
			wait = 250 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, 5*time.Second)
	}
}

// listen is one connection of Watch: it listens, catches up, then passes notifications
// on until the connection fails; it reports whether it got as far as listening.
func (s *Store) listen(ctx context.Context, fn func(version uint64)) bool {
	conn, err := pgx.ConnectConfig(ctx, s.conf)
	if err != nil {
		return false
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{s.Channel()}.Sanitize()); err != nil {
		return false
	}
	if v, err := s.Version(ctx); err == nil {
		fn(v)
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true
		}
		if v, err := strconv.ParseUint(n.Payload, 10, 64); err == nil {
			fn(v)
		}
	}
}

// LastChange says who last changed the case (id "") or the event with id, and when, from
// the change log; who is "" when the log does not say (an event that came in with a large
// import, logged as one entry for all its events).
func (s *Store) LastChange(ctx context.Context, id string) (who string, at time.Time, err error) {
	q := "SELECT analyst, at FROM chronoscope.changes WHERE case_id = $1 ORDER BY seq DESC LIMIT 1"
	args := []any{s.caseID}
	if id != "" {
		q = "SELECT analyst, at FROM chronoscope.changes WHERE case_id = $1 AND uid = $2 ORDER BY seq DESC LIMIT 1"
		args = append(args, id)
	}
	err = s.pool.QueryRow(ctx, q, args...).Scan(&who, &at)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", time.Time{}, nil
	}
	return who, at, describe("read the change log", err)
}
