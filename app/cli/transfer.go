package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// importChunk is how many events an import hands the store at a time.
const importChunk = 4096

// importCmd imports files into the case in one transaction. Into a case file that does
// not exist yet, the files are read once, as a stream, into a case made whole beside it
// and only then put in place (importNew). Into an existing case each file is read twice,
// as a stream: once to check every row and look for duplicates of the case's events, then
// again into the store a chunk at a time, so memory stays small whatever the size of the
// files. Either way the store writes while the files are read (PutStream), and once the
// import is committed and said, what it left to build (full text, name links, indexes) is
// built (buildIndex).
func importCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("import")
	formatName := fs.String("format", "auto", "auto, csv, json, timelinejs, timelinejs-csv, ics, acled or xlsx")
	sheetFlags := addImportFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	opt, err := sheetFlags.options()
	if err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("name at least one file to import")
	}
	if err := checkFormatFlag(*formatName); err != nil {
		return err
	}
	if sheetFlags.dryRun {
		return dryRun(ctx, env, fs.Args(), *formatName, opt)
	}
	if done, err := importNew(ctx, env, fs.Args(), *formatName, opt); done || err != nil {
		return err
	}
	check, infos, total, err := checkImport(env, fs.Args(), *formatName, opt)
	if err != nil {
		return err
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
	dups, err := check.duplicates(ctx, s)
	if err != nil {
		return err
	}
	if !sheetFlags.skipDuplicates {
		sayDuplicates(env.Stderr, dups, check, false)
	}
	skip := dups
	if !sheetFlags.skipDuplicates {
		skip = nil
	}
	if ds, ok := s.(*data.Store); ok {
		ds.Prevalidated = true // the reading checks every event (format.Scan's contract)
	}
	res, err := s.PutStream(ctx, total-len(skip), streamImport(env, fs.Args(), *formatName, opt, skip, nil))
	if err != nil {
		return fmt.Errorf("%w (the case is unchanged)", err)
	}
	if err := nameNewCase(ctx, s, before, infos); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d added, %d updated, %d unchanged\n", res.Added, res.Updated, res.Unchanged)
	if sheetFlags.skipDuplicates {
		sayDuplicates(env.Stdout, dups, check, true)
	}
	return buildIndex(ctx, env, s)
}

// checkFormatFlag refuses an --format that names no format, as a usage error.
func checkFormatFlag(name string) error {
	known := []string{"auto"}
	for _, f := range format.Formats {
		known = append(known, string(f))
	}
	return oneOf("format", name, false, known...)
}

// nameNewCase gives a case that was empty before the import (before events) the name
// and description of the one file imported, when it has them.
func nameNewCase(ctx context.Context, s caseStore, before int, infos []timeline.CaseInfo) error {
	if before != 0 || len(infos) != 1 || infos[0].Name == "" {
		return nil
	}
	if shared, ok := s.(*postgres.Store); ok {
		infos[0].Name = shared.Name() // a shared case's name is its address
	}
	return s.SetInfo(ctx, infos[0])
}

// scanFile streams one file to import, detecting its format unless one is named, with a
// bar on a terminal's stderr; it returns the file's Document (no events) and format.
// checkImport is the first reading of the files: every row checked, the case not yet
// opened. It returns what the check gathered, each file's case name and description, and
// how many events the files hold.
func checkImport(env Env, names []string, formatName string, opt format.Options) (*importCheck, []timeline.CaseInfo, int, error) {
	var infos []timeline.CaseInfo
	total := 0
	check := &importCheck{}
	for _, name := range names {
		n := 0
		doc, f, err := scanFile(env, "checking", name, formatName, opt, func(e timeline.Event) error {
			check.add(e)
			n++
			return nil
		})
		if err != nil {
			return nil, nil, 0, err
		}
		check.endFile(f, doc)
		infos = append(infos, doc.Info)
		total += n
	}
	return check, infos, total, nil
}

// streamImport is the second reading of the files, into the store a chunk at a time,
// leaving out the events whose place in the files skip holds (duplicates to skip). When
// infos is not nil, each file's case name and description are added to it.
func streamImport(env Env, names []string, formatName string, opt format.Options, skip map[int]extract.Duplicate, infos *[]timeline.CaseInfo) func(put func([]timeline.Event) error) error {
	return func(put func([]timeline.Event) error) error {
		seen := 0
		chunk := make([]timeline.Event, 0, importChunk)
		for _, name := range names {
			doc, _, err := scanFile(env, "importing", name, formatName, opt, func(e timeline.Event) error {
				seen++
				if _, dup := skip[seen-1]; dup {
					return nil
				}
				if chunk = append(chunk, e); len(chunk) < importChunk {
					return nil
				}
				err := put(chunk)
				clear(chunk)
				chunk = chunk[:0]
				return err
			})
			if err != nil {
				return err
			}
			if infos != nil {
				*infos = append(*infos, doc.Info)
			}
		}
		return put(chunk)
	}
}

func scanFile(env Env, doing, name, formatName string, opt format.Options, each func(timeline.Event) error) (format.Document, format.Format, error) {
	bar := newProgressBar(env.Stderr, doing+" "+filepath.Base(name))
	var eachErr error // the store's own words, kept as they are
	f := format.Format(formatName)
	if f == "auto" {
		f = ""
	}
	doc, f, err := format.ScanFileWith(name, f, opt, func(done, total int64) {
		bar.update(int(done>>10), int(total>>10))
	}, func(e timeline.Event) error {
		eachErr = each(e)
		return eachErr
	})
	bar.done()
	if err != nil && (eachErr == nil || !errors.Is(err, eachErr)) {
		return doc, f, fmt.Errorf("import %w", err)
	}
	return doc, f, err
}

func export(ctx context.Context, args []string, env Env) error {
	fs := flags("export")
	var ff filterFlags
	addFilterFlags(fs, &ff)
	formatName := fs.String("format", "", "csv, json, timelinejs, ics or xlsx (from --out's extension when not given)")
	out := fs.String("out", "", "file to write, - for stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *formatName == "" {
		*formatName = formatOfName(*out)
	}
	if err := oneOf("format", *formatName, true, "csv", "json", "timelinejs", "ics", "xlsx"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out is required (- for stdout)")
	}
	stamp, err := exportTime(env)
	if err != nil {
		return err
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
	doc := format.Document{Info: info, Events: evs, Generated: stamp}
	var left format.LeftOut
	write := func(w io.Writer) (err error) {
		left, err = format.WriteSome(w, format.Format(*formatName), doc)
		return err
	}
	if *out == "-" {
		if err := write(env.Stdout); err != nil {
			return err
		}
		if left.Count > 0 {
			fmt.Fprintf(env.Stderr, "exported %s; %s\n", plural(len(evs)-left.Count, "event"), left)
		}
		return nil
	}
	if err := timeline.WriteFileAtomic(*out, write); err != nil {
		return err
	}
	if left.Count > 0 {
		fmt.Fprintf(env.Stdout, "exported %d of %d events to %s; %s\n", len(evs)-left.Count, len(evs), *out, left)
		return nil
	}
	fmt.Fprintf(env.Stdout, "exported %s to %s\n", plural(len(evs), "event"), *out)
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

// formatOfName is the export format a file name's extension says (.csv, .json, .ics,
// .xlsx), or "" when it says none: TimelineJS, also JSON, is only ever asked for by name.
func formatOfName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return "csv"
	case ".json":
		return "json"
	case ".ics", ".ical":
		return "ics"
	case ".xlsx":
		return "xlsx"
	}
	return ""
}
