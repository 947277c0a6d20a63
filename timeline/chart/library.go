package chart

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"strings"
	"sync"
)

// The pinned ECharts library: scripts/fetch-echarts.sh puts its dist/echarts.min.js in
// assets/ (git-ignored), and go:embed takes whatever assets/ holds at build time.
const (
	echartsVersion = "5.6.0"
	echartsSHA256  = "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1"
	echartsCDN     = "https://cdn.jsdelivr.net/npm/echarts@5.6.0/dist/echarts.min.js"
	// echartsSRI is the subresource-integrity hash of that same file (sha384, base64).
	echartsSRI = "sha384-pPi0zxBAoDu6+JXW/C68UZLvBUUtU+7zonhif43rqj7pxsGyqyqzcian2Rj37Rss"
)

//go:embed assets
var assets embed.FS

// library is how a page gets ECharts: inlined (Inline set) or from the web (Src set).
type library struct {
	Inline    string
	Src       string
	Integrity string
	hash      string // CSP hash of Inline, computed once
	warning   string
}

var (
	libOnce sync.Once
	libUsed library
)

// currentLibrary checks the embedded file once: it must be the pinned release, and safe
// to inline in a script element.
func currentLibrary() library {
	libOnce.Do(func() {
		web := library{Src: echartsCDN, Integrity: echartsSRI}
		b, err := assets.ReadFile("assets/echarts.min.js")
		switch {
		case err != nil:
			web.warning = "chart: ECharts " + echartsVersion + " is not built in, so exported charts load it from the web; run `make deps` and rebuild to make them work offline"
			libUsed = web
		case hexSHA256(b) != echartsSHA256:
			web.warning = "chart: the built-in assets/echarts.min.js is not ECharts " + echartsVersion + ", so exported charts load it from the web; run `make deps` and rebuild"
			libUsed = web
		case !inlineSafe(string(b)):
			web.warning = "chart: the built-in ECharts cannot be inlined safely, so exported charts load it from the web"
			libUsed = web
		default:
			libUsed = library{Inline: string(b), hash: scriptHash(string(b))}
		}
	})
	return libUsed
}

// Warning returns "" when exported charts work offline, that is when the ECharts library
// was embedded at build time (`make deps` before `go build`). Otherwise it returns one
// line saying that charts load ECharts from the web and how to fix it; the command line
// prints it on stderr after an export.
func Warning() string { return currentLibrary().warning }

// inlineSafe reports whether js can sit inside a script element as it is: no text that
// would end the element early or switch the HTML parser into its escaped states.
func inlineSafe(js string) bool {
	l := strings.ToLower(js)
	return !strings.Contains(l, "</script") && !strings.Contains(l, "<!--") && !strings.Contains(l, "<script")
}

func hexSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
