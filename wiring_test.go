package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// TestDefaultCaseLivesInTheDataFolder checks where the default case is, by the platform's
// rule.
func TestDefaultCaseLivesInTheDataFolder(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return // the XDG rule below is for Linux and the BSDs
	}
	got := defaultCasePath(func(k string) string { return map[string]string{"XDG_DATA_HOME": "/d"}[k] })
	if got != "/d/chronoscope/default.chronoscope" {
		t.Errorf("default case %s", got)
	}
	home, _ := os.UserHomeDir()
	if got := defaultCasePath(func(string) string { return "" }); got != filepath.Join(home, ".local/share/chronoscope/default.chronoscope") {
		t.Errorf("default case without XDG_DATA_HOME %s", got)
	}
}

// TestOpenerSeedsOnlyANewDefaultCase checks the app's opener and the commands' Create: the
// default case starts with the sample the first time only, any other new case is empty, and
// File > Open refuses a missing file.
func TestOpenerSeedsOnlyANewDefaultCase(t *testing.T) {
	dir := t.TempDir()
	def := filepath.Join(dir, "chronoscope", "default"+timeline.CaseExtension)
	open := opener(def)
	ctx := context.Background()
	count := func(s timeline.Store) int {
		t.Helper()
		n, err := s.Count(ctx, timeline.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	s, err := open(def, false)
	if err != nil {
		t.Fatalf("open the default case: %v", err)
	}
	if n := count(s); n != len(timeline.Sample()) {
		t.Errorf("a new default case holds %d events, want the sample's %d", n, len(timeline.Sample()))
	}
	if info, _ := s.Info(ctx); info.Name != timeline.SampleInfo.Name {
		t.Errorf("a new default case is named %q", info.Name)
	}
	if err := s.Delete(ctx, timeline.Sample()[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := openCase(def, true)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(s2); n != len(timeline.Sample())-1 {
		t.Errorf("the default case reopened holds %d events: seeded again", n)
	}
	s2.Close()

	other := filepath.Join(dir, "other"+timeline.CaseExtension)
	if _, err := open(other, false); err == nil {
		t.Errorf("File > Open of a missing file: %v, want a refusal", err)
	}
	if _, err := os.Stat(other); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("File > Open of a missing file made it (%v)", err)
	}
	s3, err := open(other, true)
	if err != nil {
		t.Fatalf("File > New: %v", err)
	}
	defer s3.Close()
	if n := count(s3); n != 0 {
		t.Errorf("a new case holds %d events, want none", n)
	}
	if _, ok := s3.(*data.Store); !ok {
		t.Errorf("a case file opened as %T", s3)
	}
}

// TestGuideIsBundledWhole checks that the user guide the binary carries has every picture
// it links (make screenshots writes them), and that the README opens with one of them.
func TestGuideIsBundledWhole(t *testing.T) {
	md, err := fs.ReadFile(guide, "docs/guide.md")
	if err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(`\]\((guide/[^)]+)\)`).FindAllStringSubmatch(string(md), -1)
	if len(links) < 3 {
		t.Fatalf("the guide links %d pictures", len(links))
	}
	for _, l := range links {
		if b, err := fs.ReadFile(guide, "docs/"+l[1]); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("the guide's picture %s is not bundled as a PNG (%v)", l[1], err)
		}
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(string(readme), "\n## ", 2)[0]
	if !regexp.MustCompile(`!\[[^]]*\]\(docs/guide/[a-z]+\.png\)`).MatchString(first) {
		t.Error("the README does not open with a screenshot from docs/guide")
	}
}
