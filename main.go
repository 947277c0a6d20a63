// Command chronoscope is a desktop timeline for analysts who reconstruct chronologies,
// and the command line for scripting them. See README.md for the contract.
package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"

	"github.com/chronoscope/chronoscope/app"
	"github.com/chronoscope/chronoscope/app/cli"
)

//go:embed icon.png
var icon []byte

//go:embed LICENSE
var licence string

// guide is docs/guide.md and its screenshots (make screenshots), for Help > User guide.
//
//go:embed docs/guide.md docs/guide
var guide embed.FS

func main() {
	db, args, err := cli.SplitGlobal(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "chronoscope: %v (see chronoscope --help)\n", err)
		os.Exit(cli.ExitUsage)
	}
	defaultCase := defaultCasePath(os.Getenv)
	if len(args) == 0 {
		path := db
		if path == "" {
			path = defaultCase
		}
		docs, _ := fs.Sub(guide, "docs")
		res := app.Resources{Icon: icon, Version: cli.VersionLine(), Licence: licence, Guide: docs}
		os.Exit(app.Run(path, db != "", opener(defaultCase), cli.OpenSharedCase, res))
	}
	env := cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, DB: db,
		DefaultCase: defaultCase, Create: openCase, Snapshot: app.Snapshot}
	os.Exit(cli.Run(context.Background(), args, env))
}
