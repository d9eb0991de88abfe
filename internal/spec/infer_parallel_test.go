package spec

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// typesDump spells a spec's types, or its error, for comparing two ways of typing it.
func typesDump(t *testing.T, file string, data []byte) string {
	t.Helper()
	s, err := Parse(file, data)
	if err != nil {
		return "error: " + err.Error()
	}
	ts, err := s.Types()
	if err != nil {
		return "error: " + err.Error()
	}
	var b []byte
	for _, et := range ts.Endpoints {
		b = append(b, et.Endpoint.Name...)
		for _, p := range et.Path {
			b = append(b, ' ')
			b = appendShape(b, p.Type)
		}
		for _, rt := range []*Type{et.Request, et.Response, et.Error} {
			b = append(b, " | "...)
			if rt != nil {
				if rt.Object != nil {
					b = append(b, rt.Object.Name...)
					b = append(b, ' ')
				}
				b = appendShape(b, rt)
			}
		}
		b = append(b, '\n')
	}
	for _, o := range ts.Objects {
		b = append(b, o.Name...)
		b = append(b, '\n')
	}
	return string(b)
}

// TestParallelTypingEqualsSerial: typing the endpoints on every core gives the types,
// names and errors typing them one after the other gives.
func TestParallelTypingEqualsSerial(t *testing.T) {
	defer func(n int) { parallelTyping = n }(parallelTyping)
	specs := map[string][]byte{"big": []byte(bigSpec(700))}
	var borrow, broken strings.Builder
	borrow.WriteString("version: 1\nname: Big\nendpoints:\n")
	broken.WriteString("version: 1\nname: Big\nendpoints:\n")
	for i := 0; i < 350; i++ {
		fmt.Fprintf(&borrow, "  get%d:\n    method: GET\n    path: /r%d/{id}\n    responses:\n      - when: {path.id: 7}\n        body: {id: 7}\n      - status: 404\n        body: {error: no}\n", i, i)
		fmt.Fprintf(&borrow, "  tags%d:\n    method: GET\n    path: /r%d/{id}/tags\n    responses:\n      - body: [a, b]\n", i, i)
		fmt.Fprintf(&broken, "  op%d:\n    method: POST\n    path: /r%d\n    request:\n      body: {user: {name: x}}\n    responses:\n      - when: {body.user.name.first: x}\n        body: {ok: true}\n      - body: {ok: false}\n", i, i)
	}
	specs["borrowing"] = []byte(borrow.String())
	specs["broken"] = []byte(broken.String())
	for _, file := range corpus(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		specs[file] = data
	}
	file := project(t)
	for name, data := range specs {
		parallelTyping = 1 << 30
		serial := typesDump(t, file, data)
		parallelTyping = 1
		if name == "broken" && !strings.HasPrefix(serial, "error: ") {
			t.Errorf("the broken spec typed without an error:\n%.500s", serial)
		}
		if parallel := typesDump(t, file, data); parallel != serial {
			t.Errorf("%s: typed on every core:\n%.2000s\none after the other:\n%.2000s", name, parallel, serial)
		}
	}
}
