package openapi

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// bbFormats are the formats bb's `schema:` knows (internal/spec/schema.go); a test
// keeps the two lists equal.
var bbFormats = []string{"date-time", "date", "time", "duration", "email", "uri", "url", "uuid",
	"hostname", "ipv4", "ipv6", "int32", "int64", "float", "double", "byte", "binary", "password"}

var bbTypes = []string{"string", "integer", "number", "boolean", "array", "object", "null"}

// maxSchemaDepth bounds how deep a schema is written out: a schema that refers to
// itself (a tree, a linked list) is cut there.
const maxSchemaDepth = 12

// converter turns OpenAPI schemas into bb's `schema:` subset, inlining local $refs, and
// notes what it cannot carry at the schema's own JSON pointer, once per place.
type converter struct {
	doc    any
	warn   func(ptr, msg string)
	warned map[string]bool
	// converting and sampling hold the $ref targets being written out, to stop where
	// a schema refers to itself.
	converting, sampling map[string]bool
	quiet                bool // warn nothing: a look ahead, not the schema being written
}

// refTarget is the pointer a schema's $ref chain ends at, or "" when v is no $ref.
func (c *converter) refTarget(v any) string {
	target := ""
	for i := 0; i < 32; i++ {
		ref, ok := asString(asMap(v).getOr("$ref"))
		if !ok {
			return target
		}
		next, found := lookup(c.doc, ref)
		if !found {
			return target
		}
		v, target = next, strings.TrimPrefix(ref, "#")
	}
	return target
}

// enter marks the $ref target of v as being written out in set, and reports false when
// it already is: the schema refers to itself.
func enter(set *map[string]bool, target string) bool {
	if target == "" {
		return true
	}
	if *set == nil {
		*set = map[string]bool{}
	}
	if (*set)[target] {
		return false
	}
	(*set)[target] = true
	return true
}

func (c *converter) warnOnce(ptr, msg string) {
	if c.quiet {
		return
	}
	key := ptr + "\x00" + msg
	if c.warned[key] {
		return
	}
	if c.warned == nil {
		c.warned = map[string]bool{}
	}
	c.warned[key] = true
	c.warn(ptr, msg)
}

// resolve follows $ref chains to the schema they name and the pointer it lives at. It
// returns nil for a $ref it cannot follow, after warning.
func (c *converter) resolve(v any, ptr string) (*Map, string) {
	for i := 0; i < 32; i++ {
		m := asMap(v)
		if m == nil {
			return nil, ptr
		}
		ref, ok := asString(m.Get("$ref"))
		if !ok {
			return m, ptr
		}
		target, found := lookup(c.doc, ref)
		if !found {
			if strings.HasPrefix(ref, "#") {
				c.warnOnce(ptr, fmt.Sprintf("$ref %q names nothing in the document; taken as any value", ref))
			} else {
				c.warnOnce(ptr, fmt.Sprintf("$ref %q is not in this document; bb reads local references only; taken as any value", ref))
			}
			return nil, ptr
		}
		v, ptr = target, strings.TrimPrefix(ref, "#")
	}
	c.warnOnce(ptr, "$ref chain too long; taken as any value")
	return nil, ptr
}

// shape is a schema with allOf merged and $refs resolved: what convert and sample read.
type shape struct {
	m    *Map // the keywords; nil: any value
	ptr  string
	null bool // null allowed by nullable, a "null" type or a null option
}

