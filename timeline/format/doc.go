// Package format converts between files and timeline events: Chronoscope's own CSV and
// JSON, TimelineJS JSON and its spreadsheet CSV, iCalendar (.ics) and ACLED CSV exports.
//
// Reading is all-or-nothing: Read returns every event of a file normalized, validated and
// with an ID, or a *ParseError naming the file, the line and the column of the first
// thing wrong. An event with no id in the file gets one derived from the format, its
// title and its start, so importing the same file twice updates rather than duplicates.
// Writing the native CSV or JSON and reading it back gives the same events, field by
// field.
//
// The package does no input or output of its own beyond the reader and writer it is
// given, and knows nothing of storage or windows.
package format
