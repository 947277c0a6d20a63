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
// # Limits
//
// Every reader refuses, with the file, line and column, a field over
// timeline.MaxFieldBytes (1 MiB) and a record (a CSV row, a JSON event, an iCalendar
// VEVENT) over timeline.MaxRecordBytes (16 MiB), counted as text once the format's
// quotes and escapes are undone. It stops as soon as it has read past a limit, before
// holding more, so that an import takes memory in proportion to the file whatever it
// holds. A CSV header names at most MaxColumns columns, and every later row has exactly
// as many cells: a row with fewer (a file cut off in the middle of a row) or more is an
// error. Text that is not UTF-8 or holds a NUL byte is refused with the field named
// (timeline.Event.Validate), as is a source URL other than http, https or mailto.
//
// # Cells that would run as formulas
//
// A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage return as a
// formula. Chronoscope's CSV exports (native and TimelineJS sheet, and so
// "chronoscope list --format csv") write such a cell with an apostrophe before it, which
// spreadsheets take as "this is text". The rule looks past the apostrophes a cell
// already begins with, so that a cell that really begins with an apostrophe survives:
//
//	cell           written as
//	=1+1           '=1+1
//	'=x            ''=x
//	'abc           'abc
//	-0043-03-15    '-0043-03-15   (a BCE start or end date)
//	-41.9          -41.9          (a number column)
//
// Reading a native or TimelineJS sheet CSV removes the first apostrophe of a cell only
// where the writer would have added it: when what follows is apostrophes and then one of
// those characters. So the round trip keeps every character, and a cell that begins with
// an apostrophe for its own reasons is read as it is. Columns that only ever hold a
// number (lat, lon, importance, credibility; Year, Month and Day in a sheet) are written
// as they are, since a spreadsheet reads -41.9 as the number it is. Dates are text: a
// BCE date written with its apostrophe is kept as it is by a spreadsheet, instead of
// being computed as -43-3-15, and reads back without it; a date written -0043-03-15 by
// hand reads as well.
//
// # Carriage returns
//
// Like spreadsheets, encoding/csv reads a line break written CR LF inside a quoted cell
// as LF, so that a file whose line ends were converted reads the same. The CSV writers
// therefore double the CR of each CR LF inside a cell (CR CR LF), which reads back as CR
// LF; a CR anywhere else is written as it is. Every character of a cell, CR included,
// survives an export and an import.
//
// The package does no input or output of its own beyond the reader and writer it is
// given, and knows nothing of storage or windows.
package format
