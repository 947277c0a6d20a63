package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// LeftOut says which events an export left out because its format cannot hold them
// (iCalendar has no years before 1 or after 9999), and why. The zero LeftOut left out
// nothing.
type LeftOut struct {
	Count   int
	Reasons []string // each reason once, in the order met
	First   []string // the titles of the first few left out
}

// maxNamed is how many titles of the events left out LeftOut keeps.
const maxNamed = 3

// add records event title left out for reason.
func (l *LeftOut) add(title, reason string) {
	l.Count++
	if len(l.First) < maxNamed {
		l.First = append(l.First, title)
	}
	for _, r := range l.Reasons {
		if r == reason {
			return
		}
	}
	l.Reasons = append(l.Reasons, reason)
}

// String says it in one line, such as `1 event left out (iCalendar holds only the years
// 1 to 9999): "Ides of March"`, or "" when nothing was left out.
func (l LeftOut) String() string {
	if l.Count == 0 {
		return ""
	}
	events := "1 event"
	if l.Count > 1 {
		events = fmt.Sprintf("%d events", l.Count)
	}
	quoted := make([]string, len(l.First))
	for i, t := range l.First {
		quoted[i] = fmt.Sprintf("%q", t)
	}
	names := strings.Join(quoted, ", ")
	if l.Count > len(l.First) {
		names += fmt.Sprintf(" and %d more", l.Count-len(l.First))
	}
	return fmt.Sprintf("%s left out (%s): %s", events, strings.Join(l.Reasons, "; "), names)
}

// WriteSome is Write that leaves out the events format f cannot hold, instead of
// failing, and says which: every other event is written. An error is the writer's own.
func WriteSome(w io.Writer, f Format, doc Document) (LeftOut, error) {
	var left LeftOut
	if f != ICS {
		return left, Write(w, f, doc)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := writeICS(bw, doc, &left); err != nil {
		return left, err
	}
	return left, bw.Flush()
}
