// Package chart exports events as self-contained HTML charts for analysts' reports: a
// timeline by lane, a histogram per period, breakdowns by lane, actor and tag, a calendar
// heatmap, and a report page holding them all with a table of the events and their graded
// sources.
//
// The option objects are built with go-echarts, but the page is this package's own:
// go-echarts' page template neither escapes event text nor keeps its JavaScript-function
// marker away from it. Here every chart's data is JSON in a script element of type
// application/json, with "<", ">", "&", U+2028, U+2029 and the "__f__" marker escaped;
// every function (tooltips, the data view, drawing the timeline) is fixed code in
// static/page.js, which shows event text as text only; and a Content-Security-Policy lets
// the page run its own scripts alone, by hash, and fetch nothing.
//
// Pages are deterministic: fixed chart ids, names in sorted order, and a stamp only from
// Options.Generated. They stay small for a million events: aggregates are counted in one
// pass, and only the MaxTimelineEvents most important events and the MaxTableRows earliest
// are written one by one.
//
// The ECharts library (5.6.0) is embedded from assets/echarts.min.js, which
// `make deps` (scripts/fetch-echarts.sh) fetches from the npm registry. A binary built
// without it still exports working pages that load ECharts from the web; Warning says so.
package chart
