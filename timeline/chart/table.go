package chart

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// maxSourcesPerRow is how many of an event's sources its table row lists.
const maxSourcesPerRow = 4

// table is the report's list of events by date, importance and title: all of the
// filter's, or the MaxTableRows most important (LeftOut says how many are not listed).
type table struct {
	Rows     []row
	LeftOut  int
	Total    string
	Listed   string
	Unlisted string // LeftOut with thousands separators
	Least    int    // the lowest importance listed, when some are left out
	// Reliability and Credibility explain the Admiralty grades, once, under the table.
	Reliability, Credibility []gradeLine
}

// gradeLine is one Admiralty grade and what it means.
type gradeLine struct{ Grade, Meaning string }

type row struct {
	Date, DateWords string
	End, EndWords   string
	Title           string
	Description     string
	Notes           string // the analyst's note on the event
	Lane            string
	Actors, Tags    string
	Importance      int
	Sources         []sourceCell
	MoreSources     int
}

type sourceCell struct {
	Title, Publisher, Date, Grade string
	URL                           string // only http and https addresses become links
}

func newTable(s *summary) *table {
	events := s.tableEvents()
	t := &table{Total: thousands(s.total), Listed: thousands(len(events)), LeftOut: s.total - len(events),
		Unlisted: thousands(s.total - len(events)), Rows: make([]row, 0, len(events)), Least: 5}
	for _, r := range timeline.Reliabilities {
		t.Reliability = append(t.Reliability, gradeLine{r.Grade, r.Meaning})
	}
	for i, c := range timeline.Credibilities {
		t.Credibility = append(t.Credibility, gradeLine{fmt.Sprint(i + 1), c})
	}
	for _, e := range events {
		t.Least = min(t.Least, importance(&e))
		r := row{
			Date: clip(e.Start.Text, 40), DateWords: clip(e.Start.Describe(), 80),
			Title:       clip(e.Title, 200),
			Description: clip(e.Description, 280),
			Notes:       clip(e.Notes, 600),
			Lane:        clip(e.Lane, 80),
			Actors:      clip(strings.Join(e.Actors, "; "), 300),
			Tags:        clip(strings.Join(e.Tags, "; "), 300),
			Importance:  importance(&e),
		}
		if e.IsSpan() {
			r.End, r.EndWords = clip(e.End.Text, 40), clip(e.End.Describe(), 80)
		}
		for i, src := range e.Sources {
			if i == maxSourcesPerRow {
				r.MoreSources = len(e.Sources) - i
				break
			}
			r.Sources = append(r.Sources, sourceCell{
				Title: clip(src.Title, 120), Publisher: clip(src.Publisher, 60), Date: clip(src.Date, 40),
				Grade: clip(src.Grade(), 4), URL: linkable(src.URL),
			})
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// linkable returns u when it is a plain web address that is safe to link, else "".
func linkable(u string) string {
	if len(u) > 2000 {
		return ""
	}
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}
