package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/chronoscope/chronoscope/timeline"
)

// Bits of events.flags.
const (
	flagSpan = 1 << iota
	flagStartFuzzy
	flagEndFuzzy
	flagStartApprox
	flagStartUncertain
	flagStartUnspecified
	flagEndApprox
	flagEndUncertain
	flagEndUnspecified
)

// Marks returns the compact marks of the events f selects, earliest first. Those of the
// whole case come from the marks snapshot the case keeps and what changed since it (see
// snapshot.go), or from the store's last read when nothing changed; others are read from
// the events in table order, which is sequential on disk (reading a million rows in date
// order through the index jumps all over the file and takes several times as long), and
// sorted here; actors and tags come from the events.names column, not the link tables.
func (s *Store) Marks(ctx context.Context, f timeline.Filter) (*timeline.Marks, error) {
	var marks *timeline.Marks
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		switch {
		case f.IsZero():
			marks, err = s.allMarks(ctx, tx)
		case f.Limit > 0:
			marks, err = readMarks(ctx, tx, f) // the first by date: the database sorts
		default:
			marks, err = s.filteredMarks(ctx, tx, f)
		}
		return err
	})
	if errors.Is(err, timeline.ErrDamaged) && f.IsZero() {
		return s.marksAroundDamage(ctx), err // what can still be read, with the error
	}
	return marks, err
}

// markColumns are the columns of events a mark is read from (see markScanner).
const markColumns = `e.id, e.uid, e.title, e.lane, e.importance, e.earliest, e.start_latest,
		e.end_earliest, e.latest, e.flags, e.names`

// markScanner reads rows of markColumns into a builder, sharing every name.
type markScanner struct {
	b                     *timeline.MarksBuilder
	raw                   timeline.RawMark
	id, title, lane, pack string
	flags                 int
}

func newMarkScanner(n int) *markScanner {
	return &markScanner{b: timeline.NewMarksBuilder(n)}
}

// scan reads one row and returns its row id.
func (sc *markScanner) scan(rows *sql.Rows) (int64, error) {
	r := &sc.raw
	if err := rows.Scan(&r.Row, &sc.id, &sc.title, &sc.lane, &r.Importance, &r.StartLo, &r.StartHi, &r.EndLo, &r.EndHi,
		&sc.flags, &sc.pack); err != nil {
		return r.Row, err
	}
	r.ID, r.Title = sc.id, sc.title
	r.Lane = sc.b.Ref(sc.lane)
	r.Refs, r.Actors = sc.unpack(r.Refs[:0], sc.pack)
	r.Flags = markFlags(sc.flags)
	sc.b.AppendRaw(r)
	return r.Row, nil
}

// unpack appends to refs the names of an events.names value, actors first, and says how
// many are actors.
func (sc *markScanner) unpack(refs []uint32, packed string) ([]uint32, int) {
	actors, tags, _ := strings.Cut(packed, listSep)
	refs = sc.split(refs, actors)
	n := len(refs)
	return sc.split(refs, tags), n
}

func (sc *markScanner) split(refs []uint32, list string) []uint32 {
	for list != "" {
		name, rest, _ := strings.Cut(list, nameSep)
		refs = append(refs, sc.b.Ref(name))
		list = rest
	}
	return refs
}

// markFlags are the mark flags of an events.flags value.
func markFlags(flags int) timeline.MarkFlags {
	var f timeline.MarkFlags
	if flags&flagSpan != 0 {
		f |= timeline.MarkSpan
	}
	if flags&flagStartFuzzy != 0 {
		f |= timeline.MarkStartFuzzy
	}
	if flags&flagEndFuzzy != 0 {
		f |= timeline.MarkEndFuzzy
	}
	return f
}

// marksAroundDamage reads the marks of every event of a damaged case that can still be
// read, going around the damaged pages as recover does, earliest first.
func (s *Store) marksAroundDamage(ctx context.Context) *timeline.Marks {
	r := &recovery{ctx: ctx, db: s.r}
	sc := newMarkScanner(0)
	r.scanTable("events e", markColumns, nil, func(rows *sql.Rows) (int64, error) {
		rowid, _ := sc.scan(rows)
		return rowid, nil
	})
	return sc.b.BuildSorted()
}

