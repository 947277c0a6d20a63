package postgres

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Admin is an analyst's connection to a database of shared cases, for the commands that
// manage cases rather than read one: make a case, list one's cases, grant, revoke, list
// members. The server decides what the analyst may do (see migrations/0002_access.sql);
// Admin only asks.
type Admin struct {
	conn *pgx.Conn
	url  string
}

// Member is one analyst's access to a case.
type Member struct {
	Analyst   string
	Access    string // read, write or admin
	GrantedBy string
	GrantedAt time.Time
}

// CaseAccess is a case the analyst is a member of, with their access.
type CaseAccess struct {
	Name, Description, Access string
}

// Access levels.
var levels = []string{"read", "write", "admin"}

// Connect opens an Admin on the database rawURL names (a case parameter is ignored),
// after the checks Open makes of the database and the login.
func Connect(ctx context.Context, rawURL string, opt Options) (*Admin, error) {
	conf, err := connConfig(rawURL, opt)
	if err != nil {
		return nil, err
	}
	pool, err := newPool(ctx, conf)
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	if err := checkDatabase(ctx, pool); err != nil {
		return nil, fmt.Errorf("%s: %w", redact(rawURL), err)
	}
	conn, err := pgx.ConnectConfig(ctx, conf)
	if err != nil {
		return nil, describe("connect", err)
	}
	return &Admin{conn: conn, url: redact(rawURL)}, nil
}

// Close ends the connection.
func (a *Admin) Close() error { return a.conn.Close(context.Background()) }

// caseID finds a case the analyst is a member of.
func (a *Admin) caseID(ctx context.Context, name string) (int64, error) {
	var id int64
	err := a.conn.QueryRow(ctx, "SELECT id FROM chronoscope.cases WHERE name = $1", name).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, noAccess("there is no case %q here, or you are not one of its members", name)
	}
	return id, describe("find the case", err)
}

// CreateCase makes a new, empty case; the analyst is its first admin.
func (a *Admin) CreateCase(ctx context.Context, name, description string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("a case needs a name")
	}
	_, err := a.conn.Exec(ctx, "SELECT chronoscope.create_case($1, $2)", name, description)
	if code(err) == "23505" {
		return fmt.Errorf("a case named %q already exists", name)
	}
	return describe("create case "+name, err)
}

// Cases lists the cases the analyst is a member of, by name, with their access.
func (a *Admin) Cases(ctx context.Context) ([]CaseAccess, error) {
	rows, err := a.conn.Query(ctx, `SELECT name, description, chronoscope.access(id) FROM chronoscope.cases ORDER BY name COLLATE "C"`)
	if err != nil {
		return nil, describe("list cases", err)
	}
	var out []CaseAccess
	var c CaseAccess
	_, err = pgx.ForEachRow(rows, []any{&c.Name, &c.Description, &c.Access}, func() error { out = append(out, c); return nil })
	return out, describe("list cases", err)
}

// Grant gives analyst read, write or admin access to the case (changing what they had);
// only an admin of the case may, and only an analyst's login can be granted.
func (a *Admin) Grant(ctx context.Context, caseName, analyst, access string) error {
	ok := false
	for _, l := range levels {
		ok = ok || l == access
	}
	if !ok {
		return fmt.Errorf("access is read, write or admin, not %q", access)
	}
	id, err := a.caseID(ctx, caseName)
	if err != nil {
		return err
	}
	_, err = a.conn.Exec(ctx, "SELECT chronoscope.grant_access($1, $2, $3)", id, analyst, access)
	return describe("grant "+access+" on "+caseName+" to "+analyst, err)
}

// Revoke takes the analyst's access to the case away; only an admin of the case may, and
// the last admin stays.
func (a *Admin) Revoke(ctx context.Context, caseName, analyst string) error {
	id, err := a.caseID(ctx, caseName)
	if err != nil {
		return err
	}
	var had bool
	if err := a.conn.QueryRow(ctx, "SELECT chronoscope.revoke_access($1, $2)", id, analyst).Scan(&had); err != nil {
		return describe("revoke "+analyst+"'s access to "+caseName, err)
	}
	if !had {
		return fmt.Errorf("%s is not a member of case %s", analyst, caseName)
	}
	return nil
}

// Members lists who may use the case, by name; only an admin of the case may ask.
func (a *Admin) Members(ctx context.Context, caseName string) ([]Member, error) {
	id, err := a.caseID(ctx, caseName)
	if err != nil {
		return nil, err
	}
	if _, err := a.conn.Exec(ctx, "SELECT chronoscope.require_admin($1)", id); err != nil {
		return nil, describe("list members", err)
	}
	rows, err := a.conn.Query(ctx, `SELECT analyst, access, granted_by, granted_at FROM chronoscope.members
		WHERE case_id = $1 ORDER BY analyst COLLATE "C"`, id)
	if err != nil {
		return nil, describe("list members", err)
	}
	var out []Member
	var m Member
	_, err = pgx.ForEachRow(rows, []any{&m.Analyst, &m.Access, &m.GrantedBy, &m.GrantedAt}, func() error { out = append(out, m); return nil })
	return out, describe("list members", err)
}

// AddAnalyst makes a login for an analyst, a member of chronoscope_analyst (and of no case
// yet), with password (none when ""); it needs a login that may create roles (the
// administrator's, as for Setup). An existing role is made an analyst, its password set
// when one is given. A superuser is refused: row-level security would not hold it.
func AddAnalyst(ctx context.Context, rawURL string, opt Options, name, password string) error {
	conf, err := connConfig(rawURL, opt)
	if err != nil {
		return err
	}
	conn, err := pgx.ConnectConfig(ctx, conf)
	if err != nil {
		return describe("connect", err)
	}
	defer conn.Close(ctx)
	role := pgx.Identifier{name}.Sanitize()
	var super *bool
	if err := conn.QueryRow(ctx, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1", name).Scan(&super); err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return describe("add analyst "+name, err)
	}
	if super != nil && *super {
		return fmt.Errorf("%s is a superuser or bypasses row-level security: an analyst must be neither", name)
	}
	if super == nil {
		if _, err := conn.Exec(ctx, "CREATE ROLE "+role+" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE"); err != nil {
			return describe("add analyst "+name, err)
		}
	}
	if _, err := conn.Exec(ctx, "GRANT "+AnalystRole+" TO "+role); err != nil && code(err) != "0LP01" {
		return describe("add analyst "+name, err)
	}
	if password != "" {
		// The server is sent a SCRAM verifier, never the password itself (which a
		// statement log would keep), as psql's \password does.
		verifier, err := scramVerifier(password)
		if err != nil {
			return err
		}
		if _, err := conn.Exec(ctx, "ALTER ROLE "+role+" PASSWORD '"+verifier+"'"); err != nil {
			return describe("set the password of "+name, err)
		}
	}
	return nil
}

// scramVerifier is the SCRAM-SHA-256 verifier PostgreSQL stores for password (RFC 5802,
// 4096 iterations, a random salt): it holds only base64 and the characters $ and :, so
// it goes into a statement as it is.
func scramVerifier(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	const iterations = 4096
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(mac(salted, "Server Key"))), nil
}