// flatten resolves s and merges allOf into one schema; oneOf and anyOf of one option
// beside null become that option, nullable.
func (c *converter) flatten(v any, ptr string, depth int) shape {
	if sm := asMap(v); sm != nil && sm.Get("$ref") != nil && sm.Len() > 1 {
		// Keywords beside a $ref (nullable, a description) hold too: read them as an
		// allOf of the reference and themselves, as OpenAPI 3.1 does.
		both := NewMap()
		for _, k := range sm.Keys() {
			if k != "$ref" {
				both.Set(k, sm.Get(k))
			}
		}
		v = both.Set("allOf", append([]any{NewMap().Set("$ref", sm.Get("$ref"))}, anyOrNil(sm.Get("allOf"))...))
	}
	m, ptr := c.resolve(v, ptr)
	if m == nil || depth > maxSchemaDepth {
		return shape{ptr: ptr}
	}
	out := NewMap()
	null := false
	for _, k := range m.Keys() {
		if k != "allOf" && k != "oneOf" && k != "anyOf" && k != "$ref" {
			out.Set(k, m.Get(k))
		}
	}
	if all, ok := m.Get("allOf").([]any); ok {
		for i, part := range all {
			p := c.flatten(part, pointer(ptr, "allOf", strconv.Itoa(i)), depth+1)
			if p.m == nil {
				continue
			}
			mergeInto(out, p.m)
		}
	}
	for _, kw := range []string{"oneOf", "anyOf"} {
		opts, ok := m.Get(kw).([]any)
		if !ok {
			continue
		}
		var kept []shape
		for i, o := range opts {
			p := c.flatten(o, pointer(ptr, kw, strconv.Itoa(i)), depth+1)
			if p.m != nil && isNullOnly(p.m) {
				null = true
				continue
			}
			if p.null {
				null = true
			}
			kept = append(kept, p)
		}
		switch {
		case len(kept) == 1 && kept[0].m != nil:
			mergeInto(out, kept[0].m)
		case len(kept) == 1:
		case len(kept) > 1 && allObjects(kept):
			// Several shapes of object: one object with every key, required only where
			// every option requires it, so each option still fits.
			c.warnOnce(pointer(ptr, kw), fmt.Sprintf("%s of %d objects becomes one object holding all their keys, required where every option requires them", kw, len(kept)))
			merged := NewMap().Set("type", "object")
			props := NewMap()
			var req []string
			for i, k := range kept {
				if pm := asMap(k.m.Get("properties")); pm != nil {
					for _, name := range pm.Keys() {
						if props.Get(name) == nil {
							props.Set(name, pm.Get(name))
						}
					}
				}
				r := stringList(k.m.Get("required"))
				if i == 0 {
					req = r
				} else {
					req = slices.DeleteFunc(req, func(s string) bool { return !slices.Contains(r, s) })
				}
			}
			merged.Set("properties", props)
			if len(req) > 0 {
				merged.Set("required", anyList(req))
			}
			mergeInto(out, merged)
		case len(kept) > 1:
			c.warnOnce(pointer(ptr, kw), fmt.Sprintf("%s of %d different types becomes any value: bb types one shape per place", kw, len(kept)))
			out.Set("x-bb-any", true)
		}
	}
	if b, ok := m.Get("nullable").(bool); ok && b {
		null = true
	}
	switch t := m.Get("type").(type) {
	case string:
		null = null || t == "null"
	case []any:
		for _, x := range t {
			if x == "null" {
				null = true
			}
		}
	}
	return shape{m: out, ptr: ptr, null: null}
}

func isNullOnly(m *Map) bool {
	t := m.Get("type")
	if t == "null" {
		return true
	}
	if l, ok := t.([]any); ok && len(l) == 1 && l[0] == "null" {
		return true
	}
	return false
}

func allObjects(ss []shape) bool {
	for _, s := range ss {
		if s.m == nil || !slices.Contains(types(s.m), "object") && s.m.Get("properties") == nil {
			return false
		}
	}
	return true
}

