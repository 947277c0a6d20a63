package schema

import (
	"testing"
	"testing/fstest"
)

func TestLoadInOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_b.sql": {Data: []byte("B")},
		"m/0001_a.sql": {Data: []byte("A")},
	}
	got := Load(fsys, "m")
	if len(got) != 2 || got[0].Version != 1 || got[0].SQL != "A" || got[1].Name != "0002_b.sql" {
		t.Errorf("Load = %+v", got)
	}
}

func TestLoadRefusesAGap(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a gap in the numbers did not panic")
		}
	}()
	Load(fstest.MapFS{"m/0001_a.sql": {}, "m/0003_c.sql": {}}, "m")
}
