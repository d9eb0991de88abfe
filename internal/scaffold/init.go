package scaffold

import (
	"bytes"
	"text/template"

	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/templates"
)

// InitFiles returns the files `bb init` writes for a new project named name: a
// commented bb.yaml holding a working example endpoint, a .gitignore, and the JSON
// Schema of bb.yaml at spec.SchemaFile, which the first line of bb.yaml points
// editors at. The schema sits in the project rather than at a URL so that editors
// resolve it offline and it always matches the bb that wrote the spec.
func InitFiles(name string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for file, tmpl := range map[string]string{"bb.yaml": "init/bb.yaml.tmpl", ".gitignore": "init/gitignore.tmpl"} {
		t, err := template.ParseFS(templates.FS, tmpl)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, struct{ Name, TypeName, SchemaFile string }{name, spec.TypeName(name), spec.SchemaFile}); err != nil {
			return nil, err
		}
		out[file] = b.Bytes()
	}
	out[spec.SchemaFile] = spec.JSONSchema()
	return out, nil
}
