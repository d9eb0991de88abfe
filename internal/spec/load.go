package spec

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
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

// DefaultMaxSize is how large a spec may be unless Options say otherwise, in bytes: the
// file itself, and the spec as JSON with its YAML aliases written out. No spec written by
// hand comes near it.
const DefaultMaxSize = 16 << 20

// DefaultMaxBodySize is how large one body may be unless Options say otherwise, in bytes:
// each body, schema, example or `when` value as JSON with its YAML aliases written out,
// and each bodyFile.
const DefaultMaxBodySize = 8 << 20

// The environment variables that raise the limits, as the errors name them. Only the
// command line reads them: nothing in a spec can raise its own limits.
const (
	EnvMaxSize     = "BB_MAX_SPEC_SIZE"
	EnvMaxBodySize = "BB_MAX_SPEC_BODY"
)

// Options say how a spec is loaded. The zero Options load with the default limits.
type Options struct {
	// MaxSize bounds the spec file and the spec as JSON with its YAML aliases written
	// out, in bytes; 0 means DefaultMaxSize. Raised, it also raises in proportion how
	// many values the spec may hold, 1,000,000 at the default.
	MaxSize int64
	// MaxBodySize bounds each body, schema, example and `when` value as JSON with its
	// YAML aliases written out, and each bodyFile, in bytes; 0 means DefaultMaxBodySize.
	MaxBodySize int64
	// Cache, when set, keeps what each load read, so that the next load of the same
	// file reads again only the endpoints whose text changed (see Cache).
	Cache *Cache
}

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

// maxValues is how many values a spec may hold with its aliases written out.
func (o Options) maxValues() int64 {
	return max(maxExpandedNodes, int64(float64(maxExpandedNodes)*float64(o.maxSize())/DefaultMaxSize))
}

func (o Options) maxBodySize() int64 {
	if o.MaxBodySize > 0 {
		return o.MaxBodySize
	}
	return DefaultMaxBodySize
}

// Load reads and validates the spec at path with the default limits: a project folder
// holding bb.yaml, or the spec file itself. Problems in the spec come back as an
// ErrorList naming every one.
func Load(path string) (*Spec, error) {
	return Options{}.Load(context.Background(), path)
}

// Parse validates spec text read from file with the default limits. bodyFile entries
// are resolved against the file's directory.
func Parse(file string, data []byte) (*Spec, error) {
	return Options{}.Parse(context.Background(), file, data)
}

// Load reads and validates the spec at path, as the package's Load does, within o's
// limits. When ctx ends first, it stops and returns ctx's error.
func (o Options) Load(ctx context.Context, path string) (*Spec, error) {
	file, err := Locate(path)
	if err != nil {
		return nil, err
	}
	data, err := o.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return o.Parse(ctx, file, data)
}

// ReadFile reads a spec file, but no more of it than o allows: a larger file is an
// ErrorList naming the place where it passes the limit. Errors opening or reading the
// file come back as the os package gives them.
func (o Options) ReadFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	max := o.maxSize()
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		buf.Grow(int(min(st.Size(), max) + 512)) // read a large spec without growing as it goes
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, ErrorList{o.tooLarge(file, data)}
	}
	return data, nil
}

// tooLarge is the error for spec text longer than the limit, placed at the first byte
// past it.
func (o Options) tooLarge(file string, data []byte) *Error {
	max := o.maxSize()
	return &Error{File: file, Pos: posAt(data, int(max)), Msg: fmt.Sprintf(
		"the spec file is larger than %s, the most bb reads; move large bodies to bodyFiles, or raise the limit with %s=%s",
		humanSize(max), EnvMaxSize, formatSize(2*max))}
}

// Parse validates spec text read from file, as the package's Parse does, within o's
// limits. When ctx ends first, it stops and returns ctx's error.
func (o Options) Parse(ctx context.Context, file string, data []byte) (*Spec, error) {
	s, sp := o.splitParse(ctx, file, data, filepath.Dir(file))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s == nil {
		s, err := o.parseWhole(ctx, file, data)
		if err != nil {
			return nil, err
		}
		return s, s.infer(nil)
	}
	s.Digest = sha256.Sum256(data)
	err := s.infer(o.Cache)
	if sp.clashed() {
		// Routes that clash: the whole reader reports them, before any type error.
		s, err := o.parseWhole(ctx, file, data)
		if err != nil {
			return nil, err
		}
		return s, s.infer(nil)
	}
	if err != nil {
		return nil, err
	}
	o.Cache.keep(data, sp)
	o.Cache.keepTypes(s)
	return s, nil
}

