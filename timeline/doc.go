// Package timeline is Chronoscope's domain: events, their EDTF dates and sources, the
// filters an analyst applies, and the Store interface the user interface and the command
// line talk to. It imports nothing of Chronoscope's own and no storage or GUI library, so
// every rule here is tested without a window or a database.
package timeline
