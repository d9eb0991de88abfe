package openapi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
)

// FuzzImport: whatever the document, Import never panics, and a spec it writes is one
// bb loads, with the bodyFiles it writes beside it.
func FuzzImport(f *testing.F) {
	for _, pattern := range []string{"testdata/import/*", "testdata/golden/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("openapi: 3.1.0\npaths: {/a: {get: {responses: {'200': {description: x}}}}}\n"))
	f.Add([]byte(`{"openapi":"3.0.0","paths":{"/{x}":{"post":{"operationId":"1-a","requestBody":{"$ref":"#/a"},"responses":{"default":{"$ref":"#"}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		res, err := Import(data, "fuzz.yaml")
		if err != nil {
			return
		}
		dir := t.TempDir()
		for name, body := range res.Files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, body, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := spec.Parse(filepath.Join(dir, spec.FileName), res.Spec); err != nil {
			t.Fatalf("the imported spec does not load: %v\n%s", err, res.Spec)
		}
	})
}
