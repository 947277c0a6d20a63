package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// sampleHome is an environment whose default case exists and holds the sample chronology,
// as the desktop app leaves it on first run.
func sampleHome(t *testing.T) map[string]string {
	t.Helper()
	home := t.TempDir()
	env := map[string]string{"XDG_DATA_HOME": home, "APPDATA": home}
	s, err := testCreate(testDefaultCase(env), true)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return env
}

// caseWithEvents is a closed case holding two events.
func caseWithEvents(t *testing.T, dir, name string) string {
	t.Helper()
	db := filepath.Join(dir, name)
	for _, title := range []string{"One", "Two"} {
		if r := chrono(t, nil, "--db", db, "add", "--title", title, "--start", "2023-09-13"); r.code != 0 {
			t.Fatalf("add = %d %s", r.code, r.stderr)
		}
	}
	return db
}

// wantRefused checks a run exited 1 with exactly one line on stderr, equal to want.
func wantRefused(t *testing.T, what string, r result, want string) {
	t.Helper()
	if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || strings.TrimSpace(r.stderr) != want {
		t.Errorf("%s = %d %q\nwant exit 1 and %q", what, r.code, r.stderr, want)
	}
}

func TestCaseApplicationIDIsTheStoresID(t *testing.T) {
	if timeline.CaseApplicationID != data.ApplicationID {
		t.Errorf("timeline.CaseApplicationID %#x, data.ApplicationID %#x", timeline.CaseApplicationID, data.ApplicationID)
	}
}

// TestOutputNeverWritesOverACase: export, chart and snapshot refuse an --out that is the
// open case, another case, a hard link or a symlink to one, or a case's -wal file; the case
// and its folder are left as they were.
func TestOutputNeverWritesOverACase(t *testing.T) {
	dir := t.TempDir()
	db := caseWithEvents(t, dir, "c"+data.Extension)
	other := caseWithEvents(t, dir, "other.png") // a case, whatever its name
	hard, sym := filepath.Join(dir, "hard.png"), filepath.Join(dir, "sym.png")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Base(db), sym); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(db)
	targets := []struct{ out, why string }{
		{db, "it is the open case"},
		{other, "it is a Chronoscope case"},
		{hard, "it is the open case"},
		{sym, "it leads to the open case " + abs},
		{db + "-wal", "it is a file of the open case c" + data.Extension},
		{other + "-shm", "it is a file of a Chronoscope case other.png"},
	}
	commands := map[string][]string{
		"export":   {"export", "--format", "csv", "--out"},
		"chart":    {"chart", "--kind", "timeline", "--out"},
		"snapshot": {"snapshot", "--out"},
	}
	cases := map[string][]byte{}
	for _, p := range []string{db, other} {
		cases[p], _ = os.ReadFile(p)
	}
	before := entries(t, dir)
	for name, args := range commands {
		for _, tt := range targets {
			if name == "snapshot" && !strings.HasSuffix(tt.out, ".png") {
				continue // snapshot takes only a .png name
			}
			r := chrono(t, nil, append([]string{"--db", db}, append(args, tt.out)...)...)
			wantRefused(t, name+" --out "+filepath.Base(tt.out), r,
				"chronoscope "+name+": refusing to write over "+tt.out+": "+tt.why)
		}
	}
	for p, b := range cases {
		if after, _ := os.ReadFile(p); !bytes.Equal(after, b) {
			t.Errorf("%s changed", filepath.Base(p))
		}
	}
	if after := entries(t, dir); after != before {
		t.Errorf("folder was %q, is %q", before, after)
	}
	if fi, err := os.Lstat(sym); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink to the case was replaced")
	}
	if r := chrono(t, nil, "--db", db, "list", "--format", "csv"); r.code != 0 || strings.Count(r.stdout, "\n") != 3 {
		t.Errorf("the case after the refusals: %d %q %s", r.code, r.stdout, r.stderr)
	}
}

func TestOutputReadOnlyTarget(t *testing.T) {
	dir := t.TempDir()
	db := caseWithEvents(t, dir, "c"+data.Extension)
	out := filepath.Join(dir, "report.csv")
	os.WriteFile(out, []byte("kept"), 0o444)
	r := chrono(t, nil, "--db", db, "export", "--format", "csv", "--out", out)
	wantRefused(t, "export onto a 0444 file", r, "chronoscope export: refusing to replace "+out+": it is read-only")
	if b, _ := os.ReadFile(out); string(b) != "kept" {
		t.Errorf("the read-only file = %q", b)
	}
}