// parseWhole reads data as one YAML document: the reader that reports every problem
// with its position.
func (o Options) parseWhole(ctx context.Context, file string, data []byte) (*Spec, error) {
	p := &parser{file: file, dir: filepath.Dir(file), ctx: ctx, opts: o}
	s := p.parse(data)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.Digest = sha256.Sum256(data)
	if len(p.errs) > 0 {
		p.errs.sort()
		if p.dropped > 0 {
			p.errs = append(ErrorList{{File: file, Msg: fmt.Sprintf(
				"%d more problems not shown; bb stops after %d; fix these and check again", p.dropped, maxErrors)}}, p.errs...)
		}
		return nil, p.errs
	}
	return s, nil
}

// infer keeps the spec's types, those of the last spec loaded with c when they are the
// same (see Cache.reuseTypes). What only typing finds (a body condition no request of
// the example's type can meet) is a spec error for every command: bb check refuses what
// a generator would.
func (s *Spec) infer(c *Cache) error {
	if ts := c.reuseTypes(s); ts != nil {
		s.types = ts
		return nil
	}
	ts, err := InferTypes(s, InferOptions{})
	if err != nil {
		return err
	}
	s.types = ts
	return nil
}

// maxErrors bounds the problems one load reports: a broken spec can hold millions, and
// each costs memory to keep and time to print.
const maxErrors = 100

type parser struct {
	file string
	dir  string
	ctx  context.Context
	opts Options
	errs ErrorList
	// dropped counts the problems found after maxErrors.
	dropped int
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
	// sizes measures nodes as if their aliases were written out, for the size limits.
	sizes *sizer
	// bodyFiles holds each bodyFile read so far, by path, so a file named by many
	// responses is read and checked once.
	bodyFiles map[string]bodyFile
	// split, when set, is the spec being read in pieces: the document parse decodes is
	// its skeleton, and the endpoints come from its pieces.
	split *split
	// arena holds the nodes of the YAML trees a worker reads, one run at a time.
	arena *fastArena
}

// missing reports whether a required key should be reported as missing from mapping n:
// not when a misspelling of it was already reported.
func (p *parser) missing(n *yaml.Node, key string) bool {
	return !slices.Contains(p.misspelt[resolve(n)], key)
}

func (p *parser) errorf(pos Pos, format string, args ...any) {
	if len(p.errs) >= maxErrors {
		p.dropped++
		return
	}
	p.errs = append(p.errs, &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// errorfIn reports a problem at pos in another file than the spec, a bodyFile, which
// the spec names at cause.
func (p *parser) errorfIn(file string, pos, cause Pos, format string, args ...any) {
	if len(p.errs) >= maxErrors {
		p.dropped++
		return
	}
	p.errs = append(p.errs, &Error{File: file, Pos: pos, Msg: fmt.Sprintf(format, args...), cause: cause})
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
	out := make([]field, 0, len(n.Content)/2)
	var seen map[string]bool // only for large mappings: a look through the keys is cheaper
	if len(n.Content) > 2*smallObject {
		seen = make(map[string]bool, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if seen != nil && seen[key] || seen == nil && seenKey(n.Content[:i], key) {
			p.errorf(posOf(k), "%q appears twice in %s", key, what)
			continue
		}
		if seen != nil {
			seen[key] = true
		}
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

// seenKey reports whether key is one of the keys of a mapping's content so far.
func seenKey(content []*yaml.Node, key string) bool {
	for i := 0; i+1 < len(content); i += 2 {
		if content[i].Value == key {
			return true
		}
	}
	return false
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
			if text, rest := clip(n.Value); rest != "" {
				return fmt.Sprintf("the text %q%s", text, rest)
			}
			return fmt.Sprintf("the text %q", n.Value)
		}
		text, rest := clip(n.Value)
		return text + rest
	}
	return "that"
}

// kindOf names what a node is, without its content: "a list", "text".
func kindOf(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case isNull(n):
		return "an empty value"
	case n.Tag == "!!str":
		return "text"
	}
	return "a single value"
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
		if i, ok := smallInt(n.Value); ok {
			return i, true // what Decode gives, without a decoder for each number
		}
		var i int
		if err := n.Decode(&i); err == nil {
			return i, true
		}
	}
	p.errorf(posOf(n), "%s must be a whole number, not %s", what, describe(n))
	return 0, false
}

// smallInt reads a number of at most nine decimal digits with no leading zero (which
// yaml.v3 reads as octal), the form of nearly every whole number in a spec.
func smallInt(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 || len(s) > 1 && s[0] == '0' {
		return 0, false
	}
	i := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int(c-'0')
	}
	return i, true
}

