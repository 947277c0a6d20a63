package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractWithTheCase reads a text against a case: its actors are named, lanes are
// proposed, the event the case holds is left out of the JSON, and every event cites the
// source once given.
func TestExtractWithTheCase(t *testing.T) {
	dir := t.TempDir()
	db := tempDB(t)
	for _, args := range [][]string{
		{"--db", db, "add", "--title", "First Kim-Putin summit in Vladivostok", "--start", "2019-04-25", "--lane", "Diplomacy",
			"--actor", "Kim Jong-un", "--actor", "Vladimir Putin"},
		{"--db", db, "add", "--title", "North Korea fires a ballistic missile", "--start", "2023-08-30", "--lane", "Military"},
	} {
		if r := chrono(t, nil, args...); r.code != 0 {
			t.Fatalf("%v: %d %s", args, r.code, r.stderr)
		}
	}
	article := filepath.Join(dir, "wire.txt")
	os.WriteFile(article, []byte("VOSTOCHNY, Russia, Sept 13, 2023 (Reuters) - Kim Jong-un met Vladimir Putin on Wednesday. "+
		"Kim and Putin first met in Vladivostok in 2019. On Tuesday, North Korea fired a ballistic missile.\n"), 0o644)
	r := chrono(t, nil, "--db", db, "extract", "--source-title", "Kim meets Putin", "--publisher", "Reuters",
		"--source-url", "https://example.org/kim-putin", "--grade", "B2", "--format", "json", article)
	if r.code != 0 {
		t.Fatalf("extract = %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "left out 1 already in the case") || !strings.Contains(r.stderr, "First Kim-Putin summit") {
		t.Errorf("stderr does not say what was left out: %q", r.stderr)
	}
	var doc struct {
		Events []struct {
			Title   string
			Start   string
			Lane    string
			Actors  []string
			Sources []struct{ Title, URL, Publisher, Date, Quote, Reliability string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	byDay := map[string]int{}
	for i, e := range doc.Events {
		byDay[e.Start] = i
		if len(e.Sources) != 1 || e.Sources[0].Publisher != "Reuters" || e.Sources[0].Date != "2023-09-13" ||
			e.Sources[0].Reliability != "B" || e.Sources[0].URL != "https://example.org/kim-putin" || e.Sources[0].Quote == "" {
			t.Errorf("%q cites %+v", e.Title, e.Sources)
		}
	}
	if _, ok := byDay["2019"]; ok || len(doc.Events) != 2 {
		t.Fatalf("events %+v, want the 2019 summit left out", doc.Events)
	}
	meet := doc.Events[byDay["2023-09-13"]]
	if strings.Join(meet.Actors, ",") != "Kim Jong-un,Vladimir Putin" || meet.Lane != "Diplomacy" {
		t.Errorf("the meeting: actors %v lane %q", meet.Actors, meet.Lane)
	}
	if fired := doc.Events[byDay["2023-09-12"]]; fired.Lane != "Military" {
		t.Errorf("the missile: lane %q", fired.Lane)
	}
	// The table says which is in the case; the dateline gave the day.
	r = chrono(t, nil, "--db", db, "extract", article)
	if r.code != 0 || !strings.Contains(r.stdout, "IN THE CASE") || !strings.Contains(r.stdout, "First Kim-Putin summit in Vladivostok") ||
		!strings.Contains(r.stdout, "read against 2023-09-13") {
		t.Errorf("table = %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
