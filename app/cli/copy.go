package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/timeline"
)

// copyCmd copies a case from a case file into a shared case on PostgreSQL or back (or
// file to file, shared to shared): every event with every field, its stamps and version,
// the lanes with their colours and places, and the description. The target is new: a
// case file that does not exist yet (written whole or not at all), or a shared case that
// holds no event (made when missing, the analyst its admin; its events are written in
// one transaction).
func copyCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("copy")
	from := fs.String("from", "", "the case to copy: a case file or a postgres:// address")
	to := fs.String("to", "", "the new case: a case file that does not exist, or a postgres:// address")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *from == "" || *to == "" {
		return usagef("copy needs --from CASE and --to CASE (a case file or a postgres://user@host/db?case=NAME address)")
	}
	if sameCase(*from, *to) {
		return usagef("--from and --to name the same case")
	}
	src, err := openExistingCase(ctx, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	if err := damage(src); err != nil {
		return fmt.Errorf("copy: %w (chronoscope recover saves what can be read)", err)
	}
	bar := newProgressBar(env.Stderr, "copying")
	var n int
	if IsShared(*to) {
		n, err = copyIntoShared(ctx, src, *to, bar.update)
	} else {
		if err := timeline.RefuseCaseTarget(*to, src.Path()); err != nil {
			bar.done()
			return err
		}
		n, err = copyIntoFile(ctx, src, *to, bar.update)
	}
	bar.done()
	if err != nil {
		return fmt.Errorf("copy %s to %s: %w", src.Path(), redacted(*to), err)
	}
	fmt.Fprintf(env.Stdout, "copied %s from %s to %s\n", plural(n, "event"), src.Path(), redacted(*to))
	return nil
}

// copyIntoShared copies from into the shared case at url, made when missing.
func copyIntoShared(ctx context.Context, from caseStore, url string, progress timeline.Progress) (int, error) {
	to, err := OpenShared(ctx, url, "", true)
	if err != nil {
		return 0, err
	}
	defer to.Close()
	return copyCase(ctx, from, to, progress)
}

// sameCase reports whether two --db values name one case file.
func sameCase(a, b string) bool {
	if IsShared(a) || IsShared(b) {
		return a == b
	}
	x, errA := filepath.Abs(a)
	y, errB := filepath.Abs(b)
	return errA == nil && errB == nil && x == y
}

// redacted is a --db value as it may be printed: a shared case's address without its
// password.
func redacted(db string) string {
	if !IsShared(db) {
		return db
	}
	return postgres.Redact(db)
}