// plainBool reads the spellings of true and false yaml.v3 resolves to !!bool.
func plainBool(s string) (b, ok bool) {
	switch s {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

// decimal reads a fractional number written as digits, a point and digits, with an
// optional minus sign, as yaml.v3 decodes it; it declines any other spelling.
func decimal(s string) (float64, bool) {
	digits := strings.TrimPrefix(s, "-")
	whole, frac, ok := strings.Cut(digits, ".")
	if !ok || whole == "" || frac == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

var topKeys = []string{"version", "name", "description", "server", "endpoints", "resources"}

func (p *parser) parse(data []byte) *Spec {
	s := &Spec{File: p.file, Dir: p.dir}
	if int64(len(data)) > p.opts.maxSize() {
		p.errs = append(p.errs, p.opts.tooLarge(p.file, data))
		return s
	}
	// go.yaml.in/yaml/v3 reports text it cannot read without saying where; find it first
	// (a spec read in pieces was looked at already).
	if p.split == nil {
		if off, msg := badText(data); msg != "" {
			p.errorf(posAt(data, off), "%s", msg)
			return s
		}
	}
	text := data
	if p.split != nil {
		text = p.split.layout.skeleton
	}
	var doc yaml.Node
	if fast := fastYAML(text); fast != nil {
		doc = *fast // one document, read without a problem
	} else {
		dec := yaml.NewDecoder(ctxReader{p.ctx, bytes.NewReader(text)})
		if err := dec.Decode(&doc); err != nil && err != io.EOF {
			switch {
			case p.split != nil:
				p.errorf(Pos{}, "%v", err) // reading the whole file says where
			case p.ctx.Err() == nil:
				p.yamlError(data, err)
			}
			return s
		}
		if doc.Kind == 0 || len(doc.Content) == 0 {
			p.errorf(Pos{Line: 1, Col: 1}, "the file is empty; a spec starts with `version: 1` and lists `endpoints:`")
			return s
		}
		var extra yaml.Node
		if err := dec.Decode(&extra); err != io.EOF {
			if p.ctx.Err() != nil {
				return s
			}
			pos := Pos{Line: 1, Col: 1}
			if err == nil {
				pos = posOf(&extra)
			}
			p.errorf(pos, "a spec is one YAML document; remove the `---` and what follows it, or merge it into the first")
			return s
		}
	}
	// Aliases let a small file stand for a huge one: measure the spec as if they were
	// written out, without writing them out, and refuse it before building anything.
	p.sizes = newSizer()
	var total size
	if p.split != nil && !p.split.sized(&total) {
		return s
	}
	if at := p.sizes.over(&doc, &total, size{bytes: p.opts.maxSize(), nodes: p.opts.maxValues()}); at != nil {
		raise := fmt.Sprintf("%s=%s", EnvMaxSize, formatSize(2*p.opts.maxSize()))
		switch {
		case p.sizes.loop != nil:
			p.errorf(posOf(p.sizes.loop), "YAML alias *%s refers to a value that holds it, so written out it would never end; JSON cannot hold that", p.sizes.loop.Value)
		case total.nodes > p.opts.maxValues() && at.Kind == yaml.AliasNode:
			p.errorf(posOf(at), "YAML aliases expand this file to more than %d values here; write the repeated parts out or use fewer aliases, or raise the limit with %s", p.opts.maxValues(), raise)
		case total.nodes > p.opts.maxValues():
			p.errorf(posOf(at), "the spec holds more than %d values here, the most bb loads; move large bodies to bodyFiles, or raise the limit with %s", p.opts.maxValues(), raise)
		case at.Kind == yaml.AliasNode:
			p.errorf(posOf(at), "YAML aliases here expand the spec past %s as JSON, the most bb loads; write the repeated parts out once, or raise the limit with %s",
				humanSize(p.opts.maxSize()), raise)
		default:
			p.errorf(posOf(at), "the spec grows past %s as JSON here, the most bb loads; move large bodies to bodyFiles, or raise the limit with %s",
				humanSize(p.opts.maxSize()), raise)
		}
		return s
	}
	root := resolve(&doc)
	if root.Kind != yaml.MappingNode {
		// Say what a spec is, rather than quote what this file holds (bb check /etc/passwd).
		p.errorf(posOf(root), "not a bb spec: a spec is a YAML mapping that starts with `version: 1` (this file holds %s)", kindOf(root))
		return s
	}
	fields, ok := p.mapping(root, "the spec", topKeys)
	if !ok {
		return s
	}
	var versionSeen, endpointsSeen, resourcesSeen bool
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
		case "resources":
			resourcesSeen = true
			p.resources(f.value, s)
		}
	}
	if !versionSeen && p.missing(root, "version") {
		p.errorf(posOf(root), "missing `version: 1` at the top of the spec")
	}
	if !endpointsSeen && !resourcesSeen && p.missing(root, "endpoints") {
		p.errorf(posOf(root), "missing `endpoints:`; list at least one endpoint (or resource)")
	}
	if s.Name == "" {
		s.Name = defaultName(p.dir)
	}
	p.expandResources(s)
	if p.split != nil {
		p.split.checkRoutes(p, s)
	} else {
		p.checkRoutes(s)
	}
	p.checkSchemas(s)
	linkPathExamples(s)
	p.checkExamples(s)
	return s
}

// maxExpandedNodes bounds how many values a spec may hold with its aliases written out,
// unless a raised size limit allows more: each costs memory and time whatever its size
// in bytes. Tests lower it.
var maxExpandedNodes int64 = 1_000_000

var serverKeys = []string{"port", "host", "cors", "proxy", "log"}

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
		case "log":
			if l, ok := p.str(f.value, "server.log"); ok {
				if !slices.Contains([]string{"all", "errors", "off"}, l) {
					p.errorf(posOf(f.value), "server.log %q is not all, errors or off", l)
				} else {
					s.Server.Log = l
				}
			}
		case "proxy":
			if u, ok := p.str(f.value, "server.proxy"); ok {
				if err := CheckProxyURL(u); err != nil {
					p.errorf(posOf(f.value), "server.proxy: %v", err)
				} else {
					s.Server.Proxy = u
				}
			}
		}
	}
}

