package app

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/chronoscope/chronoscope/timeline"
)

// indexer builds, off the UI goroutine, what large writes left to build in the open case
// (timeline.Indexer: full text, name links, indexes), while the status bar says
// "indexing, N%". Searches and filters are exact meanwhile, only slower. It is not a job:
// closing or switching the case stops it at once, and the case keeps what is left for
// the next time it is opened.
type indexer struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// startIndexing starts the indexer on the open case when it has something to build and
// none runs yet.
func (u *ui) startIndexing() {
	ix, ok := u.store.(timeline.Indexer)
	if !ok || u.store.ReadOnly() || u.damaged || u.indexer != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	in := &indexer{cancel: cancel, done: make(chan struct{})}
	u.indexer = in
	w := u.watch
	show := func(state timeline.Indexing) {
		fyne.Do(func() {
			if u.indexer == in {
				u.indexState.SetText(state.String())
			}
		})
	}
	build := func() {
		defer close(in.done)
		state, err := ix.Indexing(ctx)
		if err == nil && state.Pending() {
			show(state)
			err = ix.BuildIndex(ctx, func(done, total int) {
				w.absorb(ctx) // the step changed how the case is kept, not what it holds
				show(timeline.Indexing{Done: int64(done), Total: int64(total)})
			})
		}
		fyne.Do(func() {
			if u.indexer != in {
				return
			}
			u.indexer = nil
			u.indexState.SetText("")
			if err != nil && ctx.Err() == nil {
				u.showError(err)
			}
		})
	}
	u.run.goroutine(build)
}

// stopIndexing stops the indexer, if one runs, and waits for its step to end.
func (u *ui) stopIndexing() {
	if u.indexer == nil {
		return
	}
	u.indexer.cancel()
	<-u.indexer.done
	u.indexer = nil
	u.indexState.SetText("")
}

// showIndexing says how far another program's indexing of the open case is, while this
// window builds nothing itself.
func (u *ui) showIndexing(state timeline.Indexing) {
	if u.indexer == nil {
		u.indexState.SetText(state.String())
	}
}
