package contract

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is the kind of value a Schema expects.
type Kind uint8

// The kinds of bb's type model.
const (
	KindAny      Kind = iota // any JSON value
	KindBool                 // true or false
	KindInt                  // a whole number that fits in 64 bits
	KindNumber               // any number that fits in a float64
	KindString               // text, one of Enum when it is set
	KindDateTime             // an RFC 3339 date-time string
	KindArray                // a list of Elem
	KindMap                  // an object with free keys and Elem values
	KindObject               // an object with known Fields
)

var kindNames = [...]string{"any value", "boolean", "integer", "number", "string", "date-time string", "array", "object", "object"}

// String names the kind as messages do.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind " + strconv.Itoa(int(k))
}

// Schema is the shape of one position of a JSON document: a body, a field, an item.
type Schema struct {
	Kind     Kind
	Nullable bool     // null is allowed here
	Enum     []string // String: the allowed values; empty allows any
	Elem     *Schema  // Array and Map: the shape of every item
	Name     string   // Object: the type's name, for documentation
	Fields   []Field  // Object: the known keys
	// Open allows keys that Fields do not list, even in a strict check.
	Open bool
}

// Field is one known key of an object Schema.
type Field struct {
	Key      string
	Required bool // the key must be present; when it is not, it may be absent
	Schema   *Schema
}

// Problem is one place where a document does not fit its Schema.
type Problem struct {
	Path    string `json:"path"` // e.g. body.messages[0] or $.user
	Msg     string `json:"message"`
	Warning bool   `json:"warning,omitempty"` // a key the spec does not list, where that is allowed
}

// String formats the problem as path: message.
func (p Problem) String() string { return p.Path + ": " + p.Msg }

// Problems lists every misfit of a document, errors before warnings.
type Problems []Problem

// Errors returns the problems that are not warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Error joins the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Check lists every place where doc, as Decode gives it, does not fit s. path names doc
// in the messages ("body", "$"). A key an object does not list is a warning: a client
// ignores what it does not know, so a response may carry more.
func (s *Schema) Check(doc any, path string) Problems { return s.run(doc, path, false) }

// CheckStrict is Check for a request: a key that an object does not list is an error,
// unless the object is Open. A server reads exactly what its clients may send.
func (s *Schema) CheckStrict(doc any, path string) Problems { return s.run(doc, path, true) }

func (s *Schema) run(doc any, path string, strict bool) Problems {
	var ps Problems
	s.check(doc, &at{root: path}, strict, &ps)
	if len(ps) == 0 {
		return nil
	}
	sort.SliceStable(ps, func(i, j int) bool { return !ps[i].Warning && ps[j].Warning })
	return ps
}

// at is where a value sits in a document: the path a problem names, spelled only when
// there is a problem.
type at struct {
	parent *at
	root   string // the document's name, at the top
	key    string
	index  int // an array item's index, when key is ""
	item   bool
}

func (a *at) String() string {
	switch {
	case a.parent == nil:
		return a.root
	case a.item:
		return a.parent.String() + "[" + strconv.Itoa(a.index) + "]"
	}
	return KeyPath(a.parent.String(), a.key)
}

func (s *Schema) check(doc any, path *at, strict bool, ps *Problems) {
	bad := func(format string, args ...any) {
		*ps = append(*ps, Problem{Path: path.String(), Msg: fmt.Sprintf(format, args...)})
	}
	if doc == nil {
		if !s.Nullable && s.Kind != KindAny {
			bad("expected %s, got null", s.Kind)
		}
		return
	}
	switch s.Kind {
	case KindAny:
	case KindBool:
		if _, ok := doc.(bool); !ok {
			bad("expected %s, got %s", s.Kind, Describe(doc))
		}
	case KindInt:
		n, ok := doc.(json.Number)
		if !ok {
			bad("expected %s, got %s", s.Kind, Describe(doc))
		} else if _, ok := Int(string(n)); !ok {
			bad("expected %s, got %s", s.Kind, Describe(doc))
		}
	case KindNumber:
		n, ok := doc.(json.Number)
		if !ok {
			bad("expected %s, got %s", s.Kind, Describe(doc))
		} else if _, ok := Float(string(n)); !ok {
			bad("expected a number a float64 can hold, got %s", Describe(doc))
		}
	case KindString, KindDateTime:
		str, ok := doc.(string)
		switch {
		case !ok:
			bad("expected %s, got %s", s.Kind, Describe(doc))
		case s.Kind == KindDateTime && !IsDateTime(str):
			bad("expected %s (RFC 3339, e.g. 2026-01-02T15:04:05Z), got %s", s.Kind, Describe(doc))
		case len(s.Enum) > 0 && !slices.Contains(s.Enum, str):
			q := make([]string, len(s.Enum))
			for i, e := range s.Enum {
				q[i] = strconv.Quote(e)
			}
			bad("expected one of %s, got %s", strings.Join(q, ", "), Describe(doc))
		}
	case KindArray:
		items, ok := doc.([]any)
		if !ok {
			bad("expected %s, got %s", s.Kind, Describe(doc))
			return
		}
		for i, item := range items {
			s.Elem.check(item, &at{parent: path, index: i, item: true}, strict, ps)
		}
	case KindMap, KindObject:
		obj, ok := doc.(map[string]any)
		if !ok {
			bad("expected %s, got %s", s.Kind, Describe(doc))
			return
		}
		if s.Kind == KindMap {
			for _, k := range sortedKeys(obj) {
				s.Elem.check(obj[k], &at{parent: path, key: k}, strict, ps)
			}
			return
		}
		known := 0
		for _, f := range s.Fields {
			v, ok := obj[f.Key]
			if !ok {
				if f.Required {
					*ps = append(*ps, Problem{Path: KeyPath(path.String(), f.Key), Msg: fmt.Sprintf("expected %s, got no such key", f.Schema.Kind)})
				}
				continue
			}
			known++
			f.Schema.check(v, &at{parent: path, key: f.Key}, strict, ps)
		}
		if known == len(obj) {
			return // every key is one the spec lists
		}
		for _, k := range sortedKeys(obj) {
			if s.field(k) == nil {
				p := Problem{Path: KeyPath(path.String(), k), Msg: "unexpected key, not in the spec (got " + Describe(obj[k]) + ")", Warning: !strict || s.Open}
				if near := s.caseTwin(k); near != "" {
					p.Msg += fmt.Sprintf("; keys are case-sensitive: did you mean %q?", near)
				}
				*ps = append(*ps, p)
			}
		}
	}
}