// CheckProxyURL says what is wrong with a backend URL to pass unanswered requests to:
// it must be an absolute http or https URL, with no query or fragment.
func CheckProxyURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Errorf("%q is not a URL: %v", s, err)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		return fmt.Errorf("%q must be an http:// or https:// URL with a host, e.g. http://localhost:8080", s)
	case u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("%q must not hold a query or fragment", s)
	}
	return nil
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

// size is what a YAML node costs written out: its bytes as JSON and its values.
type size struct {
	bytes, nodes int64
}

// huge stands for "more than any limit"; sizes stop growing there, so adding two of them
// never overflows.
const huge = 1 << 60

func (a size) plus(b size) size {
	return size{bytes: min(a.bytes+b.bytes, huge), nodes: min(a.nodes+b.nodes, huge)}
}

func (a size) over(limit size) bool { return a.bytes > limit.bytes || a.nodes > limit.nodes }

// sizer measures YAML nodes as if every alias were written out, without writing them
// out: the size of each anchored node is worked out once, so a file that aliases one
// large value a thousand times costs a thousand steps, not a thousand copies.
type sizer struct {
	memo map[*yaml.Node]size
	busy map[*yaml.Node]bool // anchored nodes being measured
	loop *yaml.Node          // the first alias found inside the value it refers to
}

