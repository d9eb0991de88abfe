package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
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

func numbersEqual(a, b string) bool {
	if a == b {
		return true
	}
	x, ok1 := new(big.Rat).SetString(a)
	y, ok2 := new(big.Rat).SetString(b)
	return ok1 && ok2 && x.Cmp(y) == 0
}

// FromJSON decodes JSON text into a Value, keeping key order. It is how a bodyFile or a
// request body seen by the server becomes an example.
func FromJSON(data []byte) (Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeJSONValue(dec)
	if err != nil {
		return Value{}, err
	}
	if _, err := dec.Token(); err == nil {
		return Value{}, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

func decodeJSONValue(dec *json.Decoder) (Value, error) {
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
		if t == '[' {
			v := Value{Kind: Array, Items: []Value{}}
			for dec.More() {
				item, err := decodeJSONValue(dec)
				if err != nil {
					return Value{}, err
				}
				v.Items = append(v.Items, item)
			}
			_, err := dec.Token()
			return v, err
		}
		v := Value{Kind: Object, Fields: []Field{}}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return Value{}, err
			}
			item, err := decodeJSONValue(dec)
			if err != nil {
				return Value{}, err
			}
			v.Fields = append(v.Fields, Field{Key: kt.(string), Value: item})
		}
		_, err := dec.Token()
		return v, err
	}
	return Value{}, fmt.Errorf("unexpected JSON token %v", tok)
}
