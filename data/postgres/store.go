// Package postgres keeps Chronoscope cases on a PostgreSQL server, for a team: several
// analysts on one case at once, each with their own login, each seeing the others'
// changes, none overwriting another's silently, nobody outside the case's members reading
// it. It is the same timeline.Store as the SQLite case file (data), and the only package
// that imports the driver (pgx). Access per case is enforced by the server (row-level
// security checked against session_user, see migrations/0002_access.sql).
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/chronoscope/chronoscope/timeline"
)

var (
	_ timeline.Store      = (*Store)(nil)
	_ timeline.LaneKeeper = (*Store)(nil)
	_ timeline.Watcher    = (*Store)(nil)
)

// Options are how Open and Setup connect.
type Options struct {
	// Password, when set, is the login's password, instead of what PGPASSWORD,
	// PGPASSFILE or ~/.pgpass say (the desktop app takes it from the OS keyring).
	Password string
	// Create makes the case when it does not exist; the analyst who makes it is its
	// first admin.
	Create bool
	// SaveCopy writes a copy of the case into a case file at path (the command line wires
	// it to the SQLite store); without it SaveCopy refuses.
	SaveCopy func(ctx context.Context, s *Store, path string) error
}

// IsURL reports whether db names a shared case on a server rather than a case file: a
// postgres:// or postgresql:// URL.
func IsURL(db string) bool {
	l := strings.ToLower(db)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Store is one shared case on a PostgreSQL server, opened by one analyst. It is safe for
// concurrent use; it keeps a small pool of connections.
type Store struct {
	pool   *pgxpool.Pool
	conf   *pgx.ConnConfig // for the connection Watch listens on
	url    string          // the URL without its password
	caseID int64
	name   string
	access atomic.Value // string: read, write or admin, as last read
	save   func(ctx context.Context, s *Store, path string) error

	// Now is the clock the created and updated stamps are read from (time.Now when the
	// store is opened; a caller that wants reproducible stamps sets its own).
	Now func() time.Time
	// KeepStamps makes Put write what each event says of its Updated stamp and Version
	// (when set) instead of now and the next version, and skip the version check: for a
	// copy of a case into a new one, never for an analyst's edits.
	KeepStamps bool
}

// splitURL takes the case=NAME parameter off a shared case's URL: the rest is for the
// driver (libpq's URL and its parameters, PGPASSFILE and the other PG variables).
func splitURL(raw string) (conn, caseName string, err error) {
	u, err := url.Parse(raw)
	if err != nil || !IsURL(raw) {
		return "", "", fmt.Errorf("%q is not a postgres://user@host/database?case=NAME address", redact(raw))
	}
	q := u.Query()
	caseName = strings.TrimSpace(q.Get("case"))
	q.Del("case")
	u.RawQuery = q.Encode()
	return u.String(), caseName, nil
}

// Redact is a shared case's address without its password, for messages.
func Redact(raw string) string { return redact(raw) }

// redact is raw without its password, for messages and Path.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the address"
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

// connConfig is the driver's configuration for rawURL (its case parameter taken off).
func connConfig(rawURL string, opt Options) (*pgx.ConnConfig, error) {
	conn, _, err := splitURL(rawURL)
	if err != nil {
		return nil, err
	}
	conf, err := pgx.ParseConfig(conn)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", redact(rawURL), err)
	}
	if opt.Password != "" {
		conf.Password = opt.Password
	}
	if conf.RuntimeParams["application_name"] == "" {
		conf.RuntimeParams["application_name"] = "chronoscope"
	}
	return conf, nil
}

// Open opens the case named by the case parameter of rawURL
// (postgres://user@host/database?case=NAME) as the URL's user. It refuses, each in one
// line: a server it cannot reach or that refuses the login; a database that is not UTF-8
// (see Setup), that was never set up, or that was set up by a newer Chronoscope; a login
// that is a superuser, bypasses row-level security or owns the tables (the server would
// not hold it to the case's members); and a case the analyst is not a member of, which
// reads as a case that does not exist (with opt.Create it is made, the analyst its
// admin).
func Open(ctx context.Context, rawURL string, opt Options) (*Store, error) {
	_, name, err := splitURL(rawURL)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, fmt.Errorf("%s names no case: add ?case=NAME", redact(rawURL))
	}
	conf, err := connConfig(rawURL, opt)
	if err != nil {
		return nil, err
	}
	pool, err := newPool(ctx, conf)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, conf: conf, url: redact(rawURL), name: name, save: opt.SaveCopy, Now: time.Now}
	if err := s.open(ctx, opt.Create); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", s.url, err)
	}
	return s, nil
}

