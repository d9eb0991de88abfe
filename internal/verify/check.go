package verify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// maxDiffs is how many value differences --strict lists per case.
const maxDiffs = 5

// checker collects what is wrong with one answer.
type checker struct {
	failures []string
	warnings []string
}

func (ck *checker) fail(format string, args ...any) {
	ck.failures = append(ck.failures, fmt.Sprintf(format, args...))
}

func (ck *checker) warn(format string, args ...any) {
	ck.warnings = append(ck.warnings, fmt.Sprintf(format, args...))
}

// answer checks one answer against the response its case must reach, which bb serve
// sends as x.
func (ck *checker) answer(c *spec.Case, x expected, resp *http.Response, body []byte, et *spec.EndpointTypes, strict bool) {
	r := c.Response
	if resp.StatusCode != r.Status {
		ck.fail("status: expected %d, got %d%s", r.Status, resp.StatusCode, bodyHint(body))
		return // the body belongs to another answer; checking its shape would only add noise
	}
	ck.contentType(x, resp.Header.Get("Content-Type"))
	if strict {
		for _, h := range r.Headers {
			if http.CanonicalHeaderKey(h.Name) == "Content-Type" {
				continue // compared as a media type above
			}
			if contract.HasTemplate(h.Value) {
				if len(resp.Header.Values(h.Name)) == 0 {
					ck.fail("header %s: expected one (bb fills in %q), got none", h.Name, h.Value)
				}
				continue
			}
			if got := resp.Header.Values(h.Name); !slices.Contains(got, h.Value) {
				ck.fail("header %s: expected %q, got %s", h.Name, h.Value, quoteList(got))
			}
		}
	}
	if c.Method == http.MethodHead || x.contentType == "" {
		return
	}
	if !x.json {
		ck.notJSON(x, r, body, strict)
		return
	}
	doc, err := decode(body)
	if err != nil {
		ck.fail("$: expected a JSON body, got %s (%v)", snippet(body), err)
		return
	}
	var t *spec.Type
	if et != nil {
		t = et.Response
		if r.Status < 200 || r.Status > 299 {
			t = et.Error
		}
	}
	if t != nil {
		for _, p := range t.Schema().Check(doc, "$") {
			if p.Warning {
				ck.warn("%s", p)
			} else {
				ck.fail("%s", p)
			}
		}
	}
	if strict {
		if want := specBody(r); want != nil {
			var diffs []string
			diff("$", want, doc, &diffs)
			for i, d := range diffs {
				if i == maxDiffs {
					ck.fail("… and %d more differences", len(diffs)-maxDiffs)
					break
				}
				ck.fail("%s", d)
			}
		}
	}
}

func decode(body []byte) (any, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("the body is empty")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("not JSON: more data after the JSON value")
	}
	return doc, nil
}

// specBody is the body the spec writes for r, or nil when it has none in JSON.
func specBody(r *spec.Response) *spec.Value {
	if r.Body != nil {
		return r.Body
	}
	if r.BodyData != nil {
		if v, err := spec.FromJSON(r.BodyData); err == nil {
			return &v
		}
	}
	return nil
}

func describe(x any) string { return contract.Describe(x) }

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

// snippet shows the start of a body that is not JSON.
func snippet(body []byte) string {
	if len(body) == 0 {
		return "an empty body"
	}
	return clip(strconv.Quote(string(body)))
}

// bodyHint shows the start of an answer's body after a wrong status, to tell the answers apart.
func bodyHint(body []byte) string {
	b := bytes.TrimSpace(body)
	if len(b) == 0 {
		return ""
	}
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return " (body: " + s + ")"
}

func quoteList(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func keyPath(path, key string) string { return contract.KeyPath(path, key) }

// diff lists where got differs from want, numbers compared by value and keys in any order.
func diff(path string, want *spec.Value, got any, out *[]string) {
	if len(*out) > maxDiffs {
		return
	}
	switch want.Kind {
	case spec.Array:
		a, ok := got.([]any)
		if !ok {
			break
		}
		if len(a) != len(want.Items) {
			*out = append(*out, fmt.Sprintf("%s: expected %d items, got %d", path, len(want.Items), len(a)))
		}
		for i := 0; i < len(a) && i < len(want.Items); i++ {
			diff(fmt.Sprintf("%s[%d]", path, i), &want.Items[i], a[i], out)
		}
		return
	case spec.Object:
		m, ok := got.(map[string]any)
		if !ok {
			break
		}
		for i := range want.Fields {
			f := &want.Fields[i]
			v, ok := m[f.Key]
			if !ok {
				*out = append(*out, fmt.Sprintf("%s: expected %s, got no such key", keyPath(path, f.Key), clip(f.Value.String())))
				continue
			}
			diff(keyPath(path, f.Key), &f.Value, v, out)
		}
		for _, k := range sortedKeys(m) {
			if want.Get(k) == nil {
				*out = append(*out, fmt.Sprintf("%s: expected no such key, got %s", keyPath(path, k), describe(m[k])))
			}
		}
		return
	}
	if want.Kind == spec.String && contract.HasTemplate(want.Str) {
		return // a template: the value is the request's, the time, a counter; its shape was checked
	}
	if !want.Equal(got) {
		js, _ := json.Marshal(got)
		*out = append(*out, fmt.Sprintf("%s: expected %s, got %s", path, clip(want.String()), clip(string(js))))
	}
}
