package eject

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

// literals prints the contract kernel's values as Go source, so the ejected project holds
// exactly the values bb serve builds from the spec. Named object schemas become package
// variables (schemaBook), printed once and shared.
type literals struct {
	pkg     string            // the qualifier of the kernel's package: "contract."
	objects map[string]string // object name → its schema literal
}

func newLiterals() *literals {
	return &literals{pkg: "contract.", objects: map[string]string{}}
}

var kindNames = [...]string{"KindAny", "KindBool", "KindInt", "KindNumber", "KindString", "KindDateTime", "KindArray", "KindMap", "KindObject"}

func (l *literals) kind(k contract.Kind) string { return l.pkg + kindNames[k] }

// schemaVar is the variable that holds the schema of the named object.
func schemaVar(name string) string { return "schema" + name }

// schema is the Go expression of s.
func (l *literals) schema(s *contract.Schema) string {
	if s == nil {
		return "nil"
	}
	if s.Kind == contract.KindObject && s.Name != "" {
		if _, ok := l.objects[s.Name]; !ok {
			l.objects[s.Name] = "" // claimed first: a schema never holds itself, but be safe
			c := *s
			c.Nullable = false
			l.objects[s.Name] = l.schemaLit(&c)
		}
		if s.Nullable {
			return l.pkg + "NullableSchema(" + schemaVar(s.Name) + ")"
		}
		return schemaVar(s.Name)
	}
	return l.schemaLit(s)
}

func (l *literals) schemaLit(s *contract.Schema) string {
	parts := []string{"Kind: " + l.kind(s.Kind)}
	if s.Nullable {
		parts = append(parts, "Nullable: true")
	}
	if len(s.Enum) > 0 {
		parts = append(parts, "Enum: "+stringsLit(s.Enum))
	}
	if s.Elem != nil {
		parts = append(parts, "Elem: "+l.schema(s.Elem))
	}
	if s.Name != "" {
		parts = append(parts, "Name: "+strconv.Quote(s.Name))
	}
	if s.Kind == contract.KindObject {
		var fields []string
		for _, f := range s.Fields {
			fields = append(fields, fmt.Sprintf("{Key: %s, Required: %t, Schema: %s}", strconv.Quote(f.Key), f.Required, l.schema(f.Schema)))
		}
		parts = append(parts, "Fields: []"+l.pkg+"Field{\n"+joinLines(fields)+"}")
	}
	if s.Open {
		parts = append(parts, "Open: true")
	}
	return "&" + l.pkg + "Schema{" + strings.Join(parts, ", ") + "}"
}

// objectVars lists the named object schemas as `var schemaX = …` declarations, by name.
func (l *literals) objectVars() []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(l.objects)) {
		out = append(out, fmt.Sprintf("var %s = %s", schemaVar(name), l.objects[name]))
	}
	return out
}

var sourceNames = map[contract.Source]string{
	contract.SourceBody: "SourceBody", contract.SourceQuery: "SourceQuery",
	contract.SourceHeader: "SourceHeader", contract.SourcePath: "SourcePath",
}

func (l *literals) operation(op *contract.Operation) string {
	parts := []string{"Name: " + strconv.Quote(op.Name)}
	if len(op.Params) > 0 {
		var ps []string
		for _, p := range op.Params {
			s := fmt.Sprintf("{In: %s%s, Name: %s, Kind: %s", l.pkg, sourceNames[p.In], strconv.Quote(p.Name), l.kind(p.Kind))
			if p.List {
				s += ", List: true"
			}
			ps = append(ps, s+"}")
		}
		parts = append(parts, "Params: []"+l.pkg+"Param{\n"+joinLines(ps)+"}")
	}
	if op.Body != nil {
		parts = append(parts, "Body: "+l.schema(op.Body))
	}
	return l.pkg + "Operation{" + strings.Join(parts, ", ") + "}"
}