// own is what n costs without its children, never less than it takes as JSON: a scalar
// its text as a JSON string (or null, or the longest float), a collection its brackets
// and a separator per item.
func own(n *yaml.Node) size {
	switch n.Kind {
	case yaml.ScalarNode:
		b := jsonStringLen(n.Value)
		switch n.Tag {
		case "!!null":
			b = max(b, int64(len("null")))
		case "!!float":
			b = max(b, int64(len("-2.2250738585072014e-308")))
		}
		return size{bytes: b, nodes: 1}
	case yaml.MappingNode, yaml.SequenceNode:
		return size{bytes: 2 + int64(len(n.Content)), nodes: 1}
	}
	return size{nodes: 1}
}

// of is the size of n with its aliases written out.
func (z *sizer) of(n *yaml.Node) size {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return own(n)
		}
		if z.busy[n.Alias] {
			if z.loop == nil {
				z.loop = n
			}
			return size{bytes: huge, nodes: huge}
		}
		return own(n).plus(z.of(n.Alias))
	}
	if n.Anchor != "" {
		if s, ok := z.memo[n]; ok {
			return s
		}
		z.busy[n] = true
		defer delete(z.busy, n)
	}
	s := own(n)
	for _, c := range n.Content {
		s = s.plus(z.of(c))
	}
	if n.Anchor != "" {
		z.memo[n] = s
	}
	return s
}

// over adds n's size to total in document order and returns the node at which total
// first goes over limit: an alias when writing it out is what crosses the line, so the
// error points at the alias rather than at what it names. It returns nil when n fits.
func (z *sizer) over(n *yaml.Node, total *size, limit size) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		*total = total.plus(z.of(n))
		if total.over(limit) {
			return n
		}
		return nil
	}
	*total = total.plus(own(n))
	if total.over(limit) {
		return n
	}
	for _, c := range n.Content {
		if at := z.over(c, total, limit); at != nil {
			return at
		}
	}
	return nil
}

// fits reports whether the value at n (a body, a schema, an example) stays within the
// body limit when written out as JSON, and reports where it does not, so that nothing
// larger is ever built.
func (p *parser) fits(n *yaml.Node) bool {
	max := p.opts.maxBodySize()
	var total size
	at := p.sizes.over(n, &total, size{bytes: max, nodes: huge})
	if at == nil {
		return true
	}
	how := "this value grows past %s as JSON here"
	if at.Kind == yaml.AliasNode {
		how = "YAML aliases here make this value larger than %s as JSON"
	}
	p.errorf(posOf(at), how+", the most bb takes for one body, schema or example; make it smaller, or raise the limit with %s=%s",
		humanSize(max), EnvMaxBodySize, formatSize(2*max))
	return false
}

// placeholder stands for a value too large to build: empty, but of the kind written, so
// the checks that follow do not report the value a second time as the wrong kind.
func placeholder(n *yaml.Node) Value {
	v := Value{Kind: Null, Pos: posOf(n)}
	switch resolve(n).Kind {
	case yaml.MappingNode:
		v.Kind, v.Fields = Object, []Field{}
	case yaml.SequenceNode:
		v.Kind, v.Items = Array, []Value{}
	case yaml.ScalarNode:
		v.Kind = String
	}
	return v
}

// jsonStringLen is the length of s written as a JSON string by encoding/json without
// HTML escaping.
func jsonStringLen(s string) int64 {
	n := int64(2)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f':
				n += 2
			case c < 0x20:
				n += 6
			default:
				n++
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || r == '\u2028' || r == '\u2029' {
			n += 6
		} else {
			n += int64(w)
		}
		i += w
	}
	return n
}

// bodyFile is what reading one bodyFile gave: its bytes, or what is wrong with it.
type bodyFile struct {
	data    []byte
	problem string
	at      Pos // where in the file the problem is, when it is inside it
}

