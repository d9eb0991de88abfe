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
