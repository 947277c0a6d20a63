package storetest

import (
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func testFullTextLatin(t *testing.T, o Opener) {
	s := o.New(t)
	cafe := Event("cafe", "Café meeting in Zürich", "2023-01-01", "")
	coop := Event("coop", "Naïve co-op plan", "2023-01-02", "")
	coop.Description = "Filed at 10.30 by the desk_officer"
	kim := Event("kim", "Arrival", "2023-01-03", "")
	kim.Actors, kim.Tags = []string{"Kim Jong-un", "Sergei Shoigu"}, []string{"missiles"}
	kim.Sources = []timeline.Source{{Title: "Reuters wire", Publisher: "Agence", URL: "https://example.org/quoted-url", Quote: "quotedword"}}
	kim.Location.Name = "Vladivostok"
	Put(t, s, cafe, coop, kim)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"cafe", []string{"Café meeting in Zürich"}},
		{"CAFÉ", []string{"Café meeting in Zürich"}},
		{"caf", []string{"Café meeting in Zürich"}},
		{"zurich cafe", []string{"Café meeting in Zürich"}},
		{"naive", []string{"Naïve co-op plan"}},
		{"co op", []string{"Naïve co-op plan"}},
		{"co-op", []string{"Naïve co-op plan"}},
		{"officer 30", []string{"Naïve co-op plan"}},
		{"desk", []string{"Naïve co-op plan"}},
		{"jong un", []string{"Arrival"}},
		{"kim jon", []string{"Arrival"}},
		{"shoigu", []string{"Arrival"}},
		{"missiles", []string{"Arrival"}},
		{"reuters", []string{"Arrival"}},
		{"agence", []string{"Arrival"}},
		{"cafe arrival", nil},
		{"meet zurich", nil}, // only the last word is a prefix
		{"vladivostok", nil}, // the place is not searched
		{"quotedword", nil},  // nor a source's quote
		{"in", []string{"Café meeting in Zürich"}},
	} {
		selected(t, s, "query "+tt.query, timeline.Filter{Query: tt.query}, tt.want...)
	}
}

func testFullTextCyrillic(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("a", "Встреча в Восточном", "2023-09-13", ""), Event("b", "Пётр Первый", "1700", ""),
		Event("c", "ВСТРЕЧА лидеров", "2023-09-14", ""), Event("d", "Ёлка и йогурт", "2023-12-31", ""))
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"встреча", []string{"Встреча в Восточном", "ВСТРЕЧА лидеров"}},
		{"Встреча", []string{"Встреча в Восточном", "ВСТРЕЧА лидеров"}},
		{"восточн", []string{"Встреча в Восточном"}},
		{"пётр", []string{"Пётр Первый"}},
		{"ПЁТР", []string{"Пётр Первый"}},
		{"встреча лидеров", []string{"ВСТРЕЧА лидеров"}},
		{"ёлка йогурт", []string{"Ёлка и йогурт"}},
		{"лидеры", nil},
	} {
		selected(t, s, "query "+tt.query, timeline.Filter{Query: tt.query}, tt.want...)
	}
}

// CJK text has no spaces between words: a search finds its words anywhere inside a run.
func testFullTextCJK(t *testing.T, o Opener) {
	s := o.New(t)
	zh := Event("zh", "金正恩与普京会面", "2023-09-13", "")
	ja := Event("ja", "東京タワーに行く", "2023-09-14", "")
	ko := Event("ko", "김정은이 방문했다", "2023-09-15", "")
	mixed := Event("mixed", "G20峰会在杭州", "2016-09-04", "")
	mixed.Description = "Саммит: 习近平 hosted"
	Put(t, s, zh, ja, ko, mixed)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"普京", []string{"金正恩与普京会面"}},
		{"金正恩", []string{"金正恩与普京会面"}},
		{"京会", []string{"金正恩与普京会面"}},
		{"会面", []string{"金正恩与普京会面"}},
		{"タワー", []string{"東京タワーに行く"}},
		{"東京", []string{"東京タワーに行く"}},
		{"김정은", []string{"김정은이 방문했다"}},
		{"방문", []string{"김정은이 방문했다"}},
		{"峰会", []string{"G20峰会在杭州"}},
		{"G20", []string{"G20峰会在杭州"}},
		{"杭州 g20", []string{"G20峰会在杭州"}},
		{"习近平 саммит", []string{"G20峰会在杭州"}},
		{"普京 杭州", nil},
		{"北京", nil},
	} {
		selected(t, s, "query "+tt.query, timeline.Filter{Query: tt.query}, tt.want...)
	}
}