func (s *Schema) field(key string) *Field {
	for i := range s.Fields {
		if s.Fields[i].Key == key {
			return &s.Fields[i]
		}
	}
	return nil
}

func (s *Schema) caseTwin(key string) string {
	for _, f := range s.Fields {
		if strings.EqualFold(f.Key, key) {
			return f.Key
		}
	}
	return ""
}

// Int reads JSON number text as an int64: a whole value in range, however it is written
// (3, 3.0 and 3e0 are 3).
func Int(text string) (int64, bool) {
	d, ok := ParseDecimal(text)
	if !ok {
		return 0, false
	}
	return d.Int64()
}

// Float reads JSON number text as a float64, refusing what a float64 cannot hold.
func Float(text string) (float64, bool) {
	if _, ok := ParseDecimal(text); !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(text, 64)
	return f, err == nil && !math.IsInf(f, 0)
}

// dateTimeRE is RFC 3339's date-time; time.Parse then checks the ranges.
var dateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$`)

// IsDateTime reports whether s is an RFC 3339 date-time, with or without fractional
// seconds.
func IsDateTime(s string) bool {
	_, ok := DateTime(s)
	return ok
}

// DateTime reads an RFC 3339 date-time.
func DateTime(s string) (time.Time, bool) {
	if !dateTimeRE.MatchString(s) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s))
	return t, err == nil
}

// Describe names a decoded JSON value's kind, with the value itself when it is short.
func Describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean " + strconv.FormatBool(v)
	case json.Number:
		return "number " + clip(string(v))
	case float64:
		return "number " + strconv.FormatFloat(v, 'g', -1, 64)
	case string:
		return "string " + clip(strconv.Quote(v))
	case []any:
		return fmt.Sprintf("array of %d", len(v))
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", x)
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Canonical encodes doc, which fits s, so that encoding/json decodes it into the Go
// types bb generates for s exactly as the check read it: keys s does not list are left
// out (encoding/json would match them to fields case-insensitively), whole numbers at
// integer positions are written as integers (3.0 as 3), -0 as 0, and date-times in
// upper case.
func (s *Schema) Canonical(doc any) []byte {
	return s.appendCanonical(nil, doc)
}

func (s *Schema) appendCanonical(b []byte, doc any) []byte {
	if doc == nil {
		return append(b, "null"...)
	}
	switch s.Kind {
	case KindInt:
		if n, ok := doc.(json.Number); ok {
			if i, ok := Int(string(n)); ok {
				return strconv.AppendInt(b, i, 10)
			}
		}
	case KindNumber:
		// -0 is 0: PostgreSQL would keep its sign, SQLite drops it.
		if n, ok := doc.(json.Number); ok && strings.HasPrefix(string(n), "-") {
			if f, ok := Float(string(n)); ok && f == 0 {
				return append(b, '0')
			}
		}
	case KindDateTime:
		if str, ok := doc.(string); ok {
			return strconv.AppendQuote(b, strings.ToUpper(str))
		}
	case KindArray:
		if items, ok := doc.([]any); ok {
			b = append(b, '[')
			for i, item := range items {
				if i > 0 {
					b = append(b, ',')
				}
				b = s.Elem.appendCanonical(b, item)
			}
			return append(b, ']')
		}
	case KindMap, KindObject:
		obj, ok := doc.(map[string]any)
		if !ok {
			break
		}
		var small [8]string
		keys := small[:0]
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		first := true
		for _, k := range keys {
			elem := s.Elem
			if s.Kind == KindObject {
				f := s.field(k)
				if f == nil {
					continue
				}
				elem = f.Schema
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendString(b, k)
			b = append(b, ':')
			b = elem.appendCanonical(b, obj[k])
		}
		return append(b, '}')
	}
	switch v := doc.(type) {
	case string:
		return appendString(b, v)
	case json.Number:
		return append(b, v...)
	case bool:
		return strconv.AppendBool(b, v)
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, data...)
}

// appendString appends s as a JSON string that encoding/json reads back as s.
func appendString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		data, _ := json.Marshal(s) // a string always encodes
		return append(b, data...)
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"
