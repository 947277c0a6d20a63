package format

import (
	"io"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html) reads as:
//
//   - the "title" slide: its headline and text become the case's name and description;
//   - each of "events": unique_id is the id, text.headline the title, text.text the
//     description (HTML kept as it is), group the lane, start_date and end_date the dates;
//   - each of "eras": an event in lane "Eras" with the attribute timelinejs_type=era,
//     written back as an era.
//
// Date parts may be numbers or strings; the precision is what is filled in (a year alone
// is "2023", a year and month "2023-09"); times of day are read as UTC. A date object may
// also carry "edtf", which Chronoscope writes when the parts cannot say all of a date
// (2023-09-05~, 201X) and which wins on reading. Everything else a slide says is kept in
// the event's attributes: media_url, media_caption, media_credit, media_thumbnail,
// media_alt, media_title, media_link, media_link_target, display_date (the slide's),
// start_display_date and end_display_date (the dates'), background_url,
// background_color, autolink; text_format=html marks the text as TimelineJS HTML. A slide
// with no headline is titled from its text, its media caption or "Untitled".
type tjsDoc struct {
	Title  *tjsSlide  `json:"title,omitempty"`
	Events []tjsSlide `json:"events"`
	Eras   []tjsSlide `json:"eras,omitempty"`
}

type tjsSlide struct {
	UniqueID    string         `json:"unique_id,omitempty"`
	StartDate   *tjsDate       `json:"start_date,omitempty"`
	EndDate     *tjsDate       `json:"end_date,omitempty"`
	Text        *tjsText       `json:"text,omitempty"`
	Media       *tjsMedia      `json:"media,omitempty"`
	Group       string         `json:"group,omitempty"`
	DisplayDate string         `json:"display_date,omitempty"`
	Background  *tjsBackground `json:"background,omitempty"`
	Autolink    *bool          `json:"autolink,omitempty"`
}

