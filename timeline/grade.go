package timeline

import (
	"fmt"
	"strings"
)

// ParseGrade reads an Admiralty grade as analysts write it ("B2", "b2", "B", "2"): a
// source reliability letter A to F and an information credibility figure 1 to 6, either
// of which may be left out. "" is no grade. It is Source.Grade read back.
func ParseGrade(text string) (reliability string, credibility int, err error) {
	g := strings.ToUpper(strings.TrimSpace(text))
	if g != "" && g[0] >= 'A' && g[0] <= 'F' {
		reliability, g = g[:1], g[1:]
	}
	switch {
	case g == "":
	case len(g) == 1 && g[0] >= '1' && g[0] <= '6':
		credibility = int(g[0] - '0')
	default:
		return "", 0, fmt.Errorf("%q is not a grade: a letter A-F (reliability) and a figure 1-6 (credibility), such as B2", text)
	}
	return reliability, credibility, nil
}
