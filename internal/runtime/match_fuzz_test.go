package runtime_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// condition parses a spec holding the one `when` entry key: value (value is JSON text, or
// a string when it is not JSON), on an endpoint with the path /x/{id}. It returns nil when
// bb refuses the spec: only conditions bb accepts ever reach Holds.
func condition(key, value string) *spec.Condition {
	var v any = value
	if json.Valid([]byte(value)) {
		v = json.RawMessage(value)
	}
	doc, err := json.Marshal(map[string]any{
		"version": 1,
		"endpoints": map[string]any{"e": map[string]any{
			"method": "POST",
			"path":   "/x/{id}",
			"responses": []any{
				map[string]any{"when": map[string]any{key: v}},
				map[string]any{"status": 404},
			},
		}},
	})
	if err != nil {
		return nil
	}
	// JSON is YAML, so the fuzzer's key and value need no YAML quoting.
	s, err := spec.Parse("bb.yaml", doc)
	if err != nil || len(s.Endpoints[0].Responses[0].When) != 1 {
		return nil
	}
	return &s.Endpoints[0].Responses[0].When[0]
}

// pickPath walks v to a place chosen by pick and returns the steps there and the value
// found. Array items are reached both as [i] and as .i, the two forms a body path takes.
// It stops before an empty key, which no body path can name.
func pickPath(v spec.Value, pick uint64) ([]spec.Step, spec.Value) {
	var steps []spec.Step
	for {
		var n int
		switch v.Kind {
		case spec.Object:
			n = len(v.Fields)
		case spec.Array:
			n = len(v.Items)
		}
		choice := int(pick % uint64(n+1))
		pick /= uint64(n + 1)
		if choice == 0 {
			return steps, v
		}
		i := choice - 1
		if v.Kind == spec.Object {
			if v.Fields[i].Key == "" {
				return steps, v // no body path names the empty key: body.a. is refused
			}
			steps = append(steps, spec.Step{Key: v.Fields[i].Key, Index: -1})
			v = v.Fields[i].Value
			continue
		}
		st := spec.Step{Index: i}
		if pick%2 == 1 {
			st.Key = strconv.Itoa(i)
		}
		pick /= 2
		steps = append(steps, st)
		v = v.Items[i]
	}
}

