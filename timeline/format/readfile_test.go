package format

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "events.csv")
	var b strings.Builder
	b.WriteString("title,start\n")
	for i := 0; i < 50000; i++ {
		b.WriteString("An event with a reasonably long title to fill the file,2023-09-13\n")
	}
	os.WriteFile(path, []byte(b.String()), 0o644)
	var calls int
	var last, total int64
	doc, f, err := ReadFile(path, "", func(done, all int64) { calls++; last, total = done, all })
	if err != nil || f != CSV || len(doc.Events) != 50000 {
		t.Fatalf("ReadFile = %d events as %q, %v", len(doc.Events), f, err)
	}
	if calls < 2 || last != total || total != int64(b.Len()) {
		t.Errorf("progress: %d calls, last %d of %d (file %d bytes)", calls, last, total, b.Len())
	}
	if _, _, err := ReadFile(filepath.Join(dir, "missing.csv"), "", nil); err == nil || err.Error() != "missing.csv: no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
	os.WriteFile(path, []byte("title,start\nBad,2023-13-45\n"), 0o644)
	if _, _, err := ReadFile(path, CSV, nil); err == nil || !strings.HasPrefix(err.Error(), "events.csv: line 2, column start:") {
		t.Errorf("bad file: %v", err)
	}
}
