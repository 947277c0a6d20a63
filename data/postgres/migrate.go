package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/chronoscope/chronoscope/data/schema"
)

// migrationFS holds the numbered files of migrations/, each run once, in its own
// transaction, in order of number, by Setup.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this build writes (its number of migrations).
var SchemaVersion = len(migrations())

// The roles Setup makes: the owner of every object (never a login), and the group every
// analyst's login belongs to.
const (
	OwnerRole   = "chronoscope_owner"
	AnalystRole = "chronoscope_analyst"
)

func migrations() []schema.Migration { return schema.Load(migrationFS, "migrations") }

// setupLock is the advisory lock two Setups of one database take, so that they never run a
// migration twice.
const setupLock = 1128813139

// Setup prepares the database rawURL names for shared cases, or brings it up to
// SchemaVersion; it changes nothing that is already done. It must run as a superuser (or
// a role that may create roles and own the database): when the database is missing it is
// made (UTF-8, locale C.UTF-8); the roles chronoscope_owner and chronoscope_analyst are
// made when missing; the database is given to chronoscope_owner, PUBLIC loses CONNECT on
// it and analysts get CONNECT and TEMPORARY; the migrations then run as
// chronoscope_owner, which owns every object. A database whose locale is not UTF-8 is
// refused (see checkLocale).
func Setup(ctx context.Context, rawURL string, opt Options) error {
	conf, err := connConfig(rawURL, opt)
	if err != nil {
		return err
	}
	db := conf.Database
	conn, err := pgx.ConnectConfig(ctx, conf)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "3D000" { // no such database
		if err := createDatabase(ctx, conf, db); err != nil {
			return err
		}
		conn, err = pgx.ConnectConfig(ctx, conf)
	}
	if err != nil {
		return describe("connect", err)
	}
	defer conn.Close(ctx)
	if err := checkLocale(ctx, conn); err != nil {
		return err
	}
	if err := ensureRoles(ctx, conn, db); err != nil {
		return err
	}
	for {
		done, err := migrateOne(ctx, conn)
		if err != nil || done {
			return err
		}
	}
}

// createDatabase makes database db on the server of conf, from template0 with UTF-8 and
// the C.UTF-8 locale, connecting to the server's postgres database.
func createDatabase(ctx context.Context, conf *pgx.ConnConfig, db string) error {
	admin := conf.Copy()
	admin.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, admin)
	if err != nil {
		return describe("connect", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{db}.Sanitize()+
		" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
	if errors.As(err, new(*pgconn.PgError)) && err.(*pgconn.PgError).Code == "42P04" {
		return nil // made by another Setup meanwhile
	}
	return describe("create database "+db, err)
}

// ensureRoles makes the owner and analyst roles when missing and gives them the database.
func ensureRoles(ctx context.Context, conn *pgx.Conn, db string) error {
	for _, role := range []string{OwnerRole, AnalystRole} {
		_, err := conn.Exec(ctx, "CREATE ROLE "+role+" NOLOGIN")
		var pe *pgconn.PgError
		if err != nil && !(errors.As(err, &pe) && (pe.Code == "42710" || pe.Code == "23505")) { // made already
			return describe("create role "+role, err)
		}
	}
	d := pgx.Identifier{db}.Sanitize()
	for _, q := range []string{
		"GRANT " + OwnerRole + " TO current_user",
		"ALTER DATABASE " + d + " OWNER TO " + OwnerRole,
		"REVOKE ALL ON DATABASE " + d + " FROM PUBLIC",
		"GRANT CONNECT, TEMPORARY ON DATABASE " + d + " TO " + AnalystRole,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			var pe *pgconn.PgError
			if strings.HasPrefix(q, "GRANT "+OwnerRole) && errors.As(err, &pe) && pe.Code == "0LP01" {
				continue // already a member
			}
			return describe("set up the roles", err)
		}
	}
	return nil
}

// migrateOne runs the next migration the database lacks, as chronoscope_owner, in one
// transaction holding the setup lock; done is true when it lacks none.
func migrateOne(ctx context.Context, conn *pgx.Conn) (done bool, err error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return false, describe("migrate", err)
	}
	defer tx.Rollback(ctx)
	for _, q := range []string{
		"SELECT pg_advisory_xact_lock(" + strconv.Itoa(setupLock) + ")",
		"SET LOCAL ROLE " + OwnerRole,
		"SET LOCAL search_path = chronoscope, public",
		"CREATE SCHEMA IF NOT EXISTS chronoscope",
		`CREATE TABLE IF NOT EXISTS chronoscope.schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return false, describe("migrate", err)
		}
	}
	var version int
	if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM chronoscope.schema_migrations").Scan(&version); err != nil {
		return false, describe("migrate", err)
	}
	all := migrations()
	if version > len(all) {
		return false, fmt.Errorf("the database holds schema %d, from a newer Chronoscope (this one knows %d): %w", version, len(all), ErrNewerSchema)
	}
	if version == len(all) {
		return true, nil
	}
	m := all[version]
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return false, describe("migration "+m.Name, err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO chronoscope.schema_migrations (version, name) VALUES ($1, $2)", m.Version, m.Name); err != nil {
		return false, describe("migrate", err)
	}
	return false, describe("migrate", tx.Commit(ctx))
}

// ErrNewerSchema is wrapped by the error for a database set up by a newer Chronoscope.
var ErrNewerSchema = errors.New("schema from a newer version")

// checkLocale refuses a database that is not UTF-8 or whose character classes are those
// of locale C or POSIX: there pg_trgm makes no trigrams for Cyrillic, Chinese or Arabic,
// and lower() does not fold Cyrillic, so searches would silently find nothing.
func checkLocale(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) error {
	var enc, ctype, db string
	if err := q.QueryRow(ctx, "SELECT pg_encoding_to_char(encoding), datctype, datname FROM pg_database WHERE datname = current_database()").Scan(&enc, &ctype, &db); err != nil {
		return describe("read the database's locale", err)
	}
	lower := strings.ToLower(ctype)
	if enc != "UTF8" || !(strings.Contains(lower, "utf8") || strings.Contains(lower, "utf-8")) {
		return fmt.Errorf("database %s is %s with locale %s: Chronoscope needs a UTF-8 database with a UTF-8 locale (with locale C, searches in Cyrillic or Chinese find nothing); create it with ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0: %w",
			db, enc, ctype, ErrLocale)
	}
	return nil
}

// ErrLocale is wrapped by the error for a database whose encoding or locale is not UTF-8.
var ErrLocale = errors.New("not a UTF-8 database")
