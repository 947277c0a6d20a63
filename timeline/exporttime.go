package timeline

import (
	"fmt"
	"strconv"
	"time"
)

// ExportTime is the time an export stamps on what it writes (a chart's "generated" line,
// a PDF's creation date, iCalendar's DTSTAMP of events that keep no stamps of their own):
// SOURCE_DATE_EPOCH, whole seconds since 1970 UTC, when getenv has it, so that exports
// and builds are reproducible; else now(), in UTC. A SOURCE_DATE_EPOCH that is not a whole
// number of seconds is an error, the same for the window and the command line. Every
// export takes its time from here, nowhere else.
func ExportTime(getenv func(string) string, now func() time.Time) (time.Time, error) {
	v := getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return now().UTC(), nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a whole number of seconds", v)
	}
	return time.Unix(sec, 0).UTC(), nil
}
