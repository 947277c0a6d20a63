package timeline

import (
	"regexp"
	"strings"
)

// dateForm is one way of writing a date, read the same way in a cell, a date field
// (ReadDate) and running text (FindDates). Its expression names the parts it reads with
// groups that dateParts knows (d, mon, y, ...): one reader turns any form's parts into
// EDTF, so a form is only its expression.
type dateForm struct {
	// core is the date itself; {M} stands for the month names (those of running text,
	// or every name and abbreviation in any case in a cell), {Y} for a year with an
	// optional era ("2023", "44 BC"), {D} and {E} for a day and a second day before the
	// month ("13", "13th", "1er", "13.").
	core string
	// lead, when set, are words that must come before the date in running text ("in
	// 2019": a year alone is a number). They are not part of what the text says the date
	// is, and a cell or a field does not need them.
	lead string
	// calendar: the form heads a line of a chronology ("13 September 2023: ..."); it may
	// be said approximately ("about 13 September 2023").
	calendar bool
	// words: the match must stand as words, not touch a letter or a digit on either side
	// (Go's \b knows only ASCII letters); CJK dates need not.
	words bool
	// relative: the text leaves out the year, or names a day relative to when it was
	// written; it is read only with a reference day.
	relative bool
	// cellOnly: too ambiguous in running text ("09/2023" may be a ratio), fine in a cell.
	cellOnly bool
	// needs, when set, are texts one of which a sentence must hold for the form to be
	// tried on it (a word of the script the form reads).
	needs []string

	text, cell             *regexp.Regexp // compiled by compileForms
	textGroups, cellGroups groupIndex
	scan                   scanner // text, tried only where it can match
}

// Texts a form of a script needs (see dateForm.needs).
var (
	cjkYears  = []string{"년", "年"}
	cjkMonths = []string{"월", "月"}
)

// Pieces of the forms.
const (
	yearPiece    = `(?:(?P<y>\d{4})(?:\s*(?P<era>{ERA}))?|(?P<ys>\d{1,3})\s*(?P<eras>{ERA}))`
	ruYearWord   = `(?:\s*(?:года|году|год|г\.))?`
	ofWord       = `(?:\s+(?:of|de))?`
	dayBefore    = `(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.)?`
	secondBefore = `(?P<d2>\d{1,2})(?:st|nd|rd|th|er|\.)?`
	dayAfter     = `(?P<d>\d{1,2})(?:st|nd|rd|th)?`
	secondAfter  = `(?P<d2>\d{1,2})(?:st|nd|rd|th)?`
	dayLink      = `\s*(?:-|–|—|to|and|au|bis|al|y|и|по)\s*`
	weekdays     = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
	yearLead     = `(?:(?i:in|since|during|by|until|till|from|of|early|late|around|before|after|to)\s+|(?i:mid-)\s*)`
	monthLead    = `(?:(?i:in|since|during|by|until|till|from|early|late)\s+|(?i:mid-)\s*)`
	ruLead       = `(?i:в|с|до|после|к|по)\s+`
)

// dateForms are tried in this order: complete dates first, so that their parts are not
// read again as a month or a year.
var dateForms = []*dateForm{
	// 10-13 September 2023, between 10 and 13 September 2023, 1er au 5 septembre 2023
	{core: `{D}` + dayLink + `{E}` + ofWord + `\s+{M},?\s+(?:(?:of|de)\s+)?{Y}` + ruYearWord, calendar: true, words: true},
	// September 10-13, 2023
	{core: `{M}\s+` + dayAfter + dayLink + secondAfter + `,?\s+{Y}`, calendar: true, words: true},
	// 2023-09-13
	{core: `(?P<iso>\d{4}-\d{2}-\d{2})`, calendar: true, words: true},
	// 13 September 2023, 13th of September, 2023, 13 сентября 2023 года, 13 de septiembre de 2023
	{core: `{D}` + ofWord + `\s+{M},?\s+(?:(?:of|de)\s+)?{Y}` + ruYearWord, calendar: true, words: true},
	// September 13, 2023; Sept. 13th 2023
	{core: `{M}\s+` + dayAfter + `,?\s+{Y}`, calendar: true, words: true},
	// 2023年9月13日, 2023년 9월 13일
	{core: `(?P<y>\d{4})\s*[년年]\s*(?P<mn>\d{1,2})\s*[월月]\s*(?P<d>\d{1,2})\s*[일日]`, calendar: true, needs: cjkYears},
	// 13/09/2023, 09/13/2023, 13.09.2023, 13-09-2023: the order decides (see DateOrder)
	{core: `(?P<n1>\d{1,2})[./-](?P<n2>\d{1,2})[./-](?P<ny>\d{4}|\d{2})`, calendar: true, words: true},
	// 2023/09/13, 2023.09.13
	{core: `(?P<y>\d{4})[./](?P<mn>\d{1,2})[./](?P<d>\d{1,2})`, calendar: true, words: true},
	// September 2023, Sept. of 2023, сентябре 2023 года, septiembre de 2023
	{core: `{M},?\s+(?:(?:of|de)\s+)?{Y}` + ruYearWord, calendar: true, words: true},
	// 2023年9月, 2023년 9월
	{core: `(?P<y>\d{4})\s*[년年]\s*(?P<mn>\d{1,2})\s*[월月]`, calendar: true, needs: cjkYears},
	// 2023-09
	{core: `(?P<iso>\d{4}-\d{2})`, calendar: true, words: true},
	// 09/2023
	{core: `(?P<mn>\d{1,2})[./](?P<y>\d{4})`, calendar: true, words: true, cellOnly: true},
	// 13 September, 13th of September (the year of the reference, or the one before)
	{core: `{D}` + ofWord + `\s+{M}`, calendar: true, words: true, relative: true},
	// September 13, Sept. 5th
	{core: `{M}\s+` + dayAfter, calendar: true, words: true, relative: true},
	// 9月13日, 9월 13일
	{core: `(?P<mn>\d{1,2})\s*[월月]\s*(?P<d>\d{1,2})\s*[일日]`, calendar: true, relative: true, needs: cjkMonths},
	// the 1950s, 1950's, 1950er, 1950-е
	{core: `(?P<dec>\d{3})0(?:'s|s|er|-е|-х)`, calendar: true, words: true},
	// années 1950, los años 1950
	{core: `(?i:années|(?:los\s+)?años)\s+(?P<dec>\d{3})0`, calendar: true, words: true},
	// 19th century, 19e siècle, 19. Jahrhundert
	{core: `(?P<cent>\d{1,2})(?:st|nd|rd|th|e|ème|\.)[\s-]*(?i:century|siècle|Jahrhundert)`, calendar: true, words: true},
	// 44 BC, 1066 AD
	{core: `(?P<ys>\d{1,4})\s*(?P<eras>{ERA})`, calendar: true, words: true},
	// AD 800
	{core: `(?P<ad>AD|A\.D\.)\s*(?P<ys>\d{1,4})`, calendar: true, words: true},
	// circa 1950, c. 1950, ca. 1950
	{core: `(?P<approx>{STRICT})\s*{Y}`, words: true},
	// in 2019, since 2020, early 2022, mid-2021
	{lead: yearLead, core: `{Y}`, words: true},
	// в 2019 году, с 2019, по 2021 год
	{lead: ruLead, core: `{Y}` + ruYearWord, words: true, needs: cyrillicBytes},
	// 2019年, 2019년
	{core: `(?P<y>\d{4})\s*[년年]`, needs: cjkYears},
	// in September, since March, mid-July (the reference's year, or the one before)
	{lead: monthLead, core: `{M}`, words: true, relative: true},
	// on Tuesday, last Friday: the latest such day on or before the reference
	{lead: `(?:(?i:on|last|this past)\s+)?`, core: `(?P<wd>` + weekdays + `)`, words: true, relative: true},
	// yesterday, today, tomorrow
	{core: `(?P<rel>(?i:yesterday|today|tomorrow))`, words: true, relative: true},
}

