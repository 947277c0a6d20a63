package data

import (
	"strings"
	"sync"

	"github.com/chronoscope/chronoscope/timeline"
)

// textPattern is a full-text query (what ftsQuery gives FTS4) as phrases of unicode61
// tokens: an event matches when every phrase appears, its tokens one after another in
// one field, the last token of the last phrase as a prefix. It finds, in an event's text,
// exactly what events_fts MATCH finds in its full-text row (TestPatternMatchesFTS).
type textPattern struct {
	phrases [][]string
	prefix  bool
	empty   bool // a phrase with no token: FTS4 matches nothing
}

// compilePattern turns what an analyst typed into the pattern ftsQuery(text) asks FTS4
// for.
func compilePattern(text string) textPattern {
	var p textPattern
	words := timeline.SearchWords(text)
	var buf []byte
	for _, w := range words {
		if timeline.IsCJKWord(w) {
			w = strings.Join(strings.Fields(timeline.SpaceCJK(w)), " ")
		}
		var toks []string
		toks, buf = tokens61(nil, buf, w)
		if len(toks) == 0 {
			p.empty = true
		}
		p.phrases = append(p.phrases, toks)
	}
	p.prefix = len(words) > 0
	return p
}

// matchFields reports whether the fields of one full-text row (title, description,
// actors, tags, sources; each as ftsRow writes it, before ftsText) hold the pattern.
func (p *textPattern) matchFields(t *tokenScratch, fields ...string) bool {
	if p.empty || len(p.phrases) == 0 {
		return false
	}
	t.fields = t.fields[:0]
	for i, f := range fields {
		if i == len(t.pool) {
			t.pool = append(t.pool, nil)
		}
		t.pool[i], t.buf = tokens61(t.pool[i][:0], t.buf, ftsText(f))
		t.fields = append(t.fields, t.pool[i])
	}
	for k, ph := range p.phrases {
		prefix := p.prefix && k == len(p.phrases)-1
		found := false
		for _, toks := range t.fields {
			if hasPhrase(toks, ph, prefix) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// hasPhrase reports whether toks holds phrase as a run, its last token as a prefix when
// prefix is set.
func hasPhrase(toks, phrase []string, prefix bool) bool {
	last := len(phrase) - 1
	for i := 0; i+last < len(toks); i++ {
		ok := true
		for j, w := range phrase {
			tok := toks[i+j]
			if j == last && prefix {
				ok = strings.HasPrefix(tok, w)
			} else {
				ok = tok == w
			}
			if !ok {
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// tokenScratch is the reused memory of one matcher.
type tokenScratch struct {
	buf    []byte
	fields [][]string
	pool   [][]string // the token slices of each field, reused
}

// patternCache keeps the patterns of the latest queries, so that a query over a million
// rows compiles its pattern once.
var patternCache = struct {
	sync.Mutex
	m map[string]*textPattern
}{m: map[string]*textPattern{}}

func cachedPattern(text string) *textPattern {
	patternCache.Lock()
	defer patternCache.Unlock()
	if p, ok := patternCache.m[text]; ok {
		return p
	}
	if len(patternCache.m) > 64 {
		clear(patternCache.m)
	}
	p := compilePattern(text)
	patternCache.m[text] = &p
	return &p
}