func (l *literals) stub(s *contract.Stub) string {
	var when []string
	for _, conds := range s.When {
		var cs []string
		for _, c := range conds {
			cs = append(cs, l.condition(c))
		}
		when = append(when, "{"+strings.Join(cs, ", ")+"}")
	}
	var answers []string
	for _, a := range s.Answers {
		answers = append(answers, l.answer(a))
	}
	seq := ""
	if s.Sequence != "" {
		seq = ",\nSequence: " + strconv.Quote(string(s.Sequence))
	}
	return fmt.Sprintf("&%sStub{Endpoint: %s,\nWhen: [][]%sCondition{\n%s},\nAnswers: []*%sAnswer{\n%s}%s}",
		l.pkg, strconv.Quote(s.Endpoint), l.pkg, joinLines(when), l.pkg, joinLines(answers), seq)
}

func (l *literals) condition(c contract.Condition) string {
	parts := []string{"Key: " + strconv.Quote(c.Key), "Source: " + l.pkg + sourceNames[c.Source]}
	if c.Name != "" {
		parts = append(parts, "Name: "+strconv.Quote(c.Name))
	}
	if len(c.Steps) > 0 {
		var steps []string
		for _, st := range c.Steps {
			steps = append(steps, fmt.Sprintf("{Key: %s, Index: %d}", strconv.Quote(st.Key), st.Index))
		}
		parts = append(parts, "Steps: []"+l.pkg+"Step{"+strings.Join(steps, ", ")+"}")
	}
	parts = append(parts, "Want: "+jsonLit(c.Want))
	return "{" + strings.Join(parts, ", ") + "}"
}

func (l *literals) answer(a *contract.Answer) string {
	parts := []string{fmt.Sprintf("Status: %d", a.Status)}
	var hs []string
	for _, k := range slices.Sorted(maps.Keys(a.Header)) {
		hs = append(hs, strconv.Quote(k)+": "+stringsLit(a.Header[k])[len("[]string"):])
	}
	parts = append(parts, "Header: http.Header{"+strings.Join(hs, ", ")+"}")
	if a.Body != nil {
		parts = append(parts, "Body: []byte("+goString(string(a.Body))+")")
	}
	if a.Delay > 0 {
		parts = append(parts, "Delay: "+durationExpr(a.Delay))
	}
	if a.DelayMax > 0 {
		parts = append(parts, "DelayMax: "+durationExpr(a.DelayMax))
	}
	if a.Templated {
		parts = append(parts, "Templated: true")
	}
	if a.Scenario != "" {
		parts = append(parts, "Scenario: "+strconv.Quote(a.Scenario))
	}
	if a.Chance > 0 {
		parts = append(parts, "Chance: "+strconv.FormatFloat(a.Chance, 'g', -1, 64))
	}
	if a.Fault != "" {
		parts = append(parts, "Fault: "+strconv.Quote(string(a.Fault)))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// jsonLit is the Go expression of a decoded JSON value.
func jsonLit(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return "json.Number(" + strconv.Quote(string(x)) + ")"
	case string:
		return strconv.Quote(x)
	case []any:
		items := make([]string, len(x))
		for i, it := range x {
			items[i] = jsonLit(it)
		}
		return "[]any{" + strings.Join(items, ", ") + "}"
	case map[string]any:
		var fields []string
		for _, k := range slices.Sorted(maps.Keys(x)) {
			fields = append(fields, strconv.Quote(k)+": "+jsonLit(x[k]))
		}
		return "map[string]any{" + strings.Join(fields, ", ") + "}"
	}
	panic(fmt.Sprintf("jsonLit: %T is not a decoded JSON value", v))
}

func stringsLit(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

// usesNumbers reports whether a stub's conditions hold a number, so its file needs
// encoding/json.
func usesNumbers(s *contract.Stub) bool {
	for _, conds := range s.When {
		for _, c := range conds {
			if strings.Contains(jsonLit(c.Want), "json.Number(") {
				return true
			}
		}
	}
	return false
}

// errorFormatLit is the Go expression of an error format.
func errorFormatLit(f contract.ErrorFormat) string {
	switch {
	case f.Problem:
		return "contract.ErrorFormat{Problem: true}"
	case f.Key != "":
		return "contract.ErrorFormat{Key: " + strconv.Quote(f.Key) + "}"
	}
	return "contract.ErrorFormat{}"
}
