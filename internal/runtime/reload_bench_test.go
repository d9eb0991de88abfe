package runtime

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
)

// bigSpec is a spec of n endpoints of the kinds real APIs have (spec's BenchmarkParse
// loads the same), with "answer" in the middle endpoint's first response, for edits.
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
		name := fmt.Sprintf("item%d", i)
		if i == n/2 {
			name = "answer"
		}
		fmt.Fprintf(&b, "    responses:\n      - when: {path.id: 1}\n        body: {id: 1, name: %s, price: 9.5, tags: [x], owner: {id: 7, name: ann}}\n      - status: 404\n        body: {error: not found}\n", name)
	}
	return b.String()
}

// BenchmarkStart times what bb serve does before its first answer: loading the spec
// and compiling its router, at 1,000 and 10,000 endpoints.
func BenchmarkStart(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			file := filepath.Join(b.TempDir(), "bb.yaml")
			if err := os.WriteFile(file, []byte(bigSpec(n)), 0o644); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				s, err := spec.Options{Cache: spec.NewCache()}.Load(context.Background(), file)
				if err != nil {
					b.Fatal(err)
				}
				Compile(s, Options{})
			}
		})
	}
}

// BenchmarkReload times a reload after a save that edits one endpoint of a large spec,
// as bb serve's watcher runs it: reading the file, loading it through the reloader's
// Cache, compiling and swapping the router in. "in_place" changes a word; "line_added"
// also adds a line, so every endpoint after it moves down.
func BenchmarkReload(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, how := range []string{"in_place", "line_added"} {
			b.Run(fmt.Sprintf("%d/%s", n, how), func(b *testing.B) {
				text := bigSpec(n)
				file := filepath.Join(b.TempDir(), "bb.yaml")
				if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				o := spec.Options{Cache: spec.NewCache()}
				s, err := o.Load(context.Background(), file)
				if err != nil {
					b.Fatal(err)
				}
				srv := NewServer(Compile(s, Options{}), nil)
				rl := &Reloader{File: file, Server: srv, Spec: o}
				if err := rl.Start(); err != nil {
					b.Fatal(err)
				}
				defer rl.w.Close()
				i := 0
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					i++
					edit := strings.Replace(text, "name: answer,", fmt.Sprintf("name: answer%d,", i), 1)
					if how == "line_added" && i%2 == 1 {
						edit = strings.Replace(edit, "name: answer", "name:\n          answer", 1)
					}
					if err := os.WriteFile(file, []byte(edit), 0o644); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					rl.reload(context.Background())
					if rl.failed {
						b.Fatal("the reload failed")
					}
				}
			})
		}
	}
}
