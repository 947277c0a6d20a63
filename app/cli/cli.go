// Package cli is Chronoscope's command line: the same binary as the desktop app, for
// scripting. It never imports Fyne. Run returns the process exit code: 0 on success, 1 on
// an error (one line on stderr), 2 on a usage error.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// UsageError is a command line that does not follow the contract.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error { return &UsageError{Msg: fmt.Sprintf(format, args...)} }

// Env is what a command runs with. Stdin, Stdout and Stderr are the process's streams in
// main and buffers in tests; Getenv reads the environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// DB is the case file chosen with --db or CHRONOSCOPE_DB, or "" for the default case.
	DB string
	// DefaultCase is the case file used when DB is "" (main.go chooses it: a file in the
	// user's data folder).
	DefaultCase string
	// Create opens the case file at path for a command that writes, a missing file
	// becoming a new case; isDefault says it is DefaultCase (main.go fills a new default
	// case with the sample chronology). nil: data.Open, a new case left empty.
	Create func(path string, isDefault bool) (*data.Store, error)
	// Snapshot draws the timeline of the events f selects into a PNG of width x height
	// pixels, its view spanning f's From..To (the whole selection when unset). main wires
	// it to the desktop app's offscreen renderer; this package never imports Fyne.
	Snapshot func(ctx context.Context, s timeline.Store, f timeline.Filter, width, height int, w io.Writer) error
}

// Usage is the command-line synopsis printed by -h and on usage errors.
const Usage = `usage:
  chronoscope [--db FILE]                          open the desktop app
  chronoscope [--db FILE] list [--from D] [--to D] [--query TEXT] [--lane L] [--actor A] [--tag T] [--format table|csv|json]
  chronoscope [--db FILE] add --title T --start EDTF [--end EDTF] [--lane L] [--actor A]... [--tag T]...
                              [--description D] [--location L] [--lat N] [--lon N] [--importance 1-5] [--id ID]
                              [--source-title S] [--source-url U] [--publisher P] [--source-date D] [--quote Q]
                              [--reliability A-F] [--credibility 1-6]
  chronoscope [--db FILE] import [--format auto|csv|json|timelinejs|timelinejs-csv|ics|acled|xlsx] [--map ROLE=HEADER,...]
                                 [--date-order dmy|mdy|ymd] [--sheet NAME] [--skip-duplicates] [--dry-run] FILE...
  chronoscope [--db FILE] export [--format csv|json|timelinejs|ics|xlsx] --out FILE   (- is stdout; by default
                                 the format FILE's extension names)
  chronoscope [--db FILE] chart --kind timeline|histogram|breakdown|calendar|report --out FILE.html|.svg|.png|.pdf
                              [--width W] [--scale S] [--marking TEXT] [--from D] [--to D] [--query TEXT] [--lane L]...
                              [--cpuprofile FILE]
  chronoscope [--db FILE] snapshot --out FILE.png [--from D] [--to D] [--width W] [--height H]
  chronoscope [--db FILE] extract [--reference DATE] [--source-title T] [--publisher P] [--source-url U]
                              [--source-date D] [--grade B2] [--keep-duplicates] [--format table|json] FILE|-
                              dated-event candidates in a text (with --db: the case's actors, lanes, duplicates)
  chronoscope [--db FILE] check                    verify the whole case file, with progress
  chronoscope [--db FILE] recover --out NEW        copy every event that can still be read into a new case
  chronoscope copy --from CASE --to CASE           copy a case between a file and a shared case (either way)
  chronoscope --db postgres://... admin setup|add-analyst|create|cases|grant|revoke|members   shared cases
  chronoscope FILE.chronoscope                     open that case in the desktop app
  chronoscope --version                            version, case schema and SQLite version
--db (FILE or CASE) takes a case file or a shared case on PostgreSQL, postgres://user@host/database?case=NAME
(the password from PGPASSFILE or ~/.pgpass); it also reads CHRONOSCOPE_DB; the default case lives in the
user's data folder.`

// SplitGlobal takes the global --db flag off the front of args and returns it with the
// rest (the command and its flags). --db=FILE and --db FILE are both accepted.
func SplitGlobal(args []string, getenv func(string) string) (db string, rest []string, err error) {
	db = getenv("CHRONOSCOPE_DB")
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--db" || a == "-db":
			if len(args) < 2 {
				return "", nil, usagef("--db needs a case file or a postgres:// address")
			}
			db, args = args[1], args[2:]
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			db, args = a[strings.Index(a, "=")+1:], args[1:]
		case a == "-h" || a == "--help" || a == "help":
			return db, []string{"help"}, nil
		case a == "--version" || a == "-version" || a == "version":
			return db, []string{"version"}, nil
		case len(args) == 1 && isCaseArgument(a):
			return a, nil, nil // chronoscope FILE.chronoscope: open it in the app (a double-click)
		default:
			return db, args, nil
		}
	}
	return db, nil, nil
}

// isCaseArgument reports whether a lone argument names a case to open rather than a
// command: a path ending in the case extension, or any existing file.
func isCaseArgument(a string) bool {
	if _, isCommand := commands()[a]; isCommand {
		return false
	}
	if timeline.HasCaseExtension(a) {
		return true
	}
	fi, err := os.Stat(a)
	return err == nil && fi.Mode().IsRegular()
}

