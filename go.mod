module github.com/chronoscope/chronoscope

go 1.26.8

require (
	fyne.io/fyne/v2 v2.8.1 // indirect
	github.com/AlekSi/pointer v1.0.0 // indirect
	github.com/arran4/golang-ical v0.3.4 // indirect
	github.com/go-echarts/go-echarts/v2 v2.6.7 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	github.com/olebedev/when v1.1.0 // indirect
	github.com/pkg/errors v0.8.1 // indirect
	github.com/sfomuseum/go-edtf v1.3.0 // indirect
)
