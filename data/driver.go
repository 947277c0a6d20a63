package data

import (
	"database/sql"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/chronoscope/chronoscope/timeline"
)

// driverName is the database/sql driver every connection of a store opens with: SQLite
// with Chronoscope's own SQL functions on each connection.
const driverName = "chronoscope-sqlite3"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		var scratch tokenScratch // one connection runs one statement at a time
		// chronoscope_source_id(title, url, publisher, date, reliability, credibility) is
		// timeline.Source.DocumentID (migration 0009).
		if err := c.RegisterFunc("chronoscope_source_id", func(title, url, publisher, date, reliability string, credibility int) string {
			return timeline.Source{Title: title, URL: url, Publisher: publisher, Date: date, Reliability: reliability,
				Credibility: credibility}.DocumentID()
		}, true); err != nil {
			return err
		}
		return c.RegisterFunc("chronoscope_match", func(query, title, description, names, sources string) bool {
			actors, tags, _ := strings.Cut(names, listSep)
			return cachedPattern(query).matchFields(&scratch, title, description, actors, tags, sources)
		}, true)
	}})
}
