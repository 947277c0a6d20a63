package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/timeline"
)

// checkCmd verifies the whole case file (SQLite's integrity check, table by table, with a
// progress bar on a terminal) and says whether it is whole. It only reads. Exit 1 when
// the case is damaged or cannot be opened.
func checkCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("check")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("check takes no arguments (the case is --db)")
	}
	s, err := openExisting(env)
	if err != nil {
		return err
	}
	defer s.Close()
	bar := newProgressBar(env.Stderr, "checking")
	rep, err := s.(checker).Check(ctx, bar.update)
	bar.done()
	if err != nil {
		return err
	}
	if len(rep.Problems) == 0 {
		fmt.Fprintf(env.Stdout, "%s is whole: %d tables checked, %s\n", s.Path(), rep.Tables, plural(rep.Events, "event"))
		return nil
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(env.Stdout, oneLine(p))
	}
	if IsShared(env.DB) {
		return fmt.Errorf("%s: %d problems in %d tables checked", s.Path(), len(rep.Problems), rep.Tables)
	}
	return fmt.Errorf("%s: %w: %d problems in %d tables checked; `chronoscope --db %s recover --out NEW.chronoscope` saves what can still be read",
		s.Path(), timeline.ErrDamaged, len(rep.Problems), rep.Tables, s.Path())
}

// checker is a store that verifies its case: both stores are.
type checker interface {
	Check(ctx context.Context, progress timeline.Progress) (timeline.CheckReport, error)
}

var (
	_ checker = (*data.Store)(nil)
	_ checker = (*postgres.Store)(nil)
)

// recoverCmd copies every event of the case that can still be read into a new case.
func recoverCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("recover")
	out := fs.String("out", "", "the new case to write (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out NEW.chronoscope is required")
	}
	if fs.NArg() > 0 {
		return usagef("recover takes no arguments (the case is --db)")
	}
	if IsShared(env.DB) {
		return fmt.Errorf("recover: %w", errNotAFile)
	}
	path, err := existingCasePath(env)
	if err != nil {
		return err
	}
	bar := newProgressBar(env.Stderr, "reading")
	rep, err := data.Recover(ctx, path, *out, bar.update)
	bar.done()
	if err != nil {
		var oe *data.OpenError
		if errors.As(err, &oe) {
			return fmt.Errorf("%w (nothing could be saved from it)", err)
		}
		return err
	}
	lost := "an unknown number of events could not be read"
	if rep.Lost >= 0 {
		lost = fmt.Sprintf("%d could not be read", rep.Lost)
	}
	fmt.Fprintf(env.Stdout, "saved %d events into %s; %s", rep.Saved, *out, lost)
	switch {
	case rep.WithoutSources > 0:
		fmt.Fprintf(env.Stdout, "; %d saved without some of their sources", rep.WithoutSources)
	case rep.WithoutSources < 0:
		fmt.Fprint(env.Stdout, "; some sources could not be read")
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

// plural says n things: "1 event", "13 events".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
