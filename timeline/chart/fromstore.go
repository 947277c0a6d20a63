package chart

import (
	"context"
	"io"

	"github.com/chronoscope/chronoscope/timeline"
)

// WriteFromStore streams the events f selects from s into a chart file at path, written
// atomically: a store that fails part way, like any other failure, leaves no file. It
// returns how many events the chart was drawn from.
func WriteFromStore(ctx context.Context, s timeline.Store, f timeline.Filter, path string, opt Options) (int, error) {
	opt, err := withFormat(path, opt)
	if err != nil {
		return 0, err
	}
	seq, failed := timeline.Stream(ctx, s, f)
	n := 0
	counted := func(yield func(timeline.Event) bool) {
		for e := range seq {
			n++
			if !yield(e) {
				return
			}
		}
	}
	err = timeline.WriteFileAtomic(path, func(w io.Writer) error {
		if err := RenderSeq(w, counted, opt); err != nil {
			return err
		}
		return failed()
	})
	return n, err
}