// readBodyFile reads a bodyFile no larger than the body limit and checks that a .json
// one holds JSON. It reads each path once, however many responses name it. problem
// completes "bodyFile "x" …" when the file cannot serve.
func (p *parser) readBodyFile(full string) (data []byte, problem string, at Pos) {
	if bf, ok := p.bodyFiles[full]; ok {
		return bf.data, bf.problem, bf.at
	}
	var bf bodyFile
	defer func() {
		if p.bodyFiles == nil {
			p.bodyFiles = map[string]bodyFile{}
		}
		p.bodyFiles[full] = bf
	}()
	f, err := os.Open(full)
	if err != nil {
		bf.problem = fmt.Sprintf("cannot be read: %v", err)
		return nil, bf.problem, bf.at
	}
	defer f.Close()
	max := p.opts.maxBodySize()
	data, err = io.ReadAll(io.LimitReader(ctxReader{p.ctx, f}, max+1))
	switch {
	case err != nil:
		bf.problem = fmt.Sprintf("cannot be read: %v", err)
	case int64(len(data)) > max:
		bf.problem = fmt.Sprintf("is larger than %s, the most bb takes for one body; make it smaller, or raise the limit with %s=%s",
			humanSize(max), EnvMaxBodySize, formatSize(2*max))
	case strings.EqualFold(filepath.Ext(full), ".json"):
		if _, err := FromJSON(data); err != nil {
			var msg string
			bf.at, msg = jsonError(data, err)
			bf.problem = "is not valid JSON: " + msg
		}
	}
	if bf.problem == "" {
		bf.data = data
	}
	return bf.data, bf.problem, bf.at
}

// jsonError is where in data, which is not valid JSON, encoding/json stops reading, and
// what it says there (err, FromJSON's, when it says nothing).
func jsonError(data []byte, err error) (Pos, string) {
	var v any
	var se *json.SyntaxError
	off, msg := len(data), err.Error()
	if len(bytes.TrimSpace(data)) == 0 {
		return posAt(data, off), "the file is empty"
	}
	if err := json.Unmarshal(data, &v); errors.As(err, &se) && se.Offset > 0 {
		off, msg = int(se.Offset)-1, se.Error() // the offset counts the byte at fault
	}
	return posAt(data, off), msg
}

// ctxReader reads until its context ends, so that reading a large spec stops when bb is
// asked to stop.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(b)
}

// badText finds the first character YAML cannot read: a byte that is not UTF-8, or a
// control character. It returns its offset and what is wrong, or "" when all is text.
func badText(data []byte) (int, string) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return 0, "the file is UTF-16 text; save it as UTF-8"
	}
	for i := 0; i < len(data); {
		if c := data[i]; c >= 0x20 && c <= 0x7e || c == '\n' || c == '\t' || c == '\r' {
			i++ // ASCII text, most of any spec
			continue
		}
		r, w := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			return i, fmt.Sprintf("the file is not UTF-8 text: byte 0x%02x here is not part of a character; is it a binary file? a spec must be saved as UTF-8", data[i])
		case !yamlChar(r):
			return i, fmt.Sprintf("the control character %U here is not allowed in YAML; remove it (is this a binary file?)", r)
		}
		i += w
	}
	return 0, ""
}

// yamlChar reports whether YAML 1.1, as go.yaml.in/yaml/v3 reads it, allows r in a file.
func yamlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
		r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// yamlError reports YAML the parser could not read, at the place it stopped.
//
// go.yaml.in/yaml/v3 gives no structured position, only a "line N:" in its message,
// and that line is sometimes where the broken construct began, sometimes one line early
// (parser errors count from 0), and absent on the first line. So the position is found
// by reading again: the shortest start of the file that already fails with the same
// message ends where the parser found the problem. The search begins at the line yaml
// names, the only part of its message bb reads apart from comparing it whole.
func (p *parser) yamlError(data []byte, err error) {
	problem, hint := yamlProblem(err)
	pos := p.locate(data, problem, hint)
	if p.ctx.Err() != nil {
		return
	}
	if charAt(data, pos) == '\t' {
		problem = "tabs are not allowed for indentation; indent with spaces"
	}
	p.errorf(pos, "not valid YAML: %s", problem)
}

