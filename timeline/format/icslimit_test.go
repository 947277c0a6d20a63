package format

import (
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestICSLimits(t *testing.T) {
	const head = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20230102T000000Z\r\n"
	mib := timeline.MaxFieldBytes
	fold := func(text string) string { // folded every 70 bytes, as writers do
		var b strings.Builder
		for len(text) > 70 {
			b.WriteString(text[:70] + "\r\n ")
			text = text[70:]
		}
		b.WriteString(text)
		return b.String()
	}
	tests := []struct {
		name string
		file *endless
		line int
		col  string
		want string
		most int64
	}{
		{"one endless line", &endless{head: []byte(head + "DESCRIPTION:"), fill: []byte("d"), size: 1 << 30}, 4, "DESCRIPTION",
			"more than 1048576 bytes (1 MiB)", 2*icsLineLimit + slack},
		{"an endless folded line", &endless{head: []byte(head + "SUMMARY:x"), fill: []byte("\r\n " + strings.Repeat("s", 60)), size: 1 << 30}, 4,
			"SUMMARY", "1 MiB", icsLineLimit*64/60 + slack},
		{"an endless event", &endless{head: []byte(head), fill: []byte("X-NOTE:" + fold(strings.Repeat("n", mib-1)) + "\r\n"), size: 1 << 30}, 2,
			"BEGIN", "more than 16777216 bytes (16 MiB)", timeline.MaxRecordBytes*73/70 + slack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.file, "cal.ics", ICS)
			wantParseError(t, err, "cal.ics", tt.line, tt.col, tt.want)
			if tt.file.read > tt.most {
				t.Errorf("read %d bytes before refusing the file, want at most %d", tt.file.read, tt.most)
			}
		})
	}
	// A description of 1 MiB, escaped all through, is read; NUL and bad UTF-8 are refused.
	desc := strings.Repeat(";", mib)
	doc, err := Read(strings.NewReader(head+"DESCRIPTION:"+fold(strings.Repeat(`\;`, mib))+"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), "cal.ics", ICS)
	if err != nil || doc.Events[0].Description != desc {
		t.Errorf("1 MiB of escaped text: %v", err)
	}
	for _, bad := range []struct{ prop, col, want string }{
		{"DESCRIPTION:a\x00b", "DESCRIPTION", "NUL"},
		{"SUMMARY:caf\xe9", "SUMMARY", "not UTF-8"},
		{"CATEGORIES:a,\xff", "CATEGORIES", "not UTF-8"},
		{"URL:javascript:alert(1)", "URL", "not allowed"},
	} {
		pad := "SUMMARY:x"
		if bad.col == "SUMMARY" {
			pad = "X-PAD:1"
		}
		_, err := Read(strings.NewReader(head+pad+"\r\n"+bad.prop+"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), "cal.ics", ICS)
		wantParseError(t, err, "cal.ics", 5, bad.col, bad.want)
	}
	_, err = Read(strings.NewReader("BEGIN:VCALENDAR\r\nX-WR-CALNAME:a\\\x00\r\nEND:VCALENDAR\r\n"), "cal.ics", ICS)
	wantParseError(t, err, "cal.ics", 0, "title", "NUL")
}
