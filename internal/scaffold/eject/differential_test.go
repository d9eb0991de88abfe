package eject

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/backwards-backend/bb/internal/spec"
)

// probe is one request the differential test sends to both servers.
type probe struct {
	name   string
	method string
	target string // path and query
	header http.Header
	body   []byte // nil: no body
	// sendable marks a request the generated Swift client may send (an optional key
	// left out or null): the ejected server must accept it.
	sendable bool
}

// differential sends every example request of s, and variants made from each, to bb
// serve --validate and to the ejected server, and requires the same status, the same
// Content-Type and the same body bytes from both. Variants drop each key, set it to
// null, re-case it, give it another type, add keys, break the JSON, repeat a key, spell
// numbers another way, and give path and query parameters text of the wrong type.
func differential(t *testing.T, s *spec.Spec, serveURL, ejectedURL string) {
	t.Helper()
	compare(t, probesOf(t, s), serveURL, ejectedURL, 8)
}

func probesOf(t *testing.T, s *spec.Spec) []probe {
	t.Helper()
	ts, err := inferTypes(s)
	if err != nil {
		t.Fatal(err)
	}
	var probes []probe
	for _, et := range ts.Endpoints {
		if et.Endpoint.Resource != nil {
			continue // records change with every write: see resourceDifferential
		}
		for _, cs := range spec.Cases(et.Endpoint) {
			if cs.Unreachable == "" {
				probes = append(probes, variants(et, &cs)...)
			}
		}
	}
	return probes
}

// hasPlay reports whether any response of s plays: a sequence, a template, a chance, a
// fault or a delay range.
func hasPlay(s *spec.Spec) bool {
	for _, e := range s.Endpoints {
		if e.Sequence != "" {
			return true
		}
		for _, r := range e.Responses {
			if len(r.Templates) > 0 || r.Chance > 0 || r.Fault != "" || r.DelayMax > 0 {
				return true
			}
		}
	}
	return false
}

// orderedDifferential is differential for stubs that keep state: every probe, then
// every probe again in each scenario of the spec, one at a time, to each server in turn.
func orderedDifferential(t *testing.T, s *spec.Spec, serveURL, ejectedURL string) {
	t.Helper()
	base := probesOf(t, s)
	probes := append([]probe{}, base...)
	for _, sc := range s.Scenarios() {
		for _, p := range base {
			p.header = p.header.Clone()
			if p.header == nil {
				p.header = http.Header{}
			}
			p.header.Set("X-BB-Scenario", sc)
			p.name += " in scenario " + sc
			p.sendable = false // a scenario may answer 4xx on purpose
			probes = append(probes, p)
		}
	}
	compare(t, probes, serveURL, ejectedURL, 1)
}

// compare sends each probe to both servers, at most parallel at a time, and requires
// the same answers.
func compare(t *testing.T, probes []probe, serveURL, ejectedURL string, parallel int) {
	t.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, parallel)
	differ := 0
	for _, p := range probes {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			want, werr := p.send(client, serveURL)
			got, gerr := p.send(client, ejectedURL)
			mu.Lock()
			defer mu.Unlock()
			if werr != nil || gerr != nil {
				t.Errorf("%s: bb serve: %v; ejected: %v", p.name, werr, gerr)
				return
			}
			if d := want.diff(got); d != "" {
				differ++
				if differ <= 20 {
					t.Errorf("%s: %s %s body %s:\n%s", p.name, p.method, p.target, clipBytes(p.body), d)
				}
			}
			if p.sendable && got.status == http.StatusBadRequest {
				t.Errorf("%s: the generated Swift client may send this, yet the ejected server refuses it: %s", p.name, got.body)
			}
		}()
	}
	wg.Wait()
	if differ > 20 {
		t.Errorf("… %d probes differ in all", differ)
	}
	t.Logf("%d probes, %d differ", len(probes), differ)
}

type answer struct {
	status int
	ctype  string
	body   []byte
}

func (p probe) send(client *http.Client, base string) (answer, error) {
	var body io.Reader
	if p.body != nil {
		body = bytes.NewReader(p.body)
	}
	req, err := http.NewRequest(p.method, base+p.target, body)
	if err != nil {
		return answer{}, err
	}
	for k, vs := range p.header {
		req.Header[k] = vs
	}
	resp, err := client.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header.Get("Content-Type"), data}, err
}

