package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// addFlags are the flags of add as typed, before they are read into an event.
type addFlags struct {
	e                                             timeline.Event
	start, end, lat, lon, importance, credibility string
	actors, tags                                  strs
	src                                           timeline.Source
}

func (a *addFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&a.e.ID, "id", "", "event id (default: a new one)")
	fs.StringVar(&a.e.Title, "title", "", "title (required)")
	fs.StringVar(&a.start, "start", "", "start date, EDTF (required)")
	fs.StringVar(&a.end, "end", "", "end date, EDTF, for a span")
	fs.StringVar(&a.e.Lane, "lane", "", "lane")
	fs.Var(&a.actors, "actor", "actor (repeatable)")
	fs.Var(&a.tags, "tag", "tag (repeatable)")
	fs.StringVar(&a.e.Description, "description", "", "description")
	fs.StringVar(&a.e.Location.Name, "location", "", "place name")
	fs.StringVar(&a.lat, "lat", "", "latitude")
	fs.StringVar(&a.lon, "lon", "", "longitude")
	fs.StringVar(&a.importance, "importance", "", "importance 1-5 (default 3)")
	fs.StringVar(&a.src.Title, "source-title", "", "source title")
	fs.StringVar(&a.src.URL, "source-url", "", "source URL")
	fs.StringVar(&a.src.Publisher, "publisher", "", "source publisher")
	fs.StringVar(&a.src.Date, "source-date", "", "source date")
	fs.StringVar(&a.src.Quote, "quote", "", "quoted excerpt")
	fs.StringVar(&a.src.Reliability, "reliability", "", "source reliability A-F")
	fs.StringVar(&a.credibility, "credibility", "", "information credibility 1-6")
}

// event reads the flags into the event to add; the store validates it.
func (a *addFlags) event() (timeline.Event, error) {
	e := a.e
	if e.Title == "" {
		return e, usagef("--title is required")
	}
	if a.start == "" {
		return e, usagef("--start is required")
	}
	var err error
	if e.Start, err = timeline.ParseDate(a.start); err != nil {
		return e, fmt.Errorf("--start: %w", err)
	}
	if a.end != "" {
		if e.End, err = timeline.ParseDate(a.end); err != nil {
			return e, fmt.Errorf("--end: %w", err)
		}
	}
	e.Actors, e.Tags = a.actors, a.tags
	if a.importance != "" {
		if e.Importance, err = strconv.Atoi(a.importance); err != nil {
			return e, fmt.Errorf("--importance %q: importance goes from 1 to 5", a.importance)
		}
	}
	if e.Location.Lat, err = coordFlag("lat", a.lat); err != nil {
		return e, err
	}
	if e.Location.Lon, err = coordFlag("lon", a.lon); err != nil {
		return e, err
	}
	src := a.src
	if a.credibility != "" {
		if src.Credibility, err = strconv.Atoi(a.credibility); err != nil {
			return e, fmt.Errorf("--credibility %q: credibility is a number from 1 to 6", a.credibility)
		}
	}
	if src != (timeline.Source{}) {
		e.Sources = []timeline.Source{src}
	}
	return e, nil
}

// coordFlag reads --lat or --lon: nil when not given.
func coordFlag(flag, text string) (*float64, error) {
	if text == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return nil, fmt.Errorf("--%s %q is not a number", flag, text)
	}
	return &v, nil
}

func add(ctx context.Context, args []string, env Env) error {
	fs := flags("add")
	var a addFlags
	a.define(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	e, err := a.event()
	if err != nil {
		return err
	}
	s, err := openStore(env)
	if err != nil {
		return err
	}
	defer s.Close()
	evs := []timeline.Event{e}
	res, err := s.Put(ctx, evs, nil)
	var pe *data.PutError
	if errors.As(err, &pe) {
		return pe.Err // one event: its field error says it all
	}
	if err != nil {
		return err
	}
	verb := "added"
	if res.Updated > 0 {
		verb = "updated"
	} else if res.Unchanged > 0 {
		verb = "unchanged"
	}
	fmt.Fprintf(env.Stdout, "%s %s\n", verb, evs[0].ID)
	return nil
}
