// Package gen writes realistic native Chronoscope CSV files of synthetic events, for
// benchmarks: scripts/gencsv and scripts/bench-import.sh, and BenchmarkImportCSV in
// app/cli. The output depends only on the number of rows and the seed.
//
// Each row has an id, a title of a few words, a start date (mostly a day, some a month or
// year, a few approximate or uncertain), an end date for about one event in five, one of
// eight lanes, one to three actors out of about two thousand, one to four tags out of a
// few hundred, a place, a sentence or two of description, one source with its address and
// an Admiralty grade, and an importance from 1 to 5.
package gen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Header is the first line of a generated file.
var Header = []string{"id", "title", "start", "end", "lane", "actors", "tags", "location",
	"description", "source", "source_url", "reliability", "credibility", "importance"}

var (
	lanes = []string{"Diplomacy", "Military", "Economy", "Domestic politics", "Security", "Energy",
		"Humanitarian", "Media"}
	givenNames = []string{"Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines",
		"Jamal", "Kim", "Lena", "Mohammed", "Nadia", "Oleg", "Priya", "Qiang", "Rosa", "Sergei", "Tamar",
		"Umar", "Vera", "Wei", "Xenia", "Yusuf", "Zara", "Ahmed", "Bianca", "Carlos", "Daria"}
	familyNames = []string{"Ivanov", "Park", "Smith", "Haddad", "Kowalski", "Nakamura", "Okafor", "Petrov",
		"Rahman", "Schmidt", "Tanaka", "Usmanov", "Volkov", "Wang", "Yilmaz", "Zhang", "Garcia", "Lee",
		"Novak", "Costa", "Kaplan", "Mendes", "Orlov", "Sato", "Kuznetsov", "Ali", "Choi", "Dubois",
		"Fischer", "Gomez", "Horvat", "Jensen", "Khan", "Lopez", "Moreau", "Nguyen", "Olsen", "Rossi",
		"Silva", "Torres", "Weber", "Yamamoto", "Zhou", "Bauer", "Chang", "Davies", "Evans", "Ferreira",
		"Grant", "Hughes", "Ishikawa", "Jung", "Klein", "Lind", "Marsh", "Nilsson", "Ortiz", "Pham",
		"Quinn", "Reyes", "Stone", "Turner", "Vogel", "Walsh"}
	orgs = []string{"Ministry of Foreign Affairs", "Ministry of Defence", "Central Bank", "Parliament",
		"UN Security Council", "IAEA", "Red Cross", "State Duma", "Politburo", "European Commission",
		"NATO", "ASEAN", "African Union", "World Bank", "IMF", "Rosatom", "Gazprom", "Navy", "Air Force",
		"Border Guard"}
	tagWords = []string{"summit", "sanctions", "missile", "talks", "treaty", "protest", "election",
		"trade", "pipeline", "nuclear", "refugees", "ceasefire", "visit", "arms", "cyber", "space",
		"grain", "oil", "gas", "shipping", "border", "espionage", "aid", "loan", "court", "arrest",
		"exercise", "drone", "satellite", "railway", "port", "strike", "embargo", "vote", "speech",
		"leak", "hostage", "negotiation", "deployment", "incident"}
	tagQualifiers = []string{"", "regional", "bilateral", "covert", "naval", "economic", "military",
		"civilian", "north", "south"}
	places = []string{"Vladivostok", "Pyongyang", "Moscow", "Beijing", "Seoul", "Tokyo", "Vostochny",
		"Khabarovsk", "Rason", "Dandong", "Geneva", "Vienna", "New York", "Brussels", "Ankara", "Tehran",
		"Istanbul", "Kyiv", "Minsk", "Astana", "Ulaanbaatar", "Hanoi", "Jakarta", "Singapore", "Cairo",
		"Doha", "Dubai", "Riyadh", "Nairobi", "Addis Ababa", "Lagos", "Berlin", "Paris", "London",
		"Warsaw", "Helsinki", "Oslo", "Stockholm", "Washington", "Ottawa"}
	verbs = []string{"meets", "announces", "signs", "rejects", "visits", "warns", "launches", "suspends",
		"confirms", "denies", "proposes", "criticises", "hosts", "delays", "opens", "closes"}
	objects = []string{"agreement on cooperation", "new sanctions package", "test of a ballistic missile",
		"delegation from the north", "joint military exercise", "talks on grain exports",
		"plans for a railway link", "report on the incident", "loan for infrastructure",
		"visit by the foreign minister", "investigation into the leak", "deal on energy supplies",
		"statement on border security", "summit of regional leaders", "convoy of humanitarian aid"}
	sentences = []string{
		"Officials described the meeting as constructive but gave no details.",
		"State media published photographs of the event the following morning.",
		"Analysts linked the move to the earlier round of negotiations.",
		"The announcement came hours after a closed-door session.",
		"Satellite imagery taken the same week shows increased activity at the site.",
		"Several diplomats said the timing was unexpected.",
		"The ministry did not respond to requests for comment.",
		"Reports of the exact date differ between sources.",
		"Local residents reported road closures and a heavy security presence.",
		"The agreement is said to run for five years, with an option to renew.",
		"Opposition members called for an inquiry.",
		"Markets reacted with a brief fall in the currency.",
	}
	publishers = []string{"Reuters", "Associated Press", "AFP", "Yonhap", "TASS", "Xinhua", "Kyodo",
		"BBC Monitoring", "NK News", "The Diplomat", "Financial Times", "Kommersant", "Nikkei Asia",
		"38 North", "Interfax"}
	reliabilities = []string{"A", "B", "B", "C", "C", "C", "D", "E", "F"}
)

