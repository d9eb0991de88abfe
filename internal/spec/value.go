package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/backwards-backend/bb/internal/contract"
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

// writeJSONString writes s as encoding/json does with HTML escaping off, byte for byte
// (FuzzJSONString holds them equal), without an encoder for every string: a large
// spec's bodies hold hundreds of thousands of them.
func writeJSONString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
		case r == '\u2028' || r == '\u2029':
			b.WriteString(s[start:i])
			b.WriteString(`\u202`)
			b.WriteByte(hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
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

// Equal reports whether the value equals x, a decoded JSON value, by the contract's
// rules: numbers by value (1 equals 1.0), objects whatever their key order.
func (v *Value) Equal(x any) bool { return contract.Equal(v.Any(), x) }

// Any is the value as contract.Decode gives JSON: nil, bool, json.Number, string, []any
// or map[string]any.
func (v *Value) Any() any {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		return json.Number(v.Num)
	case String:
		return v.Str
	case Array:
		items := make([]any, len(v.Items))
		for i := range v.Items {
			items[i] = v.Items[i].Any()
		}
		return items
	case Object:
		m := make(map[string]any, len(v.Fields))
		for i := range v.Fields {
			m[v.Fields[i].Key] = v.Fields[i].Value.Any()
		}
		return m
	}
	return nil
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
