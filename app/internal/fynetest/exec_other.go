//go:build !unix

package fynetest

// reexec does nothing where a process cannot replace itself: the tests run with Fyne's
// default cache time.
func reexec() {}
