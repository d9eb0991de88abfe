package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// TestRoundTrip exports every spec of the corpus, imports the document, and serves both
// specs in-process: every request the original's examples imply gets the same status,
// Content-Type, declared headers and body (JSON compared as JSON) from both. The
// imported spec exported again describes the same operations and schemas, compared
// with every $ref written out.
func TestRoundTrip(t *testing.T) {
	for _, version := range []string{Version, Version30} {
		for name, dir := range corpus(t) {
			t.Run(version+"/"+name, func(t *testing.T) { roundTrip(t, dir, version) })
		}
	}
}

func roundTrip(t *testing.T, dir, version string) {
	name := filepath.Base(dir)
	{
		{
			orig := load(t, dir)
			doc1, err := GenerateVersion(orig, FormatJSON, version)
			if err != nil {
				t.Fatal(err)
			}
			// The document is read as if written beside bb.yaml, as bb gen openapi
			// --out openapi.json would: binary bodyFiles are named relative to it.
			back, res := importFrom(t, doc1, name+".json", func(rel string) ([]byte, error) {
				return os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			})
			if len(res.Warnings) > 0 {
				t.Errorf("importing bb's own document warns: %v", res.Warnings)
			}
			a, b := serve(t, orig), serve(t, back)
			n := 0
			for _, e := range orig.Endpoints {
				for _, c := range spec.Cases(e) {
					if c.Unreachable != "" {
						continue
					}
					want, got := send(t, a, c), send(t, b, c)
					n++
					if e.Resource != nil && want.status >= 500 {
						t.Errorf("%s: %d %s; a resource's records are served from the state file", c.Name(), want.status, want.body)
					}
					if got.status != want.status || got.ctype != want.ctype {
						t.Errorf("%s: %d %s, want %d %s", c.Name(), got.status, got.ctype, want.status, want.ctype)
						continue
					}
					if !sameBody(want, got) {
						t.Errorf("%s: body\n%s\nwant\n%s", c.Name(), got.body, want.body)
					}
					for _, h := range c.Response.Headers {
						// As the original answers it: a template fills it in.
						if v, w := got.header.Get(h.Name), want.header.Get(h.Name); v != w {
							t.Errorf("%s: header %s = %q, want %q", c.Name(), h.Name, v, w)
						}
					}
				}
			}
			if n == 0 {
				t.Fatal("no request was compared")
			}
			doc2, err := GenerateVersion(back, FormatJSON, version)
			if err != nil {
				t.Fatal(err)
			}
			s1, s2 := structure(t, doc1), structure(t, doc2)
			if s1 != s2 {
				t.Errorf("exported again, the document differs:\n%s", firstDiff([]byte(s1), []byte(s2)))
			}
		}
	}
}

func sameBody(want, got reply) bool {
	if !strings.Contains(want.ctype, "json") {
		return bytes.Equal(want.body, got.body)
	}
	w, err1 := contract.Decode(want.body, "body")
	g, err2 := contract.Decode(got.body, "body")
	if err1 != nil || err2 != nil {
		return bytes.Equal(want.body, got.body)
	}
	return contract.Equal(w, g)
}

// structure is the document reduced to what it says about operations and schemas:
// each operation's id, parameters, request body and responses with their media types,
// every schema with its $refs written out; examples, summaries and descriptions left
// out. Keys are sorted, so two documents compare as text.
func structure(t *testing.T, data []byte) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	comps, _ := doc["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	var inline func(v any, depth int) any
	inline = func(v any, depth int) any {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok && depth < 20 {
				return inline(schemas[strings.TrimPrefix(ref, "#/components/schemas/")], depth+1)
			}
			out := map[string]any{}
			for k, c := range x {
				switch {
				case k == "example" || k == "examples" || k == "summary" || k == "description" || strings.HasPrefix(k, "x-"):
				default:
					out[k] = inline(c, depth)
				}
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, c := range x {
				out[i] = inline(c, depth)
			}
			return out
		}
		return v
	}
	b, err := json.MarshalIndent(inline(doc["paths"], 0), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s\n", b)
}
