package timeline

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestConflictFieldsAndMerge(t *testing.T) {
	mine := Event{ID: "e1", Title: "Summit at Vostochny", Start: MustParseDate("2023-09-13"), Lane: "Diplomacy",
		Actors: []string{"Kim Jong-un"}, Attrs: map[string]string{"a": "1"}, Version: 3}
	theirs := mine
	theirs.Title = "Summit"
	theirs.Lane = "Space"
	theirs.Attrs = map[string]string{"a": "1", "b": "2"}
	theirs.Version = 4
	mine.Description = "talks"
	ce := &ConflictError{Mine: mine, Theirs: theirs}
	var fields []string
	for _, f := range ce.Fields() {
		fields = append(fields, f.Field+"="+f.Mine+"/"+f.Theirs)
	}
	if got := strings.Join(fields, " "); got != "title=Summit at Vostochny/Summit lane=Diplomacy/Space description=talks/ attr:b=/2" {
		t.Errorf("fields = %s", got)
	}
	m := ce.Merge("title", "description", "attr:b")
	if m.Title != mine.Title || m.Description != "talks" || m.Lane != "Space" || m.Version != 4 || len(m.Attrs) != 1 {
		t.Errorf("merge = %+v", m)
	}
	if theirs.Attrs["b"] != "2" {
		t.Errorf("merge changed the conflict's own event")
	}
	err := fmt.Errorf("save: %w", ce)
	var got *ConflictError
	if !errors.Is(err, ErrConflict) || !errors.As(err, &got) || !strings.Contains(err.Error(), "version 3") {
		t.Errorf("error = %v", err)
	}
	gone := &ConflictError{Mine: mine, Deleted: true}
	if m := gone.Merge(); m.Version != 0 || m.Title != mine.Title || !strings.Contains(gone.Error(), "deleted") {
		t.Errorf("a deleted event's merge = %+v (%v)", m, gone)
	}
}
