package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// settingColumns is the case's setting that keeps the list's columns: those shown, in
// order, each with its width ("date:150,title:380,..."); "" for the default.
const settingColumns = "list.columns"

// prefColumns keeps the list's columns, per case, for a case that keeps no settings.
const prefColumns = "listColumns:"

// attrPrefix starts the key of a column showing one of the events' attributes.
const attrPrefix = "attr:"

// column is one of the list's columns: key names it in the setting ("date", "title",
// "lane", "actors", "tags", "grade", "sources", or attr: and an attribute's name).
type column struct {
	key   string
	width float32
}

// standardColumns are the list's own columns, in their order, with their first widths.
var standardColumns = []column{
	{"date", 150}, {"title", 330}, {"lane", 120}, {"actors", 150}, {"tags", 130}, {"grade", 84}, {"sources", 96},
}

// columnTitle is a column's header.
func columnTitle(key string) string {
	switch key {
	case "date":
		return "Date"
	case "title":
		return "Title"
	case "lane":
		return "Lane"
	case "actors":
		return "Actors"
	case "tags":
		return "Tags"
	case "grade":
		return "Grade"
	case "sources":
		return "Sources"
	}
	return strings.TrimPrefix(key, attrPrefix)
}

// needsFacts reports whether a column shows what the marks do not hold, read from the
// events themselves (see facts).
func needsFacts(key string) bool {
	return key == "grade" || key == "sources" || strings.HasPrefix(key, attrPrefix)
}

// defaultColumns are the columns of a case that chose none: every standard one.
func defaultColumns() []column { return append([]column(nil), standardColumns...) }

// formatColumns writes columns as the setting keeps them.
func formatColumns(cols []column) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = fmt.Sprintf("%s:%d", c.key, int(c.width+0.5))
	}
	return strings.Join(parts, ",")
}

// parseColumns reads the setting; a setting it cannot read, or that shows no column,
// gives the default. A width is the part after the last colon, so an attribute's name
// may hold colons; a column named twice is shown once.
func parseColumns(s string) []column {
	var out []column
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		i := strings.LastIndex(part, ":")
		if i <= 0 {
			continue
		}
		key := part[:i]
		w, err := strconv.Atoi(part[i+1:])
		if err != nil || w < 20 || seen[key] || !knownColumn(key) {
			continue
		}
		seen[key] = true
		out = append(out, column{key, float32(w)})
	}
	if len(out) == 0 {
		return defaultColumns()
	}
	return out
}

func knownColumn(key string) bool {
	if strings.HasPrefix(key, attrPrefix) {
		return len(key) > len(attrPrefix)
	}
	for _, c := range standardColumns {
		if c.key == key {
			return true
		}
	}
	return false
}

// loadColumns reads the columns case s keeps (this machine's preferences for a case
// that keeps no settings), and whether it keeps any.
func (u *ui) loadColumns(s caseStore) ([]column, bool) {
	v := u.app.Preferences().String(prefColumns + s.Path())
	if k, ok := s.(timeline.SettingKeeper); ok {
		var err error
		if v, err = k.Setting(context.Background(), settingColumns); err != nil {
			v = ""
		}
	}
	return parseColumns(v), v != ""
}

// saveColumns keeps the list's columns in the case, off the UI goroutine; a read-only
// case keeps them for the session.
func (u *ui) saveColumns() {
	store := u.store
	if store == nil {
		return
	}
	value := formatColumns(u.list.cols)
	k, ok := store.(timeline.SettingKeeper)
	if !ok {
		u.app.Preferences().SetString(prefColumns+store.Path(), value)
		return
	}
	if store.ReadOnly() || u.damaged {
		return
	}
	u.background(func() func() {
		err := k.SetSetting(context.Background(), settingColumns, value)
		return func() {
			if err != nil && !errors.Is(err, timeline.ErrReadOnly) && store == u.store {
				u.showError(fmt.Errorf("keep the list's columns in the case: %w", err))
			}
		}
	})
}
