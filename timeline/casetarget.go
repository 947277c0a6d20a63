package timeline

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CaseApplicationID is the SQLite application_id that marks a file as a Chronoscope case
// ("CHRS"); the data package writes the same value into every case it creates.
const CaseApplicationID = 0x43485253

// CaseExtension is the file extension of a case file.
const CaseExtension = ".chronoscope"

// HasCaseExtension reports whether name ends in the case extension, in any letter case.
func HasCaseExtension(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), CaseExtension)
}

// CaseFileName is name with the case extension added when it does not already end in it
// (a name typed in a save dialog without it).
func CaseFileName(name string) string {
	if HasCaseExtension(name) {
		return name
	}
	return name + CaseExtension
}

// ErrCaseTarget is wrapped by every refusal to write over a Chronoscope case, the open
// case or a case's -wal, -shm or -journal file.
var ErrCaseTarget = errors.New("the output is a Chronoscope case")

// ErrReadOnlyTarget is wrapped by the refusal to replace a file that is read-only.
var ErrReadOnlyTarget = errors.New("the output is read-only")

// refusal is one clear line saying why an output path is not written.
type refusal struct {
	verb, path, why string
	kind            error
}

func (r *refusal) Error() string { return "refusing to " + r.verb + " " + r.path + ": " + r.why }

func (r *refusal) Unwrap() error { return r.kind }

// sqliteMagic opens every SQLite database file; the application_id is the big-endian
// uint32 at byte 68 of the same header.
var sqliteMagic = []byte("SQLite format 3\x00")

// sideSuffixes name the files SQLite keeps beside a database; writing one of them would
// change what the case reads back.
var sideSuffixes = []string{"-wal", "-shm", "-journal"}

// RefuseCaseTarget returns an error wrapping ErrCaseTarget when writing path would write
// over a Chronoscope case: path (or the file a symlink at path leads to, or any hard link
// to it, since the content is the same) is a case; or path is the -wal, -shm or -journal
// file of a case, whether that side file exists yet or not; or path is the same file
// (device and inode) as one of openCases, or one of their side files. A path that does
// not exist and is no case's side file is accepted. It returns another error when path
// exists but cannot be read to tell. Export, chart, snapshot, every GUI export (through
// WriteFileAtomic) and Save a copy call it before writing.
func RefuseCaseTarget(path string, openCases ...string) error {
	target, err := resolveTarget(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := refuseCaseFile(path, target, "", openCases); err != nil {
		return err
	}
	base := filepath.Base(target)
	for _, suf := range sideSuffixes {
		if len(base) > len(suf) && strings.EqualFold(base[len(base)-len(suf):], suf) {
			return refuseCaseFile(path, target[:len(target)-len(suf)], suf, openCases)
		}
	}
	return nil
}

// refuseCaseFile refuses path when file (path itself, what it leads to, or the database
// whose side file suffix path is) is a case or one of openCases.
func refuseCaseFile(path, file, suffix string, openCases []string) error {
	fi, err := os.Stat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, pathless(err))
	}
	why := ""
	for _, open := range openCases {
		if ofi, err := os.Stat(open); err == nil && os.SameFile(fi, ofi) {
			why = "the open case"
		}
	}
	if why == "" && fi.Mode().IsRegular() {
		kind, err := databaseKind(file)
		if err != nil {
			return fmt.Errorf("write %s: cannot check that it is not a Chronoscope case: %w", path, pathless(err))
		}
		why = kind
	}
	switch {
	case why == "":
		return nil
	case suffix != "":
		why = "it is a file of " + why + " " + filepath.Base(file)
	case filepath.Clean(file) != filepath.Clean(path):
		why = "it leads to " + why + " " + file
	default:
		why = "it is " + why
	}
	return &refusal{verb: "write over", path: path, why: why, kind: ErrCaseTarget}
}

// databaseKind says what the file at path is when it is an SQLite database: "a
// Chronoscope case", or "an SQLite database" for any other, which is refused too: a case
// being made has its application_id in its -wal file until the first checkpoint, so its
// own header does not say it yet. "" when it is no database.
func databaseKind(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var head [72]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return "", nil // too short to be a database
		}
		return "", err
	}
	switch {
	case !bytes.Equal(head[:16], sqliteMagic):
		return "", nil
	case binary.BigEndian.Uint32(head[68:72]) == CaseApplicationID:
		return "a Chronoscope case", nil
	}
	return "an SQLite database (perhaps a case still being made)", nil
}

// resolveTarget follows the symlinks at the end of path to the file a write through path
// lands in; the target need not exist (a dangling link is written through, creating its
// target). A relative link is read from the link's real folder, as the system does.
func resolveTarget(path string) (string, error) {
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode()&fs.ModeSymlink == 0) {
			return p, nil
		}
		if err != nil {
			return "", pathless(err)
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", pathless(err)
		}
		if !filepath.IsAbs(link) {
			dir, err := filepath.EvalSymlinks(filepath.Dir(p))
			if err != nil {
				return "", pathless(err)
			}
			link = filepath.Join(dir, link)
		}
		p = link
	}
	return "", errors.New("too many levels of symbolic links")
}