// Write writes a header and rows events made from seed to w.
func Write(w io.Writer, rows int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	g := newGen(seed)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for i := range rows {
		if err := cw.Write(g.row(i)); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

type gen struct {
	r      *rand.Rand
	actors []string
	tags   []string
	rec    []string
	sb     strings.Builder
}

func newGen(seed uint64) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), rec: make([]string, 14)}
	for _, fam := range familyNames {
		for _, giv := range givenNames {
			g.actors = append(g.actors, giv+" "+fam)
		}
	}
	g.actors = append(g.actors, orgs...)
	for _, q := range tagQualifiers {
		for _, w := range tagWords {
			if q == "" {
				g.tags = append(g.tags, w)
			} else {
				g.tags = append(g.tags, q+" "+w)
			}
		}
	}
	return g
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// skewed picks from list with a bias to its first items, as real names recur.
func (g *gen) skewed(list []string) string {
	n := len(list)
	i := int(float64(n) * g.r.Float64() * g.r.Float64())
	return list[min(i, n-1)]
}

// names picks between lo and hi distinct names from list, joined with "; ".
func (g *gen) names(list []string, lo, hi int) string {
	k := lo + g.r.IntN(hi-lo+1)
	var picked [4]string
	n := 0
	for tries := 0; n < k && tries < 10; tries++ {
		s := g.skewed(list)
		dup := false
		for _, p := range picked[:n] {
			dup = dup || p == s
		}
		if !dup {
			picked[n] = s
			n++
		}
	}
	return strings.Join(picked[:n], "; ")
}

func (g *gen) date() (start, end string) {
	y := 1990 + g.r.IntN(35)
	m := 1 + g.r.IntN(12)
	d := 1 + g.r.IntN(28)
	switch p := g.r.IntN(100); {
	case p < 80:
		start = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case p < 90:
		start = fmt.Sprintf("%04d-%02d", y, m)
	case p < 94:
		start = fmt.Sprintf("%04d", y)
	case p < 97:
		start = fmt.Sprintf("%04d-%02d-%02d~", y, m, d)
	default:
		start = fmt.Sprintf("%04d-%02d?", y, m)
	}
	if g.r.IntN(5) == 0 {
		ey, em, ed := y, m, d+1+g.r.IntN(60)
		for ed > 28 {
			ed -= 28
			em++
		}
		for em > 12 {
			em -= 12
			ey++
		}
		end = fmt.Sprintf("%04d-%02d-%02d", ey, em, ed)
		if ey < y+1 && len(start) < 10 {
			end = fmt.Sprintf("%04d", y+1+g.r.IntN(3)) // after a month or year start
		}
	}
	return start, end
}

func (g *gen) row(i int) []string {
	rec := g.rec
	actor := g.skewed(g.actors)
	start, end := g.date()
	place := g.pick(places)
	pub := g.pick(publishers)
	g.sb.Reset()
	n := 1 + g.r.IntN(3)
	for j := range n {
		if j > 0 {
			g.sb.WriteByte(' ')
		}
		g.sb.WriteString(g.pick(sentences))
	}
	desc := g.sb.String()
	rec[0] = fmt.Sprintf("ev-%07d", i)
	rec[1] = actor + " " + g.pick(verbs) + " " + g.pick(objects) + " in " + place
	rec[2], rec[3] = start, end
	rec[4] = g.pick(lanes)
	rec[5] = actor
	if more := g.names(g.actors, 0, 2); more != "" && !strings.Contains(more, actor) {
		rec[5] += "; " + more
	}
	rec[6] = g.names(g.tags, 1, 4)
	rec[7] = place
	rec[8] = desc
	rec[9] = pub + ": " + strings.ToLower(rec[1][:min(len(rec[1]), 60)])
	rec[10] = "https://news.example.org/" + strings.ToLower(strings.ReplaceAll(pub, " ", "-")) + "/" +
		strconv.Itoa(2_000_000+i*7)
	rec[11] = g.pick(reliabilities)
	rec[12] = strconv.Itoa(1 + g.r.IntN(6))
	rec[13] = strconv.Itoa(1 + min(4, int(5*g.r.Float64()*g.r.Float64()*1.6)))
	return rec
}
