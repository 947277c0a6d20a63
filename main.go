// Command chronoscope is a desktop timeline for analysts who reconstruct chronologies,
// and the command line for scripting them. See README.md for the contract.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"

	"github.com/chronoscope/chronoscope/app"
	"github.com/chronoscope/chronoscope/app/cli"
)

//go:embed icon.png
var icon []byte

func main() {
	db, args, err := cli.SplitGlobal(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "chronoscope: %v (see chronoscope --help)\n", err)
		os.Exit(cli.ExitUsage)
	}
	if len(args) == 0 {
		path := db
		if path == "" {
			path = cli.DefaultCasePath(os.Getenv)
		}
		os.Exit(app.Run(path, db != "", cli.Opener(os.Getenv), icon))
	}
	env := cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, DB: db,
		Snapshot: app.Snapshot}
	os.Exit(cli.Run(context.Background(), args, env))
}