// charAt is the character at pos in data, counted as posAt counts, or 0 past the end.
func charAt(data []byte, pos Pos) rune {
	at := Pos{Line: 1, Col: 1}
	for i := 0; i < len(data); {
		if at == pos {
			r, _ := utf8.DecodeRune(data[i:])
			return r
		}
		if n := breakAt(data, i); n > 0 {
			at.Line++
			at.Col = 1
			i += n
			continue
		}
		_, w := utf8.DecodeRune(data[i:])
		at.Col++
		i += w
	}
	return 0
}

// yamlProblem splits a yaml error into its message and the line it names, 0 when none.
func yamlProblem(err error) (string, int) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ":"); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return strings.TrimSpace(after), n
			}
		}
	}
	return msg, 0
}

// probeBudget bounds the bytes locate parses again, so a broken file of many megabytes
// is reported at once, if less precisely. Tests lower it.
var probeBudget = 2 << 20

// locate finds where the parser met problem: the first line whose end already makes the
// file fail with it, then the first character on that line that does. It starts from
// the line yaml named (hint), and falls back to that line when the search would cost
// more than probeBudget.
func (p *parser) locate(data []byte, problem string, hint int) Pos {
	fallback := Pos{}
	if hint > 0 {
		fallback = Pos{Line: hint, Col: 1}
	}
	spent := 0
	exhausted := false
	// fails reports whether data[:n] fails with problem.
	fails := func(n int) bool {
		if spent += n; spent > probeBudget || p.ctx.Err() != nil {
			exhausted = true
			return false
		}
		var doc yaml.Node
		err := yaml.NewDecoder(ctxReader{p.ctx, bytes.NewReader(data[:n])}).Decode(&doc)
		if err == nil || err == io.EOF {
			return false
		}
		got, _ := yamlProblem(err)
		return got == problem
	}
	lines := countLines(data)
	// The line: the smallest k whose first k lines fail, searched outward from the hint.
	lo, hi := 0, lines // the first lo lines do not fail; the first hi lines do
	k := min(max(hint, 1), lines)
	if fails(lineEnd(data, k)) {
		hi = k
		for step := 1; ; step *= 2 {
			k = max(hi-step, lo)
			if k == lo || !fails(lineEnd(data, k)) {
				lo = k
				break
			}
			hi = k
		}
	} else {
		lo = k
		for step := 1; ; step *= 2 {
			k = min(lo+step, hi)
			if k == hi || fails(lineEnd(data, k)) {
				hi = k
				break
			}
			lo = k
		}
	}
	for hi-lo > 1 && !exhausted {
		mid := (lo + hi) / 2
		if fails(lineEnd(data, mid)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	if exhausted {
		return fallback
	}
	// The column: the shortest cut inside line hi that fails, on character boundaries.
	start, end := lineEnd(data, hi-1), lineEnd(data, hi)
	a, b := start, end // data[:a] does not fail; data[:b] does
	for !exhausted {
		mid := (a + b) / 2
		for mid < b && !utf8.RuneStart(data[mid]) {
			mid++
		}
		if mid >= b {
			mid = (a + b) / 2
			for mid > a && !utf8.RuneStart(data[mid]) {
				mid--
			}
		}
		if mid <= a {
			break
		}
		if fails(mid) {
			b = mid
		} else {
			a = mid
		}
	}
	if exhausted {
		return Pos{Line: hi, Col: 1}
	}
	// b ends just after the character at which the parser stopped.
	last := b - 1
	for last > start && !utf8.RuneStart(data[last]) {
		last--
	}
	// In an alias, it stops at the end of the name (an unknown anchor, say): point at the
	// '*' that begins it.
	tok := last
	for tok > start && !bytes.ContainsAny(data[tok-1:tok], " \t,[]{}") {
		tok--
	}
	if data[tok] == '*' {
		last = tok
	}
	return Pos{Line: hi, Col: utf8.RuneCount(data[start:last]) + 1}
}

// clip shortens text shown in a message, which may be megabytes long: it returns the
// start of s and, when that is not all of it, what to say about the rest.
func clip(s string) (string, string) {
	const max = 60
	if len(s) <= max {
		return s, ""
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], fmt.Sprintf("… (%s in all)", humanSize(int64(len(s))))
}
