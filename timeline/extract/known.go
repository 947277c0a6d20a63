package extract

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Case is what the analyst's case already holds, for Analyse to match a text's
// candidates against. Any part may be empty.
type Case struct {
	Actors []string // the case's actors
	// Lanes holds, for each lane, the titles of some of its events: the words of the
	// events already in a lane propose it for a candidate.
	Lanes map[string][]string
	// Near returns the case's events whose dates meet [from, to] (Unix seconds), to find
	// the candidates the case already holds.
	Near func(from, to int64) ([]Known, error)
}

// Known is an event of the case, as Analyse compares a candidate with it.
type Known struct {
	Title  string
	Actors []string
}

// MaxNewActors is how many new names a candidate offers at most.
const MaxNewActors = 6

// Analyse is Find, with each candidate matched against the case c: the case's actors its
// sentence names, other names it offers as new actors, the lane its words propose, and
// the event of the case it seems to repeat.
func Analyse(text string, ref time.Time, c Case) ([]Candidate, error) {
	found, sentences, err := find(text, ref)
	if err != nil || len(found) == 0 {
		return found, err
	}
	names := newActorNames(c.Actors)
	lanes := newLaneWords(c.Lanes)
	at, next := -1, 0
	var actors, offered []string
	for i := range found {
		cand := &found[i]
		if cand.sentence != at {
			at = cand.sentence // the candidates come in the order of their sentences
			for ; next < at; next++ {
				names.sentence(sentences[next].Text) // an actor named in full before
			}
			next = at + 1
			text := sentences[at].Text
			text = text[wirePlace(text):] // the place of a wire dateline is not an actor
			var taken []bool
			actors, taken = names.sentence(text)
			offered = newNames(text, taken)
			if len(offered) > MaxNewActors {
				offered = offered[:MaxNewActors]
			}
		}
		cand.Actors, cand.NewActors = slices.Clone(actors), slices.Clone(offered)
		cand.Lane = lanes.propose(cand.Title + " " + strings.Join(cand.Actors, " "))
		if c.Near != nil {
			if cand.Duplicate, err = duplicateOf(*cand, c.Near); err != nil {
				return nil, err
			}
		}
	}
	return found, nil
}

// duplicateOf is the title of the case's event that candidate c seems to repeat: its
// dates meet c's, and its title is close to c's, or its actors are c's, or both are
// partly.
func duplicateOf(c Candidate, near func(from, to int64) ([]Known, error)) (string, error) {
	latest := c.Date.Latest
	if !c.End.IsZero() {
		latest = c.End.Latest
	}
	known, err := near(c.Date.Earliest, latest)
	if err != nil {
		return "", err
	}
	return Repeats(c.Title, c.Actors, known), nil
}

// actorsAlike is the share of the actors of a and b that both have (1 when they are the
// same, 0 when they share none or one has none).
func actorsAlike(a, b []string) float64 {
	both, all := 0, len(b)
	for _, x := range a {
		if slices.ContainsFunc(b, func(y string) bool { return strings.EqualFold(x, y) }) {
			both++
		} else {
			all++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(both) / float64(all)
}

// overlap is the share of the words of the shorter list that the other holds.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// stopWords say nothing of what a title is about.
var stopWords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "that": true, "this": true,
	"was": true, "were": true, "has": true, "had": true, "have": true, "his": true, "her": true, "its": true,
	"their": true, "into": true, "over": true, "after": true, "before": true, "said": true, "says": true,
	"will": true, "would": true, "are": true, "but": true, "not": true, "who": true, "which": true,
}

// contentWords are the words of s that say what it is about, in lower case, a plural's
// final s left off; a hyphenated word counts as its parts too ("Kim-Putin").
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokens(s) {
		w := strings.ToLower(t.word)
		words := []string{w}
		if strings.Contains(w, "-") {
			words = append(words, strings.Split(w, "-")...)
		}
		for _, w := range words {
			if len([]rune(w)) < 3 || stopWords[w] || unicode.IsDigit(firstRune(w)) {
				continue
			}
			if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
				w = w[:len(w)-1]
			}
			out[w] = true
		}
	}
	return out
}

// laneWords proposes a lane by the words of the events already in each.
type laneWords struct {
	lanes []string
	words []map[string]int // each lane's words and how many of its titles hold them
	df    map[string]int   // how many lanes hold each word
}

func newLaneWords(lanes map[string][]string) *laneWords {
	l := &laneWords{df: map[string]int{}}
	for lane, titles := range lanes {
		if lane == "" || len(titles) == 0 {
			continue
		}
		counts := map[string]int{}
		for _, t := range titles {
			for w := range contentWords(t) {
				counts[w]++
			}
		}
		for w := range counts {
			l.df[w]++
		}
		l.lanes = append(l.lanes, lane)
		l.words = append(l.words, counts)
	}
	return l
}

// propose is the lane whose events' words best match text: each shared word counts
// more the fewer lanes hold it; "" when no lane shares a word.
func (l *laneWords) propose(text string) string {
	best, score := "", 0.0
	for i, lane := range l.lanes {
		s := 0.0
		for w := range contentWords(text) {
			if n := l.words[i][w]; n > 0 {
				s += math.Log(1+float64(n)) * math.Log(1+float64(len(l.lanes))/float64(l.df[w]))
			}
		}
		if s > score || (s == score && s > 0 && lane < best) {
			best, score = lane, s
		}
	}
	return best
}
