package spec

import (
	"bytes"
	_ "embed"
)

//go:embed bb.schema.json
var jsonSchema []byte

// JSONSchema is the JSON Schema (draft 2020-12) of bb.yaml itself, with a description
// and examples for every key, for editors that validate and complete YAML. It says
// what bb check says about the spec's shape; what only loading can tell (a bodyFile that
// is missing, two endpoints on one route, a `when` on a parameter the path lacks) is
// left to bb check.
func JSONSchema() []byte { return bytes.Clone(jsonSchema) }

// SchemaFile is where `bb init` writes the JSON Schema, relative to the project
// folder, and what the first line of its bb.yaml points editors at.
const SchemaFile = ".bb/bb.schema.json"
