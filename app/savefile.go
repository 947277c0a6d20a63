package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens the chosen file for writing before it calls back, and opening
// an existing file for writing empties it. Chronoscope wants only the chosen path from the
// dialog: it writes exports through a temporary file and a rename, so a failed export
// must leave the analyst's existing file as it was. file: URIs therefore go through
// keepFiles, whose writers open (and empty) the file only when first written to: a
// writer closed unwritten, as our dialogs' callbacks close theirs, leaves the file system
// as it was. This holds for every file: writer in the process (none of Chronoscope's needs
// a file made or emptied without writing to it), and a writer that cannot open its file
// says so at its first Write rather than when it is made. Everything else is Fyne's own.

// keepFiles wraps the repository Fyne registered for file: URIs.
type keepFiles struct {
	base repository.Repository
}

// installKeepFiles puts keepFiles in front of the file: repository of the running
// driver. Call it once the Fyne app exists, from the goroutine that made it.
func installKeepFiles() {
	base, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := base.(*keepFiles); done {
		return
	}
	repository.Register("file", &keepFiles{base: base})
}

// lazyWriter opens the base repository's writer at its first Write.
type lazyWriter struct {
	uri  fyne.URI
	open func() (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open()
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}

// Writer gives a writer that opens the file when first written to.
func (k *keepFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	w, ok := k.base.(repository.WritableRepository)
	if !ok {
		return nil, repository.ErrOperationNotSupported
	}
	return &lazyWriter{uri: u, open: func() (fyne.URIWriteCloser, error) { return w.Writer(u) }}, nil
}

// Exists is the base repository's.
func (k *keepFiles) Exists(u fyne.URI) (bool, error) { return k.base.Exists(u) }

// Reader is the base repository's.
func (k *keepFiles) Reader(u fyne.URI) (fyne.URIReadCloser, error) { return k.base.Reader(u) }

// CanRead is the base repository's.
func (k *keepFiles) CanRead(u fyne.URI) (bool, error) { return k.base.CanRead(u) }

// Destroy is the base repository's.
func (k *keepFiles) Destroy(scheme string) { k.base.Destroy(scheme) }

// CanWrite is the base repository's.
func (k *keepFiles) CanWrite(u fyne.URI) (bool, error) {
	if w, ok := k.base.(repository.WritableRepository); ok {
		return w.CanWrite(u)
	}
	return false, repository.ErrOperationNotSupported
}

// Delete is the base repository's.
func (k *keepFiles) Delete(u fyne.URI) error {
	if w, ok := k.base.(repository.WritableRepository); ok {
		return w.Delete(u)
	}
	return repository.ErrOperationNotSupported
}

// Appender is the base repository's.
func (k *keepFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if a, ok := k.base.(repository.AppendableRepository); ok {
		return a.Appender(u)
	}
	return nil, repository.ErrOperationNotSupported
}

// DeleteAll is the base repository's.
func (k *keepFiles) DeleteAll(u fyne.URI) error {
	if d, ok := k.base.(repository.DeleteAllRepository); ok {
		return d.DeleteAll(u)
	}
	return repository.ErrOperationNotSupported
}

// CanList is the base repository's.
func (k *keepFiles) CanList(u fyne.URI) (bool, error) {
	if l, ok := k.base.(repository.ListableRepository); ok {
		return l.CanList(u)
	}
	return false, repository.ErrOperationNotSupported
}

// List is the base repository's.
func (k *keepFiles) List(u fyne.URI) ([]fyne.URI, error) {
	if l, ok := k.base.(repository.ListableRepository); ok {
		return l.List(u)
	}
	return nil, repository.ErrOperationNotSupported
}

// CreateListable is the base repository's.
func (k *keepFiles) CreateListable(u fyne.URI) error {
	if l, ok := k.base.(repository.ListableRepository); ok {
		return l.CreateListable(u)
	}
	return repository.ErrOperationNotSupported
}

// Parent is the base repository's; Fyne's generic answer when it has none.
func (k *keepFiles) Parent(u fyne.URI) (fyne.URI, error) {
	if h, ok := k.base.(repository.HierarchicalRepository); ok {
		return h.Parent(u)
	}
	return repository.GenericParent(u)
}

// Child is the base repository's; Fyne's generic answer when it has none.
func (k *keepFiles) Child(u fyne.URI, component string) (fyne.URI, error) {
	if h, ok := k.base.(repository.HierarchicalRepository); ok {
		return h.Child(u, component)
	}
	return repository.GenericChild(u, component)
}

// Copy is the base repository's; Fyne's generic copy when it has none.
func (k *keepFiles) Copy(src, dst fyne.URI) error {
	if c, ok := k.base.(repository.CopyableRepository); ok {
		return c.Copy(src, dst)
	}
	return repository.GenericCopy(src, dst)
}

// Move is the base repository's; Fyne's generic move when it has none.
func (k *keepFiles) Move(src, dst fyne.URI) error {
	if m, ok := k.base.(repository.MovableRepository); ok {
		return m.Move(src, dst)
	}
	return repository.GenericMove(src, dst)
}