// cyrillicBytes: every Cyrillic letter is written in UTF-8 with a first byte D0 or D1.
var cyrillicBytes = []string{"\xd0", "\xd1"}

func init() { compileForms() }

// compileForms builds each form's two expressions: for running text (the month names as
// text writes them, the words around the date as they are), and for a whole cell (any
// name or abbreviation, any case).
func compileForms() {
	for _, f := range dateForms {
		core := strings.NewReplacer("{D}", dayBefore, "{E}", secondBefore, "{Y}", yearPiece, "{ERA}", eraPiece,
			"{STRICT}", alternation(approxStrict)).Replace(f.core)
		core = strings.ReplaceAll(core, "{ERA}", eraPiece)
		// In running text the approximate word before a calendar date is looked for
		// around the match (approxBefore): in the expression, its many first letters
		// would have the scanner try every word.
		text := f.lead + `(?P<said>` + strings.ReplaceAll(core, "{M}", textMonths) + `)`
		f.text = regexp.MustCompile(text)
		f.textGroups = groupsOf(f.text)
		f.scan = newScanner(text, f.words)
		f.cell = regexp.MustCompile(`(?i)^(?:` + strings.ReplaceAll(core, "{M}", anyMonths) + `)$`)
		f.cellGroups = groupsOf(f.cell)
	}
}

// groupIndex is where each part of a date is among an expression's groups (0: absent).
type groupIndex struct {
	said, d, d2, mon, mn, n1, n2, ny, y, era, ys, eras, ad, dec, cent, approx, iso, wd, rel int
}

func groupsOf(re *regexp.Regexp) groupIndex {
	var g groupIndex
	for i, name := range re.SubexpNames() {
		p := map[string]*int{"said": &g.said, "d": &g.d, "d2": &g.d2, "mon": &g.mon, "mn": &g.mn, "n1": &g.n1, "n2": &g.n2,
			"ny": &g.ny, "y": &g.y, "era": &g.era, "ys": &g.ys, "eras": &g.eras, "ad": &g.ad, "dec": &g.dec,
			"cent": &g.cent, "approx": &g.approx, "iso": &g.iso, "wd": &g.wd, "rel": &g.rel}[name]
		if p != nil && *p == 0 {
			*p = i
		}
	}
	return g
}

// dateParts are the texts a form's groups matched ("" for a group that took no part).
type dateParts struct {
	d, d2, mon, mn, n1, n2, ny, y, era, ys, eras, ad, dec, cent, approx, iso, wd, rel string
}

// partsOf reads the parts of a match at loc (the group offsets into s).
func partsOf(s string, loc []int, g groupIndex) dateParts {
	at := func(i int) string {
		if i == 0 || 2*i+1 >= len(loc) || loc[2*i] < 0 {
			return ""
		}
		return s[loc[2*i]:loc[2*i+1]]
	}
	return dateParts{d: at(g.d), d2: at(g.d2), mon: at(g.mon), mn: at(g.mn), n1: at(g.n1), n2: at(g.n2), ny: at(g.ny),
		y: at(g.y), era: at(g.era), ys: at(g.ys), eras: at(g.eras), ad: at(g.ad), dec: at(g.dec), cent: at(g.cent),
		approx: at(g.approx), iso: at(g.iso), wd: at(g.wd), rel: at(g.rel)}
}
