package timeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// WriteFileAtomic writes path through a temporary file in the same folder that is renamed
// over path only once write has succeeded and the data is on disk, so a failed export
// never leaves half a file and an existing file is replaced whole or not at all. It:
//   - refuses a path that is, leads to, or belongs to a Chronoscope case (RefuseCaseTarget),
//     checked before writing and again just before the rename;
//   - refuses to replace a read-only file (no write permission bit, or not writable by
//     this user), and anything that is not a regular file;
//   - writes through a symlink: the link stays, its target is replaced (the temporary file
//     goes in the target's folder, so the rename stays in one file system);
//   - keeps the permission bits (and, where the system allows, the owner) of a file it
//     replaces, and gives a new file the mode any program's new file gets (0666 less the
//     umask and any default ACL, applied by the system when the file is created);
//   - fsyncs the file before the rename and the folder after it.
func WriteFileAtomic(path string, write func(w io.Writer) error) (err error) {
	target, old, err := prepareTarget(path)
	if err != nil {
		return err
	}
	tmp, err := createTemp(target)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, pathless(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err = write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, pathless(err))
	}
	if old != nil {
		if err = tmp.Chmod(old.Mode().Perm()); err != nil {
			return fmt.Errorf("write %s: %w", path, pathless(err))
		}
		keepOwner(tmp, old)
	}
	if err = fsync(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, pathless(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, pathless(err))
	}
	if err = RefuseCaseTarget(path); err != nil { // it may have become one meanwhile
		return err
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, pathless(err))
	}
	if err := syncDir(filepath.Dir(target)); err != nil {
		return fmt.Errorf("write %s: written, but its folder could not be synced to disk: %w", path, pathless(err))
	}
	return nil
}

// fsync is (*os.File).Sync, a variable so that a test can see it happen before the rename.
var fsync = (*os.File).Sync

// prepareTarget resolves the file a write to path replaces and refuses what must not be
// replaced. old describes the existing file, nil when there is none.
func prepareTarget(path string) (target string, old fs.FileInfo, err error) {
	if err := RefuseCaseTarget(path); err != nil {
		return "", nil, err
	}
	if target, err = resolveTarget(path); err != nil {
		return "", nil, fmt.Errorf("write %s: %w", path, err)
	}
	old, err = os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil, nil
	case err != nil:
		return "", nil, fmt.Errorf("write %s: %w", path, pathless(err))
	case old.IsDir():
		return "", nil, &refusal{verb: "write over", path: path, why: "it is a folder"}
	case !old.Mode().IsRegular():
		return "", nil, &refusal{verb: "write over", path: path, why: "it is not a regular file"}
	}
	if old.Mode().Perm()&0o222 == 0 {
		return "", nil, &refusal{verb: "replace", path: path, why: "it is read-only", kind: ErrReadOnlyTarget}
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0) // opening does not truncate
	if err != nil {
		return "", nil, &refusal{verb: "replace", path: path, kind: ErrReadOnlyTarget,
			why: "it is read-only for this user (" + pathless(err).Error() + ")"}
	}
	f.Close()
	return target, old, nil
}

// createTemp makes a new, empty, uniquely named file beside target. It is created with
// permission 0666, so the system applies the umask (and a default ACL) as it does for any
// new file: the mode a new export ends with is exactly what the user's settings say,
// without reading the process-wide umask (syscall.Umask would have to change it to read
// it, racing other goroutines that create files).
func createTemp(target string) (*os.File, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	for range 10000 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("cannot find a free temporary file name")
}

// pathless drops the path an *os.PathError repeats, since the message names it already.
func pathless(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
