package chart

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// maxSourcesPerRow is how many of an event's sources its table row lists.
const maxSourcesPerRow = 4

// table is the report's list of events, earliest first, capped at MaxTableRows.
type table struct {
	Rows    []row
	LeftOut int
	Total   int
}

type row struct {
	Date, DateWords string
	End, EndWords   string
	Title           string
	Description     string
	Lane            string
	Actors, Tags    string
	Importance      int
	Sources         []sourceCell
	MoreSources     int
}

type sourceCell struct {
	Title, Publisher, Date, Grade, GradeWords string
	URL                                       string // only http and https addresses become links
}

func newTable(s *summary) *table {
	events := s.earliest.sorted()
	t := &table{Total: s.total, LeftOut: s.total - len(events), Rows: make([]row, 0, len(events))}
	for _, e := range events {
		r := row{
			Date: clip(e.Start.Text, 40), DateWords: clip(e.Start.Describe(), 80),
			Title:       clip(e.Title, 200),
			Description: clip(e.Description, 280),
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
				Grade: clip(src.Grade(), 4), GradeWords: gradeWords(src), URL: linkable(src.URL),
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

// gradeWords spells out an Admiralty grade for the table's hover text.
func gradeWords(s timeline.Source) string {
	var parts []string
	for _, r := range timeline.Reliabilities {
		if r.Grade == s.Reliability {
			parts = append(parts, fmt.Sprintf("Source: %s", r.Meaning))
		}
	}
	if s.Credibility >= 1 && s.Credibility <= len(timeline.Credibilities) {
		parts = append(parts, fmt.Sprintf("Information: %s", timeline.Credibilities[s.Credibility-1]))
	}
	return strings.Join(parts, "; ")
}
