package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

func add(ctx context.Context, args []string, env Env) error {
	fs := flags("add")
	var (
		e                                timeline.Event
		start, end, lat, lon, importance string
		actors, tags                     strs
		src                              timeline.Source
		credibility                      string
	)
	fs.StringVar(&e.ID, "id", "", "event id (default: a new one)")
	fs.StringVar(&e.Title, "title", "", "title (required)")
	fs.StringVar(&start, "start", "", "start date, EDTF (required)")
	fs.StringVar(&end, "end", "", "end date, EDTF, for a span")
	fs.StringVar(&e.Lane, "lane", "", "lane")
	fs.Var(&actors, "actor", "actor (repeatable)")
	fs.Var(&tags, "tag", "tag (repeatable)")
	fs.StringVar(&e.Description, "description", "", "description")
	fs.StringVar(&e.Location.Name, "location", "", "place name")
	fs.StringVar(&lat, "lat", "", "latitude")
	fs.StringVar(&lon, "lon", "", "longitude")
	fs.StringVar(&importance, "importance", "", "importance 1-5 (default 3)")
	fs.StringVar(&src.Title, "source-title", "", "source title")
	fs.StringVar(&src.URL, "source-url", "", "source URL")
	fs.StringVar(&src.Publisher, "publisher", "", "source publisher")
	fs.StringVar(&src.Date, "source-date", "", "source date")
	fs.StringVar(&src.Quote, "quote", "", "quoted excerpt")
	fs.StringVar(&src.Reliability, "reliability", "", "source reliability A-F")
	fs.StringVar(&credibility, "credibility", "", "information credibility 1-6")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if e.Title == "" {
		return usagef("--title is required")
	}
	if start == "" {
		return usagef("--start is required")
	}
	var err error
	if e.Start, err = timeline.ParseDate(start); err != nil {
		return fmt.Errorf("--start: %w", err)
	}
	if end != "" {
		if e.End, err = timeline.ParseDate(end); err != nil {
			return fmt.Errorf("--end: %w", err)
		}
	}
	e.Actors, e.Tags = actors, tags
	if importance != "" {
		if e.Importance, err = strconv.Atoi(importance); err != nil {
			return fmt.Errorf("--importance %q: importance goes from 1 to 5", importance)
		}
	}
	for _, c := range []struct {
		flag, text string
		dst        **float64
	}{{"lat", lat, &e.Location.Lat}, {"lon", lon, &e.Location.Lon}} {
		if c.text == "" {
			continue
		}
		v, err := strconv.ParseFloat(c.text, 64)
		if err != nil {
			return fmt.Errorf("--%s %q is not a number", c.flag, c.text)
		}
		*c.dst = &v
	}
	if credibility != "" {
		if src.Credibility, err = strconv.Atoi(credibility); err != nil {
			return fmt.Errorf("--credibility %q: credibility is a number from 1 to 6", credibility)
		}
	}
	if src != (timeline.Source{}) {
		e.Sources = []timeline.Source{src}
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
