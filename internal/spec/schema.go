package spec

import (
	"fmt"
	"slices"
	"strings"
)

// The JSON Schema subset a `schema:` may use. It says what examples cannot: that a field
// may be null or absent, that a string is a date-time, what an empty list holds.
var (
	schemaKeys = []string{"type", "properties", "required", "items", "format", "nullable", "enum",
		"additionalProperties", "description", "title", "default", "example"}
	schemaTypes   = []string{"string", "integer", "number", "boolean", "array", "object", "null"}
	schemaFormats = []string{"date-time", "date", "time", "duration", "email", "uri", "url", "uuid",
		"hostname", "ipv4", "ipv6", "int32", "int64", "float", "double", "byte", "binary", "password"}
)

// checkSchemas validates every `schema:` in the spec against the JSON Schema subset bb
// understands.
func (p *parser) checkSchemas(s *Spec) {
	report := func(pos Pos, msg string) { p.errorf(pos, "%s", msg) }
	for _, e := range s.Endpoints {
		if e.Request.Schema != nil {
			schemaType(e.Request.Schema, report)
		}
		for _, r := range e.Responses {
			if r.Schema != nil {
				schemaType(r.Schema, report)
			}
		}
	}
}

// schemaType reads a schema into a Type, reporting what it cannot read.
func schemaType(v *Value, report func(Pos, string)) *Type {
	sr := schemaReader{report: report}
	return sr.read(v, "schema")
}

type schemaReader struct {
	report func(Pos, string)
}

func (sr schemaReader) errorf(pos Pos, format string, args ...any) {
	sr.report(pos, fmt.Sprintf(format, args...))
}

func (sr schemaReader) read(v *Value, where string) *Type {
	if v.Kind != Object {
		sr.errorf(v.Pos, "%s must be a mapping of JSON Schema keywords such as `type: string`, not %s", where, kindPhrase(v))
		return &Type{Kind: TypeAny}
	}
	fields := map[string]*Field{}
	for i := range v.Fields {
		f := &v.Fields[i]
		if !slices.Contains(schemaKeys, f.Key) {
			msg := fmt.Sprintf("unknown keyword %q in %s", f.Key, where)
			if s := Suggest(f.Key, schemaKeys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += fmt.Sprintf("; bb reads only %s", strings.Join(schemaKeys, ", "))
			}
			sr.errorf(f.KeyPos, "%s", msg)
			continue
		}
		fields[f.Key] = f
	}

	// type: one name or a list of names, "null" among them making the value nullable.
	var types []string
	nullable := false
	if f := fields["type"]; f != nil {
		var items []Value
		switch f.Value.Kind {
		case String:
			items = []Value{f.Value}
		case Array:
			items = f.Value.Items
			if len(items) == 0 {
				sr.errorf(f.Value.Pos, "%s: type lists no types; write e.g. `type: string`", where)
			}
		default:
			sr.errorf(f.Value.Pos, "%s: type must be a type name or a list of them, not %s", where, kindPhrase(&f.Value))
		}
		for i := range items {
			it := &items[i]
			switch {
			case it.Kind != String:
				sr.errorf(it.Pos, "%s: type names are text such as \"string\", not %s", where, kindPhrase(it))
			case !slices.Contains(schemaTypes, it.Str):
				msg := fmt.Sprintf("%s: %q is not a JSON Schema type (%s)", where, it.Str, strings.Join(schemaTypes, ", "))
				if s := Suggest(it.Str, schemaTypes); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				sr.errorf(it.Pos, "%s", msg)
			case it.Str == "null":
				nullable = true
			case !slices.Contains(types, it.Str):
				types = append(types, it.Str)
			}
		}
	}
	if f := fields["nullable"]; f != nil {
		if f.Value.Kind != Bool {
			sr.errorf(f.Value.Pos, "%s: nullable must be true or false, not %s", where, kindPhrase(&f.Value))
		} else if f.Value.Bool {
			nullable = true
		}
	}
	if len(types) == 0 {
		// No type: the keywords present say which it is.
		switch {
		case fields["properties"] != nil || fields["required"] != nil || fields["additionalProperties"] != nil:
			types = []string{"object"}
		case fields["items"] != nil:
			types = []string{"array"}
		case fields["format"] != nil:
			types = []string{"string"}
		case fields["enum"] != nil:
			if e := fields["enum"].Value; e.Kind == Array && len(e.Items) > 0 && e.Items[0].Kind == String {
				types = []string{"string"}
			}
		}
	}
	is := func(t string) bool { return len(types) == 1 && types[0] == t }

	for _, kw := range []string{"properties", "required", "additionalProperties"} {
		if fields[kw] != nil && !slices.Contains(types, "object") {
			sr.errorf(fields[kw].KeyPos, "%s: %s applies to objects, but the type is %s", where, kw, strings.Join(types, " or "))
		}
	}
	if f := fields["items"]; f != nil && !slices.Contains(types, "array") {
		sr.errorf(f.KeyPos, "%s: items applies to arrays, but the type is %s", where, strings.Join(types, " or "))
	}

	var format string
	if f := fields["format"]; f != nil {
		if f.Value.Kind != String {
			sr.errorf(f.Value.Pos, "%s: format must be text such as \"date-time\", not %s", where, kindPhrase(&f.Value))
		} else {
			format = f.Value.Str
			if !slices.Contains(schemaFormats, format) {
				if s := Suggest(format, schemaFormats); s != "" {
					sr.errorf(f.Value.Pos, "%s: unknown format %q; did you mean %q?", where, format, s)
				}
			}
		}
	}

	var enum []string
	if f := fields["enum"]; f != nil {
		enum = sr.enum(&f.Value, where, types)
	}

	t := &Type{Kind: TypeAny}
	switch {
	case len(types) == 0:
	case len(types) == 2 && slices.Contains(types, "integer") && slices.Contains(types, "number"):
		t = &Type{Kind: TypeDouble}
	case len(types) > 1:
	case is("string"):
		t = &Type{Kind: TypeString, Enum: enum}
		if format == "date-time" {
			t = &Type{Kind: TypeDateTime}
		}
	case is("integer"):
		t = &Type{Kind: TypeInt}
	case is("number"):
		t = &Type{Kind: TypeDouble}
	case is("boolean"):
		t = &Type{Kind: TypeBool}
	case is("array"):
		t = &Type{Kind: TypeArray, Elem: &Type{Kind: TypeAny}}
		if f := fields["items"]; f != nil {
			t.Elem = sr.read(&f.Value, where+".items")
		}
	case is("object"):
		t = sr.object(fields, where)
	}
	t.Nullable = nullable
	return t
}

