package timeline

import "context"

// Watcher is the part of a store whose case others change from elsewhere while it is
// open (a shared case on a server): Watch calls fn with the case's Version each time it
// may have changed, at once when it starts and after a lost connection is made again, so
// a window can re-read at once instead of waiting for its next poll of Version. It
// returns when ctx ends.
type Watcher interface {
	Watch(ctx context.Context, fn func(version uint64)) error
}
