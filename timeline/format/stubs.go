package format

import (
	"errors"
	"io"

	"github.com/chronoscope/chronoscope/timeline"
)

var errTODO = errors.New("todo")

func readACLED(r io.Reader, s *sink) (timeline.CaseInfo, error) { return timeline.CaseInfo{}, errTODO }
