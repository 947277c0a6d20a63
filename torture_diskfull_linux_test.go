package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// diskFullDirEnv names the folder the re-executed test mounts a small tmpfs on.
const diskFullDirEnv = "CHRONOSCOPE_TORTURE_DISKFULL_DIR"

// diskFullSize is the size of that filesystem: room for the case and its WAL, not for
// the import that follows. (10 MiB since schema 9: the generated events each cite a
// source of their own, which the case keeps in its list of sources too, 9 MB for the
// 5,000 events of the test where 7.2 MB were before.)
const diskFullSize = 10 << 20

// TestTortureDiskFull fills the filesystem a case lives on, then adds and imports: each
// fails with one line that says the disk is full (or, with a little room left, an add
// succeeds and stays), the case passes integrity_check with every earlier event, and
// once space is freed it takes adds and imports again.
//
// The filesystem is a tmpfs of diskFullSize mounted in a private mount namespace, so
// nothing outside this test sees it: the test runs itself again as a child process in a
// new mount namespace (as root), or in new user and mount namespaces (as another user,
// where the kernel allows unprivileged user namespaces). That child mounts the tmpfs and
// runs the binary, which inherits the namespace.
func TestTortureDiskFull(t *testing.T) {
	if dir := os.Getenv(diskFullDirEnv); dir != "" {
		diskFullInside(t, dir)
		return
	}
	bin := chronoscopeBinary(t)
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTortureDiskFull$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), diskFullDirEnv+"="+dir, tortureBinaryEnv+"="+bin)
	cmd.SysProcAttr = namespaceAttr(os.Getuid(), os.Getgid())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	t.Logf("in a private mount namespace:\n%s", out.String())
	switch {
	case err != nil && errors.Is(err, syscall.EPERM), err != nil && errors.Is(err, syscall.EINVAL):
		noSizeLimitedFS(t, "no new mount namespace: "+err.Error())
	case strings.Contains(out.String(), "--- SKIP"):
		noSizeLimitedFS(t, "no tmpfs in the namespace (see the log above)")
	case err != nil:
		t.Errorf("the disk-full run failed: %v", err)
	}
}

// namespaceAttr starts a child in a mount namespace of its own: as root directly, as
// another user (uid, gid) inside a user namespace where it is root.
func namespaceAttr(uid, gid int) *syscall.SysProcAttr {
	if uid == 0 {
		return &syscall.SysProcAttr{Unshareflags: syscall.CLONE_NEWNS} // Go makes / private in it
	}
	return &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: uid, Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: gid, Size: 1}},
	}
}

// noSizeLimitedFS skips the test where the machine cannot make a size-limited
// filesystem, except in CI, where nothing may skip.
func noSizeLimitedFS(t *testing.T, why string) {
	t.Helper()
	if inCI() {
		t.Fatalf("disk full cannot be tested here (%s): run the tests as root on Linux, or allow unprivileged user namespaces", why)
	}
	t.Skipf("disk full cannot be tested here (%s)", why)
}

// diskFullInside is the test proper, in the child process that owns the namespace.
func diskFullInside(t *testing.T, dir string) {
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", diskFullSize)); err != nil {
		t.Skipf("mount -t tmpfs: %v", err)
	}
	defer syscall.Unmount(dir, 0)
	work := t.TempDir() // the CSV files live outside the small filesystem
	db := filepath.Join(dir, "full.chronoscope")
	base := filepath.Join(work, "base.csv")
	writeCSV(t, base, 1000, 1, "base-")
	mustRun(t, work, "--db", db, "import", base)
	big := filepath.Join(work, "big.csv")
	writeCSV(t, big, 4000, 2, "big-")
	want := listEvents(t, work, db)

	filler := filepath.Join(dir, "filler")
	fill(t, filler)
	for _, room := range []int64{0, 8 << 10, 40 << 10, 400 << 10} {
		if err := freeUpTo(filler, room); err != nil {
			t.Fatalf("freeing %d bytes: %v", room, err)
		}
		r := run(t, work, addArgs(db, fmt.Sprintf("added with %d bytes free", room))...)
		if id := addedID(r); id != "" {
			want[id] = listed{ID: id}
			t.Logf("%d bytes free: add succeeded", room)
		} else {
			oneLine(t, r, "disk is full")
			noLockErrors(t, r)
		}
		r = run(t, work, "--db", db, "import", big)
		oneLine(t, r, "disk is full")
		noLockErrors(t, r)
		t.Logf("%d bytes free: import: %s", room, strings.TrimSpace(r.stderr))
		if r = run(t, work, "--db", db, "list", "--lane", "none such"); r.code != 0 {
			oneLine(t, r, "disk is full") // a read may need room for the -shm file; it says so
			noLockErrors(t, r)
		}
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	mustBeWhole(t, db, "after the disk was full")
	got := listEvents(t, work, db)
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("event %s is gone after the disk was full", id)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d events after the disk was full, want %d", len(got), len(want))
	}
	// Usable again once there is room.
	if id := addedID(mustRun(t, work, addArgs(db, "after space was freed")...)); id == "" {
		t.Errorf("add after space was freed printed no id")
	}
	mustRun(t, work, "--db", db, "import", big)
	if n := countWhere(t, db, "big-"); n != 4000 {
		t.Errorf("import after space was freed: %d of 4000 events", n)
	}
	mustBeWhole(t, db, "after space was freed")
}

// fill writes path until the filesystem has no room left.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				break
			}
			t.Fatalf("filling the disk: %v", err)
		}
	}
	for _, n := range []int{4096, 512, 1} { // the last partial pages
		for {
			if _, err := f.Write(chunk[:n]); err != nil {
				break
			}
		}
	}
}

// freeUpTo shortens the filler so that about room bytes are free (tmpfs counts pages).
func freeUpTo(path string, room int64) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &st); err != nil {
		return err
	}
	free := int64(st.Bavail) * st.Bsize
	if room <= free {
		return nil
	}
	return os.Truncate(path, max(0, fi.Size()-(room-free)))
}
