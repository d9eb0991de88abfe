// Package contract is bb's contract kernel: everything that decides whether a request or
// a response fits a spec, and which stub response answers a request. It reads JSON
// strictly, compares JSON values exactly (numbers as decimals), walks body paths, tests
// `when` conditions, checks documents against shapes with the path of every misfit, and
// writes the JSON error answers.
//
// bb serve, bb verify and every ejected server run exactly this code: bb compiles it in,
// and bb eject copies its files byte for byte into the ejected project. So it imports
// only the standard library, and it knows nothing of bb.yaml: callers hand it values
// (schemas, conditions) already built.
package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDepth is how deeply a JSON document may nest: encoding/json's own limit.
const MaxDepth = 10000

// SyntaxError is JSON text that Decode cannot read: broken syntax, a repeated key, data
// after the value, or nesting deeper than MaxDepth.
type SyntaxError struct {
	Path string // where it was found, e.g. body.items[2]; "" for the whole text
	Msg  string
}

// Error says where and what.
func (e *SyntaxError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Decode reads one JSON document strictly into the values encoding/json produces with
// UseNumber: nil, bool, json.Number, string, []any and map[string]any. Unlike
// encoding/json, a key repeated in one object is an error rather than a silent "last one
// wins", and so is any data after the value. root names the document in errors ("body").
func Decode(data []byte, root string) (any, error) {
	if v, ok := decodeFast(data); ok {
		return v, nil
	}
	return decodeTokens(data, root)
}

// decodeTokens is Decode with encoding/json's tokenizer, which names what is wrong.
func decodeTokens(data []byte, root string) (any, error) {
	d := decoder{dec: json.NewDecoder(bytes.NewReader(data)), root: root}
	d.dec.UseNumber()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return nil, &SyntaxError{Msg: "more data after the JSON value"}
	}
	return v, nil
}

// decoder reads one document token by token. It keeps the steps to the current value
// and spells them as a path only for an error, so deep documents cost linear time.
type decoder struct {
	dec   *json.Decoder
	root  string
	steps []Step
}

func (d *decoder) errorf(format string, args ...any) error {
	var b strings.Builder
	b.WriteString(d.root)
	for _, st := range d.steps {
		if st.Key != "" || st.Index < 0 {
			b.WriteString(KeyPath("", st.Key))
		} else {
			fmt.Fprintf(&b, "[%d]", st.Index)
		}
	}
	return &SyntaxError{Path: clipPath(b.String()), Msg: fmt.Sprintf(format, args...)}
}

// clipPath keeps a path short enough to read and to send back: its start and its end.
func clipPath(p string) string {
	const head, tail = 64, 192
	if len(p) <= head+tail+3 {
		return p
	}
	i, j := head, len(p)-tail
	for i > 0 && !utf8.RuneStart(p[i]) {
		i--
	}
	for j < len(p) && !utf8.RuneStart(p[j]) {
		j++
	}
	return p[:i] + "…" + p[j:]
}

func (d *decoder) value() (any, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return nil, syntaxError(err)
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	if len(d.steps) >= MaxDepth {
		return nil, d.errorf("nests deeper than %d levels", MaxDepth)
	}
	if delim == '[' {
		items := []any{}
		for d.dec.More() {
			d.steps = append(d.steps, Step{Index: len(items)})
			item, err := d.value()
			if err != nil {
				return nil, err
			}
			d.steps = d.steps[:len(d.steps)-1]
			items = append(items, item)
		}
		if _, err := d.dec.Token(); err != nil {
			return nil, syntaxError(err)
		}
		return items, nil
	}
	obj := map[string]any{}
	for d.dec.More() {
		kt, err := d.dec.Token()
		if err != nil {
			return nil, syntaxError(err)
		}
		key, _ := kt.(string)
		d.steps = append(d.steps, Step{Key: key, Index: -1})
		if _, dup := obj[key]; dup {
			return nil, d.errorf("the key appears twice")
		}
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		d.steps = d.steps[:len(d.steps)-1]
		obj[key] = v
	}
	if _, err := d.dec.Token(); err != nil {
		return nil, syntaxError(err)
	}
	return obj, nil
}

// fastDepth is how deeply decodeFast follows a document; a deeper one is read by the
// tokenizer.
const fastDepth = 512

