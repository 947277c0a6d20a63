package timelineview

import (
	"testing"

	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// tlLaneNames lists the lanes of the frame on display from the top down.
func tlLaneNames(tv *View) []string {
	var out []string
	for _, li := range tv.front.Order {
		out = append(out, tv.ix.Lanes()[li].Name)
	}
	return out
}

// TestLaneSorts: the sample's lanes by name, by count (Diplomacy's six first), by
// first event (Diplomacy's 2019 summit, then North Korea's 2020 borders, Military's
// 2022 invasion, Space's 2023 launch) and as the case orders them.
func TestLaneSorts(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	for _, tt := range []struct {
		sort LaneSort
		want []string
	}{
		{SortByName, []string{"Diplomacy", "Military", "North Korea", "Space"}},
		{SortByCount, []string{"Diplomacy", "Space", "Military", "North Korea"}},
		{SortByFirst, []string{"Diplomacy", "North Korea", "Military", "Space"}},
		// The case's order, as Lane properties left it; a lane it does not list goes last.
		{SortByCase, []string{"Space", "Military", "Diplomacy", "North Korea"}},
	} {
		tv.SetLaneOrder(LaneOrder{"Space": 0, "Military": 1, "Diplomacy": 2})
		tv.SetLaneSort(tt.sort)
		got := tlLaneNames(tv)
		if len(got) != len(tt.want) {
			t.Fatalf("sort %d: lanes %v", tt.sort, got)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("sort %d: lanes %v, want %v", tt.sort, got, tt.want)
				break
			}
		}
		if tv.front.Lanes[0].Name != tt.want[0] || tv.front.Lanes[0].Y != 0 {
			t.Errorf("sort %d: the top lane drawn is %q at %.0f", tt.sort, tv.front.Lanes[0].Name, tv.front.Lanes[0].Y)
		}
	}
}

// TestRevealLaneByName: the start of a lane's name, in any case, scrolls that lane to
// the top, among 676 lanes.
func TestRevealLaneByName(t *testing.T) {
	marks := timeline.Synthetic(5000, 5).All()
	for i := range marks {
		marks[i].Actors = []string{"actor " + string(rune('a'+i%26)) + string(rune('a'+i/26%26))}
	}
	tv, _ := tlView(t, timeline.NewIndex(timeline.MarksOf(marks), timeline.GroupByActor), theme.VariantLight, tlWidth, tlHeight)
	if !tv.RevealLane("ACTOR MQ") {
		t.Fatal("no lane found for ACTOR MQ")
	}
	if got := tv.front.Lanes[0]; got.Name != "actor mq" || got.Y != 0 {
		t.Errorf("the top lane is %q at %.0f, want actor mq at 0", got.Name, got.Y)
	}
	if tv.RevealLane("nobody") {
		t.Error("a lane found for nobody")
	}
}
