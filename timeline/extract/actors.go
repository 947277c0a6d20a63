package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The actors of a candidate are the case's actors its sentence names: by the full name,
// in another form of it (Putin's, Путина), or by one part of it ("Putin", "Kim") once the
// text has named them in full. Other names of people and organisations (capitalised
// words in a row, or one after a title such as "Mr" or "President") are offered as new
// actors for the analyst to tick.

// token is a word of a text and where it is, in bytes.
type token struct {
	word       string // as written, without an apostrophe's ending ("Putin's" is Putin)
	at, end    int
	capital    bool // begins with a capital letter
	startsText bool // the first word of its sentence
}

// tokens splits s into words: letters and digits, with the hyphens and apostrophes inside
// a word ("Jong-un", "O'Brien"); a possessive 's is left off.
func tokens(s string) []token {
	var out []token
	start := -1
	for i, r := range s + " " {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			(start >= 0 && (r == '-' || r == '\'' || r == '’') && i+1 < len(s) && nextIsLetter(s[i+utf8.RuneLen(r):]))
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			w := s[start:i]
			for _, suffix := range []string{"'s", "’s"} {
				w = strings.TrimSuffix(w, suffix)
			}
			out = append(out, token{word: w, at: start, end: start + len(w), capital: unicode.IsUpper(firstRune(w)), startsText: len(out) == 0})
			start = -1
		}
	}
	return out
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// sameWord reports whether word w of a text is name part n in some form: the same word,
// or (in Cyrillic, where names decline) n, or n less its last vowel, with a case ending
// (Путин, Путина, Путиным; Ын, Ына; Россия, России).
func sameWord(w, n string) bool {
	if strings.EqualFold(w, n) {
		return true
	}
	if !isCyrillic(n) {
		return false
	}
	lw, ln := strings.ToLower(w), strings.ToLower(n)
	stem := ln
	if r, size := utf8.DecodeLastRuneInString(ln); strings.ContainsRune("аяоеьйы", r) && utf8.RuneCountInString(ln) > 2 {
		stem = ln[:len(ln)-size]
	}
	return strings.HasPrefix(lw, stem) && slices.Contains(caseEndings, lw[len(stem):])
}

// caseEndings are the endings of Russian nouns and names in their cases.
var caseEndings = []string{"", "а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ом", "ем", "ым", "им", "ою", "ую", "ов", "ев", "ах", "ях", "ами", "ями", "ого", "его", "ому", "ему"}

func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// actorNames finds the case's actors in the sentences of a text, in order.
type actorNames struct {
	actors [][]string     // each actor's name, in parts
	names  []string       // each actor's name
	named  map[int]bool   // the actors the text has named in full so far
	parts  map[string]int // a part of a name -> the actor it alone stands for (-1: several)
}

// newActorNames prepares the search for these actors.
func newActorNames(actors []string) *actorNames {
	a := &actorNames{named: map[int]bool{}, parts: map[string]int{}}
	for _, name := range actors {
		var parts []string
		for _, t := range tokens(name) {
			parts = append(parts, t.word)
		}
		if len(parts) == 0 {
			continue
		}
		i := len(a.actors)
		a.actors = append(a.actors, parts)
		a.names = append(a.names, name)
		if len(parts) > 1 {
			for _, p := range parts {
				key := strings.ToLower(p)
				if _, ok := a.parts[key]; ok {
					a.parts[key] = -1
				} else if utf8.RuneCountInString(p) > 1 {
					a.parts[key] = i
				}
			}
		}
	}
	return a
}

// sentence returns the actors sentence s names, in the order of the case's actors, and
// the tokens their names take.
func (a *actorNames) sentence(s string) (found []string, taken []bool) {
	toks := tokens(s)
	taken = make([]bool, len(toks))
	hit := map[int]bool{}
	for i := range toks {
		for k, parts := range a.actors {
			if fullAt(toks, i, parts) {
				hit[k], a.named[k] = true, true
				for j := i; j < i+len(parts); j++ {
					taken[j] = true
				}
			}
		}
	}
	for i, t := range toks {
		if taken[i] || !t.capital {
			continue
		}
		k, ok := a.partOf(t.word)
		if !ok || !a.named[k] || (i+1 < len(toks) && toks[i+1].capital && !taken[i+1]) {
			continue // a part alone names an actor once named in full, and not inside another name
		}
		hit[k], taken[i] = true, true
	}
	for k := range a.actors {
		if hit[k] {
			found = append(found, a.names[k])
		}
	}
	return found, taken
}

