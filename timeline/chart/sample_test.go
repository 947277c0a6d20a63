package chart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// ev builds a test event; end may be "".
func ev(id, title, start, end, lane string, imp int, actors, tags []string, sources ...timeline.Source) timeline.Event {
	e := timeline.Event{ID: id, Title: title, Start: timeline.MustParseDate(start), Lane: lane,
		Importance: imp, Actors: actors, Tags: tags, Sources: sources}
	if end != "" {
		e.End = timeline.MustParseDate(end)
	}
	return e
}

// sampleEvents is a dozen events of September 2023 in three lanes, with spans and fuzzy
// dates, for goldens and for looking at the charts.
func sampleEvents() []timeline.Event {
	reuters := timeline.Source{Title: "Reuters wire", URL: "https://example.org/reuters/1", Publisher: "Reuters", Reliability: "B", Credibility: 2}
	blog := timeline.Source{Title: "Analyst blog", Publisher: "Blog", Reliability: "D", Credibility: 3}
	return []timeline.Event{
		ev("e01", "G20 summit opens in New Delhi", "2023-09-09", "2023-09-10", "Diplomacy", 5, []string{"India", "G20"}, []string{"summit"}, reuters),
		ev("e02", "Talks on grain corridor", "2023-09-04", "", "Diplomacy", 3, []string{"Turkey", "Russia"}, []string{"grain", "talks"}, blog),
		ev("e03", "UN General Assembly debate", "2023-09-19", "2023-09-26", "Diplomacy", 4, []string{"UN"}, []string{"summit"}, reuters),
		ev("e04", "Envoy visit reported", "2023-09-14~", "", "Diplomacy", 2, []string{"EU"}, nil, blog),
		ev("e05", "Naval exercise begins", "2023-09-02", "2023-09-12", "Military", 4, []string{"Navy"}, []string{"exercise"}, reuters),
		ev("e06", "Air defence drill", "2023-09-07", "", "Military", 3, []string{"Air Force"}, []string{"exercise"}),
		ev("e07", "Troop movements observed", "2023-09-15?", "2023-09-22~", "Military", 3, []string{"Army"}, []string{"imagery"}, blog, reuters),
		ev("e08", "Border incident", "2023-09-27", "", "Military", 5, []string{"Army", "Border guard"}, []string{"incident"}, reuters),
		ev("e09", "Lunar lander enters sleep mode", "2023-09-04", "", "Space", 4, []string{"ISRO"}, []string{"moon"}, reuters),
		ev("e10", "Solar probe launch window", "2023-09-02", "2023-09-06", "Space", 3, []string{"ISRO"}, []string{"sun", "launch"}),
		ev("e11", "Asteroid sample capsule landing", "2023-09-24T14:52:00Z", "", "Space", 5, []string{"NASA"}, []string{"asteroid"}, reuters),
		ev("e12", "Satellite deployment (month only)", "2023-09", "", "Space", 2, []string{"SpaceX"}, []string{"launch"}, blog),
	}
}

func sampleOptions(k Kind) Options {
	return Options{
		Kind:       k,
		Case:       timeline.CaseInfo{Name: "September 2023", Description: "A dozen events across diplomacy, military and space."},
		FilterText: "lanes: Diplomacy, Military, Space", From: time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC).Unix(),
		To: time.Date(2023, 9, 30, 23, 59, 59, 0, time.UTC).Unix(), HasRange: true,
		Generated: time.Date(2023, 10, 1, 12, 0, 0, 0, time.UTC),
	}
}

// caseLanes are the sample case's lanes as a new case keeps them: numbered in the order
// their first event was written, each with the palette colour of its number.
func caseLanes() []timeline.LaneInfo {
	var lanes []timeline.LaneInfo
	seen := map[string]bool{}
	for _, e := range timeline.Sample() {
		if !seen[e.Lane] {
			seen[e.Lane] = true
			lanes = append(lanes, timeline.LaneInfo{Name: e.Lane, Colour: timeline.PaletteColour(len(lanes)), Position: len(lanes)})
		}
	}
	return lanes
}

// caseOptions draws the sample case (timeline.Sample) as the command line does.
func caseOptions(k Kind) Options {
	return Options{Kind: k, Case: timeline.SampleInfo, FilterText: "all events", Lanes: caseLanes(),
		Generated: time.Date(2023, 10, 1, 12, 0, 0, 0, time.UTC)}
}

// sampleFormats are the files TestWriteSamples writes of the sample case: HTML always,
// and the images where the library is built in.
func sampleFormats() []string {
	if Warning() != "" {
		return []string{".html"}
	}
	return []string{".html", ".svg", ".png", ".pdf"}
}

// TestWriteSamples writes every kind for the sample as files, through WriteFile, and
// checks each is a whole page. With CHART_SAMPLES=folder they are kept there, to open in
// a browser or screenshot (with CHART_SAMPLES_BIG=1, also a million synthetic events).
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("CHART_SAMPLES")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, k := range Kinds() {
		path := filepath.Join(dir, "chart-"+string(k)+".html")
		if err := WriteFile(path, sampleEvents(), sampleOptions(k)); err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(page), "<!DOCTYPE html>") || !strings.HasSuffix(strings.TrimSpace(string(page)), "</html>") {
			t.Errorf("%s is not a whole page (%v)", path, err)
		}
	}
	for _, k := range Kinds() {
		for _, ext := range sampleFormats() {
			if err := WriteFile(filepath.Join(dir, "case-"+string(k)+ext), timeline.Sample(), caseOptions(k)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := WriteFile(filepath.Join(dir, "chart-hostile.html"), hostileEvents(), Options{Kind: KindReport, Case: hostileCase()}); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("CHART_SAMPLES_BIG") != "" {
		big := synthetic(1_000_000, 0)
		for _, k := range Kinds() {
			if err := WriteFile(filepath.Join(dir, "chart-1m-"+string(k)+".html"), big, Options{Kind: k}); err != nil {
				t.Fatal(err)
			}
		}
	}
}
