// Package format converts between files and timeline events: Chronoscope's own CSV and
// JSON, TimelineJS JSON and its spreadsheet CSV, iCalendar (.ics) and ACLED CSV exports.
//
// Reading is all-or-nothing: Read returns every event of a file normalized, validated and
// with an ID, or a *ParseError naming the file, the line and the column of the first
// thing wrong. An event with no id in the file gets one derived from the format, its
// title and its start, so importing the same file twice updates rather than duplicates.
// Writing the native CSV or JSON and reading it back gives the same events, field by
// field; the other formats keep what they can hold, and each writer says what that is.
//
// Scan hands events over one at a time for large imports. The CSV formats and iCalendar
// are read as a stream; the JSON formats are read whole first, so that every error can be
// placed on its line.
//
// Choices made where the formats are silent:
//   - Times without a zone (iCalendar floating times, TimelineJS and sheet times) are UTC.
//   - TimelineJS headlines and text are HTML. They are kept as they are (the attribute
//     text_format=html says so) and written back as they are; any other text is
//     HTML-escaped when written for TimelineJS, since TimelineJS renders it as HTML.
//   - Formats with no place for a field keep it in Event.Attrs under a plain key
//     (media_url, fatalities, rrule...), and an empty attribute is no attribute.
//   - Two events with the same id in one file are an error, not a silent update.
//
// The package does no input or output of its own beyond the reader and writer it is
// given, and knows nothing of storage or windows.
package format
