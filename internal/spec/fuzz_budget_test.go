package spec

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"
)

// aliasHeavy seed FuzzBudget with specs that lean on anchors and aliases: the reported
// bomb scaled down to the fuzz limits, "billion laughs", aliases inside the value they
// name, aliased endpoints, conditions, headers, keys and merge keys. They stay small:
// Go's fuzzer minimizes each new input byte by byte before it goes on, so large seeds
// stall it.
func aliasHeavy() []string {
	laughs := "version: 1\nx:\n  a: &a [lol, lol, lol, lol]\n"
	for i, c := range "bcdefg" {
		prev := "abcdefg"[i]
		laughs += fmt.Sprintf("  %c: &%c [*%c, *%c, *%c, *%c]\n", c, c, prev, prev, prev, prev)
	}
	laughs += "endpoints:\n  a: {method: GET, path: /a, responses: [{body: *g}]}\n"
	return []string{
		string(aliasBomb(64, 20)),
		string(aliasBomb(1, 60)),
		laughs,
		"version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{body: &l {self: [*l]}}]}\n",
		"version: 1\nendpoints: &e\n  a: {method: GET, path: /a, responses: [{body: *e}]}\n",
		"version: 1\nendpoints:\n  a: &ep {method: GET, path: /a, responses: [{body: &b {x: [1, 2.5, null, true, ~]}}]}\n  b: *ep\n  c: {method: GET, path: /c, responses: [{body: [*b, *b, *b]}]}\n",
		"version: 1\nendpoints:\n  a: {method: POST, path: /a, request: {body: &r {u: x}, schema: &s {type: object}}, responses: [{when: {body.u: &w x}, body: {r: *r, s: *s}, example: {body: *r}}, {when: {query.q: *w}, status: 404}]}\n",
		"version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{headers: &h {X-A: &v '1'}, body: {*v : 1}}, {when: {header.X-A: *v}, headers: *h}]}\n",
		"version: 1\nbase: &base {method: GET}\nendpoints:\n  a: {<<: *base, path: /a, responses: [{body: {<<: {x: 1}}}]}\n",
		"version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{body: *missing}]}\n",
		"version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{body: &x [~, ~, ~, 1e3, 0x1F, true, *x]}]}\n",
		"version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{body: &d [[[[[[[[[[1]]]]]]]]]], schema: [*d, *d, *d]}]}\n",
	}
}

// fuzzLimits are small, so that every input the fuzzer tries is quick to load or refuse,
// and small seeds can pass them.
var fuzzLimits = Options{MaxSize: 4 << 10, MaxBodySize: 1 << 10}

// FuzzBudget: whatever YAML it is given, loading builds nothing larger than the limits
// allow and refuses what is larger with positioned errors, and the measure that enforces
// the limits agrees with writing every alias out.
func FuzzBudget(f *testing.F) {
	for _, s := range aliasHeavy() {
		f.Add([]byte(s))
	}
	for _, s := range brokenSpecs {
		f.Add([]byte(s))
	}
	file := filepath.Join("..", "..", "examples", "bookshelf", FileName)
	f.Fuzz(func(t *testing.T, data []byte) {
		// The budget applies to YAML that parses; FuzzParse covers the rest, and leaving
		// it out keeps each run here cheap.
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) != nil {
			return
		}
		// The measure agrees with writing every alias out, where that ends in time.
		z := &sizer{memo: map[*yaml.Node]size{}, busy: map[*yaml.Node]bool{}}
		got := z.of(&doc)
		steps := 1 << 12
		want, ok := expand(&doc, &steps, map[*yaml.Node]bool{})
		if z.loop != nil && ok {
			t.Fatalf("the sizer found a loop at %d:%d that writing out does not", z.loop.Line, z.loop.Column)
		}
		if z.loop == nil && ok && got != want {
			t.Fatalf("measured %+v, writing the aliases out gives %+v", got, want)
		}
		// Loading builds nothing past the limits, or says where they are passed.
		s, err := fuzzLimits.Parse(context.Background(), file, data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 || len(list) > maxErrors+1 {
				t.Fatalf("error %T with %d problems: %v", err, len(list), err)
			}
			for _, e := range list {
				if e.Pos.Line < 0 || e.Pos.Line > lineBreaks(data)+2 || e.Pos.Line > 0 && e.Pos.Col < 1 {
					t.Fatalf("error at %d:%d, outside the file: %s", e.Pos.Line, e.Pos.Col, e.Msg)
				}
			}
			return
		}
		var total int64
		for _, v := range values(s) {
			n := int64(len(v.JSON()))
			if n > fuzzLimits.MaxBodySize {
				t.Fatalf("built a value of %d bytes, over the %d-byte body limit", n, fuzzLimits.MaxBodySize)
			}
			total += n
		}
		if total > fuzzLimits.MaxSize {
			t.Fatalf("built %d bytes of values, over the %d-byte spec limit", total, fuzzLimits.MaxSize)
		}
	})
}

// expand measures n by writing every alias out, as the sizer must agree: no memo, a step
// budget instead. ok is false when the budget runs out or an alias loops.
func expand(n *yaml.Node, steps *int, open map[*yaml.Node]bool) (size, bool) {
	if *steps--; *steps < 0 || open[n] {
		return size{}, false
	}
	if n.Anchor != "" {
		open[n] = true
		defer delete(open, n)
	}
	s := own(n)
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		t, ok := expand(n.Alias, steps, open)
		return s.plus(t), ok
	}
	for _, c := range n.Content {
		t, ok := expand(c, steps, open)
		if !ok {
			return size{}, false
		}
		s = s.plus(t)
	}
	return s, true
}

// values lists every JSON value a spec holds: bodies, schemas, examples, conditions,
// query and header examples.
func values(s *Spec) []*Value {
	var out []*Value
	add := func(vs ...*Value) {
		for _, v := range vs {
			if v != nil {
				out = append(out, v)
			}
		}
	}
	named := func(nv []NamedValue) {
		for i := range nv {
			add(&nv[i].Value)
		}
	}
	for _, e := range s.Endpoints {
		add(e.Request.Body, e.Request.Schema)
		named(e.Request.Query)
		named(e.Request.Headers)
		for _, r := range e.Responses {
			add(r.Body, r.Schema)
			for i := range r.When {
				add(&r.When[i].Value)
			}
			if r.Example != nil {
				add(r.Example.Body)
				named(r.Example.Query)
				named(r.Example.Headers)
				named(r.Example.Path)
			}
		}
	}
	return out
}