// FuzzHolds checks the matcher on any condition bb accepts and any request: it never
// panics, a miss always says why, and a body that is JSON never gives a body error.
// It also checks that a condition built from a place in a JSON body, with the value
// found there, holds for that body.
func FuzzHolds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", spec.FileName))
	for _, file := range files {
		s, err := spec.Load(file)
		if err != nil {
			f.Fatalf("%s: %v", file, err)
		}
		for _, e := range s.Endpoints {
			body := []byte(`{"user":"larry"}`)
			if e.Request.Body != nil {
				body = e.Request.Body.JSON()
			}
			for _, r := range e.Responses {
				for _, c := range r.When {
					f.Add(c.Key, c.Value.String(), body, "page=2&genre=fantasy", c.Value.Text(), c.Value.Text(), uint64(1))
				}
			}
		}
	}
	f.Add("body.items[1].id", `2`, []byte(`{"items":[{"id":1},{"id":2.0}]}`), "", "", "", uint64(13))
	f.Add("body.a.0.b", `[1,{"c":null}]`, []byte(`{"a":[{"b":[1,{"c":null}]}]}`), "", "", "", uint64(99))
	f.Add("body", `{"b":1,"a":2}`, []byte(`{"a":2,"b":1}`), "", "", "", uint64(0))
	f.Add("body.user", `"larry"`, []byte(`{"user":`), "", "", "", uint64(1))
	f.Add("query.page", `2`, []byte(nil), "page=2.0&page=3", "", "", uint64(0))
	f.Add("header.X-Mode", `fast`, []byte(nil), "", "fast", "", uint64(0))
	f.Add("path.id", `7`, []byte(nil), "", "", "7", uint64(0))

	f.Fuzz(func(t *testing.T, key, value string, body []byte, query, header, pathValue string, pick uint64) {
		_, jsonErr := spec.FromJSON(body)
		if c := condition(key, value); c != nil {
			q, _ := url.ParseQuery(query)
			h := http.Header{}
			if c.Source == spec.SourceHeader {
				h.Set(c.Name, header)
			}
			rq := &contract.Request{Body: body, Query: q, Header: h, PathValue: func(string) string { return pathValue }}
			held, miss, err := holds(c, rq)
			var bad *contract.BadBodyError
			switch {
			case err != nil && (c.Source != spec.SourceBody || !errors.As(err, &bad)):
				t.Fatalf("%s: error %v for a %s condition", c.Key, err, c.Source)
			case err != nil && jsonErr == nil:
				t.Fatalf("%s: body %q is JSON, yet Holds says %v", c.Key, body, err)
			case err == nil && held && miss != nil:
				t.Fatalf("%s held, yet a miss came back: %v", c.Key, miss)
			case err == nil && !held && (miss == nil || miss.Cond.Key != c.Key || miss.Got == ""):
				t.Fatalf("%s did not hold, and the miss does not say why: %+v", c.Key, miss)
			}
		}

		doc, err := spec.FromJSON(body)
		if err != nil {
			return
		}
		steps, found := pickPath(doc, pick)
		c := &spec.Condition{Condition: contract.Condition{Key: "body", Source: spec.SourceBody, Steps: steps, Want: found.Any()}, Value: found}
		held, miss, err := holds(c, &contract.Request{Body: body})
		if !held || err != nil {
			t.Fatalf("body %q at %+v holds %s, yet Holds = %v, %v, %v", body, steps, found.String(), held, miss, err)
		}
	})
}

// TestHoldsRejectsTrailingData: a body with data after its JSON value is not JSON, so a
// body condition gives a BadBodyError (a 400), as it does for any other broken body.
func TestHoldsRejectsTrailingData(t *testing.T) {
	c := condition("body.user", `"larry"`)
	for _, body := range []string{`{"user":"larry"}}`, `{"user":"larry"}]`, `{"user":"larry"} x`, `{"user":"larry"}{}`} {
		held, _, err := holds(c, &contract.Request{Body: []byte(body)})
		var bad *contract.BadBodyError
		if !errors.As(err, &bad) {
			t.Errorf("body %s: Holds = %v, %v; want a BadBodyError", body, held, err)
		}
	}
}

// TestHoldsIndexNeedsArray: body.items[0] names the first item of an array; on an object
// it names nothing, not the object's "" key.
func TestHoldsIndexNeedsArray(t *testing.T) {
	c := condition("body.items[0]", `5`)
	if held, _, _ := holds(c, &contract.Request{Body: []byte(`{"items":{"":5}}`)}); held {
		t.Errorf("body.items[0] held on an object")
	}
}

// TestHoldsQueryNumbers: a number in a query, header or path condition matches numbers
// written as JSON writes them (2, 2.0, 2e0), not other texts big.Rat happens to read.
func TestHoldsQueryNumbers(t *testing.T) {
	c := condition("query.page", `2`)
	for text, want := range map[string]bool{"2": true, "2.0": true, "2e0": true, "4/2": false, "0x2": false, "0b10": false, "+2": false} {
		held, _, _ := holds(c, &contract.Request{Query: url.Values{"page": {text}}})
		if held != want {
			t.Errorf("query.page: 2 against page=%s: held = %v, want %v", text, held, want)
		}
	}
}

// holds tests one condition with the contract kernel, as the stub server does.
func holds(c *spec.Condition, rq *contract.Request) (bool, *contract.Miss, error) {
	i, misses, err := contract.Match(rq, [][]contract.Condition{{c.Condition}})
	if err != nil || i == 0 {
		return i == 0, nil, err
	}
	return false, &misses[0], nil
}
