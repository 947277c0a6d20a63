package data

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// pendingTexts are titles in many scripts, with the marks, cases and joined words a
// tokenizer can get wrong.
var pendingTexts = []string{
	"Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome",
	"Café au lait in Zürich: Straße, façade, naïve résumé — ÉCOLE",
	"Путин встретился с Ким Чен Ыном; ЁЛКА и ёлка",
	"Ο ΣΊΣΥΦΟΣ και η θάλασσα· σοφός",
	"金正恩与普京会面，G20峰会在北京举行",
	"東京で首脳会談が行われた。カタカナとひらがな",
	"김정은 위원장이 푸틴 대통령과 회담했다",
	"اجتماع القمة في الرياض بين الوفود",
	"שיחות שלום בירושלים",
	"हिन्दी में समाचार: शिखर सम्मेलन",
	"การประชุมสุดยอดที่กรุงเทพ",
	"İstanbul'da zirve: IŞIK ve ışık",
	"O'Brien's well-known e-mail re: US$5,000 (approx.) #summit @ministry",
	"a\u0301b combining e\u0301te\u0301 and 𝐌𝐚𝐭𝐡 bold, emoji 🚀 launch",
	"x_y under_score 3.14 v2 ２０２３年",
}

// pendingQueries are searches over pendingTexts: words, prefixes, other cases and marks,
// CJK runs inside longer runs, several words.
var pendingQueries = []string{
	"putin", "PUTIN", "Put", "vostochny cosmo", "cafe", "CAFÉ", "zurich", "strasse", "straße", "facade", "ecole",
	"путин", "ПУТ", "ёлка", "елка", "сисифос", "ΣΊΣΥΦΟΣ", "σοφός", "σοφοσ", "普京", "峰会", "北京举行", "G20",
	"首脳", "カタカナ", "ひら", "회담", "푸틴", "القمة", "الرياض", "בירושלים", "हिन्दी", "शिखर", "समाचार",
	"การประชุม", "istanbul", "İstanbul", "ışık", "isik", "IŞIK", "brien", "o'brien", "well-known", "us 5", "5,000",
	"approx", "summit", "#summit", "ab", "ete", "e\u0301te\u0301", "math", "𝐌𝐚𝐭𝐡", "🚀", "launch", "x", "y",
	"under", "3 14", "v2", "２０２３", "2023", "年", "met at the", "nothing matches this", "k", "a", "\u0301",
}