// mergeInto adds src's keywords to dst: properties and required unite, others are
// kept from the first that has them.
func mergeInto(dst, src *Map) {
	for _, k := range src.Keys() {
		switch k {
		case "properties":
			props := asMap(dst.Get("properties"))
			if props == nil {
				props = NewMap()
				dst.Set("properties", props)
			}
			if sp := asMap(src.Get(k)); sp != nil {
				for _, name := range sp.Keys() {
					props.Set(name, sp.Get(name))
				}
			}
		case "required":
			req := stringList(dst.Get("required"))
			for _, r := range stringList(src.Get(k)) {
				if !slices.Contains(req, r) {
					req = append(req, r)
				}
			}
			dst.Set("required", anyList(req))
		default:
			if dst.Get(k) == nil {
				dst.Set(k, src.Get(k))
			}
		}
	}
}

func stringList(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// types lists a schema's non-null types.
func types(m *Map) []string {
	if m == nil {
		return nil
	}
	switch t := m.Get("type").(type) {
	case string:
		if t != "null" {
			return []string{t}
		}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok && s != "null" {
				out = append(out, s)
			}
		}
		return out
	}
	var out []string
	switch {
	case m.Get("properties") != nil || m.Get("additionalProperties") != nil || m.Get("required") != nil:
		out = []string{"object"}
	case m.Get("items") != nil:
		out = []string{"array"}
	}
	return out
}

// convert writes s in bb's subset.
func (c *converter) convert(v any, ptr string, depth int) *Map {
	target := c.refTarget(v)
	if !enter(&c.converting, target) {
		c.warnOnce(target, "the schema refers to itself, which bb's schema: cannot say; inside itself it is any value")
		return NewMap()
	}
	if target != "" {
		defer delete(c.converting, target)
	}
	s := c.flatten(v, ptr, depth)
	out := NewMap()
	if s.m == nil {
		if depth > maxSchemaDepth {
			c.warnOnce(s.ptr, fmt.Sprintf("the schema nests deeper than %d levels here (does it refer to itself?); below this, any value", maxSchemaDepth))
		}
		return out
	}
	m := s.m
	if b, _ := m.Get("x-bb-any").(bool); b {
		return out
	}
	ts := types(m)
	var keep []string
	for _, t := range ts {
		if slices.Contains(bbTypes, t) {
			keep = append(keep, t)
		} else {
			c.warnOnce(s.ptr, fmt.Sprintf("type %q is not a JSON Schema type; left out", t))
		}
	}
	_, explicit := m.Get("type").(string)
	if l, ok := m.Get("type").([]any); ok && len(l) > 0 {
		explicit = true
	}
	switch {
	case !explicit && len(keep) == 0:
	case len(keep) == 0 && !s.null:
		// Only types bb does not know, each warned about: any value.
	case len(keep) == 1 && !s.null:
		out.Set("type", keep[0])
	case len(keep) == 0 && s.null:
		out.Set("type", "null")
	default:
		l := anyList(keep)
		if s.null {
			l = append(l, "null")
		}
		out.Set("type", l)
	}
	if s.null && !explicit {
		out.Set("nullable", true) // any value, null among them, or the types listed
	}
	object := len(keep) == 0 || slices.Contains(keep, "object")
	array := len(keep) == 0 || slices.Contains(keep, "array")
	var lost []string
	for _, k := range m.Keys() {
		val := m.Get(k)
		switch k {
		case "type", "nullable", "x-bb-any":
		case "title", "description":
			if str, ok := val.(string); ok {
				out.Set(k, str)
			}
		case "default", "example":
			out.Set(k, val)
		case "const":
			if isScalar(val) {
				out.Set("enum", []any{val})
			} else {
				lost = append(lost, k)
			}
		case "enum":
			if e := c.enum(val, keep, s.null); len(e) > 0 {
				out.Set("enum", e)
			} else {
				lost = append(lost, k)
			}
		case "format":
			// Without a type, bb takes a format to mean a string.
			f, _ := val.(string)
			numeric := slices.Contains([]string{"int32", "int64", "float", "double"}, f)
			if slices.Contains(bbFormats, f) && (explicit || !numeric) {
				out.Set("format", f)
			} else {
				lost = append(lost, fmt.Sprintf("format %v", val))
			}
		case "properties":
			if !object {
				lost = append(lost, k)
				continue
			}
			props := NewMap()
			if pm := asMap(val); pm != nil {
				for _, name := range pm.Keys() {
					props.Set(name, c.convert(pm.Get(name), pointer(s.ptr, "properties", name), depth+1))
				}
			}
			out.Set("properties", props)
		case "required":
			if !object {
				lost = append(lost, k)
				continue
			}
			props := asMap(m.Get("properties"))
			var req []any
			for _, r := range stringList(val) {
				if props != nil && props.Get(r) != nil || props != nil && hasKey(props, r) {
					req = append(req, r)
				} else {
					lost = append(lost, fmt.Sprintf("required %q (not among the properties)", r))
				}
			}
			if len(req) > 0 {
				out.Set("required", req)
			}
		case "additionalProperties":
			if !object {
				lost = append(lost, k)
				continue
			}
			if b, ok := val.(bool); ok {
				out.Set(k, b)
			} else {
				out.Set(k, c.convert(val, pointer(s.ptr, k), depth+1))
			}
		case "items":
			if !array {
				lost = append(lost, k)
				continue
			}
			if _, tuple := val.([]any); tuple {
				lost = append(lost, "items as a list (a tuple)")
				continue
			}
			out.Set(k, c.convert(val, pointer(s.ptr, k), depth+1))
		default:
			if strings.HasPrefix(k, "x-") {
				continue // extensions say nothing about values
			}
			lost = append(lost, k)
		}
	}
	if len(lost) > 0 {
		c.warnOnce(s.ptr, "bb's schema: has no place for "+strings.Join(lost, ", ")+"; left out, so bb does not check it")
	}
	return out
}

