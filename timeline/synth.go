package timeline

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	synthLanes  = []string{"Diplomacy", "Military", "Economy", "Protest", "Media", "Legal", "Health", "Infrastructure"}
	synthActors = []string{
		"Ministry of Foreign Affairs", "Central Bank", "Opposition Alliance", "Armed Forces",
		"Supreme Court", "Port Authority", "Health Ministry", "State Television",
		"Teachers' Union", "Regional Governor", "UN Envoy", "Energy Company",
		"Student Movement", "Customs Service", "Interior Ministry", "Parliament",
		"Election Commission", "Red Cross", "World Bank", "Border Police",
	}
	synthTags = []string{"arrest", "sanctions", "strike", "election", "outage", "ceasefire",
		"protest", "court", "budget", "flood", "cyber", "summit", "trade", "inflation"}
	synthVerbs = []string{"announces", "rejects", "suspends", "signs", "condemns", "opens talks on",
		"publishes report on", "raids", "approves", "delays", "withdraws from", "reports"}
	synthObjects = []string{"new border agreement", "emergency budget", "fuel price increase",
		"arrests of journalists", "grain export deal", "state of emergency", "power grid repairs",
		"investigation into procurement", "ceasefire monitoring mission", "interest rate decision",
		"vaccination campaign", "curfew in the capital", "port expansion contract"}
	synthPlaces = []string{"the capital", "the northern province", "the port city", "the border region",
		"the delta", "the mining district", "the eastern valley", "the islands"}
)

