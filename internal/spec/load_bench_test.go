package spec

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// bigSpec is a spec of n endpoints of the kinds real APIs have: path parameters, request
// bodies, conditions, nested answers and an error fallback.
func bigSpec(n int) string {
	var b strings.Builder
	b.WriteString("version: 1\nname: Big\nendpoints:\n")
	methods := []string{"GET", "POST", "PUT", "DELETE"}
	for i := 0; i < n; i++ {
		m := methods[i%4]
		fmt.Fprintf(&b, "  op%d:\n    method: %s\n    path: /api/r%d/{id}\n", i, m, i)
		if m == "POST" || m == "PUT" {
			fmt.Fprintf(&b, "    request:\n      body: {name: item%d, qty: %d, tags: [a, b]}\n", i, i%7)
		}
		fmt.Fprintf(&b, "    responses:\n      - when: {path.id: 1}\n        body: {id: 1, name: item%d, price: 9.5, tags: [x], owner: {id: 7, name: ann}}\n      - status: 404\n        body: {error: not found}\n", i)
	}
	return b.String()
}

// BenchmarkParse times loading a spec (YAML, validation and type inference) at 1,000
// and 10,000 endpoints; the cost should grow linearly (issue 17's goal: 10,000 in
// 300 ms). A profile: -cpuprofile cpu.out, then go tool pprof -top -cum cpu.out.
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		data := []byte(bigSpec(n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			file := project(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(file, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReload times loading a 10,000-endpoint spec again after an edit of one
// endpoint, through the Cache bb serve's reloads keep: in place (the endpoint's text
// changes, no line moves) and with a line added (every later endpoint moves down).
func BenchmarkReload(b *testing.B) {
	const n = 10000
	data := []byte(bigSpec(n))
	edits := map[string][2][]byte{
		"in_place": {
			bytes.Replace(data, []byte("name: item5000,"), []byte("name: item5000a,"), 1),
			bytes.Replace(data, []byte("name: item5000,"), []byte("name: item5000b,"), 1),
		},
		"line_added": {
			bytes.Replace(data, []byte("  op5000:\n"), []byte("  op5000:\n    summary: one\n"), 1),
			bytes.Replace(data, []byte("  op5000:\n"), []byte("  op5000:\n    summary: two\n"), 1),
		},
	}
	for _, name := range []string{"in_place", "line_added"} {
		b.Run(fmt.Sprintf("%d/%s", n, name), func(b *testing.B) {
			file := project(b)
			o := Options{Cache: NewCache()}
			if _, err := o.Parse(context.Background(), file, data); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := o.Parse(context.Background(), file, edits[name][i%2]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkParseBorrowing loads specs where every endpoint has a sibling that borrows
// its path parameter's type and example (GET /r1/{id}/tags takes the id of
// /r1/{id}): lending must cost linear time, not a look at every endpoint for each.
func BenchmarkParseBorrowing(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		var s strings.Builder
		s.WriteString("version: 1\nname: Big\nendpoints:\n")
		for i := 0; i < n/2; i++ {
			fmt.Fprintf(&s, "  get%d:\n    method: GET\n    path: /r%d/{id}\n    responses:\n      - when: {path.id: 7}\n        body: {id: 7}\n      - status: 404\n        body: {error: no}\n", i, i)
			fmt.Fprintf(&s, "  tags%d:\n    method: GET\n    path: /r%d/{id}/tags\n    responses:\n      - body: [a, b]\n", i, i)
		}
		data := []byte(s.String())
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			file := project(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(file, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