// Version is Chronoscope's version; a release build sets it with
// -ldflags "-X github.com/chronoscope/chronoscope/app/cli.Version=...". It matches
// FyneApp.toml (a test checks).
var Version = "0.1.0"

// VersionLine says which Chronoscope this is, the newest case schema it reads and the
// SQLite it carries (chronoscope --version, Help > About).
func VersionLine() string {
	return fmt.Sprintf("chronoscope %s (case schema %d, SQLite %s)", Version, data.SchemaVersion, data.SQLiteVersion())
}

// Run runs one command (args[0]) with its flags and returns the exit code. Errors are
// written to env.Stderr as one line: "chronoscope: ...".
func Run(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 || args[0] == "help" {
		fmt.Fprintln(env.Stdout, Usage)
		return ExitOK
	}
	if args[0] == "version" {
		fmt.Fprintln(env.Stdout, VersionLine())
		return ExitOK
	}
	err := run(ctx, args[0], args[1:], env)
	var ue *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(env.Stdout, Usage)
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "chronoscope %s: %s (see chronoscope --help)\n", args[0], oneLine(ue.Msg))
		return ExitUsage
	default:
		msg := oneLine(err.Error())
		if strings.HasPrefix(msg, args[0]+" ") { // "import events.csv: line 8, ..." names itself
			fmt.Fprintf(env.Stderr, "chronoscope: %s\n", msg)
		} else {
			fmt.Fprintf(env.Stderr, "chronoscope %s: %s\n", args[0], msg)
		}
		return ExitError
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

type command func(ctx context.Context, args []string, env Env) error

func commands() map[string]command {
	return map[string]command{
		"list":     list,
		"add":      add,
		"import":   importCmd,
		"export":   export,
		"chart":    chartCmd,
		"snapshot": snapshot,
		"extract":  extractCmd,
		"check":    checkCmd,
		"recover":  recoverCmd,
		"copy":     copyCmd,
		"admin":    adminCmd,
	}
}

func run(ctx context.Context, name string, args []string, env Env) error {
	cmd, ok := commands()[name]
	if !ok {
		return usagef("unknown command %q", name)
	}
	return cmd(ctx, args, env)
}

// openStore opens the case named by env.DB, or the default case, for a command that
// writes (add, import): a missing file becomes a new case (env.Create).
// A shared case (a postgres:// address) must exist: chronoscope admin create makes one.
// A command that only reads uses openExisting.
func openStore(env Env) (caseStore, error) {
	if IsShared(env.DB) {
		return openExistingCase(context.Background(), env.DB)
	}
	path, isDefault := env.DB, env.DB == ""
	if isDefault {
		if env.DefaultCase == "" {
			return nil, errors.New("no case named (--db FILE)")
		}
		path = env.DefaultCase
	}
	if env.Create == nil {
		return data.Open(path, data.OpenOrCreate)
	}
	return env.Create(path, isDefault)
}

// openExisting opens the case named by env.DB, or the default case, for a command that only
// reads (list, export, chart, snapshot, check): it never creates a case, a folder or any
// file. A missing path or folder, a folder and a 0-byte file are refused in one line.
func openExisting(env Env) (caseStore, error) {
	if IsShared(env.DB) {
		return openExistingCase(context.Background(), env.DB)
	}
	path, err := existingCasePath(env)
	if err != nil {
		return nil, err
	}
	return data.Open(path, data.OpenExisting)
}

// existingCasePath is the case file env names (--db, or the default case) unless it is
// missing or a folder, which it refuses in one line (data.Open refuses an empty file) saying how to make a case. It
// creates nothing, so a command that must not open the case itself (recover) can use it;
// other errors are left to whatever opens the file.
func existingCasePath(env Env) (string, error) {
	path, named := env.DB, env.DB != ""
	if !named {
		if env.DefaultCase == "" {
			return "", errors.New("no case named (--db FILE)")
		}
		path = env.DefaultCase
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && named:
		return "", fmt.Errorf("open %s: no such case file (add or import creates one)", path)
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("there is no case yet at %s: run chronoscope to open the desktop app with a sample case, or chronoscope add ... to start one", path)
	case err == nil && fi.IsDir():
		return "", fmt.Errorf("open %s: it is a folder, not a case file", path)
	}
	return path, nil
}

// refuseOutput refuses an --out that would write over a Chronoscope case, the open case s
// included (by device and inode, even if its header is damaged), before any work is done;
// WriteFileAtomic checks again when it writes. "-" (stdout) is always accepted.
func refuseOutput(out string, s timeline.Store) error {
	if out == "-" {
		return nil
	}
	return timeline.RefuseCaseTarget(out, s.Path())
}

// flags is a FlagSet that reports errors as usage errors instead of printing.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	return nil
}

// strs is a repeatable string flag.
type strs []string

func (s *strs) String() string { return strings.Join(*s, ";") }

// Set adds one value.
func (s *strs) Set(v string) error { *s = append(*s, v); return nil }

// oneOf checks a flag that takes one of a few words; an empty value is refused when the
// flag is required and accepted otherwise.
func oneOf(flag, value string, required bool, allowed ...string) error {
	if value == "" && !required {
		return nil
	}
	if slices.Contains(allowed, value) {
		return nil
	}
	words := strings.Join(allowed[:len(allowed)-1], ", ") + " or " + allowed[len(allowed)-1]
	if value == "" {
		return usagef("--%s is required: %s", flag, words)
	}
	return usagef("--%s is %s, not %q", flag, words, value)
}
