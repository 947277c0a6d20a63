package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// jsonWalker walks a JSON document held in memory token by token, so that each event can
// be decoded on its own and every error placed on its line.
type jsonWalker struct {
	s    *sink
	data []byte
	dec  *json.Decoder
	// lineOff and line cache the last line lookup; lookups mostly move forward.
	lineOff int
	line    int
}

// newJSONWalker reads the whole document (without a copy when r is a *bytes.Buffer, as
// ReadFile gives) and checks it against the limits (see jsonLimits) before decoding any.
func newJSONWalker(r io.Reader, s *sink) (*jsonWalker, error) {
	var data []byte
	if b, ok := r.(*bytes.Buffer); ok {
		data = b.Bytes()
	} else {
		var err error
		if data, err = io.ReadAll(r); err != nil {
			return nil, s.errAt(0, "", "%v", err)
		}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	j := &jsonWalker{s: s, data: data, dec: dec, line: 1}
	if le := checkJSONLimits(data); le != nil {
		return nil, s.errAt(j.lineAt(int64(le.off)), le.column, "%s", le.msg)
	}
	return j, nil
}

// lineAt is the line of the byte at off.
func (j *jsonWalker) lineAt(off int64) int {
	o := int(min(max(off, 0), int64(len(j.data))))
	if o < j.lineOff {
		j.lineOff, j.line = 0, 1
	}
	j.line += bytes.Count(j.data[j.lineOff:o], []byte{'\n'})
	j.lineOff = o
	return j.line
}

// next is the offset of the next value: after the decoder's position, past blanks, commas
// and colons.
func (j *jsonWalker) next() int64 {
	off := j.dec.InputOffset()
	for off < int64(len(j.data)) {
		switch j.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// fail turns an error of the decoder into a *ParseError. start is the offset of the value
// being decoded (a type error's offset counts from it), column the key it is under.
func (j *jsonWalker) fail(err error, start int64, column string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return j.s.errAt(j.lineAt(syn.Offset), column, "the JSON is broken here: %v", syn)
	case errors.As(err, &typ):
		if typ.Field != "" {
			column = typ.Field
		}
		return j.s.errAt(j.lineAt(start), column, "%s is expected, not a %s", kindOf(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return j.s.errAt(j.lineAt(int64(len(j.data))), column, "the JSON ends too soon")
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	return j.s.errAt(j.lineAt(start), column, "%v", err)
}

func kindOf(k string) string {
	switch k {
	case "string":
		return "text"
	case "int", "int64", "float64":
		return "a number"
	case "slice":
		return "a list"
	case "map", "struct":
		return "an object"
	}
	return "a " + k
}

// delim reads the next token and checks it is want ('{' or '[').
func (j *jsonWalker) delim(want json.Delim, column string) error {
	start := j.next()
	tok, err := j.dec.Token()
	if err != nil {
		return j.fail(err, start, column)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		what := "an object"
		if want == '[' {
			what = "a list"
		}
		return j.s.errAt(j.lineAt(start), column, "%s is expected here", what)
	}
	return nil
}

// object walks an object's members, calling member with each key; member must consume
// the value (with decode, skip, object or array).
func (j *jsonWalker) object(column string, member func(key string) error) error {
	if err := j.delim('{', column); err != nil {
		return err
	}
	for j.dec.More() {
		start := j.next()
		tok, err := j.dec.Token()
		if err != nil {
			return j.fail(err, start, column)
		}
		key, ok := tok.(string)
		if !ok {
			return j.s.errAt(j.lineAt(start), column, "a key is expected here")
		}
		if err := member(key); err != nil {
			return err
		}
	}
	start := j.next()
	if _, err := j.dec.Token(); err != nil {
		return j.fail(err, start, column)
	}
	return nil
}

// array walks a list, calling item with the line each element starts on; item must
// consume the element.
func (j *jsonWalker) array(column string, item func(line int) error) error {
	if err := j.delim('[', column); err != nil {
		return err
	}
	for j.dec.More() {
		if err := item(j.lineAt(j.next())); err != nil {
			return err
		}
	}
	start := j.next()
	if _, err := j.dec.Token(); err != nil {
		return j.fail(err, start, column)
	}
	return nil
}

// decode reads the next value into v.
func (j *jsonWalker) decode(v any, column string) error {
	start := j.next()
	if err := j.dec.Decode(v); err != nil {
		return j.fail(err, start, column)
	}
	return nil
}

// skip reads past the next value token by token, so that a long list nobody reads is
// never held whole.
func (j *jsonWalker) skip(column string) error {
	depth := 0
	for {
		start := j.next()
		tok, err := j.dec.Token()
		if err != nil {
			return j.fail(err, start, column)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth <= 0 {
			return nil
		}
	}
}

// end checks nothing but blanks follow the document.
func (j *jsonWalker) end() error {
	start := j.next()
	if _, err := j.dec.Token(); err != io.EOF {
		return j.s.errAt(j.lineAt(start), "", "there is more after the end of the JSON document")
	}
	return nil
}

// text decodes a string value, accepting null as "".
func (j *jsonWalker) text(column string) (string, error) {
	var s *string
	if err := j.decode(&s, column); err != nil {
		return "", err
	}
	if s == nil {
		return "", nil
	}
	return *s, nil
}

// str is a JSON value read as text: a string, or a number written as it is. TimelineJS
// files write date parts either way.
type str string

// UnmarshalJSON accepts a string, a number, or null.
func (v *str) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*v = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = str(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*v = str(b)
	default:
		return fmt.Errorf("%s is neither text nor a number", b)
	}
	return nil
}

// MarshalJSON writes a whole number as a JSON number and anything else as a string.
func (v str) MarshalJSON() ([]byte, error) {
	if n, err := strconv.Atoi(string(v)); err == nil {
		return []byte(strconv.Itoa(n)), nil
	}
	return json.Marshal(string(v))
}
