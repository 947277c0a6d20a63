package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/chronoscope/chronoscope/timeline"
)

// ErrNoAccess is wrapped by the error of an analyst who is not a member of the case (or
// whose membership was revoked), and of one who may not do what was asked.
var ErrNoAccess = errors.New("no access to this case")

// readerText is what a reader is told when they try to change a case.
const readerText = "you can read this case but not change it"

// accessError is the server's refusal, in the analyst's words: a reader's write wraps
// timeline.ErrReadOnly (the window shows the case read-only), anything else ErrNoAccess.
type accessError struct {
	msg   string
	cause error
}

func (e *accessError) Error() string { return e.msg }

// Unwrap returns the sentinel and the server's error.
func (e *accessError) Unwrap() []error {
	if e.msg == readerText {
		return []error{timeline.ErrReadOnly, e.cause}
	}
	return []error{ErrNoAccess, e.cause}
}

// noAccess is an error wrapping ErrNoAccess that says only what format says.
func noAccess(format string, args ...any) error {
	return &accessError{msg: fmt.Sprintf(format, args...), cause: ErrNoAccess}
}

// errReader is the error of a reader's write refused before it reached the server.
var errReader = &accessError{msg: readerText, cause: errors.New("read access")}

// code is the SQLSTATE of a server error, or "".
func code(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// describe puts an error of operation op in the analyst's words, one line, keeping the
// driver's error as the cause; nil stays nil, and errors of the domain (a PutError, a
// conflict, a canceled context) pass as they are.
func describe(op string, err error) error {
	if err == nil {
		return nil
	}
	var ae *accessError
	var le *loginError
	var ce *timeline.ConflictError
	var pe *timeline.PutError
	if errors.As(err, &ae) || errors.As(err, &le) || errors.As(err, &ce) || errors.As(err, &pe) || errors.Is(err, context.Canceled) ||
		errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return describeServer(op, pg, err)
	}
	var ce2 *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce2) || errors.As(err, &ne) || pgconn.SafeToRetry(err) {
		if readOnlyOp(op) {
			return fmt.Errorf("%s: cannot reach the PostgreSQL server (%s)", op, why(err))
		}
		return fmt.Errorf("%s: cannot reach the PostgreSQL server (%s); nothing was changed", op, why(err))
	}
	return fmt.Errorf("%s: %w", op, err)
}

// readOnlyOp reports whether op only connects or reads: its failure changes nothing, so
// saying "nothing was changed" would only puzzle.
func readOnlyOp(op string) bool {
	for _, p := range []string{"connect", "read", "count", "list", "check", "find"} {
		if strings.HasPrefix(op, p) {
			return true
		}
	}
	return false
}

// describeServer words an error the server sent.
func describeServer(op string, pg *pgconn.PgError, err error) error {
	switch pg.Code {
	case "42501": // insufficient_privilege: our functions' words, or a policy's refusal
		msg := pg.Message
		if strings.Contains(msg, "row-level security") || strings.HasPrefix(msg, "permission denied") {
			msg = readerText
		}
		return &accessError{msg: msg, cause: err}
	case "28P01", "28000":
		return &loginError{op: op, msg: pg.Message, cause: err}
	case "3D000":
		return fmt.Errorf("%s: %s on the server (an administrator makes it with chronoscope admin setup)", op, pg.Message)
	case "40001", "40P01":
		return fmt.Errorf("%s: another analyst's write got in the way; nothing was changed, try again: %w", op, err)
	case "53100":
		return fmt.Errorf("%s: the server's disk is full; nothing was changed", op)
	}
	return fmt.Errorf("%s: %s: %w", op, pg.Message, &quiet{err})
}

// loginError is the server's refusal of the login: it wraps timeline.ErrLoginRefused, so
// the desktop app asks for the password again.
type loginError struct {
	op, msg string
	cause   error
}

func (e *loginError) Error() string {
	return fmt.Sprintf("%s: the server refused the login (%s): check the user name and the password (PGPASSFILE, ~/.pgpass, or the password asked for)", e.op, e.msg)
}

// Unwrap returns the sentinel and the server's error.
func (e *loginError) Unwrap() []error { return []error{timeline.ErrLoginRefused, e.cause} }

// quiet keeps an error as a cause without repeating its text.
type quiet struct{ err error }

func (q *quiet) Error() string { return "(" + code(q.err) + ")" }
func (q *quiet) Unwrap() error { return q.err }

// why is what a failed connection met, in a few words: the dial's own error ("connect:
// connection refused", a timeout), not pgx's description of every address it tried.
func why(err error) string {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err.Error()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "no answer in time"
	}
	return oneLine(err.Error())
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
