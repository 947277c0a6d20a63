package format

import (
	"errors"
	"io"

	"github.com/chronoscope/chronoscope/timeline"
)

var errTODO = errors.New("todo")

func readICS(r io.Reader, s *sink) (timeline.CaseInfo, error)   { return timeline.CaseInfo{}, errTODO }
func readACLED(r io.Reader, s *sink) (timeline.CaseInfo, error) { return timeline.CaseInfo{}, errTODO }
func writeICS(w io.Writer, doc Document) error                  { return errTODO }