func TestOutputThroughSymlinkKeepsLinkAndMode(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	db := caseWithEvents(t, dir, "c"+data.Extension)
	target := filepath.Join(elsewhere, "shared.csv")
	os.WriteFile(target, []byte("old"), 0o600)
	os.Chmod(target, 0o640)
	link := filepath.Join(dir, "report.csv")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, nil, "--db", db, "export", "--format", "csv", "--out", link); r.code != 0 {
		t.Fatalf("export = %d %s", r.code, r.stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the symlink was replaced by a file")
	}
	fi, err := os.Stat(target)
	if err != nil || fi.Mode().Perm() != 0o640 {
		t.Fatalf("target mode = %v, want -rw-r----- (%v)", fi.Mode().Perm(), err)
	}
	if b, _ := os.ReadFile(target); !strings.Contains(string(b), "One") {
		t.Errorf("the link's target holds %q, not the export", b)
	}
	for _, d := range []string{dir, elsewhere} {
		if names := entries(t, d); strings.Contains(names, ".tmp") {
			t.Errorf("temporary file left in %s: %s", d, names)
		}
	}
	// chart and snapshot write through it the same way.
	for _, args := range [][]string{{"chart", "--kind", "histogram", "--out", link + ".html"}, {"snapshot", "--out", link + ".png"}} {
		os.Symlink(target+filepath.Ext(args[len(args)-1]), link+filepath.Ext(args[len(args)-1]))
		if r := chrono(t, nil, append([]string{"--db", db}, args...)...); r.code != 0 {
			t.Fatalf("%s = %d %s", args[0], r.code, r.stderr)
		}
		if fi, err := os.Lstat(args[len(args)-1]); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s replaced the symlink", args[0])
		}
	}
}

// TestReadCommandsCreateNothing: list, export, chart and snapshot on a missing case (or a
// missing folder, or the default case before it exists) or a 0-byte file refuse in one line
// and leave the disk as it was; add still creates a missing case.
func TestReadCommandsCreateNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	reads := [][]string{
		{"list"},
		{"export", "--format", "json", "--out", out + ".json"},
		{"chart", "--kind", "report", "--out", out + ".html"},
		{"snapshot", "--out", out + ".png"},
	}
	missingFolder := filepath.Join(dir, "typo", "sub", "case"+data.Extension)
	missing := filepath.Join(dir, "case"+data.Extension)
	empty := filepath.Join(dir, "empty"+data.Extension)
	os.WriteFile(empty, nil, 0o644)
	home := t.TempDir()
	homeEnv := map[string]string{"XDG_DATA_HOME": home, "APPDATA": home}
	def := testDefaultCase(homeEnv)
	for _, args := range reads {
		name := args[0]
		wantRefused(t, name+" on a missing folder", chrono(t, nil, append([]string{"--db", missingFolder}, args...)...),
			"chronoscope "+name+": open "+missingFolder+": no such case file (add or import creates one)")
		wantRefused(t, name+" on a missing file", chrono(t, nil, append([]string{"--db", missing}, args...)...),
			"chronoscope "+name+": open "+missing+": no such case file (add or import creates one)")
		wantRefused(t, name+" on a 0-byte file", chrono(t, nil, append([]string{"--db", empty}, args...)...),
			"chronoscope "+name+": open "+empty+": the file is empty, not a Chronoscope case")
		wantRefused(t, name+" on the default case before it exists", chrono(t, homeEnv, args...),
			"chronoscope "+name+": there is no case yet at "+def+
				": run chronoscope to open the desktop app with a sample case, or chronoscope add ... to start one")
	}
	if names := entries(t, dir); names != "empty"+data.Extension {
		t.Errorf("the folder holds %v, want only the empty file", names)
	}
	if fi, err := os.Stat(empty); err != nil || fi.Size() != 0 {
		t.Errorf("the 0-byte file is now %v (%v)", fi.Size(), err)
	}
	if names := entries(t, home); names != "" {
		t.Errorf("the data folder holds %v", names)
	}
	// Commands that write still make a missing case, its folder included.
	if r := chrono(t, nil, "--db", missingFolder, "add", "--title", "First", "--start", "2024"); r.code != 0 {
		t.Fatalf("add on a missing case = %d %s", r.code, r.stderr)
	}
	if r := chrono(t, nil, "--db", missingFolder, "list"); r.code != 0 || !strings.Contains(r.stdout, "First") {
		t.Errorf("list after add = %d %q %s", r.code, r.stdout, r.stderr)
	}
}

func TestOpenExistingForOtherCommands(t *testing.T) {
	dir := t.TempDir()
	db := caseWithEvents(t, dir, "c"+data.Extension)
	s, err := openExisting(Env{DB: db, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := openExisting(Env{DB: dir, Getenv: func(string) string { return "" }}); err == nil ||
		err.Error() != "open "+dir+": it is a folder, not a case file" {
		t.Errorf("a folder: %v", err)
	}
}

// entries is the names in dir, sorted, separated by spaces ("" for an empty folder).
func entries(t *testing.T, dir string) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*")) // "*" matches dot files too
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range paths {
		paths[i] = filepath.Base(p)
	}
	return strings.Join(paths, " ")
}
