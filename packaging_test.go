package main

import (
	"encoding/xml"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestPackagingFiles checks the files `make package` puts beside the binary: the AppStream
// metainfo passes appstreamcli's own validation, the MIME type names the case extension as
// a kind of SQLite database, and the SVG icon is well-formed.
func TestPackagingFiles(t *testing.T) {
	out, err := exec.Command("appstreamcli", "validate", "--no-net", "packaging/io.github.chronoscope.metainfo.xml").CombinedOutput()
	if err != nil {
		t.Errorf("appstreamcli validate: %v\n%s", err, out)
	}
	var mime struct {
		Types []struct {
			Type     string `xml:"type,attr"`
			SubClass struct {
				Type string `xml:"type,attr"`
			} `xml:"sub-class-of"`
			Glob struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
		} `xml:"mime-type"`
	}
	b, err := os.ReadFile("packaging/io.github.chronoscope.xml")
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, &mime); err != nil || len(mime.Types) != 1 {
		t.Fatalf("MIME definition: %v, %+v", err, mime)
	}
	m := mime.Types[0]
	if m.Type != "application/x-chronoscope-case" || m.SubClass.Type != "application/vnd.sqlite3" || m.Glob.Pattern != "*.chronoscope" {
		t.Errorf("MIME type %+v", m)
	}
	svg, err := os.ReadFile("packaging/io.github.chronoscope.svg")
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		if _, err := d.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Errorf("the SVG icon is not well-formed: %v", err)
			}
			break
		}
	}
	toml, _ := os.ReadFile("FyneApp.toml")
	if !strings.Contains(string(toml), `MimeTypes = "application/x-chronoscope-case"`) {
		t.Error("FyneApp.toml does not let the desktop entry open case files")
	}
}