// pendingCase returns two cases of the same events: one with its index built, one whose
// full-text rows and links are left to the backlog, as after a large import.
func pendingCase(t *testing.T, evs []timeline.Event) (indexed, pending *Store) {
	t.Helper()
	indexed, pending = newStore(t), newStore(t)
	put(t, indexed, append([]timeline.Event(nil), evs...)...)
	put(t, pending, append([]timeline.Event(nil), evs...)...)
	err := pending.writeTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{"DELETE FROM events_fts", "DELETE FROM event_actors", "DELETE FROM event_tags"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		var lo, hi int64
		if err := tx.QueryRowContext(ctx, "SELECT min(id), max(id) FROM events").Scan(&lo, &hi); err != nil {
			return err
		}
		return planBacklog(ctx, tx, lo, hi, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	return indexed, pending
}

// pendingEvents are events of pendingTexts, their text in every field a search reads.
func pendingEvents() []timeline.Event {
	var evs []timeline.Event
	for i, text := range pendingTexts {
		words := strings.Fields(text)
		e := event(fmt.Sprintf("p%02d", i), text, fmt.Sprintf("20%02d-01-01", i), "")
		evs = append(evs, e)
		e = event(fmt.Sprintf("q%02d", i), fmt.Sprintf("Other %d", i), "2023-01-01", "")
		e.Description = strings.Join(words[len(words)/2:], " ")
		e.Actors = []string{words[0], strings.Join(words[1:min(3, len(words))], " ")}
		e.Tags = []string{words[len(words)-1]}
		e.Sources = []timeline.Source{{Title: "About " + words[0], Publisher: text}}
		evs = append(evs, e)
	}
	// Names SQL must escape (quotes, backslashes) and names it cannot take (a control
	// character), which go through Go.
	e := event("odd", "Odd names", "2023-05-05", "")
	e.Actors = []string{`Say "hi" \ there`, "tab\there", "Vladimir Putin"}
	e.Tags = []string{"line\nbreak", `back\slash`}
	quoted := event("quoted", "Quoted names", "2023-05-06", "")
	quoted.Actors, quoted.Tags = []string{`Say "hi" \ there`, `a\"b`}, []string{`back\slash`, `"`}
	return append(evs, e, quoted)
}

// TestSearchWhileIndexingIsExact compares every search, actor and tag filter and name
// list of a case whose index is still to build with those of the same case indexed,
// before and after it is built.
func TestSearchWhileIndexingIsExact(t *testing.T) {
	evs := pendingEvents()
	indexed, pending := pendingCase(t, evs)
	if ix, err := pending.Indexing(ctx); err != nil || !ix.Pending() || ix.Percent() != 0 {
		t.Fatalf("indexing = %+v %v, want pending at 0%%", ix, err)
	}
	var filters []timeline.Filter
	for _, q := range pendingQueries {
		filters = append(filters, timeline.Filter{Query: q})
	}
	for _, e := range evs {
		filters = append(filters, timeline.Filter{Actors: e.Actors}, timeline.Filter{Tags: e.Tags},
			timeline.Filter{Actors: e.Actors, Query: "other"})
	}
	compare := func(when string) {
		found := 0
		for _, f := range filters {
			want, err := indexed.Marks(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := pending.Marks(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.All(), want.All()) {
				t.Errorf("%s, %+v: %d marks, want %d", when, f, got.Len(), want.Len())
			}
			found += want.Len()
		}
		if found == 0 {
			t.Fatal("no search found anything: the comparison proves nothing")
		}
		for _, kind := range []timeline.NameKind{timeline.ActorNames, timeline.TagNames} {
			want, _ := indexed.Names(ctx, kind)
			got, err := pending.Names(ctx, kind)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: names %d = %q (%v), want %q", when, kind, got, err, want)
			}
		}
	}
	compare("while indexing")
	if err := pending.BuildIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if ix, err := pending.Indexing(ctx); err != nil || ix.Pending() {
		t.Fatalf("after BuildIndex: %+v %v", ix, err)
	}
	compare("after indexing")
}

// FuzzPendingSearch checks that a search reading an event's own text (while its full-text
// row is not built) finds what SQLite's full-text index finds in the row.
func FuzzPendingSearch(f *testing.F) {
	for i, text := range pendingTexts {
		f.Add(text, pendingQueries[i*3%len(pendingQueries)])
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE VIRTUAL TABLE fts USING fts4 (title, description, actors, tags, sources, tokenize=unicode61)"); err != nil {
		f.Fatal(err)
	}
	var scratch tokenScratch
	f.Fuzz(func(t *testing.T, text, query string) {
		if timeline.ValidateText("title", text) != nil || timeline.ValidateText("query", query) != nil {
			return
		}
		words := strings.Fields(text)
		half := len(words) / 2
		fields := []string{text, strings.Join(words[half:], " "), strings.Join(words[:half], " "), "", text}
		if _, err := db.Exec("DELETE FROM fts"); err != nil {
			t.Fatal(err)
		}
		args := []any{}
		for _, v := range fields {
			args = append(args, ftsText(v))
		}
		if _, err := db.Exec("INSERT INTO fts (title, description, actors, tags, sources) VALUES (?, ?, ?, ?, ?)", args...); err != nil {
			t.Fatal(err)
		}
		fq := ftsQuery(query)
		if fq == "" {
			return
		}
		var n int
		if err := db.QueryRow("SELECT count(*) FROM fts WHERE fts MATCH ?", fq).Scan(&n); err != nil {
			t.Fatalf("MATCH %q: %v", fq, err)
		}
		p := compilePattern(query)
		if got := p.matchFields(&scratch, fields...); got != (n == 1) {
			t.Errorf("%q in %q: the scan says %v, the index %v", query, text, got, n == 1)
		}
	})
}

// TestBuiltFullTextRows checks that the full-text rows the backlog builds are those a
// row-at-a-time write gives, for plain events (copied by SQLite), events with CJK text
// (through Go) and plain events written before flagPlain was (through Go too).
func TestBuiltFullTextRows(t *testing.T) {
	evs := pendingEvents()
	indexed, pending := pendingCase(t, evs)
	var plain, other int
	if err := pending.w.QueryRowContext(ctx, "SELECT count(*) FILTER (WHERE flags & ? <> 0), count(*) FILTER (WHERE flags & ? = 0) FROM events",
		flagPlain, flagPlain).Scan(&plain, &other); err != nil {
		t.Fatal(err)
	}
	if plain < 4 || other == 0 {
		t.Fatalf("%d plain events and %d others: both ways are not tried", plain, other)
	}
	// Half the plain events as a case written before the bit holds them.
	if _, err := pending.w.ExecContext(ctx, "UPDATE events SET flags = flags & ~? WHERE id % 2 = 0", flagPlain); err != nil {
		t.Fatal(err)
	}
	if err := pending.BuildIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	rows := func(s *Store) map[string][5]string {
		t.Helper()
		r, err := s.r.QueryContext(ctx, `SELECT e.uid, f.title, f.description, f.actors, f.tags, f.sources
			FROM events_fts f JOIN events e ON e.id = f.docid`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		out := map[string][5]string{}
		for r.Next() {
			var uid string
			var cols [5]string
			if err := r.Scan(&uid, &cols[0], &cols[1], &cols[2], &cols[3], &cols[4]); err != nil {
				t.Fatal(err)
			}
			out[uid] = cols
		}
		return out
	}
	want, got := rows(indexed), rows(pending)
	if len(want) != len(evs) {
		t.Fatalf("the written case has %d full-text rows for %d events", len(want), len(evs))
	}
	for uid, w := range want {
		if got[uid] != w {
			t.Errorf("%s: built %q, written %q", uid, got[uid], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d full-text rows built, %d written", len(got), len(want))
	}
}

// TestPlainFlagFollowsEdits checks that an edit sets or clears flagPlain as the event's
// text now is, so that the backlog builds its full-text row the right way.
func TestPlainFlagFollowsEdits(t *testing.T) {
	s := newStore(t)
	e := event("edited", "Summit in Vladivostok", "2023-09-13", "")
	plain := func(want bool) {
		t.Helper()
		var flags int
		if err := s.r.QueryRowContext(ctx, "SELECT flags FROM events WHERE uid = 'edited'").Scan(&flags); err != nil {
			t.Fatal(err)
		}
		if got := flags&flagPlain != 0; got != want {
			t.Errorf("%q, actors %q: plain %v, want %v", e.Title, e.Actors, got, want)
		}
	}
	put(t, s, e)
	plain(true)
	e.Title = "峰会 in Vladivostok"
	put(t, s, e)
	plain(false)
	e.Title, e.Actors = "Summit in Vladivostok", []string{"김정은"}
	put(t, s, e)
	plain(false)
	e.Actors = []string{"Kim Jong-un"}
	put(t, s, e)
	plain(true)
}