// partOf is the actor that part of a name stands for alone, if exactly one.
func (a *actorNames) partOf(w string) (int, bool) {
	if k, ok := a.parts[strings.ToLower(w)]; ok && k >= 0 {
		return k, true
	}
	for p, k := range a.parts {
		if k >= 0 && sameWord(w, p) && isCyrillic(p) {
			return k, true
		}
	}
	return 0, false
}

// fullAt reports whether the tokens from i on are the parts of a name.
func fullAt(toks []token, i int, parts []string) bool {
	if i+len(parts) > len(toks) {
		return false
	}
	for j, p := range parts {
		if !sameWord(toks[i+j].word, p) {
			return false
		}
	}
	return true
}

// titles come before a name: they mark a person's name, and are not part of it.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "minister": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "general": true, "gen": true, "chairman": true, "leader": true,
	"secretary": true, "ambassador": true, "premier": true, "senator": true, "governor": true, "prime": true,
	"foreign": true, "defence": true, "defense": true, "chief": true, "marshal": true, "commander": true,
	"господин": true, "президент": true, "министр": true, "глава": true, "лидер": true,
}

// notNames are capitalised words that name no one: months, weekdays, and words that
// begin a sentence.
var notNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "the": true, "a": true, "an": true, "on": true, "in": true, "at": true, "last": true,
	"this": true, "that": true, "it": true, "he": true, "she": true, "they": true, "we": true, "i": true,
}

// newNames are the names in sentence s that are none of the case's actors (taken marks
// the tokens their names take): two or more capitalised words in a row, or one after a
// title. A name that begins the sentence counts from its second word on.
func newNames(s string, taken []bool) []string {
	toks := tokens(s)
	var out []string
	for i := 0; i < len(toks); {
		if !nameWord(toks[i], taken[i]) || (toks[i].startsText && !(i+1 < len(toks) && nameWord(toks[i+1], taken[i+1]))) {
			i++
			continue
		}
		j := i
		for j < len(toks) && nameWord(toks[j], taken[j]) && (j == i || toks[j].at-toks[j-1].end <= 1) {
			j++
		}
		if start, end, ok := nameWithin(toks, i, j); ok {
			out = appendNew(out, s[toks[start].at:toks[end-1].end])
		}
		i = j + 1
	}
	return out
}

// nameWithin finds the name in the run toks[i:j] of capitalised words: without the verb
// that opens a sentence or the titles before and after it; ok when what is left is two
// words or more, or one after a title, and not only adjectives.
func nameWithin(toks []token, i, j int) (start, end int, ok bool) {
	if toks[i].startsText && participle(toks[i].word) {
		i++ // "Departing Pyongyang": the verb that opens the sentence is no name
	}
	titled := i > 0 && titles[strings.ToLower(toks[i-1].word)]
	for i < j && titles[strings.ToLower(toks[i].word)] {
		i++ // "President Xi Jinping": the title is not part of the name
		titled = true
	}
	end = j
	for end > i && titles[strings.ToLower(toks[end-1].word)] {
		end-- // "Russian President": a title after is not part of a name either
	}
	ok = (end-i >= 2 || (end-i == 1 && titled)) && !allAdjectives(toks[i:end])
	return i, end, ok
}

// adjectives of nations and directions name no one alone: "North Korean", "Russian".
var adjectives = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "korean": true, "russian": true, "american": true, "chinese": true,
	"japanese": true, "ukrainian": true, "british": true, "french": true, "german": true, "iranian": true,
	"syrian": true, "israeli": true, "european": true, "soviet": true, "belarusian": true, "indian": true,
	"turkish": true, "polish": true, "palestinian": true, "arab": true, "western-backed": true,
}

// allAdjectives reports whether every word of toks is one of the adjectives.
func allAdjectives(toks []token) bool {
	for _, t := range toks {
		if !adjectives[strings.ToLower(t.word)] {
			return false
		}
	}
	return true
}

// nameWord reports whether t may be part of a new name.
func nameWord(t token, taken bool) bool {
	return t.capital && !taken && !notNames[strings.ToLower(t.word)] && !startsWithDigit(t.word)
}

func startsWithDigit(w string) bool { return unicode.IsDigit(firstRune(w)) }

// appendNew appends s to list unless it holds it already.
func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
