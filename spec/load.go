package spec

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Locate turns a project folder or a spec file path into the spec file path.
func Locate(path string) (string, error) {
	if path == "" {
		path = "."
	}
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s: no such file or folder; run `bb init` to create a %s", path, FileName)
		}
		return "", err
	}
	if !st.IsDir() {
		return path, nil
	}
	file := filepath.Join(path, FileName)
	if _, err := os.Stat(file); err != nil {
		return "", fmt.Errorf("%s: no %s in this folder; run `bb init %s` to create one", path, FileName, path)
	}
	return file, nil
}

// Load reads and validates the spec at path: a project folder holding bb.yaml, or the
// spec file itself. Problems in the spec come back as an ErrorList naming every one.
func Load(path string) (*Spec, error) {
	file, err := Locate(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, data)
}

// Parse validates spec text read from file. bodyFile entries are resolved against the
// file's directory.
func Parse(file string, data []byte) (*Spec, error) {
	p := &parser{file: file, dir: filepath.Dir(file)}
	s := p.parse(data)
	s.Digest = sha256.Sum256(data)
	if len(p.errs) > 0 {
		p.errs.sort()
		return nil, p.errs
	}
	return s, nil
}

type parser struct {
	file string
	dir  string
	errs ErrorList
	// misspelt holds, per mapping, the known keys an unknown key was taken for, so a
	// "did you mean" is not followed by a second error saying the key is missing.
	misspelt map[*yaml.Node][]string
	// brokenPath holds the endpoints whose path already has an error, so the route
	// checks do not report it a second time as a pattern ServeMux refuses.
	brokenPath map[*Endpoint]bool
	// inAlias counts the aliases being expanded, the outermost at aliasPos; aliased
	// counts the values they have built, against maxAliased.
	inAlias, aliased int
	aliasPos         Pos
}

// missing reports whether a required key should be reported as missing from mapping n:
// not when a misspelling of it was already reported.
func (p *parser) missing(n *yaml.Node, key string) bool {
	return !slices.Contains(p.misspelt[resolve(n)], key)
}

func (p *parser) errorf(pos Pos, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// field is one key of a mapping node with its value.
type field struct {
	key   string
	keyN  *yaml.Node
	value *yaml.Node
}

// mapping checks that n is a mapping whose keys are all known, reports unknown keys with
// a suggestion, and returns the keys it holds in order.
func (p *parser) mapping(n *yaml.Node, what string, known []string) ([]field, bool) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		if isNull(n) {
			return nil, true
		}
		p.errorf(posOf(n), "%s must be a mapping of keys to values, not %s", what, describe(n))
		return nil, false
	}
	var out []field
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if seen[key] {
			p.errorf(posOf(k), "%q appears twice in %s", key, what)
			continue
		}
		seen[key] = true
		if known != nil && !slices.Contains(known, key) {
			msg := fmt.Sprintf("unknown key %q in %s", key, what)
			if s := Suggest(key, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
				if p.misspelt == nil {
					p.misspelt = map[*yaml.Node][]string{}
				}
				p.misspelt[n] = append(p.misspelt[n], s)
			} else {
				msg += fmt.Sprintf(" (known keys: %s)", strings.Join(known, ", "))
			}
			p.errorf(posOf(k), "%s", msg)
			continue
		}
		out = append(out, field{key: key, keyN: k, value: v})
	}
	return out, true
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return resolve(n.Content[0])
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "an empty value"
		case "!!str":
			return fmt.Sprintf("the text %q", n.Value)
		}
		return fmt.Sprintf("%s", n.Value)
	}
	return "that"
}

func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || isNull(n) {
		p.errorf(posOf(n), "%s must be text, not %s", what, describe(n))
		return "", false
	}
	return n.Value, true
}

func (p *parser) integer(n *yaml.Node, what string) (int, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		var i int
		if err := n.Decode(&i); err == nil {
			return i, true
		}
	}
	p.errorf(posOf(n), "%s must be a whole number, not %s", what, describe(n))
	return 0, false
}

var topKeys = []string{"version", "name", "description", "server", "endpoints"}

