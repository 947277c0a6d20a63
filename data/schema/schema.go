// Package schema reads a store's numbered migrations: the .sql files of one folder of an
// embedded file system, named NNNN_what.sql, each run once, in order of number. Both
// stores (data and data/postgres) keep theirs this way. It imports only the standard
// library.
package schema

import (
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered schema change.
type Migration struct {
	Version int    // its number: 1, 2, 3...
	Name    string // its file name
	SQL     string
}

// Load reads the migrations in dir of fsys, in order. It panics when a file has no
// number or the numbers do not run 1, 2, 3... without a gap: the files are built into the
// binary, so that is a mistake of the build, not of the user.
func Load(fsys fs.FS, dir string) []Migration {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		panic(err)
	}
	var out []Migration
	for _, e := range entries {
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			panic("schema: migration without a number: " + e.Name())
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			panic(err)
		}
		out = append(out, Migration{Version: n, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			panic("schema: migrations must be numbered 1, 2, 3...: " + m.Name)
		}
	}
	return out
}
