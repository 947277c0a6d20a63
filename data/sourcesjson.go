package data

import (
	"encoding/json"
	"strconv"

	"github.com/chronoscope/chronoscope/timeline"
)

// The sources of an event a large import added live in its events.sources_json
// (migration 0008): a JSON array of objects with short keys, empty fields left out.
// SQL reads them with SQLite's JSON functions (sourcesJSONText, the grade filter), Go
// with parseSourcesJSON.

// jsonSource is one source as sources_json holds it.
type jsonSource struct {
	Title       string `json:"t"`
	URL         string `json:"u"`
	Publisher   string `json:"p"`
	Date        string `json:"d"`
	Quote       string `json:"q"`
	Reliability string `json:"r"`
	Credibility int    `json:"c"`
	ID          string `json:"i"`
}

// appendSourcesJSON appends the sources_json of srcs to b (nothing for no source).
func appendSourcesJSON(b []byte, srcs []timeline.Source) []byte {
	if len(srcs) == 0 {
		return b
	}
	b = append(b, '[')
	for i, s := range srcs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		first := true
		field := func(key, v string) {
			if v == "" {
				return
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, '"')
			b = append(b, key...)
			b = append(b, `":`...)
			b = appendJSONString(b, v)
		}
		field("t", s.Title)
		field("u", s.URL)
		field("p", s.Publisher)
		field("d", s.Date)
		field("q", s.Quote)
		field("r", s.Reliability)
		field("i", s.ID)
		if s.Credibility != 0 {
			if !first {
				b = append(b, ',')
			}
			b = append(b, `"c":`...)
			b = strconv.AppendInt(b, int64(s.Credibility), 10)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendJSONString appends s to b as a JSON string. s is valid UTF-8 (every text of an
// event is), which JSON holds as it is but for quotes, backslashes and control characters.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// parseSourcesJSON reads a sources_json value.
func parseSourcesJSON(s string) ([]timeline.Source, error) {
	var js []jsonSource
	if err := json.Unmarshal([]byte(s), &js); err != nil {
		return nil, err
	}
	out := make([]timeline.Source, len(js))
	for i, j := range js {
		out[i] = timeline.Source{Title: j.Title, URL: j.URL, Publisher: j.Publisher, Date: j.Date, Quote: j.Quote,
			Reliability: j.Reliability, Credibility: j.Credibility, ID: j.ID}
	}
	return out, nil
}

// sourcesJSONText is the full-text sources field of sources_json in SQL (on events e):
// each source's title and publisher, as ftsRow joins them.
const sourcesJSONText = "(SELECT group_concat(coalesce(j.value->>'t', '') || ' ' || coalesce(j.value->>'p', ''), ' ' ORDER BY j.key) FROM json_each(e.sources_json) j)"
