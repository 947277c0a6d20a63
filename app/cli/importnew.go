package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// bytesPerEvent is about how many bytes of a file make one event, to size an import into
// a new case before the file is read (a generated native CSV holds about 400).
const bytesPerEvent = 300

// importNew imports files into a case file that does not exist yet: they are read once,
// into a case made whole beside it and put in place only then (data.Create), so a bad
// file leaves no trace, not even a new empty case; there is nothing in an empty case to
// look for duplicates of. done is false when the case is not new (or another process
// made it meanwhile): the caller imports into it the usual way.
func importNew(ctx context.Context, env Env, files []string, formatName string, opt format.Options) (done bool, err error) {
	if env.DB == "" || IsShared(env.DB) {
		return false, nil
	}
	if _, err := os.Stat(env.DB); !errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	size := 0
	for _, name := range files {
		if fi, err := os.Stat(name); err == nil {
			size += int(fi.Size() / bytesPerEvent)
		}
	}
	var infos []timeline.CaseInfo
	var putErr error // the store's, as against the files'
	read := streamImport(env, files, formatName, opt, nil, &infos)
	// The events come checked by the reading (format.Scan's contract): not checked twice.
	res, err := data.Create(ctx, env.DB, data.CreateOptions{Size: size, Prevalidated: true}, func(put func([]timeline.Event) error) error {
		return read(func(chunk []timeline.Event) error {
			putErr = put(chunk)
			return putErr
		})
	})
	switch {
	case errors.Is(err, data.ErrCaseExists):
		return false, nil
	case err != nil && putErr == nil:
		return true, err // what is wrong with a file, said as it is
	case err != nil:
		return true, fmt.Errorf("%w (no case was made)", err)
	}
	s, err := openStore(env)
	if err != nil {
		return true, err
	}
	defer s.Close()
	if len(infos) == 1 && infos[0].Name != "" {
		if err := s.SetInfo(ctx, infos[0]); err != nil {
			return true, err
		}
	}
	fmt.Fprintf(env.Stdout, "%d added, %d updated, %d unchanged\n", res.Added, res.Updated, res.Unchanged)
	return true, buildIndex(ctx, env, s)
}

// buildIndex builds what writes left to build in the case (timeline.Indexer: full text,
// name links, indexes), with a bar on a terminal. A stop (Ctrl+C) loses nothing of the
// import: the rest is built later, and that is said.
func buildIndex(ctx context.Context, env Env, s timeline.Store) error {
	ix, ok := s.(timeline.Indexer)
	if !ok {
		return nil
	}
	bar := newProgressBar(env.Stderr, "indexing")
	err := ix.BuildIndex(ctx, bar.update)
	bar.done()
	if err != nil && ctx.Err() != nil {
		state, _ := ix.Indexing(context.Background())
		fmt.Fprintf(env.Stderr, "%s when stopped: the import is saved, and the rest is built the next time the case is imported into or opened in the app\n", state)
		return nil
	}
	return err
}

// sayIndexing says on stderr how far the building of what an import left to build is,
// when it is under way: the events are all there, searches and filters only slower.
func sayIndexing(ctx context.Context, env Env, s timeline.Store) {
	ix, ok := s.(timeline.Indexer)
	if !ok {
		return
	}
	if state, err := ix.Indexing(ctx); err == nil && state.Pending() {
		fmt.Fprintf(env.Stderr, "%s: every event is listed; searches and filters read those not yet indexed one by one\n", state)
	}
}
