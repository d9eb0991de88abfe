package contract

import (
	"encoding/json"
	"reflect"
	"strconv"
	"sync"
)

// filler stores a checked document, as Decode gives it, into a Go value of the types bb
// generates, as encoding/json would decode the document's Canonical text into it. It
// reports false when the document is not what its schema says, and leaves the rest to
// encoding/json.
type filler func(doc any, v reflect.Value) bool

// fillers holds, by schema, the Go type a schema was last filled into and its filler
// (nil where there is none). A schema meets one Go type in a generated server; another
// type gets a filler built for it each time.
var fillers sync.Map // *Schema → *typeFiller

type typeFiller struct {
	t    reflect.Type
	fill filler
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// fillerFor is the filler storing documents that fit s into values of type t, built
// once; nil when a type in t decodes itself (time.Time, Nullable, keys a struct tag
// cannot spell) or does not plainly match s: encoding/json then reads the document.
func fillerFor(s *Schema, t reflect.Type) filler {
	if f, ok := fillers.Load(s); ok && f.(*typeFiller).t == t {
		return f.(*typeFiller).fill
	}
	f := buildFiller(s, t, 0)
	fillers.Store(s, &typeFiller{t, f})
	return f
}

func buildFiller(s *Schema, t reflect.Type, depth int) filler {
	if s == nil || depth > 32 || reflect.PointerTo(t).Implements(unmarshalerType) {
		return nil
	}
	if t.Kind() == reflect.Pointer {
		elem := buildFiller(s, t.Elem(), depth+1)
		if elem == nil {
			return nil
		}
		et := t.Elem()
		return func(doc any, v reflect.Value) bool {
			if doc == nil {
				return true
			}
			p := reflect.New(et)
			if !elem(doc, p.Elem()) {
				return false
			}
			v.Set(p)
			return true
		}
	}
	if t.Kind() == reflect.Interface {
		if t.NumMethod() > 0 || s.Kind != KindAny {
			return nil
		}
		return func(doc any, v reflect.Value) bool {
			if doc == nil {
				return true
			}
			p, ok := plain(doc)
			if ok {
				v.Set(reflect.ValueOf(p))
			}
			return ok
		}
	}
	switch s.Kind {
	case KindBool:
		if t.Kind() != reflect.Bool {
			return nil
		}
		return func(doc any, v reflect.Value) bool {
			b, ok := doc.(bool)
			if ok {
				v.SetBool(b)
			}
			return ok || doc == nil
		}
	case KindString:
		if t.Kind() != reflect.String {
			return nil
		}
		return func(doc any, v reflect.Value) bool {
			str, ok := doc.(string)
			if ok {
				v.SetString(str)
			}
			return ok || doc == nil
		}
	case KindInt:
		if t.Kind() != reflect.Int64 {
			return nil
		}
		return func(doc any, v reflect.Value) bool {
			n, ok := doc.(json.Number)
			if !ok {
				return doc == nil
			}
			i, ok := Int(string(n))
			if ok {
				v.SetInt(i)
			}
			return ok
		}
	case KindNumber:
		if t.Kind() != reflect.Float64 {
			return nil
		}
		return func(doc any, v reflect.Value) bool {
			n, ok := doc.(json.Number)
			if !ok {
				return doc == nil
			}
			f, err := strconv.ParseFloat(string(n), 64)
			if err == nil {
				v.SetFloat(f)
			}
			return err == nil
		}
	case KindArray:
		if t.Kind() != reflect.Slice {
			return nil
		}
		elem := buildFiller(s.Elem, t.Elem(), depth+1)
		if elem == nil {
			return nil
		}
		return func(doc any, v reflect.Value) bool {
			items, ok := doc.([]any)
			if !ok {
				return doc == nil
			}
			out := reflect.MakeSlice(v.Type(), len(items), len(items))
			for i, item := range items {
				if !elem(item, out.Index(i)) {
					return false
				}
			}
			v.Set(out)
			return true
		}
	case KindMap:
		if t.Kind() != reflect.Map || t.Key().Kind() != reflect.String || t.Key() != reflect.TypeFor[string]() {
			return nil
		}
		elem := buildFiller(s.Elem, t.Elem(), depth+1)
		if elem == nil {
			return nil
		}
		et := t.Elem()
		return func(doc any, v reflect.Value) bool {
			obj, ok := doc.(map[string]any)
			if !ok {
				return doc == nil
			}
			out := reflect.MakeMapWithSize(v.Type(), len(obj))
			for k, item := range obj {
				e := reflect.New(et).Elem()
				if !elem(item, e) {
					return false
				}
				out.SetMapIndex(reflect.ValueOf(k), e)
			}
			v.Set(out)
			return true
		}
	case KindObject:
		return objectFiller(s, t, depth)
	}
	return nil
}

// objectFiller fills a struct whose fields are tagged with the schema's keys, each
// exactly once, as the generated types are; any other struct is left to encoding/json.
func objectFiller(s *Schema, t reflect.Type, depth int) filler {
	if t.Kind() != reflect.Struct || t.NumField() != len(s.Fields) {
		return nil
	}
	type fieldFill struct {
		key   string
		index int
		fill  filler
	}
	fields := make([]fieldFill, 0, len(s.Fields))
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, _, _ := cutComma(sf.Tag.Get("json"))
		if !sf.IsExported() || sf.Anonymous || tag == "" || tag == "-" {
			return nil
		}
		f := s.field(tag)
		if f == nil || f.Key != tag {
			return nil
		}
		for _, seen := range fields {
			if seen.key == tag {
				return nil
			}
		}
		fill := buildFiller(f.Schema, sf.Type, depth+1)
		if fill == nil {
			return nil
		}
		fields = append(fields, fieldFill{tag, i, fill})
	}
	return func(doc any, v reflect.Value) bool {
		obj, ok := doc.(map[string]any)
		if !ok {
			return doc == nil
		}
		for _, f := range fields {
			if item, ok := obj[f.key]; ok && !f.fill(item, v.Field(f.index)) {
				return false
			}
		}
		return true
	}
}

func cutComma(tag string) (name, rest string, found bool) {
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:], true
		}
	}
	return tag, "", false
}

// plain is doc as encoding/json decodes it into an interface: numbers as float64. ok is
// false for a number a float64 cannot hold, which encoding/json refuses.
func plain(doc any) (v any, ok bool) {
	switch d := doc.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(d), 64)
		return f, err == nil
	case []any:
		out := make([]any, len(d))
		for i, item := range d {
			if out[i], ok = plain(item); !ok {
				return nil, false
			}
		}
		return out, true
	case map[string]any:
		out := make(map[string]any, len(d))
		for k, item := range d {
			if out[k], ok = plain(item); !ok {
				return nil, false
			}
		}
		return out, true
	}
	return doc, true
}
