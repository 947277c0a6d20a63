package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"github.com/chronoscope/chronoscope/app"
	"github.com/chronoscope/chronoscope/app/cli"
	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// defaultCasePath is the case opened when no --db is given: default.chronoscope in the
// user's data folder ($XDG_DATA_HOME/chronoscope, ~/.local/share/chronoscope on Linux).
func defaultCasePath(getenv func(string) string) string {
	var base string
	switch runtime.GOOS {
	case "windows":
		base = getenv("APPDATA")
	case "darwin":
		if h, err := os.UserHomeDir(); err == nil {
			base = filepath.Join(h, "Library", "Application Support")
		}
	default:
		base = getenv("XDG_DATA_HOME")
		if base == "" {
			if h, err := os.UserHomeDir(); err == nil {
				base = filepath.Join(h, ".local", "share")
			}
		}
	}
	if base == "" {
		base = os.TempDir()
	}
	return filepath.Join(base, "chronoscope", "default"+timeline.CaseExtension)
}

// openCase opens the case file at path, a missing file becoming a new empty case; the
// default case (isDefault) starts with the sample chronology instead. It is what the
// commands that write and the app's default case open with.
func openCase(path string, isDefault bool) (*data.Store, error) {
	_, statErr := os.Stat(path)
	fresh := errors.Is(statErr, os.ErrNotExist)
	s, err := data.Open(path, data.OpenOrCreate)
	if err != nil {
		return nil, err
	}
	if fresh && isDefault {
		if err := seedSample(context.Background(), s); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// seedSample fills a new case with the sample chronology, so a first run has something to
// look at.
func seedSample(ctx context.Context, s timeline.Store) error {
	if err := s.SetInfo(ctx, timeline.SampleInfo); err != nil {
		return err
	}
	_, err := s.Put(ctx, timeline.Sample(), nil)
	return err
}

// opener is the function the desktop app opens cases with: create makes a missing file a
// new empty case (File > New), otherwise a missing file is refused (File > Open). The
// default case starts with the sample chronology. A postgres:// address opens that shared
// case (never made here), its password from PGPASSWORD, PGPASSFILE or ~/.pgpass.
func opener(defaultCase string) app.Opener {
	return func(path string, create bool) (timeline.Store, error) {
		if cli.IsShared(path) {
			s, err := cli.OpenShared(context.Background(), path, "", false)
			if err != nil {
				return nil, err
			}
			return s, nil
		}
		if abs, err := filepath.Abs(path); err == nil && abs == defaultCase {
			return nilIfErr(openCase(abs, true))
		}
		mode := data.OpenExisting
		if create {
			mode = data.OpenOrCreate
		}
		return nilIfErr(data.Open(path, mode))
	}
}

// nilIfErr hands a *data.Store on as a timeline.Store, a nil interface on an error (not a
// nil pointer inside one).
func nilIfErr(s *data.Store, err error) (timeline.Store, error) {
	if err != nil {
		return nil, err
	}
	return s, nil
}