func (a answer) diff(b answer) string {
	var out []string
	if a.status != b.status {
		out = append(out, fmt.Sprintf("  status: bb serve %d, ejected %d", a.status, b.status))
	}
	if a.ctype != b.ctype {
		out = append(out, fmt.Sprintf("  Content-Type: bb serve %q, ejected %q", a.ctype, b.ctype))
	}
	if !bytes.Equal(a.body, b.body) {
		out = append(out, fmt.Sprintf("  body:\n    bb serve: %s\n    ejected:  %s", clipBytes(a.body), clipBytes(b.body)))
	}
	return strings.Join(out, "\n")
}

func clipBytes(b []byte) string {
	s := string(b)
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return strings.TrimSpace(s)
}

// variants makes the probes for one example request.
func variants(et *spec.EndpointTypes, cs *spec.Case) []probe {
	base := probe{name: cs.Name(), method: cs.Method, target: target(cs.Path, cs.Query), header: http.Header{}}
	for k, vs := range cs.Header {
		base.header[k] = vs
	}
	var body *spec.Value
	if cs.Body != nil {
		body = cs.Body
		base.body = body.JSON()
		base.header.Set("Content-Type", "application/json")
	}
	out := []probe{base}
	add := func(name string, edit func(p *probe)) {
		p := base
		p.name = cs.Name() + " " + name
		p.header = base.header.Clone()
		edit(&p)
		out = append(out, p)
	}
	withBody := func(name string, v spec.Value, sendable bool) {
		add(name, func(p *probe) { p.body, p.sendable = v.JSON(), sendable })
	}

	if body != nil {
		// Every key of every object in the body, as deep as the example goes.
		walkFields(*body, et.Request, nil, func(at []int, f *spec.Field, optional bool) {
			where := fieldPath(*body, at)
			withBody("drop "+where, edit(*body, at, func(*spec.Field) bool { return false }), optional)
			withBody("null "+where, edit(*body, at, func(f *spec.Field) bool { f.Value = spec.Value{Kind: spec.Null}; return true }), optional)
			if k := recase(f.Key); k != f.Key {
				withBody("recase "+where, edit(*body, at, func(f *spec.Field) bool { f.Key = k; return true }), false)
			}
			withBody("retype "+where, edit(*body, at, func(f *spec.Field) bool { f.Value = otherKind(f.Value); return true }), false)
			if f.Value.Kind == spec.Number {
				withBody("respell "+where, edit(*body, at, func(f *spec.Field) bool { f.Value.Num = respell(f.Value.Num); return true }), false)
			}
		})
		if body.Kind == spec.Object {
			extra := *body
			extra.Fields = append(append([]spec.Field(nil), body.Fields...), spec.Field{Key: "bbExtra", Value: spec.Value{Kind: spec.Number, Num: "1"}})
			withBody("extra key", extra, false)
			if len(body.Fields) > 0 {
				f := body.Fields[0]
				add("repeated key", func(p *probe) {
					k := spec.Value{Kind: spec.String, Str: f.Key}
					p.body = []byte("{" + k.String() + ":" + f.Value.String() + "," + strings.TrimPrefix(string(base.body), "{"))
				})
			}
		}
		for name, b := range map[string]string{
			"truncated":     string(base.body[:len(base.body)-1]),
			"trailing data": string(base.body) + " {}",
			"empty body":    "",
			"null body":     "null",
			"list body":     "[]",
			"not JSON":      "user=larry",
		} {
			add(name, func(p *probe) { p.body = []byte(b) })
		}
	}
	if base.body == nil && cs.Method != http.MethodGet && cs.Method != http.MethodHead {
		add("unexpected body", func(p *probe) { p.body = []byte(`{"x":1}`) })
	}

	for _, q := range et.Query {
		add("query "+q.Name+"=abc", func(p *probe) {
			vals := url.Values{}
			for k, vs := range cs.Query {
				vals[k] = vs
			}
			vals.Set(q.Name, "abc")
			p.target = target(cs.Path, vals)
		})
		add("query "+q.Name+" twice", func(p *probe) {
			vals := url.Values{}
			for k, vs := range cs.Query {
				vals[k] = vs
			}
			vals.Add(q.Name, "1")
			vals.Add(q.Name, "x")
			p.target = target(cs.Path, vals)
		})
	}
	tmpl := strings.Split(et.Endpoint.Path, "/")
	segs := strings.Split(cs.Path, "/")
	for i, seg := range tmpl {
		if !strings.HasPrefix(seg, "{") || i >= len(segs) {
			continue
		}
		for _, v := range []string{"abc", "01", "1.0", "1e0", "-0", "%20"} {
			add("path "+seg+"="+v, func(p *probe) {
				s := append([]string(nil), segs...)
				s[i] = v
				p.target = target(strings.Join(s, "/"), cs.Query)
			})
		}
	}
	return out
}

