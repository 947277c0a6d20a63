package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A sentence that tells of two dated happenings ("Kim left Pyongyang on Sunday, and on
// Wednesday he met Putin") gives two candidates, each titled with its own clause. The
// clauses are found by their joints: a semicolon, a comma before "and", "but", "before",
// "after", "then", "while", and the comma that ends an opening phrase ("Departing
// Pyongyang on Sunday, Kim..."). A clause that names no one of its own (it begins with
// "he", with a verb, or with a participle) takes the sentence's subject.

// joint is where one clause of a sentence ends and the next begins: group 1 is the text
// between them, left out of both.
var joint = regexp.MustCompile(`(;\s+|,\s+(?:and|but|before|after|then|while|whereas|and then)\s+|\s+and\s+then\s+|\s+[—–]\s+)`)

// relJoint is the comma before "a day after" or "two weeks before" that leads a clause
// of its own ("Kim left on Thursday, a day after he met Putin"): group 1 is the comma
// and its spaces; the expression opens the next clause, which it dates.
var relJoint = regexp.MustCompile(`(?i)(,\s+)` + countWord + `\s+(?:days?|weeks?)\s+(?:after|before)\s+(?:\p{Ll}|the\b)`)

// openingComma is the comma that ends an opening phrase, before the subject (a capital,
// or "the", "a", "an"); group 1 is the comma and its spaces.
var openingComma = regexp.MustCompile(`(,\s+)(?:\p{Lu}|(?:the|a|an)\s)`)

// openingCut is where the opening phrase of s ends and its main clause begins.
func openingCut(s string) (end, next int, ok bool) {
	loc := openingComma.FindStringSubmatchIndex(s)
	if loc == nil {
		return 0, 0, false
	}
	return loc[2], loc[3], true
}

// opening matches a sentence that begins with a phrase before its subject: a participle
// ("Departing", "Speaking") or a preposition or time word ("On", "In", "Last", "After").
var opening = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}+ing\b|(?:On|In|At|After|Before|During|Since|Last|Earlier|Later|The day|The next|A day|Two days|Early|Late|By|Over)\b)`)

// notParticiples end in -ing but are no verb: prepositions, nouns, names.
var notParticiples = map[string]bool{
	"during": true, "including": true, "according": true, "following": true, "regarding": true,
	"concerning": true, "notwithstanding": true, "morning": true, "evening": true, "nothing": true,
	"something": true, "everything": true, "anything": true, "king": true, "thing": true, "spring": true,
	"string": true, "wedding": true, "building": true, "briefing": true, "hearing": true, "ceiling": true,
	"beijing": true, "nanjing": true, "kunming": true, "jinping": true, "reading": true, "sterling": true,
	"viking": true, "ewing": true, "irving": true, "darling": true, "ping": true, "ming": true, "xing": true,
}

// participle reports whether word, capitalised at the start of a sentence, is a
// participle ("Departing", "Speaking"): a verb's -ing form, not a noun or a name.
func participle(word string) bool {
	lower := strings.ToLower(word)
	return len(lower) > 5 && strings.HasSuffix(lower, "ing") && unicode.IsUpper(firstRune(word)) && !notParticiples[lower]
}

// opens reports whether sentence s begins with an opening phrase (see opening).
func opens(s string) bool {
	if !opening.MatchString(s) {
		return false
	}
	first, _, _ := strings.Cut(s, " ")
	return !strings.HasSuffix(first, "ing") || participle(strings.TrimRight(first, ","))
}

// and joins two clauses of one subject when it stands between two dates and a verb
// follows it: "fired a missile on 10 September and launched a satellite on 13 September".
var and = regexp.MustCompile(`\s+and\s+\p{Ll}`)

// clauses splits sentence s, whose dates are at the byte ranges dated, into the byte
// ranges of its clauses, in order; the joints between them belong to none.
func clauses(s string, dated [][2]int) [][2]int {
	var cuts [][2]int // [end of a clause, start of the next]
	if opens(s) && !speech(s) {
		if end, next, ok := openingCut(s); ok {
			cuts = append(cuts, [2]int{end, next})
		}
	}
	for _, loc := range joint.FindAllStringSubmatchIndex(s, -1) {
		if len(cuts) > 0 && loc[2] < cuts[len(cuts)-1][1] {
			continue
		}
		cuts = append(cuts, [2]int{loc[2], loc[3]})
	}
	for _, loc := range relJoint.FindAllStringSubmatchIndex(s, -1) {
		cuts = append(cuts, [2]int{loc[2], loc[3]})
	}
	cuts = append(cuts, andCuts(s, dated)...)
	slices.SortFunc(cuts, func(a, b [2]int) int { return a[0] - b[0] })
	out := make([][2]int, 0, len(cuts)+1)
	from := 0
	for _, c := range cuts {
		out = append(out, [2]int{from, c[0]})
		from = c[1]
	}
	return append(out, [2]int{from, len(s)})
}

// andCuts are the cuts at the last "and" between each two dates of s that no other joint
// already parts.
func andCuts(s string, dated [][2]int) [][2]int {
	var out [][2]int
	for i := 0; i+1 < len(dated); i++ {
		between := s[dated[i][1]:dated[i+1][0]]
		if joint.MatchString(between) || strings.Contains(between, ", ") && opens(s) {
			continue
		}
		locs := and.FindAllStringIndex(between, -1)
		if len(locs) == 0 {
			continue
		}
		loc := locs[len(locs)-1]
		base := dated[i][1]
		out = append(out, [2]int{base + loc[0], base + loc[1] - utf8RuneLenBefore(between, loc[1])})
	}
	return out
}

// speechParticiples open a sentence whose event is what is said after them ("Speaking to
// reporters on Monday, Peskov said..."): the opening is not a clause of its own.
var speechParticiples = map[string]bool{
	"speaking": true, "addressing": true, "answering": true, "responding": true, "commenting": true,
	"writing": true, "talking": true, "testifying": true, "asked": true,
}

// speech reports whether s opens with a participle of speech.
func speech(s string) bool {
	first, _, _ := strings.Cut(s, " ")
	return speechParticiples[strings.ToLower(first)]
}

// utf8RuneLenBefore is the length in bytes of the rune that ends at byte i of s.
func utf8RuneLenBefore(s string, i int) int {
	_, n := utf8.DecodeLastRuneInString(s[:i])
	return n
}

// clauseTitle is the title of the date at bytes [at, end) of sentence s, whose dates are
// ms: the clause that holds it without the date, with the sentence's subject when the
// clause names no one of its own. A clause that is little more than its date ("On
// Sunday") is joined with the clause after it (or before it, at the end).
func clauseTitle(s string, at, end int, dated [][2]int) string {
	cs := clauses(s, dated)
	i := 0
	for i < len(cs)-1 && at >= cs[i][1] {
		i++
	}
	from, to := cs[i][0], cs[i][1]
	end = dayPart(s, end)
	if !enoughBeside(s[from:to], at-from, end-from) {
		if i+1 < len(cs) {
			to = cs[i+1][1]
		} else if i > 0 {
			from = cs[i-1][0]
		}
	}
	if from == 0 && to == len(s) {
		return withoutDate(s, at, end)
	}
	subject := ""
	if from > 0 || opens(s) {
		subject = subjectOf(s)
	}
	if subject == "" {
		return withoutDate(s[from:to], at-from, end-from)
	}
	return capital(withSubject(withoutDateLeaving(s[from:to], at-from, end-from, 4), subject))
}

// enoughBeside reports whether clause c says more than its date at [at, end): a few
// words of its own.
func enoughBeside(c string, at, end int) bool {
	rest := strings.TrimSpace(lead.ReplaceAllString(c[:at], "") + " " + c[end:])
	return len(strings.Fields(strings.Trim(rest, separators+"."))) >= 2
}

// dayParts are the parts of a day that follow a day's name or date ("on Sunday evening"):
// they go out of a title with the date.
var dayParts = regexp.MustCompile(`^\s+(?:morning|afternoon|evening|night)\b`)

// dayPart is end moved past a part of the day that follows the date at end in s.
func dayPart(s string, end int) int {
	if loc := dayParts.FindStringIndex(s[end:]); loc != nil {
		return end + loc[1]
	}
	return end
}

// pronouns stand for the sentence's subject at the start of a clause.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true}

// withSubject gives clause title t the subject it lacks: in place of a pronoun ("he met
// Putin"), before a verb ("met Putin"), or before a participle made a verb ("Departing
// Pyongyang" -> "Kim Jong-un departs Pyongyang").
func withSubject(t, subject string) string {
	if subject == "" || t == "" {
		return t
	}
	word, rest, _ := strings.Cut(t, " ")
	lower := strings.ToLower(word)
	switch {
	case pronouns[lower] && rest != "":
		return subject + " " + rest
	case participle(word):
		return subject + " " + presentOf(lower) + " " + rest
	case unicode.IsLower(firstRune(word)):
		return subject + " " + t
	}
	return t
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// roleWords may stand in a subject with its names: "North Korean leader Kim Jong-un",
// "the White House", "Kremlin spokesperson Dmitry Peskov".
var roleWords = map[string]bool{
	"the": true, "of": true, "leader": true, "president": true, "minister": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "foreign": true, "prime": true, "defence": true, "defense": true,
	"chairman": true, "general": true, "secretary": true, "state": true, "media": true, "officials": true,
	"ministry": true, "government": true, "news": true, "agency": true, "leaders": true,
}

// subjectOf is the subject of sentence s: the names (and the role words among them) its
// main clause begins with, after an opening phrase; "" when it begins otherwise.
func subjectOf(s string) string {
	if opens(s) {
		_, next, ok := openingCut(s)
		if !ok {
			return ""
		}
		s = s[next:]
	}
	var words []string
	named := false
	for i, w := range strings.Fields(s) {
		bare := strings.TrimRight(w, ",;:")
		r := firstRune(bare)
		switch {
		case i == 1 && determiners[strings.ToLower(words[0])] && unicode.IsLower(r):
			named = true // "the delegation"
		case unicode.IsUpper(r) && !pronouns[strings.ToLower(bare)]:
			named = named || strings.ToLower(bare) != "the"
		case roleWords[strings.ToLower(bare)]:
		default:
			return subjectWords(words, named)
		}
		words = append(words, bare)
		if bare != w {
			break
		}
	}
	return subjectWords(words, named)
}

// determiners may begin a subject that names no one: "the delegation", "a train".
var determiners = map[string]bool{"the": true, "a": true, "an": true}

// subjectWords is the subject made of words, when one of them is a name.
func subjectWords(words []string, named bool) string {
	if !named || len(words) > 8 {
		return ""
	}
	return strings.Join(words, " ")
}

// ingStems are participles whose verb the rules of presentOf do not find.
var ingStems = map[string]string{
	"travelling": "travel", "traveling": "travel", "cancelling": "cancel", "signalling": "signal",
	"being": "be", "having": "have", "dying": "die", "lying": "lie", "coming": "come", "going": "go",
	"creating": "create", "arranging": "arrange", "changing": "change", "exchanging": "exchange",
	"securing": "secure", "deciding": "decide", "providing": "provide", "giving": "give",
	"hoping": "hope", "writing": "write", "ruling": "rule", "voting": "vote",
}

// eStems end a verb that lost its final e before -ing: arriv(e), leav(e), announc(e).
var eStems = []string{"v", "c", "z", "os", "ir", "us", "bl", "dg", "rg"}

// eAfterConsonant end such a verb when a consonant comes before them: st(ate), m(ake),
// not def(eat) or sp(eak).
var eAfterConsonant = []string{"at", "ak"}

// presentOf is the third person present of the verb of participle p ("departing" ->
// "departs", "arriving" -> "arrives", "stopping" -> "stops").
func presentOf(p string) string {
	stem, ok := ingStems[p]
	if !ok {
		stem = strings.TrimSuffix(p, "ing")
		n := len(stem)
		switch {
		case n > 2 && stem[n-1] == stem[n-2] && !strings.ContainsRune("lsaeiou", rune(stem[n-1])):
			stem = stem[:n-1] // stopping -> stop
		case hasAnySuffix(stem, eStems):
			stem += "e"
		case n > 2 && hasAnySuffix(stem, eAfterConsonant) && !strings.ContainsRune("aeou", rune(stem[n-3])):
			stem += "e"
		}
	}
	switch {
	case stem == "be":
		return "is"
	case stem == "have":
		return "has"
	case strings.HasSuffix(stem, "y") && len(stem) > 1 && !strings.ContainsRune("aeiou", rune(stem[len(stem)-2])):
		return stem[:len(stem)-1] + "ies"
	case hasAnySuffix(stem, []string{"s", "sh", "ch", "x", "z", "o"}):
		return stem + "es"
	}
	return stem + "s"
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