// fastDecoder reads a JSON document in one pass over its bytes, into the values the
// tokenizer gives. It reads only what is plainly valid: on anything else (broken
// syntax, a repeated key, deep nesting, data after the value) it gives up, and Decode
// reads the text again with encoding/json's tokenizer, which says what is wrong and
// where.
type fastDecoder struct {
	data []byte
	i    int
}

// decodeFast is Decode for valid documents; ok is false when it gave up.
func decodeFast(data []byte) (v any, ok bool) {
	d := fastDecoder{data: data}
	if v, ok = d.value(0); !ok {
		return nil, false
	}
	d.space()
	return v, d.i == len(d.data)
}

func (d *fastDecoder) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// value reads the value at d.i, inside depth arrays and objects.
func (d *fastDecoder) value(depth int) (any, bool) {
	d.space()
	if d.i >= len(d.data) {
		return nil, false
	}
	switch c := d.data[d.i]; {
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case c == '"':
		return d.str()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	}
	return nil, false
}

func (d *fastDecoder) literal(lit string) bool {
	if !bytes.HasPrefix(d.data[d.i:], []byte(lit)) {
		return false
	}
	d.i += len(lit)
	return true
}

func (d *fastDecoder) digits() int {
	n := 0
	for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}

// number reads -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? as its text; what follows
// it is the caller's to check.
func (d *fastDecoder) number() (any, bool) {
	start := d.i
	if d.data[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.data) && d.data[d.i] == '0':
		d.i++
	case d.digits() == 0:
		return nil, false
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			return nil, false
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return nil, false
		}
	}
	return json.Number(d.data[start:d.i]), true
}

// str reads a string. Plain text is taken as it is; a string with escapes or bytes that
// are not UTF-8 is read by encoding/json, as the tokenizer reads it.
func (d *fastDecoder) str() (any, bool) {
	s, ok := d.text()
	return s, ok
}

func (d *fastDecoder) text() (string, bool) {
	start := d.i + 1
	escaped, ascii := false, true
	for i := start; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			raw := d.data[start:i]
			d.i = i + 1
			if !escaped && (ascii || utf8.Valid(raw)) {
				return string(raw), true
			}
			return d.unquote(start-1, i+1)
		case c == '\\':
			i++ // the escaped byte cannot end the string
			escaped = true
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// unquote reads the string literal d.data[from:to] with encoding/json.
func (d *fastDecoder) unquote(from, to int) (string, bool) {
	var s string
	if err := json.Unmarshal(d.data[from:to], &s); err != nil {
		return "", false
	}
	return s, true
}

func (d *fastDecoder) array(depth int) (any, bool) {
	if depth >= fastDepth {
		return nil, false
	}
	d.i++
	items := []any{}
	d.space()
	if d.i < len(d.data) && d.data[d.i] == ']' {
		d.i++
		return items, true
	}
	for {
		v, ok := d.value(depth + 1)
		if !ok {
			return nil, false
		}
		items = append(items, v)
		d.space()
		if d.i >= len(d.data) {
			return nil, false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return items, true
		default:
			return nil, false
		}
	}
}

func (d *fastDecoder) object(depth int) (any, bool) {
	if depth >= fastDepth {
		return nil, false
	}
	d.i++
	obj := map[string]any{}
	d.space()
	if d.i < len(d.data) && d.data[d.i] == '}' {
		d.i++
		return obj, true
	}
	for {
		d.space()
		if d.i >= len(d.data) || d.data[d.i] != '"' {
			return nil, false
		}
		key, ok := d.text()
		if !ok {
			return nil, false
		}
		d.space()
		if d.i >= len(d.data) || d.data[d.i] != ':' {
			return nil, false
		}
		d.i++
		v, ok := d.value(depth + 1)
		if !ok {
			return nil, false
		}
		if _, dup := obj[key]; dup {
			return nil, false
		}
		obj[key] = v
		d.space()
		if d.i >= len(d.data) {
			return nil, false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return obj, true
		default:
			return nil, false
		}
	}
}

func syntaxError(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &SyntaxError{Msg: "unexpected end of JSON input"}
	}
	return &SyntaxError{Msg: strings.TrimPrefix(err.Error(), "json: ")}
}