func target(path string, q url.Values) string {
	if len(q) > 0 {
		return path + "?" + q.Encode()
	}
	return path
}

// walkFields calls fn for every key of every object in v, with the index path to it and
// whether the request type t makes it optional.
func walkFields(v spec.Value, t *spec.Type, at []int, fn func(at []int, f *spec.Field, optional bool)) {
	switch v.Kind {
	case spec.Object:
		for i := range v.Fields {
			f := &v.Fields[i]
			var ft *spec.Type
			optional := false
			if t != nil && t.Kind == spec.TypeObject {
				for _, tf := range t.Object.Fields {
					if tf.Key == f.Key {
						ft, optional = tf.Type, tf.Optional
					}
				}
			}
			here := append(append([]int(nil), at...), i)
			fn(here, f, optional)
			walkFields(f.Value, ft, here, fn)
		}
	case spec.Array:
		var et *spec.Type
		if t != nil && t.Kind == spec.TypeArray {
			et = t.Elem
		}
		for i := range v.Items {
			walkFields(v.Items[i], et, append(append([]int(nil), at...), -1-i), fn)
		}
	}
}

// edit returns a copy of v with the field at `at` replaced by what change leaves of it,
// or removed when change returns false. A negative step -1-i is array item i.
func edit(v spec.Value, at []int, change func(*spec.Field) bool) spec.Value {
	i := at[0]
	if i < 0 {
		items := append([]spec.Value(nil), v.Items...)
		items[-1-i] = edit(items[-1-i], at[1:], change)
		v.Items = items
		return v
	}
	fields := append([]spec.Field(nil), v.Fields...)
	if len(at) > 1 {
		fields[i].Value = edit(fields[i].Value, at[1:], change)
	} else if !change(&fields[i]) {
		fields = append(fields[:i], fields[i+1:]...)
	}
	v.Fields = fields
	return v
}

func fieldPath(v spec.Value, at []int) string {
	var b strings.Builder
	b.WriteString("body")
	for _, i := range at {
		if i < 0 {
			fmt.Fprintf(&b, "[%d]", -1-i)
			v = v.Items[-1-i]
			continue
		}
		b.WriteString("." + v.Fields[i].Key)
		v = v.Fields[i].Value
	}
	return b.String()
}

// recase flips the case of a key's first letter: title → Title.
func recase(k string) string {
	r, n := utf8.DecodeRuneInString(k)
	if unicode.IsUpper(r) {
		return string(unicode.ToLower(r)) + k[n:]
	}
	return string(unicode.ToUpper(r)) + k[n:]
}

// otherKind is a value of another JSON kind than v.
func otherKind(v spec.Value) spec.Value {
	switch v.Kind {
	case spec.String:
		return spec.Value{Kind: spec.Number, Num: "5"}
	case spec.Number:
		return spec.Value{Kind: spec.String, Str: "5"}
	case spec.Bool:
		return spec.Value{Kind: spec.String, Str: "true"}
	case spec.Array:
		return spec.Value{Kind: spec.Object, Fields: []spec.Field{}}
	}
	return spec.Value{Kind: spec.Array, Items: []spec.Value{}}
}

// respell writes a number another way with the same value: 100 as 100.0e0, 1.5 as
// 1.50e0, 2e3 as 2.0e3.
func respell(n string) string {
	mant, exp, hasExp := strings.Cut(strings.ToLower(n), "e")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	} else {
		mant += "0"
	}
	if !hasExp {
		exp = "0"
	}
	return mant + "e" + exp
}
