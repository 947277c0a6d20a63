package format

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/chronoscope/chronoscope/timeline"
)

// ReadFile reads the file at path in format f, or in the format Detect finds from its
// name and first bytes when f is "" or "auto", and returns the document with the format
// used. progress, when set, is told how many of the file's bytes have been read so far.
// Errors name the file by its base name, as ParseError does.
//
// The CSV formats and iCalendar are read as a stream, a record at a time. The JSON
// formats are read whole (so that every error can be placed on its line) into one buffer
// of the file's size, which the reader then uses as it is, without a copy.
func ReadFile(path string, f Format, progress func(done, total int64)) (Document, Format, error) {
	return ReadFileWith(path, f, Options{}, progress)
}

// ReadFileWith is ReadFile with the options of a spreadsheet (see ReadWith).
func ReadFileWith(path string, f Format, opt Options, progress func(done, total int64)) (Document, Format, error) {
	r, f, closeFile, err := openFile(path, f, progress)
	if err != nil {
		return Document{}, f, err
	}
	defer closeFile()
	doc, err := ReadWith(r, filepath.Base(path), f, opt)
	return doc, f, err
}

// ScanFile is ReadFile for large files: like Scan, it hands each event to each as soon as
// it is read and checked, and keeps none of them, so memory does not grow with the file
// (beyond the one buffer a JSON file is read into).
func ScanFile(path string, f Format, progress func(done, total int64), each func(timeline.Event) error) (timeline.CaseInfo, Format, error) {
	doc, f, err := ScanFileWith(path, f, Options{}, progress, each)
	return doc.Info, f, err
}

// ScanFileWith is ScanFile with the options of a spreadsheet (see ScanWith).
func ScanFileWith(path string, f Format, opt Options, progress func(done, total int64), each func(timeline.Event) error) (Document, Format, error) {
	r, f, closeFile, err := openFile(path, f, progress)
	if err != nil {
		return Document{}, f, err
	}
	defer closeFile()
	doc, err := ScanWith(r, filepath.Base(path), f, opt, each)
	return doc, f, err
}

// openFile opens path for ReadFile and ScanFile: it detects the format when f is "" or
// "auto", and reads a JSON file whole into one buffer.
func openFile(path string, f Format, progress func(done, total int64)) (io.Reader, Format, func(), error) {
	name := filepath.Base(path)
	file, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, f, nil, fmt.Errorf("%s: %w", name, err)
	}
	closeFile := func() { file.Close() }
	size := int64(-1)
	if fi, err := file.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	var r io.Reader = file
	if progress != nil && size >= 0 {
		r = &countingReader{r: file, total: size, report: progress}
	}
	br := bufio.NewReaderSize(r, 1<<16)
	if f == "" || f == "auto" {
		head, _ := br.Peek(4096)
		if f, err = Detect(name, head); err != nil {
			closeFile()
			return nil, f, nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if (f == JSON || f == TimelineJS) && size >= 0 {
		whole := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
		if _, err := whole.ReadFrom(br); err != nil {
			closeFile()
			return nil, f, nil, fmt.Errorf("%s: %w", name, err)
		}
		return whole, f, closeFile, nil
	}
	return br, f, closeFile, nil
}

// countingReader reports the bytes read through it, every megabyte or so.
type countingReader struct {
	r      io.Reader
	done   int64
	total  int64
	last   int64
	report func(done, total int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.done += int64(n)
	if c.done-c.last >= 1<<20 || err == io.EOF {
		c.last = c.done
		c.report(c.done, c.total)
	}
	return n, err
}