func hasKey(m *Map, k string) bool {
	_, ok := m.vals[k]
	return ok
}

func isScalar(v any) bool {
	switch v.(type) {
	case string, bool, json.Number, nil:
		return true
	}
	return false
}

// enum keeps the values bb can read: plain values that fit the schema's types.
func (c *converter) enum(v any, keep []string, null bool) []any {
	l, ok := v.([]any)
	if !ok || len(l) == 0 {
		return nil
	}
	var out []any
	for _, x := range l {
		switch x.(type) {
		case string:
			if len(keep) > 0 && !slices.Contains(keep, "string") {
				return nil
			}
		case nil:
			if null {
				continue // the type allows null already; bb's enum lists the other values
			}
			return nil
		case bool, json.Number:
		default:
			return nil
		}
		out = append(out, x)
	}
	return out
}

// sample makes a value that fits the schema: its example or default when it has one,
// else the simplest value of its type that meets its bounds. The same schema always
// gives the same value.
func (c *converter) sample(v any, ptr string, depth int) any {
	target := c.refTarget(v)
	if !enter(&c.sampling, target) {
		return nil // only reached through a required key that refers to itself
	}
	if target != "" {
		defer delete(c.sampling, target)
	}
	s := c.flatten(v, ptr, depth)
	m := s.m
	if m == nil {
		if s.null {
			return nil
		}
		return "value"
	}
	for _, k := range []string{"const", "example", "default"} {
		if x, ok := m.vals[k]; ok && (x != nil || s.null) {
			return x
		}
	}
	if ex, ok := m.Get("examples").([]any); ok && len(ex) > 0 {
		return ex[0]
	}
	if e, ok := m.Get("enum").([]any); ok && len(e) > 0 {
		return e[0]
	}
	ts := types(m)
	if len(ts) == 0 {
		if s.null {
			return nil
		}
		if props := asMap(m.Get("properties")); props != nil {
			ts = []string{"object"}
		} else {
			return "value"
		}
	}
	switch ts[0] {
	case "object":
		out := NewMap()
		props := asMap(m.Get("properties"))
		req := stringList(m.Get("required"))
		if props != nil {
			for _, name := range props.Keys() {
				// Where a schema refers to itself, an optional key stops the recursion.
				if !slices.Contains(req, name) && c.recursive(props.Get(name)) {
					continue
				}
				out.Set(name, c.sample(props.Get(name), pointer(s.ptr, "properties", name), depth+1))
			}
		}
		return out
	case "array":
		n := 1
		if min, ok := number(m.Get("minItems")); ok && min > 1 {
			n = int(min)
		}
		if max, ok := number(m.Get("maxItems")); ok && max < 1 || c.recursive(m.Get("items")) {
			n = 0
		}
		out := make([]any, 0, n)
		for i := 0; i < n; i++ {
			out = append(out, c.sample(m.Get("items"), pointer(s.ptr, "items"), depth+1))
		}
		return out
	case "integer", "number":
		return sampleNumber(m, ts[0] == "integer")
	case "boolean":
		return true
	case "null":
		return nil
	}
	return sampleString(m)
}