// Equal reports whether two decoded JSON values are equal: numbers by value (1, 1.0 and
// 10e-1 are equal), objects whatever their key order. Values may come from Decode or
// from encoding/json with or without UseNumber.
func Equal(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		b, ok := b.(bool)
		return ok && a == b
	case string:
		b, ok := b.(string)
		return ok && a == b
	case json.Number, float64:
		bn, ok := numberText(b)
		an, _ := numberText(a)
		return ok && NumberEqual(an, bn)
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !Equal(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			w, ok := b[k]
			if !ok || !Equal(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

func numberText(x any) (string, bool) {
	switch n := x.(type) {
	case json.Number:
		return string(n), true
	case float64:
		return strconv.FormatFloat(n, 'g', -1, 64), true
	}
	return "", false
}

// MaxExponent bounds the exponent of a number Equal and the shape checks accept, far
// beyond any float64 or int64: a larger one is no number at all to them.
const MaxExponent = 1 << 60

// NumberEqual compares two JSON number texts by value: 2, 2.0, 20e-1 and 0.2E+1 are
// equal. It compares decimal digits and exponents rather than building big numbers, so
// a client cannot make a comparison expensive by sending 1e1000000000. Text that is not
// a JSON number (0x10, +2, 1/2, NaN) equals nothing.
func NumberEqual(a, b string) bool {
	x, ok1 := ParseDecimal(a)
	y, ok2 := ParseDecimal(b)
	if !ok1 || !ok2 {
		// A number with an exponent beyond MaxExponent still equals its own spelling.
		return a == b && isNumberText(a)
	}
	return x == y
}

// isNumberText reports whether s is a JSON number, whatever the size of its exponent.
func isNumberText(s string) bool {
	s = strings.TrimPrefix(s, "-")
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, hasPoint := strings.Cut(mant, ".")
	if !allDigits(intPart) || hasPoint && !allDigits(frac) || len(intPart) > 1 && intPart[0] == '0' {
		return false
	}
	if hasExp && exp != "" && (exp[0] == '+' || exp[0] == '-') {
		exp = exp[1:]
	}
	return !hasExp || allDigits(exp)
}

// Decimal is a number as ±0.Digits × 10^Exp, with Digits free of leading and trailing
// zeros; zero is the zero Decimal, whatever its sign or spelling.
type Decimal struct {
	Neg    bool
	Digits string
	Exp    int64
}

// ParseDecimal reads JSON number text (also allowing the '+' strconv writes in
// exponents). It reports false for anything else, and for exponents beyond MaxExponent.
func ParseDecimal(s string) (Decimal, bool) {
	var d Decimal
	if strings.HasPrefix(s, "-") {
		d.Neg, s = true, s[1:]
	}
	mant, expText, hasExp := strings.Cut(s, "e")
	if !hasExp {
		mant, expText, hasExp = strings.Cut(s, "E")
	}
	intPart, frac, hasPoint := strings.Cut(mant, ".")
	if !allDigits(intPart) || hasPoint && !allDigits(frac) || len(intPart) > 1 && intPart[0] == '0' {
		return Decimal{}, false
	}
	var exp int64
	digits := intPart + frac
	if hasExp {
		var err error
		exp, err = strconv.ParseInt(expText, 10, 64)
		if err != nil && !isNumberText("0e"+expText) {
			return Decimal{}, false
		}
		if err != nil || exp > MaxExponent || exp < -MaxExponent {
			if strings.Trim(digits, "0") == "" {
				return Decimal{}, true // zero, whatever its exponent
			}
			return Decimal{}, false
		}
	}
	point := int64(len(intPart))
	trimmed := strings.TrimLeft(digits, "0")
	point -= int64(len(digits) - len(trimmed))
	digits = strings.TrimRight(trimmed, "0")
	if digits == "" {
		return Decimal{}, true
	}
	d.Digits, d.Exp = digits, point+exp
	return d, true
}

// IsWhole reports whether d has no fractional part.
func (d Decimal) IsWhole() bool { return int64(len(d.Digits)) <= d.Exp || d.Digits == "" }

// Int64 returns d as an int64 when it is whole and in range.
func (d Decimal) Int64() (int64, bool) {
	if d.Digits == "" {
		return 0, true
	}
	if !d.IsWhole() || d.Exp > 19 {
		return 0, false
	}
	text := d.Digits + strings.Repeat("0", int(d.Exp)-len(d.Digits))
	if d.Neg {
		text = "-" + text
	}
	n, err := strconv.ParseInt(text, 10, 64)
	return n, err == nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
