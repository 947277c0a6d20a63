package timeline

import (
	"regexp"
	"slices"
	"strings"
)

// The words people write dates with, in English, French, German, Spanish and Russian
// (Chinese, Japanese and Korean write numbers with 年, 月, 日).

// monthNames are the names of each month (January first), written as in running text:
// English and German capitalised, French, Spanish and Russian in lower case, Russian in
// the nominative, genitive ("13 сентября") and prepositional ("в сентябре") forms.
var monthNames = [12][]string{
	{"January", "Januar", "Jänner", "janvier", "enero", "январь", "января", "январе"},
	{"February", "Februar", "février", "febrero", "февраль", "февраля", "феврале"},
	{"March", "März", "mars", "marzo", "март", "марта", "марте"},
	{"April", "avril", "abril", "апрель", "апреля", "апреле"},
	{"May", "Mai", "mai", "mayo", "май", "мая", "мае"},
	{"June", "Juni", "juin", "junio", "июнь", "июня", "июне"},
	{"July", "Juli", "juillet", "julio", "июль", "июля", "июле"},
	{"August", "août", "agosto", "август", "августа", "августе"},
	{"September", "septembre", "septiembre", "setiembre", "сентябрь", "сентября", "сентябре"},
	{"October", "Oktober", "octobre", "octubre", "октябрь", "октября", "октябре"},
	{"November", "novembre", "noviembre", "ноябрь", "ноября", "ноябре"},
	{"December", "Dezember", "décembre", "diciembre", "декабрь", "декабря", "декабре"},
}

// monthShort are the abbreviations of each month, each optionally followed by a full
// stop. Running text uses only the English ones ("Sept. 13"); a cell or a date field
// may use any, in any case.
var monthShort = [12][]string{
	{"Jan", "janv", "Jän", "ene", "янв"},
	{"Feb", "Febr", "févr", "fév", "фев", "февр"},
	{"Mar", "Mär", "мар"},
	{"Apr", "avr", "abr", "апр"},
	{},
	{"Jun"},
	{"Jul", "juil"},
	{"Aug", "ago", "авг"},
	{"Sept", "Sep", "sept", "сен", "сент"},
	{"Oct", "Okt", "окт"},
	{"Nov", "ноя", "нояб"},
	{"Dec", "Dez", "déc", "dic", "дек"},
}

// monthNumber maps each name and abbreviation, in lower case, to its month (1 to 12).
var monthNumber = func() map[string]int {
	m := map[string]int{}
	for i := range monthNames {
		for _, n := range append(slices.Clone(monthNames[i]), monthShort[i]...) {
			m[strings.ToLower(n)] = i + 1
		}
	}
	return m
}()

// monthOf returns the month a name or abbreviation (with or without its full stop) names,
// or 0.
func monthOf(name string) int {
	return monthNumber[strings.ToLower(strings.TrimSuffix(name, "."))]
}

// alternation is a regular expression matching any of words, longest first so that a
// name is not read as its own abbreviation.
func alternation(words []string) string {
	w := slices.Clone(words)
	slices.SortFunc(w, func(a, b string) int { return len(b) - len(a) })
	w = slices.Compact(w)
	for i := range w {
		w[i] = regexp.QuoteMeta(w[i])
	}
	return strings.Join(w, "|")
}

// englishShort are the abbreviations running text uses ("Sept. 13, 2023").
var englishShort = strings.Fields("Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec")

// textMonths matches a month the way running text writes it: the English and German
// names, capitalised, the Russian ones in any case, and the English abbreviations with
// an optional full stop. "may" and "march" in lower case are verbs; the French and
// Spanish names, written in lower case, are left to cells and date fields, where they
// cost nothing: in running text they would have the scanner try every word that begins
// with one of their letters.
var textMonths = func() string {
	var names, russian []string
	for i := range monthNames {
		for _, n := range monthNames[i] {
			switch {
			case n[0] == 0xD0 || n[0] == 0xD1: // Cyrillic
				russian = append(russian, n)
			case n[0] >= 'A' && n[0] <= 'Z':
				names = append(names, n)
			}
		}
	}
	return `(?P<mon>` + alternation(names) + `|(?i:` + alternation(russian) + `)|(?:` + alternation(englishShort) + `)\.?)`
}()

// anyMonths matches every name and abbreviation; the whole expression it is part of is
// read without regard to case.
var anyMonths = func() string {
	var all []string
	for n := range monthNumber {
		all = append(all, n)
	}
	return `(?P<mon>(?:` + alternation(all) + `)\.?)`
}()

// eras are the words after a year that say which side of year 1 it is: BC and BCE before
// it, AD and CE after, and their French, German, Spanish and Russian forms.
var (
	erasBefore = []string{"BCE", "BC", "B.C.E.", "B.C.", "av. J.-C.", "av. J-C", "v. Chr.", "v.Chr.", "a. C.", "a.C.", "a. de C.",
		"до н. э.", "до н.э."}
	erasAfter = []string{"CE", "AD", "A.D.", "C.E.", "apr. J.-C.", "n. Chr.", "d. C.", "н. э.", "н.э."}
)

// eraPiece matches an era word after a year.
var eraPiece = alternation(append(slices.Clone(erasBefore), erasAfter...))

// beforeYearOne reports whether era names the years before year 1.
func beforeYearOne(era string) bool {
	for _, e := range erasBefore {
		if strings.EqualFold(e, era) {
			return true
		}
	}
	return false
}

// approxWords say that the date after them is approximate. approxStrict are those that
// say so of a bare year in running text too ("circa 1950"), where "about 2000" is more
// often a number of things.
var (
	approxStrict = []string{"c.", "ca.", "ca", "circa", "approx.", "approximately", "~"}
	approxWords  = append(slices.Clone(approxStrict), "about", "around", "roughly", "vers", "environ", "autour de",
		"etwa", "um", "gegen", "hacia", "alrededor de", "aproximadamente", "около", "примерно", "приблизительно")
)

// leadWords introduce a date in a cell or a date field and are read past: "on 13
// September 2023", "between 1 and 5 Sep 2023", "le 13 septembre 2023".
var leadWords = []string{"on", "in", "the", "from", "between", "since", "le", "en", "du", "entre", "am", "im", "vom", "zwischen",
	"seit", "el", "desde", "в", "с", "между", "от"}

// spanLinks join the two dates of a span written in one cell: "1950 to 1955",
// "1 Sep 2023 - 5 Oct 2023", "du 1 au 5 septembre 2023".
var spanLinks = []string{"to", "until", "till", "through", "and", "-", "–", "—", "au", "à", "et", "bis", "und", "al", "a", "y",
	"hasta", "по", "до", "и"}