// newPool connects a pool for conf and checks that the server answers.
func newPool(ctx context.Context, conf *pgx.ConnConfig) (*pgxpool.Pool, error) {
	pc, err := pgxpool.ParseConfig("")
	if err != nil {
		return nil, err
	}
	pc.ConnConfig = conf
	pc.MaxConns = 8
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, describe("connect", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, describe(fmt.Sprintf("connect to %s:%d", conf.Host, conf.Port), err)
	}
	return pool, nil
}

// checkDatabase refuses a database or a login a case must not be opened with (see
// checkLocale, checkSchema and checkLogin).
func checkDatabase(ctx context.Context, pool *pgxpool.Pool) error {
	if err := checkLocale(ctx, pool); err != nil {
		return err
	}
	if err := checkSchema(ctx, pool); err != nil {
		return err
	}
	return checkLogin(ctx, pool)
}

// open checks the database and the login and finds the case.
func (s *Store) open(ctx context.Context, create bool) error {
	if err := checkDatabase(ctx, s.pool); err != nil {
		return err
	}
	var access string
	err := s.pool.QueryRow(ctx, "SELECT id, chronoscope.access(id) FROM chronoscope.cases WHERE name = $1", s.name).Scan(&s.caseID, &access)
	if errors.Is(err, pgx.ErrNoRows) && create {
		err = s.pool.QueryRow(ctx, "SELECT chronoscope.create_case($1, '')", s.name).Scan(&s.caseID)
		access = "admin"
		if code(err) == "23505" {
			return noAccess("a case named %q already exists, and you are not one of its members", s.name)
		}
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return noAccess("there is no case %q here, or you are not one of its members (an admin of the case grants access with chronoscope admin grant)", s.name)
	}
	if err != nil {
		return describe("find the case", err)
	}
	s.access.Store(access)
	return nil
}

// checkSchema refuses a database that was never set up, set up by a newer Chronoscope, or
// not brought up to this one's schema.
func checkSchema(ctx context.Context, pool *pgxpool.Pool) error {
	var set bool
	if err := pool.QueryRow(ctx, "SELECT to_regclass('chronoscope.schema_migrations') IS NOT NULL").Scan(&set); err != nil {
		return describe("read the schema", err)
	}
	if !set {
		return errors.New("this database holds no shared cases yet: an administrator prepares it with chronoscope --db postgres://ADMIN@HOST/DB admin setup")
	}
	var version int
	if err := pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM chronoscope.schema_migrations").Scan(&version); err != nil {
		return describe("read the schema", err)
	}
	switch {
	case version > SchemaVersion:
		return fmt.Errorf("the database was set up by a newer Chronoscope (schema %d, this one knows %d): update Chronoscope: %w", version, SchemaVersion, ErrNewerSchema)
	case version < SchemaVersion:
		return fmt.Errorf("the database holds schema %d and this Chronoscope needs %d: an administrator runs chronoscope admin setup to update it", version, SchemaVersion)
	}
	return nil
}

// checkLogin refuses a login that row-level security would not hold: a superuser, a role
// that bypasses it, or the owner of the tables.
func checkLogin(ctx context.Context, pool *pgxpool.Pool) error {
	var user string
	var super, bypass, owner bool
	err := pool.QueryRow(ctx, `SELECT r.rolname, r.rolsuper, r.rolbypassrls, pg_has_role(r.oid, '`+OwnerRole+`', 'MEMBER')
		FROM pg_roles r WHERE r.rolname = session_user`).Scan(&user, &super, &bypass, &owner)
	if err != nil {
		return describe("read the login", err)
	}
	if super || bypass || owner {
		return noAccess("%s is a superuser or owns the shared cases, so the server would not hold it to any case's members: open cases as an analyst's own login (chronoscope admin add-analyst makes one)", user)
	}
	return nil
}

