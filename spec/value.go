package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Kind is the JSON kind of a Value.
type Kind int

// The JSON kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String names the kind as JSON Schema does.
func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// Value is a JSON value written in YAML. Unlike a map, it keeps object keys in the order
// the spec lists them, so stub bodies go on the wire, and generated types list their
// fields, exactly as written.
type Value struct {
	Kind   Kind
	Bool   bool
	Num    string  // Number: the literal in JSON form, e.g. "42" or "1.5"
	Str    string  // String
	Items  []Value // Array
	Fields []Field // Object, in spec order
	Pos    Pos
}

// Field is one key of an object Value.
type Field struct {
	Key    string
	Value  Value
	KeyPos Pos
}

// IsInt reports whether a Number value is a whole number written without a fraction.
func (v *Value) IsInt() bool {
	return v.Kind == Number && !strings.ContainsAny(v.Num, ".eE")
}

// Get returns the value of an object's key, or nil.
func (v *Value) Get(key string) *Value {
	for i := range v.Fields {
		if v.Fields[i].Key == key {
			return &v.Fields[i].Value
		}
	}
	return nil
}

// JSON encodes the value compactly, keys in spec order.
func (v *Value) JSON() []byte {
	var b bytes.Buffer
	v.writeJSON(&b)
	return b.Bytes()
}

// MarshalJSON lets a Value sit inside structs encoded with encoding/json.
func (v Value) MarshalJSON() ([]byte, error) { return v.JSON(), nil }

func (v *Value) writeJSON(b *bytes.Buffer) {
	switch v.Kind {
	case Null:
		b.WriteString("null")
	case Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case Number:
		b.WriteString(v.Num)
	case String:
		writeJSONString(b, v.Str)
	case Array:
		b.WriteByte('[')
		for i := range v.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			v.Items[i].writeJSON(b)
		}
		b.WriteByte(']')
	case Object:
		b.WriteByte('{')
		for i := range v.Fields {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, v.Fields[i].Key)
			b.WriteByte(':')
			v.Fields[i].Value.writeJSON(b)
		}
		b.WriteByte('}')
	}
}

func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	b.Truncate(b.Len() - 1)
}

// String renders the value as compact JSON, for messages and logs.
func (v *Value) String() string { return string(v.JSON()) }

// Text is the value as it appears in a query string or header: strings bare, others as JSON.
func (v *Value) Text() string {
	if v.Kind == String {
		return v.Str
	}
	return v.String()
}

// Equal reports whether the value equals x, a value decoded by encoding/json (with or
// without UseNumber). Numbers compare by value, so 1 equals 1.0; objects ignore key order.
func (v *Value) Equal(x any) bool {
	switch v.Kind {
	case Null:
		return x == nil
	case Bool:
		b, ok := x.(bool)
		return ok && b == v.Bool
	case Number:
		var s string
		switch n := x.(type) {
		case json.Number:
			s = string(n)
		case float64:
			s = strconv.FormatFloat(n, 'g', -1, 64)
		default:
			return false
		}
		return numbersEqual(v.Num, s)
	case String:
		s, ok := x.(string)
		return ok && s == v.Str
	case Array:
		a, ok := x.([]any)
		if !ok || len(a) != len(v.Items) {
			return false
		}
		for i := range v.Items {
			if !v.Items[i].Equal(a[i]) {
				return false
			}
		}
		return true
	case Object:
		m, ok := x.(map[string]any)
		if !ok || len(m) != len(v.Fields) {
			return false
		}
		for i := range v.Fields {
			got, ok := m[v.Fields[i].Key]
			if !ok || !v.Fields[i].Value.Equal(got) {
				return false
			}
		}
		return true
	}
	return false
}

// numbersEqual compares two JSON number literals by value. It compares their decimal
// digits and exponents rather than building big numbers: a client could otherwise make
// each comparison cost milliseconds by sending 1e1000000. Text that is not a JSON
// number (0x10, 1/2) equals nothing.
func numbersEqual(a, b string) bool {
	if a == b {
		return true
	}
	x, ok1 := parseDecimal(a)
	y, ok2 := parseDecimal(b)
	return ok1 && ok2 && x == y
}

// decimal is a number as 0.digits × 10^exp, with digits free of leading and trailing
// zeros; zero is the zero decimal, whatever its sign.
type decimal struct {
	neg    bool
	digits string
	exp    int64
}

// parseDecimal reads a JSON number literal, also allowing the '+' that strconv writes in
// exponents.
func parseDecimal(s string) (decimal, bool) {
	var d decimal
	if strings.HasPrefix(s, "-") {
		d.neg, s = true, s[1:]
	}
	mant, expText, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, hasPoint := strings.Cut(mant, ".")
	if !allDigits(intPart) || hasPoint && !allDigits(frac) {
		return decimal{}, false
	}
	var exp int64
	if hasExp {
		var err error
		if exp, err = strconv.ParseInt(expText, 10, 64); err != nil || exp > 1<<60 || exp < -(1<<60) {
			return decimal{}, false
		}
	}
	digits := intPart + frac
	point := int64(len(intPart))
	trimmed := strings.TrimLeft(digits, "0")
	point -= int64(len(digits) - len(trimmed))
	digits = strings.TrimRight(trimmed, "0")
	if digits == "" {
		return decimal{}, true
	}
	d.digits, d.exp = digits, point+exp
	return d, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// FromJSON decodes JSON text into a Value, keeping key order. It is how a bodyFile or a
// request body seen by the server becomes an example.
func FromJSON(data []byte) (Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeJSONValue(dec, 0)
	if err != nil {
		return Value{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return Value{}, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

// maxJSONDepth is how deeply FromJSON lets values nest, the same limit encoding/json
// keeps: json.Decoder.Token has none, and each level costs a stack frame here.
const maxJSONDepth = 10000

func decodeJSONValue(dec *json.Decoder, depth int) (Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return Value{}, err
	}
	switch t := tok.(type) {
	case nil:
		return Value{Kind: Null}, nil
	case bool:
		return Value{Kind: Bool, Bool: t}, nil
	case json.Number:
		return Value{Kind: Number, Num: t.String()}, nil
	case string:
		return Value{Kind: String, Str: t}, nil
	case json.Delim:
		if depth >= maxJSONDepth {
			return Value{}, fmt.Errorf("JSON nests deeper than %d levels", maxJSONDepth)
		}
		if t == '[' {
			v := Value{Kind: Array, Items: []Value{}}
			for dec.More() {
				item, err := decodeJSONValue(dec, depth+1)
				if err != nil {
					return Value{}, err
				}
				v.Items = append(v.Items, item)
			}
			_, err := dec.Token()
			return v, err
		}
		v := Value{Kind: Object, Fields: []Field{}}
		var seen map[string]int
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return Value{}, err
			}
			item, err := decodeJSONValue(dec, depth+1)
			if err != nil {
				return Value{}, err
			}
			key := kt.(string)
			// A repeated key keeps its first place and its last value, as encoding/json
			// (and so the stub server's matching) reads it.
			if i, ok := seen[key]; ok {
				v.Fields[i].Value = item
				continue
			}
			if seen == nil {
				seen = map[string]int{}
			}
			seen[key] = len(v.Fields)
			v.Fields = append(v.Fields, Field{Key: key, Value: item})
		}
		_, err := dec.Token()
		return v, err
	}
	return Value{}, fmt.Errorf("unexpected JSON token %v", tok)
}