func (p *parser) parse(data []byte) *Spec {
	s := &Spec{File: p.file, Dir: p.dir}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		p.yamlError(err)
		return s
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.errorf(Pos{Line: 1, Col: 1}, "the file is empty; a spec starts with `version: 1` and lists `endpoints:`")
		return s
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		pos := Pos{Line: 1, Col: 1}
		if err == nil {
			pos = posOf(&extra)
		}
		p.errorf(pos, "a spec is one YAML document; remove the `---` and what follows it, or merge it into the first")
		return s
	}
	// Aliases let a small file stand for a huge one; refuse before walking it.
	budget := maxExpandedNodes
	if at := countExpanded(&doc, &budget, nil); budget < 0 {
		pos := Pos{Line: 1, Col: 1}
		if at != nil {
			pos = posOf(at)
		}
		p.errorf(pos, "YAML aliases expand this file to more than %d values here; write the repeated parts out or use fewer aliases", maxExpandedNodes)
		return s
	}
	root := resolve(&doc)
	fields, ok := p.mapping(root, "the spec", topKeys)
	if !ok {
		return s
	}
	var versionSeen, endpointsSeen bool
	for _, f := range fields {
		switch f.key {
		case "version":
			versionSeen = true
			v := resolve(f.value)
			if n, err := strconv.Atoi(v.Value); err != nil || v.Kind != yaml.ScalarNode {
				p.errorf(posOf(v), "version must be 1, not %s", describe(v))
			} else if n != 1 {
				p.errorf(posOf(v), "this spec says version %d, but this bb reads version 1 only; write `version: 1` or update bb", n)
			} else {
				s.Version = 1
			}
		case "name":
			if name, ok := p.str(f.value, "name"); ok {
				if typeName(name) == "" {
					p.errorf(posOf(f.value), "name %q must start with a letter and hold letters, digits, spaces, '-' or '_'", name)
				}
				s.Name = name
			}
		case "description":
			p.str(f.value, "description")
		case "server":
			p.server(f.value, s)
		case "endpoints":
			endpointsSeen = true
			p.endpoints(f.value, s)
		}
	}
	if !versionSeen && p.missing(root, "version") {
		p.errorf(posOf(root), "missing `version: 1` at the top of the spec")
	}
	if !endpointsSeen && p.missing(root, "endpoints") {
		p.errorf(posOf(root), "missing `endpoints:`; list at least one endpoint")
	}
	if s.Name == "" {
		s.Name = defaultName(p.dir)
	}
	p.checkRoutes(s)
	p.checkSchemas(s)
	linkPathExamples(s)
	p.checkExamples(s)
	return s
}

// maxExpandedNodes bounds the size of a spec with its aliases written out.
const maxExpandedNodes = 1_000_000

// countExpanded counts the nodes of n as if every alias were written out, stopping once
// the budget is spent. It returns the outermost alias being written out at that moment.
func countExpanded(n *yaml.Node, budget *int, alias *yaml.Node) *yaml.Node {
	if *budget--; *budget < 0 {
		return alias
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		if alias == nil {
			alias = n
		}
		return countExpanded(n.Alias, budget, alias)
	}
	for _, c := range n.Content {
		if at := countExpanded(c, budget, alias); *budget < 0 {
			return at
		}
	}
	return nil
}

func (p *parser) yamlError(err error) {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	// yaml.v3 reports "line N: message"; lift the line into the position.
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := msg[len("line "):]
		if i := strings.Index(rest, ":"); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	pos := Pos{}
	if line > 0 {
		pos = Pos{Line: line, Col: 1}
	}
	p.errorf(pos, "not valid YAML: %s", msg)
}

var serverKeys = []string{"port", "host", "cors"}

func (p *parser) server(n *yaml.Node, s *Spec) {
	fields, _ := p.mapping(n, "server", serverKeys)
	for _, f := range fields {
		switch f.key {
		case "port":
			if port, ok := p.integer(f.value, "server.port"); ok {
				if port < 1 || port > 65535 {
					p.errorf(posOf(f.value), "server.port must be between 1 and 65535, not %d", port)
				} else {
					s.Server.Port = port
				}
			}
		case "host":
			if h, ok := p.str(f.value, "server.host"); ok {
				s.Server.Host = h
			}
		case "cors":
			s.Server.CORSOrigins = p.corsOrigins(f.value)
		}
	}
}

// corsOrigins reads server.cors, whose origins (a list, or one text of them separated
// by commas) bb serve allows with credentials.
func (p *parser) corsOrigins(n *yaml.Node) string {
	fields, _ := p.mapping(n, "server.cors", []string{"origins"})
	var out []string
	for _, f := range fields {
		items := []*yaml.Node{f.value}
		if v := resolve(f.value); v.Kind == yaml.SequenceNode || isNull(v) {
			items = v.Content
		}
		for _, item := range items {
			if text, ok := p.str(item, "server.cors.origins"); ok {
				origins, err := credentialedOrigins(text)
				if err != nil {
					p.errorf(posOf(resolve(item)), "server.cors.origins: %v", err)
				}
				out = append(out, origins...)
			}
		}
	}
	return strings.Join(out, ",")
}

// defaultName names an API after its folder when the spec gives no name.
func defaultName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err == nil {
		if n := typeName(filepath.Base(abs)); n != "" {
			return n
		}
	}
	return "App"
}

// typeName turns a name like "my app" or "my-app" into "MyApp", or "" when it cannot.
func typeName(name string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '.':
			upper = true
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
			if b.Len() == 0 && r >= '0' && r <= '9' {
				return ""
			}
			if upper {
				r = []rune(strings.ToUpper(string(r)))[0]
				upper = false
			}
			b.WriteRune(r)
		default:
			return ""
		}
	}
	return b.String()
}

// TypeName is the spec's name as a type name: "my app" becomes "MyApp".
func (s *Spec) TypeName() string {
	if n := typeName(s.Name); n != "" {
		return n
	}
	return "App"
}

// TypeName turns a name like "my app" or "my-app" into "MyApp", or "" when it holds
// characters a type name cannot.
func TypeName(name string) string { return typeName(name) }