// readMarks is Marks inside its transaction.
func readMarks(ctx context.Context, tx *sql.Tx, f timeline.Filter) (*timeline.Marks, error) {
	where, args, err := where(ctx, tx, f)
	if err != nil {
		return nil, err
	}
	order := ""
	if f.Limit > 0 {
		order = " ORDER BY e.earliest, e.id" // the first Limit by date, so the database sorts
	}
	n, err := count(ctx, tx, f)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+markColumns+" FROM events e"+where+order+limit(f), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sc := newMarkScanner(n)
	for rows.Next() {
		if _, err := sc.scan(rows); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if order != "" {
		return sc.b.Build(), nil
	}
	return sc.b.BuildSorted(), nil
}

// Names returns the distinct lanes, actors or tags in use, sorted by their bytes. They
// are read from the marks of the whole case (kept in memory, see snapshot.go), whose
// names come from events.names: exact even while a large import's links are not built.
func (s *Store) Names(ctx context.Context, kind timeline.NameKind) ([]string, error) {
	if kind != timeline.LaneNames && kind != timeline.ActorNames && kind != timeline.TagNames {
		return nil, fmt.Errorf("unknown kind of name %d", kind)
	}
	var names []string
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		all, err := s.allMarks(ctx, tx)
		if err == nil {
			names = slices.Clone(s.snap.names.of(all)[kind])
		}
		return err
	})
	return names, err
}

// nameLists are the lanes, actors and tags the marks of the whole case use, worked out
// once for the marks the store keeps: the three lists the filters offer cost one pass.
type nameLists struct {
	mu    sync.Mutex
	marks *timeline.Marks
	lists [3][]string
}

func (n *nameLists) of(marks *timeline.Marks) [3][]string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.marks != marks {
		n.marks, n.lists = marks, namesOf(marks)
	}
	return n.lists
}

// namesOf lists, by timeline.NameKind, the lanes, actors and tags marks use, sorted.
func namesOf(marks *timeline.Marks) [3][]string {
	var used [3][]bool
	for k := range used {
		used[k] = make([]bool, len(marks.Names()))
	}
	for i := range marks.Len() {
		used[timeline.LaneNames][marks.LaneRef(i)] = true
		markUsed(used[timeline.ActorNames], marks.ActorRefs(i))
		markUsed(used[timeline.TagNames], marks.TagRefs(i))
	}
	var out [3][]string
	for k := range out {
		for r, name := range marks.Names() {
			if used[k][r] && name != "" {
				out[k] = append(out[k], name)
			}
		}
		slices.Sort(out[k])
	}
	return out
}

func markUsed(used []bool, l timeline.NameList) {
	for k := range l.Len() {
		used[l.At(k)] = true
	}
}

// Extent returns the first and last instant any event covers.
func (s *Store) Extent(ctx context.Context) (first, last int64, ok bool, err error) {
	var lo, hi sql.NullInt64
	if err = s.r.QueryRowContext(ctx, "SELECT min(earliest), max(latest) FROM events").Scan(&lo, &hi); err != nil {
		return 0, 0, false, s.fail(err)
	}
	return lo.Int64, hi.Int64, lo.Valid, nil
}

func flagsOf(e *timeline.Event) int {
	f := 0
	set := func(cond bool, bit int) {
		if cond {
			f |= bit
		}
	}
	set(e.IsSpan(), flagSpan)
	set(e.Start.Fuzzy(), flagStartFuzzy)
	set(e.Start.Approximate, flagStartApprox)
	set(e.Start.Uncertain, flagStartUncertain)
	set(e.Start.Unspecified, flagStartUnspecified)
	if e.IsSpan() {
		set(e.End.Fuzzy(), flagEndFuzzy)
		set(e.End.Approximate, flagEndApprox)
		set(e.End.Uncertain, flagEndUncertain)
		set(e.End.Unspecified, flagEndUnspecified)
	} else {
		set(e.Start.Fuzzy(), flagEndFuzzy)
	}
	return f
}