// Path is the case's address, without a password: postgres://user@host/db?case=NAME.
func (s *Store) Path() string { return s.url }

// Name is the case's name on the server.
func (s *Store) Name() string { return s.name }

// Access is what the analyst may do with the case: "read", "write" or "admin", as the
// server said when the store opened or last answered Version.
func (s *Store) Access() string { v, _ := s.access.Load().(string); return v }

// ReadOnly reports whether the analyst may only read the case.
func (s *Store) ReadOnly() bool { return s.Access() == "read" }

// Close releases the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Info returns the case's name and description.
func (s *Store) Info(ctx context.Context) (timeline.CaseInfo, error) {
	var info timeline.CaseInfo
	err := s.pool.QueryRow(ctx, "SELECT name, description, notes FROM chronoscope.cases WHERE id = $1", s.caseID).Scan(&info.Name, &info.Description, &info.Notes)
	if errors.Is(err, pgx.ErrNoRows) {
		return info, s.gone()
	}
	return info, describe("read the case", err)
}

// SetInfo changes the case's description. The name of a shared case is its address
// (case=NAME in every member's URL), so it does not change here.
func (s *Store) SetInfo(ctx context.Context, info timeline.CaseInfo) error {
	if strings.TrimSpace(info.Name) == "" {
		return &timeline.FieldError{Field: "name", Reason: "a case needs a name"}
	}
	if strings.TrimSpace(info.Name) != s.name {
		return &timeline.FieldError{Field: "name", Value: info.Name,
			Reason: "a shared case keeps its name, which is its address (case=" + s.name + ")"}
	}
	if err := timeline.ValidateText("description", info.Description); err != nil {
		return err
	}
	if err := timeline.ValidateText("notes", info.Notes); err != nil {
		return err
	}
	return s.write(ctx, "describe the case", func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "UPDATE chronoscope.cases SET description = $2, notes = $3 WHERE id = $1", s.caseID, info.Description, info.Notes)
		return err
	})
}

// gone is the error once the analyst is no longer a member of the case.
func (s *Store) gone() error {
	return noAccess("you are no longer a member of case %q", s.name)
}

// write runs fn in one transaction that begins with the case's write lock (refusing a
// reader in words, before anything is sent) and commits it.
func (s *Store) write(ctx context.Context, op string, fn func(tx pgx.Tx) error) error {
	if s.ReadOnly() {
		return errReader
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return describe(op, err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT chronoscope.begin_write($1)", s.caseID); err != nil {
		return describe(op, err)
	}
	if err := fn(tx); err != nil {
		return describe(op, err)
	}
	return describe(op, tx.Commit(ctx))
}

// read runs fn in one read-only, repeatable-read transaction: every statement it runs
// sees the same snapshot of the case.
func (s *Store) read(ctx context.Context, op string, fn func(tx pgx.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return describe(op, err)
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return describe(op, err)
	}
	return describe(op, tx.Commit(ctx))
}

// Version identifies what the case holds: the number of the last change in its change
// log, which every commit that changes the case adds to (whoever made it) and nothing
// else does. It also reads the analyst's access again (ReadOnly follows a grant or a
// revoke); once the analyst is no longer a member it fails.
func (s *Store) Version(ctx context.Context) (uint64, error) {
	var seq int64
	var access *string
	err := s.pool.QueryRow(ctx, "SELECT coalesce(max(seq), 0), chronoscope.access($1) FROM chronoscope.changes WHERE case_id = $1", s.caseID).Scan(&seq, &access)
	if err != nil {
		return 0, describe("read the case's version", err)
	}
	if access == nil {
		return 0, s.gone()
	}
	s.access.Store(*access)
	return uint64(seq), nil
}

// SaveCopy writes a copy of the case into a case file at path, through Options.SaveCopy.
func (s *Store) SaveCopy(ctx context.Context, path string) error {
	if s.save == nil {
		return fmt.Errorf("save a copy: this build cannot write a shared case into a file (use chronoscope copy)")
	}
	return s.save(ctx, s, path)
}