// recursive reports whether sampling v would enter a schema being sampled: v, or the
// items of v, is a $ref to it.
func (c *converter) recursive(v any) bool {
	if t := c.refTarget(v); t != "" && c.sampling[t] {
		return true
	}
	c.quiet = true
	s := c.flatten(v, "", 0)
	c.quiet = false
	if s.m != nil {
		if t := c.refTarget(s.m.Get("items")); t != "" && c.sampling[t] {
			return true
		}
	}
	return false
}

func number(v any) (float64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}

func sampleNumber(m *Map, integer bool) json.Number {
	x := 1.0
	if !integer {
		x = 1.5
	}
	lo, hasLo := number(m.Get("minimum"))
	if ex, ok := number(m.Get("exclusiveMinimum")); ok {
		lo, hasLo = ex+0.5, true
		if integer {
			lo = math.Floor(ex) + 1
		}
	} else if b, _ := m.Get("exclusiveMinimum").(bool); b && hasLo {
		lo += 0.5
		if integer {
			lo = math.Floor(lo) + 1
		}
	}
	hi, hasHi := number(m.Get("maximum"))
	if ex, ok := number(m.Get("exclusiveMaximum")); ok {
		hi, hasHi = ex-0.5, true
		if integer {
			hi = math.Ceil(ex) - 1
		}
	}
	if hasLo && x < lo {
		x = lo
	}
	if hasHi && x > hi {
		x = hi
		if hasLo && lo > hi {
			x = lo
		}
	}
	if step, ok := number(m.Get("multipleOf")); ok && step > 0 {
		x = math.Ceil(x/step) * step
		if hasHi && x > hi {
			x -= step
		}
	}
	if integer {
		x = math.Ceil(x)
		return json.Number(strconv.FormatInt(int64(x), 10))
	}
	return json.Number(strconv.FormatFloat(x, 'f', -1, 64))
}

var formatSamples = map[string]string{
	"date-time": "2024-01-01T00:00:00Z", "date": "2024-01-01", "time": "12:00:00Z", "duration": "P1D",
	"email": "user@example.com", "uri": "https://example.com", "url": "https://example.com",
	"uri-reference": "/example", "uuid": "00000000-0000-4000-8000-000000000000", "hostname": "example.com",
	"ipv4": "192.0.2.1", "ipv6": "2001:db8::1", "byte": "c3RyaW5n", "password": "secret",
}

func sampleString(m *Map) string {
	f, _ := m.Get("format").(string)
	s, ok := formatSamples[f]
	if !ok {
		s = "string"
	}
	if min, ok := number(m.Get("minLength")); ok && float64(len(s)) < min {
		s += strings.Repeat("x", int(min)-len(s))
	}
	if max, ok := number(m.Get("maxLength")); ok && float64(len(s)) > max {
		s = s[:int(max)]
	}
	return s
}

func anyOrNil(v any) []any {
	l, _ := v.([]any)
	return l
}