func (sr schemaReader) enum(v *Value, where string, types []string) []string {
	if v.Kind != Array || len(v.Items) == 0 {
		sr.errorf(v.Pos, "%s: enum must be a non-empty list of the allowed values", where)
		return nil
	}
	var out []string
	for i := range v.Items {
		it := &v.Items[i]
		switch it.Kind {
		case String:
			if len(types) > 0 && !slices.Contains(types, "string") {
				sr.errorf(it.Pos, "%s: enum value %q is text, but the type is %s", where, it.Str, strings.Join(types, " or "))
			}
			out = append(out, it.Str)
		case Number, Bool, Null:
		default:
			sr.errorf(it.Pos, "%s: enum values must be plain values, not %s", where, kindPhrase(it))
		}
	}
	if len(out) != len(v.Items) {
		return nil // only lists of strings type a value; others just document it
	}
	return out
}

func (sr schemaReader) object(fields map[string]*Field, where string) *Type {
	var required []Value
	if f := fields["required"]; f != nil {
		if f.Value.Kind != Array {
			sr.errorf(f.Value.Pos, "%s: required must be a list of property names, not %s", where, kindPhrase(&f.Value))
		} else {
			required = f.Value.Items
		}
	}
	props := fields["properties"]
	if props == nil {
		for i := range required {
			sr.errorf(required[i].Pos, "%s: required lists %s, but the schema has no properties", where, required[i].String())
		}
		t := &Type{Kind: TypeMap, Elem: &Type{Kind: TypeAny}}
		if f := fields["additionalProperties"]; f != nil {
			switch f.Value.Kind {
			case Bool:
			case Object:
				t.Elem = sr.read(&f.Value, where+".additionalProperties")
			default:
				sr.errorf(f.Value.Pos, "%s: additionalProperties must be true, false or a schema, not %s", where, kindPhrase(&f.Value))
			}
		}
		return t
	}
	if props.Value.Kind != Object {
		sr.errorf(props.Value.Pos, "%s: properties must be a mapping from property name to schema, not %s", where, kindPhrase(&props.Value))
		return &Type{Kind: TypeMap, Elem: &Type{Kind: TypeAny}}
	}
	if f := fields["additionalProperties"]; f != nil && f.Value.Kind != Bool && f.Value.Kind != Object {
		sr.errorf(f.Value.Pos, "%s: additionalProperties must be true, false or a schema, not %s", where, kindPhrase(&f.Value))
	}
	var names []string
	for _, pf := range props.Value.Fields {
		names = append(names, pf.Key)
	}
	req := map[string]bool{}
	for i := range required {
		r := &required[i]
		switch {
		case r.Kind != String:
			sr.errorf(r.Pos, "%s: required lists property names, not %s", where, kindPhrase(r))
		case !slices.Contains(names, r.Str):
			msg := fmt.Sprintf("%s: required names %q, which is not under properties", where, r.Str)
			if s := Suggest(r.Str, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			sr.errorf(r.Pos, "%s", msg)
		default:
			req[r.Str] = true
		}
	}
	o := &ObjectType{}
	if f := fields["additionalProperties"]; f != nil && (f.Value.Kind == Object || f.Value.Kind == Bool && f.Value.Bool) {
		o.Open = true
	}
	for i := range props.Value.Fields {
		pf := &props.Value.Fields[i]
		ft := sr.read(&pf.Value, where+".properties."+pf.Key)
		o.Fields = append(o.Fields, &TypeField{Key: pf.Key, Type: ft, Optional: !req[pf.Key]})
	}
	return &Type{Kind: TypeObject, Object: o}
}

func kindPhrase(v *Value) string {
	switch v.Kind {
	case Null:
		return "an empty value"
	case String:
		return fmt.Sprintf("the text %q", v.Str)
	case Number, Bool:
		return v.String()
	case Array:
		return "a list"
	}
	return "a mapping"
}
