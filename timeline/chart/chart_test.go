package chart

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chart.html")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A failed export leaves the old file as it was and no temporary file behind.
	if err := WriteFile(path, sampleEvents(), Options{Kind: "pie"}); err == nil {
		t.Fatal("WriteFile accepted an unknown kind")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("a failed export changed the file to %.40q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed export left %d files in the folder, want 1", len(entries))
	}
	if err := WriteFile(path, sampleEvents(), sampleOptions(KindReport)); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || !bytes.HasSuffix(b, []byte("</html>\n")) {
		t.Errorf("WriteFile wrote %d bytes, err %v", len(b), err)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x.html"), nil, Options{}); err == nil {
		t.Error("WriteFile into a missing folder did not fail")
	}
}

// Without the embedded library the page loads the pinned file from the CDN, checked by
// its integrity hash, and the policy allows that address alone.
func TestWebLibrary(t *testing.T) {
	var b bytes.Buffer
	web := library{Src: echartsCDN, Integrity: echartsSRI}
	if err := render(&b, seq(sampleEvents()), Options{}, web); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(b.String()) // html/template writes + as &#43; in attributes
	want := `<script src="` + echartsCDN + `" integrity="` + echartsSRI + `" crossorigin="anonymous"></script>`
	if !strings.Contains(page, want) {
		t.Errorf("page does not load %s with its integrity hash", echartsCDN)
	}
	if !strings.Contains(page, "script-src 'sha256-") || !strings.Contains(page, " "+echartsCDN+"; style-src") {
		t.Error("the content policy does not allow exactly the page script and the CDN file")
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds() {
		if got, err := ParseKind(string(k)); got != k || err != nil {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
	}
	if _, err := ParseKind("pie"); err == nil || !strings.Contains(err.Error(), "timeline, histogram") {
		t.Errorf("ParseKind(pie) error = %v, want the list of kinds", err)
	}
}

func TestPeriodFor(t *testing.T) {
	tests := []struct {
		days int64
		want period
	}{{1, perDay}, {62, perDay}, {63, perWeek}, {550, perWeek}, {551, perMonth}, {15 * 365, perMonth},
		{40 * 365, perYear}, {400 * 365, perDecade}, {3000 * 365, perCentury}}
	for _, tt := range tests {
		if got := periodFor(tt.days); got != tt.want {
			t.Errorf("periodFor(%d) = %v, want %v", tt.days, got, tt.want)
		}
	}
	// Weeks start on Monday; decades and centuries work before year 1.
	sun := time.Date(2023, 9, 10, 0, 0, 0, 0, time.UTC)
	if got := perWeek.start(sun); got.Weekday() != time.Monday || got.Day() != 4 {
		t.Errorf("week of Sunday 10 Sep 2023 starts %v", got)
	}
	if got := perDecade.label(perDecade.start(time.Date(-43, 3, 15, 0, 0, 0, 0, time.UTC))); got != "51 BC–42 BC" {
		t.Errorf("decade of 44 BC = %q", got)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1000000: "1,000,000", 12345: "12,345"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
