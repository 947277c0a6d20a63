package chart

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// The page's own code, style and layout. page.js holds every function the charts use
// (tooltips, data views, drawing), so no function ever travels inside the option JSON.
//
//go:embed static
var static embed.FS

var (
	pageJS   = mustRead("static/page.js")
	pageCSS  = mustRead("static/page.css")
	pageTmpl = template.Must(template.New("page").Parse(mustRead("static/page.html.tmpl")))
)

func mustRead(name string) string {
	b, err := static.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// chartSpec is one chart before encoding: the ECharts option built with go-echarts, and
// the plain data page.js reads beside it (event details, lane names, colours).
type chartSpec struct {
	ID      string // fixed, such as chart-timeline, so output is deterministic
	Heading string
	Note    string // a line under the chart: what was left out, and why
	Width   int    // pixels; 0 follows the page (HTML) or the job's width (images)
	Height  int    // pixels
	Script  string // which page.js code draws it: timeline, bars or calendar
	Option  map[string]any
	Extra   map[string]any
}

type chartBlock struct {
	ID, Heading, Note string
	Width, Height     int
	JSON              template.JS
}

type fact struct{ Name, Value string }

type pageData struct {
	Title       string
	CaseName    string
	Marking     string
	Heading     string
	Description string
	Notes       string // the case's notes page (the report only)
	Facts       []fact
	Charts      []chartBlock
	Table       *table
	Generated   string
	CSP         string
	CSS         template.CSS
	JS          template.JS
	LibInline   template.JS
	LibSrc      string
	LibSRI      string
}

// chartData is one chart as the page and the image renderer read it: the spec and its
// data encoded as safe JSON.
type chartData struct {
	spec chartSpec
	json []byte
}

// build builds every chart of opt.Kind from the counted events.
func build(s *summary, opt Options) (*job, []chartData, error) {
	kind := opt.Kind
	if kind == "" {
		kind = KindTimeline
	}
	if _, err := ParseKind(string(kind)); err != nil {
		return nil, nil, err
	}
	j := newJob(s, opt)
	j.opt.Kind = kind
	var out []chartData
	for _, c := range j.specs(kind) {
		data := map[string]any{"script": c.Script, "option": c.Option}
		if j.s.total == 0 {
			data["empty"] = true
		}
		for k, v := range c.Extra {
			data[k] = v
		}
		b, err := safeJSON(data)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, chartData{c, b})
	}
	return j, out, nil
}

func render(w io.Writer, events iter.Seq[timeline.Event], opt Options, lib library) error {
	return renderPage(w, collect(events), opt, lib)
}

// renderPage writes the HTML page of the counted events.
func renderPage(w io.Writer, sum *summary, opt Options, lib library) error {
	j, charts, err := build(sum, opt)
	if err != nil {
		return err
	}
	kind, s := j.opt.Kind, j.s
	p := pageData{
		CSS: template.CSS(pageCSS), JS: template.JS(pageJS),
		LibInline: template.JS(lib.Inline), LibSrc: lib.Src, LibSRI: lib.Integrity,
		CSP: contentPolicy(lib),
	}
	p.Heading = kindHeading(kind)
	if name := strings.TrimSpace(opt.Case.Name); name != "" {
		p.Heading = clip(name, 200) + " — " + p.Heading
	}
	p.Title = p.Heading
	p.CaseName = clip(strings.TrimSpace(opt.Case.Name), 200)
	if p.CaseName == "" {
		p.CaseName = "Chronoscope"
	}
	p.Marking = clip(strings.TrimSpace(opt.Marking), 120)
	if kind == KindReport {
		p.Description = clip(opt.Case.Description, 4000)
		p.Notes = clip(strings.TrimSpace(opt.Case.Notes), 20000)
		p.Table = newTable(s)
	}
	p.Facts = facts(s, opt, kind == KindReport)
	if !opt.Generated.IsZero() {
		p.Generated = opt.Generated.UTC().Format("2 Jan 2006 15:04 UTC")
	}
	for _, c := range charts {
		p.Charts = append(p.Charts, chartBlock{ID: c.spec.ID, Heading: c.spec.Heading, Note: c.spec.Note,
			Width: c.spec.Width, Height: c.spec.Height, JSON: template.JS(c.json)})
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	if err := pageTmpl.Execute(bw, p); err != nil {
		return fmt.Errorf("write chart page: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write chart page: %w", err)
	}
	return nil
}

func kindHeading(k Kind) string {
	switch k {
	case KindHistogram:
		return "Events per period"
	case KindBreakdown:
		return "Events by lane, actor and tag"
	case KindCalendar:
		return "Events per day"
	case KindReport:
		return "Chronology report"
	}
	return "Timeline"
}

// facts are the header's lines: what the page shows, and of which events.
func facts(s *summary, opt Options, report bool) []fact {
	var f []fact
	if report {
		text := strings.TrimSpace(opt.FilterText)
		if text == "" {
			text = "none (all events)"
		}
		f = append(f, fact{"Filter", clip(text, 1000)})
		if opt.HasRange {
			f = append(f, fact{"Window", dayText(opt.From) + " – " + dayText(opt.To)})
		}
	}
	n := thousands(s.total)
	if s.total > 0 {
		n += ", " + dayText(s.first) + " – " + dayText(s.last)
	}
	f = append(f, fact{"Events", n})
	return f
}

// dayText writes a Unix time as a UTC day the way the rest of Chronoscope does: 5 Sep 2023,
// 15 Mar 44 BC.
func dayText(unix int64) string {
	t := time.Unix(unix, 0).UTC()
	return fmt.Sprintf("%d %s %s", t.Day(), t.Format("Jan"), timeline.YearLabel(t.Year()))
}

// contentPolicy lets the page run only its own two scripts (by hash, or ECharts from the
// pinned CDN address when it is not inlined) and fetch nothing. Should text ever slip
// into the page as markup, the browser would still refuse to run it.
func contentPolicy(lib library) string {
	scripts := "'" + scriptHash(pageJS) + "'"
	if lib.Inline != "" {
		h := lib.hash
		if h == "" {
			h = scriptHash(lib.Inline)
		}
		scripts += " '" + h + "'"
	} else {
		scripts += " " + lib.Src
	}
	return "default-src 'none'; script-src " + scripts +
		"; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'"
}

func scriptHash(js string) string {
	s := sha256.Sum256([]byte(js))
	return "sha256-" + base64.StdEncoding.EncodeToString(s[:])
}

// thousands writes n with commas between groups of three digits: 1,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
