package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/format"
)

func importCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("import")
	formatName := fs.String("format", "auto", "auto, csv, json, timelinejs, timelinejs-csv, ics or acled")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("name at least one file to import")
	}
	known := []string{"auto"}
	for _, f := range format.Formats {
		known = append(known, string(f))
	}
	if err := oneOf("format", *formatName, false, known...); err != nil {
		return err
	}
	var docs []format.Document
	var all []timeline.Event
	for _, name := range fs.Args() {
		doc, err := readFile(env, name, *formatName)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		all = append(all, doc.Events...)
	}
	s, err := openStore(env)
	if err != nil {
		return err
	}
	defer s.Close()
	before, err := s.Count(ctx, timeline.Filter{})
	if err != nil {
		return err
	}
	bar := newProgressBar(env.Stderr, "writing")
	res, err := s.Put(ctx, all, bar.update)
	bar.done()
	if err != nil {
		return fmt.Errorf("import: %w (the case is unchanged)", err)
	}
	if before == 0 && len(docs) == 1 && docs[0].Info.Name != "" {
		if err := s.SetInfo(ctx, docs[0].Info); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "%d added, %d updated, %d unchanged\n", res.Added, res.Updated, res.Unchanged)
	return nil
}

// readFile reads one file to import, detecting its format unless one is named, with a
// bar on a terminal's stderr.
func readFile(env Env, name, formatName string) (format.Document, error) {
	bar := newProgressBar(env.Stderr, "reading "+filepath.Base(name))
	doc, _, err := format.ReadFile(name, format.Format(formatName), func(done, total int64) {
		bar.update(int(done>>10), int(total>>10))
	})
	bar.done()
	if err != nil {
		return format.Document{}, fmt.Errorf("import %w", err)
	}
	return doc, nil
}

func export(ctx context.Context, args []string, env Env) error {
	fs := flags("export")
	var ff filterFlags
	addFilterFlags(fs, &ff)
	formatName := fs.String("format", "", "csv, json, timelinejs or ics")
	out := fs.String("out", "", "file to write, - for stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *formatName, true, "csv", "json", "timelinejs", "ics"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out is required (- for stdout)")
	}
	f, s, err := selection(env, &ff)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := refuseOutput(*out, s); err != nil {
		return err
	}
	evs, err := s.Events(ctx, f)
	if err != nil {
		return err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return err
	}
	doc := format.Document{Info: info, Events: evs}
	write := func(w io.Writer) error { return format.Write(w, format.Format(*formatName), doc) }
	if *out == "-" {
		return write(env.Stdout)
	}
	if err := timeline.WriteFileAtomic(*out, write); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %d events to %s\n", len(evs), *out)
	return nil
}

// progressBar draws a one-line bar on a terminal's stderr, and nothing elsewhere.
type progressBar struct {
	w     io.Writer
	label string
	last  int
}

func newProgressBar(w io.Writer, label string) *progressBar {
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			return &progressBar{w: w, label: label, last: -1}
		}
	}
	return &progressBar{}
}

func (p *progressBar) update(done, total int) {
	if p.w == nil || total == 0 {
		return
	}
	pct := done * 100 / total
	if pct == p.last {
		return
	}
	p.last = pct
	const width = 30
	n := pct * width / 100
	fmt.Fprintf(p.w, "\r%s [%s%s] %3d%% (%d/%d)", p.label, strings.Repeat("#", n), strings.Repeat(".", width-n), pct, done, total)
}

func (p *progressBar) done() {
	if p.w != nil && p.last >= 0 {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
