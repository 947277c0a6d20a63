package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"text/tabwriter"

	"github.com/chronoscope/chronoscope/data/postgres"
)

// adminUsage is the synopsis of chronoscope admin.
const adminUsage = `admin setup                       prepare the database for shared cases (as its administrator)
admin add-analyst NAME [--password-stdin]   make an analyst's login (as its administrator)
admin create NAME [--description D]        start a case; you are its admin
admin cases                       the cases you are a member of
admin grant ANALYST read|write|admin       (an admin of the case: ?case=NAME or --case)
admin revoke ANALYST
admin members`

// adminCmd runs chronoscope --db postgres://... admin SUBCOMMAND: the commands that set
// up a database for shared cases and manage who may use each case. The server decides
// what the login may do; these only ask.
func adminCmd(ctx context.Context, args []string, env Env) error {
	if !IsShared(env.DB) {
		return usagef("admin works on a database of shared cases: chronoscope --db postgres://user@host/database admin ...\n%s", adminUsage)
	}
	if len(args) == 0 {
		return usagef("admin needs a subcommand:\n%s", adminUsage)
	}
	sub, args := args[0], args[1:]
	fs := flags("admin " + sub)
	caseName := fs.String("case", caseOf(env.DB), "the case (default: the address's ?case=NAME)")
	description := fs.String("description", "", "the new case's description")
	passwordStdin := fs.Bool("password-stdin", false, "read the analyst's password from the first line of stdin")
	rest, err := parseAnywhere(fs, args)
	if err != nil {
		return err
	}
	switch sub {
	case "setup":
		if err := postgres.Setup(ctx, env.DB, postgres.Options{}); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s is ready for shared cases (schema %d)\n", postgres.Redact(env.DB), postgres.SchemaVersion)
		return nil
	case "add-analyst":
		return addAnalyst(ctx, env, rest, *passwordStdin)
	}
	a, err := postgres.Connect(ctx, env.DB, postgres.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	switch sub {
	case "create":
		if len(rest) != 1 {
			return usagef("admin create NAME")
		}
		if err := a.CreateCase(ctx, rest[0], *description); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "created case %s; you are its admin (chronoscope admin grant adds members)\n", rest[0])
		return nil
	case "cases":
		return listCases(ctx, env, a)
	case "grant", "revoke", "members":
		if *caseName == "" {
			return usagef("name the case: ?case=NAME in the address, or --case NAME")
		}
		return members(ctx, env, a, sub, *caseName, rest)
	}
	return usagef("unknown admin subcommand %q:\n%s", sub, adminUsage)
}

// caseOf is the case parameter of a shared case's address.
func caseOf(db string) string {
	u, err := url.Parse(db)
	if err != nil {
		return ""
	}
	return u.Query().Get("case")
}

func addAnalyst(ctx context.Context, env Env, rest []string, fromStdin bool) error {
	if len(rest) != 1 {
		return usagef("admin add-analyst NAME [--password-stdin]")
	}
	password := ""
	if fromStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		password = strings.TrimRight(line, "\r\n")
		if password == "" {
			return fmt.Errorf("add-analyst: no password on stdin (%v)", err)
		}
	}
	if err := postgres.AddAnalyst(ctx, env.DB, postgres.Options{}, rest[0], password); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s is an analyst of %s, a member of no case yet\n", rest[0], postgres.Redact(env.DB))
	return nil
}

func listCases(ctx context.Context, env Env, a *postgres.Admin) error {
	cases, err := a.Cases(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "CASE\tACCESS\tDESCRIPTION")
	for _, c := range cases {
		fmt.Fprintf(w, "%s\t%s\t%s\n", cell(c.Name), c.Access, cell(c.Description))
	}
	return w.Flush()
}

func members(ctx context.Context, env Env, a *postgres.Admin, sub, caseName string, rest []string) error {
	switch {
	case sub == "grant" && len(rest) == 2:
		if err := a.Grant(ctx, caseName, rest[0], rest[1]); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s may now %s case %s\n", rest[0], map[string]string{"read": "read", "write": "read and change", "admin": "read, change and manage"}[rest[1]], caseName)
		return nil
	case sub == "revoke" && len(rest) == 1:
		if err := a.Revoke(ctx, caseName, rest[0]); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s is no longer a member of case %s\n", rest[0], caseName)
		return nil
	case sub == "members" && len(rest) == 0:
		ms, err := a.Members(ctx, caseName)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ANALYST\tACCESS\tGRANTED BY\tGRANTED AT")
		for _, m := range ms {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", m.Analyst, m.Access, m.GrantedBy, m.GrantedAt.UTC().Format("2006-01-02 15:04"))
		}
		return w.Flush()
	}
	return usagef("admin grant ANALYST read|write|admin, admin revoke ANALYST, admin members")
}

// parseAnywhere parses flags given before, between or after the arguments (admin grant
// bob write --case summit) and returns the arguments.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
