// Command gencsv writes a realistic native Chronoscope CSV of synthetic events (see
// package gen for what the rows hold), for benchmarks such as scripts/bench-import.sh.
// The output is the same for the same -rows and -seed.
//
// Usage:
//
//	go run ./scripts/gencsv [-rows 1000000] [-seed 1] [-out events.csv]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/chronoscope/chronoscope/scripts/gencsv/gen"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "number of events")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("out", "-", "file to write, - for stdout")
	flag.Parse()
	if err := run(*rows, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencsv:", err)
		os.Exit(1)
	}
}

func run(rows int, seed uint64, out string) error {
	if out == "-" {
		return gen.Write(os.Stdout, rows, seed)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := gen.Write(f, rows, seed); err != nil {
		f.Close()
		os.Remove(out)
		return err
	}
	return f.Close()
}