type tjsDate struct {
	Year        str    `json:"year"`
	Month       str    `json:"month,omitempty"`
	Day         str    `json:"day,omitempty"`
	Hour        str    `json:"hour,omitempty"`
	Minute      str    `json:"minute,omitempty"`
	Second      str    `json:"second,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
	EDTF        string `json:"edtf,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

type tjsMedia struct {
	URL        string `json:"url"`
	Caption    string `json:"caption,omitempty"`
	Credit     string `json:"credit,omitempty"`
	Thumbnail  string `json:"thumbnail,omitempty"`
	Alt        string `json:"alt,omitempty"`
	Title      string `json:"title,omitempty"`
	Link       string `json:"link,omitempty"`
	LinkTarget string `json:"link_target,omitempty"`
}

type tjsBackground struct {
	URL   string `json:"url,omitempty"`
	Color string `json:"color,omitempty"`
}

// eraLane is the lane eras are read into.
const eraLane = "Eras"

func tjsColumn(field string) string {
	switch field {
	case "title":
		return "text.headline"
	case "start":
		return "start_date"
	case "end":
		return "end_date"
	case "id":
		return "unique_id"
	}
	return field
}

func readTimelineJS(r io.Reader, s *sink) (timeline.CaseInfo, error) {
	j, err := newJSONWalker(r, s)
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	var info timeline.CaseInfo
	slides := func(era bool) func(line int) error {
		return func(line int) error {
			var sl tjsSlide
			if err := j.decode(&sl, ""); err != nil {
				return err
			}
			e, err := sl.event(s, line, era)
			if err != nil {
				return err
			}
			return s.add(&e, line, tjsColumn)
		}
	}
	sawEvents := false
	err = j.object("", func(key string) error {
		switch key {
		case "title":
			var sl tjsSlide
			if err := j.decode(&sl, key); err != nil {
				return err
			}
			if sl.Text != nil {
				info.Name, info.Description = strings.TrimSpace(sl.Text.Headline), sl.Text.Text
			}
			return nil
		case "events":
			sawEvents = true
			return j.array(key, slides(false))
		case "eras":
			return j.array(key, slides(true))
		}
		return j.skip(key)
	})
	if err == nil {
		err = j.end()
	}
	if err == nil && !sawEvents {
		err = s.errAt(1, "events", "the document has no \"events\" list")
	}
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	return info, nil
}

func (sl *tjsSlide) event(s *sink, line int, era bool) (timeline.Event, error) {
	e := timeline.Event{ID: sl.UniqueID, Lane: sl.Group, Attrs: map[string]string{"text_format": "html"}}
	var text tjsText
	if sl.Text != nil {
		text = *sl.Text
	}
	e.Title, e.Description = text.Headline, text.Text
	var caption string
	if m := sl.Media; m != nil {
		caption = m.Caption
		for k, v := range map[string]string{"media_url": m.URL, "media_caption": m.Caption,
			"media_credit": m.Credit, "media_thumbnail": m.Thumbnail, "media_alt": m.Alt,
			"media_title": m.Title, "media_link": m.Link, "media_link_target": m.LinkTarget} {
			e.Attrs[k] = v
		}
	}
	if b := sl.Background; b != nil {
		e.Attrs["background_url"], e.Attrs["background_color"] = b.URL, b.Color
	}
	if sl.Autolink != nil && !*sl.Autolink {
		e.Attrs["autolink"] = "false"
	}
	e.Attrs["display_date"] = sl.DisplayDate
	if era {
		e.Attrs["timelinejs_type"] = "era"
		if e.Lane == "" {
			e.Lane = eraLane
		}
	}
	var err error
	if e.Start, err = sl.StartDate.date(s, line, "start_date", e.Attrs); err != nil {
		return e, err
	}
	if e.Start.IsZero() {
		return e, s.errAt(line, "start_date.year", "a slide needs at least the year it starts")
	}
	if e.End, err = sl.EndDate.date(s, line, "end_date", e.Attrs); err != nil {
		return e, err
	}
	if strings.TrimSpace(e.Title) == "" {
		fallback := "Untitled"
		if era {
			fallback = "Era"
		}
		e.Title = untitled(text.Text, caption, sl.DisplayDate, fallback)
	}
	return e, nil
}

// date reads a TimelineJS date object (nil is no date), keeping its display_date in attrs
// under prefix+display_date ("start_date" keeps start_display_date).
func (d *tjsDate) date(s *sink, line int, column string, attrs map[string]string) (timeline.Date, error) {
	if d == nil {
		return timeline.Date{}, nil
	}
	attrs[strings.TrimSuffix(column, "_date")+"_display_date"] = d.DisplayDate
	text, perr := dateParts{string(d.Year), string(d.Month), string(d.Day), string(d.Hour), string(d.Minute), string(d.Second)}.edtf()
	if perr != nil {
		return timeline.Date{}, s.errAt(line, column+"."+perr.part, "%s", perr.msg)
	}
	if strings.TrimSpace(d.EDTF) != "" {
		text = d.EDTF
		column += ".edtf"
	}
	if text == "" {
		return timeline.Date{}, nil
	}
	date, err := timeline.ParseDate(text)
	if err != nil {
		return date, s.errAt(line, column, "%v", err)
	}
	return date, nil
}

// writeTimelineJS writes a document TimelineJS loads: a title slide from the case's name
// and description, a slide per event (unique_id, start_date with at least a year,
// text.headline, group) and an era per event marked timelinejs_type=era. Text that did
// not come from TimelineJS is HTML-escaped, since TimelineJS shows it as HTML. Actors,
// tags, sources and locations have no place in TimelineJS and are left out.
func writeTimelineJS(w io.Writer, doc Document) error {
	out := tjsDoc{Events: []tjsSlide{}}
	if doc.Info.Name != "" || doc.Info.Description != "" {
		out.Title = &tjsSlide{Text: &tjsText{Headline: toHTML(doc.Info.Name), Text: toHTML(doc.Info.Description)}}
	}
	for _, e := range doc.Events {
		sl := slideOf(e)
		if e.Attrs["timelinejs_type"] == "era" {
			if sl.EndDate == nil {
				sl.EndDate = sl.StartDate
			}
			out.Eras = append(out.Eras, tjsSlide{StartDate: sl.StartDate, EndDate: sl.EndDate, Text: sl.Text})
			continue
		}
		out.Events = append(out.Events, sl)
	}
	b, err := marshal(out, "")
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func slideOf(e timeline.Event) tjsSlide {
	a := e.Attrs
	sl := tjsSlide{UniqueID: e.ID, Group: e.Lane, DisplayDate: a["display_date"]}
	if e.Lane == eraLane && a["timelinejs_type"] == "era" {
		sl.Group = ""
	}
	sl.Text = &tjsText{Headline: e.Title, Text: e.Description}
	if !htmlText(e) {
		sl.Text = &tjsText{Headline: toHTML(e.Title), Text: toHTML(e.Description)}
	}
	sl.StartDate = tjsDateOf(e.Start, a["start_display_date"])
	if !e.End.IsZero() {
		sl.EndDate = tjsDateOf(e.End, a["end_display_date"])
	}
	if a["media_url"] != "" {
		sl.Media = &tjsMedia{URL: a["media_url"], Caption: a["media_caption"], Credit: a["media_credit"],
			Thumbnail: a["media_thumbnail"], Alt: a["media_alt"], Title: a["media_title"],
			Link: a["media_link"], LinkTarget: a["media_link_target"]}
	}
	if a["background_url"] != "" || a["background_color"] != "" {
		sl.Background = &tjsBackground{URL: a["background_url"], Color: a["background_color"]}
	}
	if a["autolink"] == "false" {
		f := false
		sl.Autolink = &f
	}
	return sl
}

func tjsDateOf(d timeline.Date, display string) *tjsDate {
	p, exact := partsOf(d)
	td := &tjsDate{Year: str(p.Year), Month: str(p.Month), Day: str(p.Day), Hour: str(p.Hour),
		Minute: str(p.Minute), Second: str(p.Second), DisplayDate: display}
	if !exact {
		td.EDTF = d.Text
	}
	return td
}