// Synthetic returns n made-up marks that look like a real case, deterministic for a seed:
// eight lanes, bursts of activity around random moments of the thirty years 1994-2023
// (and a thin background), about 15% spans from an hour to several months, some fuzzy
// dates (approximate days, whole months or years), few events of importance 5, and titles
// of realistic length. They come sorted by start, as Store.Marks returns them. It is for
// tests, benchmarks and demonstrations. Their row ids are their positions.
func Synthetic(n int, seed int64) *Marks {
	if n <= 0 {
		return MarksOf(nil)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eedc0de0005c0be))
	from := time.Date(1994, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	to := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

	type burst struct {
		centre, width float64
		lane          int
	}
	bursts := make([]burst, 60)
	weights := make([]float64, len(bursts)) // cumulative
	wsum := 0.0
	for i := range bursts {
		bursts[i] = burst{
			centre: float64(from) + rng.Float64()*float64(to-from),
			width:  day * math.Exp(rng.Float64()*math.Log(120)), // a day to four months
			lane:   rng.IntN(len(synthLanes)),
		}
		wsum += math.Exp(rng.NormFloat64()) // a few bursts dominate
		weights[i] = wsum
	}

	// Actor and tag lists are shared between marks: they are read-only.
	actorSets := make([][]string, 64)
	for i := range actorSets {
		k := rng.IntN(4) // 0 to 3 actors
		for j := 0; j < k; j++ {
			actorSets[i] = append(actorSets[i], synthActors[rng.IntN(len(synthActors))])
		}
		actorSets[i] = CleanList(actorSets[i])
	}
	tagSets := make([][]string, 32)
	for i := range tagSets {
		k := rng.IntN(3)
		for j := 0; j < k; j++ {
			tagSets[i] = append(tagSets[i], synthTags[rng.IntN(len(synthTags))])
		}
		tagSets[i] = CleanList(tagSets[i])
	}

	marks := make([]Mark, n)
	// Titles and ids are cut from two long strings: one allocation each, not one per mark.
	var titles, ids strings.Builder
	titles.Grow(n * 64)
	ids.Grow(n * 10)
	tEnd := make([]int, n)
	iEnd := make([]int, n)
	for i := range marks {
		m := &marks[i]
		var t float64
		lane := rng.IntN(len(synthLanes))
		if rng.Float64() < 0.1 {
			t = float64(from) + rng.Float64()*float64(to-from)
		} else {
			b := bursts[min(sort64(weights, rng.Float64()*wsum), len(bursts)-1)]
			t = b.centre + rng.NormFloat64()*b.width
			if rng.Float64() < 0.7 {
				lane = b.lane
			}
		}
		start := int64(min(max(t, float64(from)), float64(to-1)))
		m.Lane = synthLanes[lane]
		if rng.Float64() < 0.03 {
			m.Lane = ""
		}
		m.Actors = actorSets[rng.IntN(len(actorSets))]
		m.Tags = tagSets[rng.IntN(len(tagSets))]
		m.Importance = synthImportance(rng.Float64())
		m.StartLo, m.StartHi, m.StartFuzzy = synthDate(rng, start)
		m.EndLo, m.EndHi, m.EndFuzzy = m.StartLo, m.StartHi, m.StartFuzzy
		if rng.Float64() < 0.15 {
			dur := 3600 * math.Exp(rng.Float64()*math.Log(24*200)) // an hour to 200 days
			m.Span = true
			m.EndLo, m.EndHi, m.EndFuzzy = synthDate(rng, start+int64(dur))
			m.EndLo, m.EndHi = max(m.EndLo, m.StartLo), max(m.EndHi, m.StartHi)
		}

		actor := "Officials"
		if len(m.Actors) > 0 {
			actor = m.Actors[0]
		}
		titles.WriteString(actor)
		titles.WriteByte(' ')
		titles.WriteString(synthVerbs[rng.IntN(len(synthVerbs))])
		titles.WriteByte(' ')
		titles.WriteString(synthObjects[rng.IntN(len(synthObjects))])
		if rng.Float64() < 0.5 {
			titles.WriteString(" in ")
			titles.WriteString(synthPlaces[rng.IntN(len(synthPlaces))])
		}
		tEnd[i] = titles.Len()
		ids.WriteString("syn")
		ids.WriteString(strconv.Itoa(i))
		iEnd[i] = ids.Len()
	}
	ts, is := titles.String(), ids.String()
	tPrev, iPrev := 0, 0
	for i := range marks {
		marks[i].Title, marks[i].ID = ts[tPrev:tEnd[i]], is[iPrev:iEnd[i]]
		tPrev, iPrev = tEnd[i], iEnd[i]
	}
	// Sort by start through small keys: moving whole marks about is slow.
	type key struct {
		lo int64
		i  int32
	}
	keys := make([]key, n)
	for i := range marks {
		keys[i] = key{marks[i].StartLo, int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.lo != b.lo {
			return cmp.Compare(a.lo, b.lo)
		}
		return cmp.Compare(a.i, b.i)
	})
	b := NewMarksBuilder(n)
	for i, k := range keys {
		b.Append(int64(i), &marks[k.i])
	}
	return b.Build()
}

// sort64 is the first index of the cumulative weights at or above x.
func sort64(cum []float64, x float64) int {
	i, _ := slices.BinarySearch(cum, x)
	return i
}

// synthImportance draws an importance: mostly 1 to 3, few 4s, very few 5s.
func synthImportance(u float64) int8 {
	switch {
	case u < 0.30:
		return 1
	case u < 0.62:
		return 2
	case u < 0.88:
		return 3
	case u < 0.98:
		return 4
	}
	return 5
}

// synthDate gives an instant the precision an analyst might have entered: a minute, a
// day, an approximate day, a month or a year.
func synthDate(rng *rand.Rand, t int64) (lo, hi int64, fuzzy bool) {
	u := rng.Float64()
	switch {
	case u < 0.25:
		lo = t - t%60
		if t < 0 && t%60 != 0 {
			lo -= 60
		}
		return lo, lo + 59, false
	case u < 0.85:
		lo = floorDiv(t, day) * day
		return lo, lo + day - 1, false
	case u < 0.94:
		lo = floorDiv(t, day)*day - 3*day
		return lo, lo + 7*day - 1, true
	case u < 0.985:
		y, m, _ := time.Unix(t, 0).UTC().Date()
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return first.Unix(), first.AddDate(0, 1, 0).Unix() - 1, true
	}
	y := time.Unix(t, 0).UTC().Year()
	return yearStart(y), yearStart(y+1) - 1, true
}
