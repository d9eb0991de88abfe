package spec

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/backwards-backend/bb/internal/contract"
)

var (
	endpointKeys = []string{"method", "path", "summary", "request", "responses", "sequence"}
	requestKeys  = []string{"body", "schema", "query", "headers", "path"}
	responseKeys = []string{"when", "status", "headers", "body", "bodyFile", "schema", "delay", "example", "scenario", "chance", "fault"}
	exampleKeys  = []string{"body", "query", "headers", "path"}
	methods      = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
)

var (
	scenarioRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.\-]*$`)
	identRE    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	headerRE   = regexp.MustCompile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")
	paramRE    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	pathSegRE  = regexp.MustCompile(`^[A-Za-z0-9\-._~!$&'()*+,;=:@%]+$`)
)

// framingHeaders are response headers the server computes; a stub that set them would
// send a broken answer (a Content-Length that does not match the body, say).
var framingHeaders = map[string]bool{"Content-Length": true, "Transfer-Encoding": true, "Connection": true,
	"Keep-Alive": true, "Upgrade": true, "Trailer": true, "Te": true}

func (p *parser) endpoints(n *yaml.Node, s *Spec) {
	if p.split != nil {
		p.splitEndpoints(s)
		return
	}
	n = resolve(n)
	if isNull(n) {
		p.errorf(posOf(n), "endpoints is empty; list at least one endpoint")
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(posOf(n), "endpoints must be a mapping from operation name to endpoint, not %s", describe(n))
		return
	}
	if len(n.Content) == 0 {
		p.errorf(posOf(n), "endpoints is empty; list at least one endpoint")
		return
	}
	fields, _ := p.mapping(n, "endpoints", nil)
	p.endpointList(fields, s, nil)
}

// endpointList reads the endpoints, fields in file order; read, when set, gives each
// one already read (see split).
func (p *parser) endpointList(fields []field, s *Spec, read func(i int) *Endpoint) {
	folded := map[string]string{}
	for i, f := range fields {
		name := f.key
		switch {
		case !identRE.MatchString(name):
			p.errorf(posOf(f.keyN), "operation name %q must start with a letter and hold only letters, digits and '_', so it can name a Swift function and a Go handler", name)
		default:
			// Go handlers are exported, so getUser and GetUser would both be GetUser.
			up := strings.ToUpper(name[:1]) + name[1:]
			if other, ok := folded[up]; ok {
				p.errorf(posOf(f.keyN), "operation names %q and %q would both become the Go handler %s; rename one", other, name, up)
			}
			folded[up] = name
		}
		if read != nil {
			s.Endpoints = append(s.Endpoints, read(i))
		} else if e := p.endpoint(name, f.value); e != nil {
			e.Pos = posOf(f.keyN)
			s.Endpoints = append(s.Endpoints, e)
		}
	}
}

func (p *parser) endpoint(name string, n *yaml.Node) *Endpoint {
	what := "endpoint " + name
	fields, ok := p.mapping(n, what, endpointKeys)
	if !ok {
		return nil
	}
	e := &Endpoint{Name: name}
	var responsesN, requestN *yaml.Node
	var hasMethod, hasPath bool
	for _, f := range fields {
		switch f.key {
		case "method":
			hasMethod = true
			if m, ok := p.str(f.value, what+": method"); ok {
				up := strings.ToUpper(m)
				if !slices.Contains(methods, up) {
					msg := fmt.Sprintf("%s: method %q is not one of %s", what, m, strings.Join(methods, ", "))
					if s := Suggest(up, methods); s != "" {
						msg += fmt.Sprintf("; did you mean %q?", s)
					}
					p.errorf(posOf(f.value), "%s", msg)
				}
				e.Method = up
			}
		case "path":
			hasPath = true
			if path, ok := p.str(f.value, what+": path"); ok {
				before := len(p.errs)
				e.Path = path
				e.Params = p.path(path, posOf(f.value), what)
				if len(p.errs) > before {
					p.badPath(e)
				}
			}
		case "summary":
			e.Summary, _ = p.str(f.value, what+": summary")
		case "request":
			requestN = f.value // read once the path's parameters are known
		case "sequence":
			if v, ok := p.str(f.value, what+": sequence"); ok {
				switch seq := contract.Sequence(v); seq {
				case contract.SequenceRepeatLast, contract.SequenceCycle:
					e.Sequence, e.SequencePos = seq, posOf(f.value)
				default:
					msg := fmt.Sprintf("%s: sequence %q is not repeat-last or cycle", what, v)
					if s := Suggest(v, []string{"repeat-last", "cycle"}); s != "" {
						msg += fmt.Sprintf("; did you mean %q?", s)
					}
					p.errorf(posOf(f.value), "%s", msg)
				}
			}
		case "responses":
			responsesN = f.value
		}
	}
	if requestN != nil {
		p.request(requestN, e, what)
	}
	pos := posOf(n)
	if !hasMethod && p.missing(n, "method") {
		p.errorf(pos, "%s has no method; add e.g. `method: GET`", what)
	}
	if !hasPath && p.missing(n, "path") {
		p.errorf(pos, "%s has no path; add e.g. `path: /api/%s`", what, name)
	}
	if responsesN == nil && p.missing(n, "responses") {
		p.errorf(pos, "%s has no responses; add at least one, e.g. `responses: [{status: 200, body: {ok: true}}]`", what)
	} else if responsesN != nil {
		p.responses(responsesN, e, what)
	}
	return e
}

func (p *parser) badPath(e *Endpoint) {
	if p.brokenPath == nil {
		p.brokenPath = map[*Endpoint]bool{}
	}
	p.brokenPath[e] = true
}

// path checks a path's syntax and returns its parameters in order.
func (p *parser) path(path string, pos Pos, what string) []string {
	if !strings.HasPrefix(path, "/") {
		p.errorf(pos, "%s: path %q must start with '/'", what, path)
		path = "/" + path // read on, so its params still count for `when` checks
	}
	if path == "/_bb" || strings.HasPrefix(path, "/_bb/") {
		p.errorf(pos, "%s: path %q is under /_bb/, which is bb's own (its health check and POST /_bb/reset); choose another path", what, path)
		return nil
	}
	if strings.ContainsAny(path, "?#") {
		p.errorf(pos, "%s: path %q must not hold a query or fragment; declare query parameters under request.query and match them with `when: {query.name: value}`", what, path)
		return nil
	}
	var params []string
	segs := strings.Split(path[1:], "/")
	for i, seg := range segs {
		if seg == "" {
			if i == len(segs)-1 {
				continue // a trailing slash, or the root path
			}
			p.errorf(pos, "%s: path %q has an empty segment ('//')", what, path)
			continue
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			name := seg[1 : len(seg)-1]
			if !paramRE.MatchString(name) {
				p.errorf(pos, "%s: path parameter {%s} must be a name of letters, digits and '_', starting with a letter", what, name)
				continue
			}
			if slices.Contains(params, name) {
				p.errorf(pos, "%s: path parameter {%s} appears twice in %q", what, name, path)
				continue
			}
			params = append(params, name)
			continue
		}
		if strings.ContainsAny(seg, "{}") {
			p.errorf(pos, "%s: path segment %q must be either plain text or a whole {param}", what, seg)
			continue
		}
		if !pathSegRE.MatchString(seg) {
			p.errorf(pos, "%s: path segment %q holds characters that are not allowed in a URL path", what, seg)
		} else if _, err := url.PathUnescape(seg); err != nil {
			p.errorf(pos, "%s: path segment %q has a '%%' not followed by two hex digits; write %%25 for a literal '%%'", what, seg)
		}
	}
	return params
}

func (p *parser) request(n *yaml.Node, e *Endpoint, what string) {
	what += ": request"
	fields, _ := p.mapping(n, what, requestKeys)
	var pathN *yaml.Node
	for _, f := range fields {
		switch f.key {
		case "body":
			v := p.value(f.value)
			e.Request.Body = &v
		case "schema":
			v := p.value(f.value)
			e.Request.Schema = &v
		case "query":
			e.Request.Query = p.namedValues(f.value, what+".query", false)
		case "headers":
			e.Request.Headers = p.namedValues(f.value, what+".headers", true)
		case "path":
			pathN = f.value
		}
	}
	if pathN != nil {
		p.pathParams(pathN, e, what)
	}
}

// pathParams reads request.path: for each path parameter an example value, or a schema
// of one of the types a path segment can carry.
func (p *parser) pathParams(n *yaml.Node, e *Endpoint, what string) {
	fields, _ := p.mapping(n, what+".path", nil)
	for _, f := range fields {
		if !slices.Contains(e.Params, f.key) {
			msg := fmt.Sprintf("%s.path: %q is not a parameter of path %q", what, f.key, e.Path)
			if s := Suggest(f.key, e.Params); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.errorf(posOf(f.keyN), "%s", msg)
			continue
		}
		v := p.value(f.value)
		switch v.Kind {
		case Array, Null:
			p.errorf(posOf(f.value), "%s.path.%s: give an example value (id: 42) or a schema ({type: integer}), not %s", what, f.key, v.Kind)
			continue
		case Object:
			t := schemaType(&v, func(pos Pos, msg string) { p.errorf(pos, "%s.path.%s: %s", what, f.key, msg) })
			if t != nil && !isScalar(t.Kind) {
				p.errorf(posOf(f.value), "%s.path.%s: a path segment is text, so its schema is a string, integer, number or boolean, not %s", what, f.key, kindPhraseOf(t.Kind))
				continue
			}
		}
		e.Request.Path = append(e.Request.Path, NamedValue{Name: f.key, Value: v, Pos: posOf(f.keyN)})
	}
}

func (p *parser) namedValues(n *yaml.Node, what string, header bool) []NamedValue {
	fields, _ := p.mapping(n, what, nil)
	var out []NamedValue
	for _, f := range fields {
		if header && !headerRE.MatchString(f.key) {
			p.errorf(posOf(f.keyN), "%s: %q is not a valid header name", what, f.key)
		}
		v := p.value(f.value)
		if v.Kind == Object || (v.Kind == Array && header) {
			p.errorf(posOf(f.value), "%s.%s: an example must be a plain value, not %s", what, f.key, v.Kind)
		}
		out = append(out, NamedValue{Name: f.key, Value: v, Pos: posOf(f.keyN)})
	}
	return out
}

func (p *parser) responses(n *yaml.Node, e *Endpoint, what string) {
	n = resolve(n)
	if isNull(n) {
		p.errorf(posOf(n), "%s: responses is empty; add at least one", what)
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(posOf(n), "%s: responses must be a list (each item starts with '-'), not %s", what, describe(n))
		return
	}
	if len(n.Content) == 0 {
		p.errorf(posOf(n), "%s: responses is empty; add at least one", what)
		return
	}
	// A response after one that always answers in its scenario never answers. In a
	// sequence the responses take turns instead.
	fallback := map[string]bool{}
	for i, item := range n.Content {
		rwhat := what + ": response " + strconv.Itoa(i+1)
		r, conditional := p.response(item, e, rwhat)
		if r == nil {
			continue
		}
		if e.Sequence != "" {
			if conditional {
				p.errorf(r.Pos, "%s: a sequence answers its responses in turn, so `when` does not apply; remove it, or remove the endpoint's `sequence:`", rwhat)
			}
			if r.Chance > 0 {
				p.errorf(r.Pos, "%s: a sequence answers its responses in turn, so `chance` does not apply; remove it, or remove the endpoint's `sequence:`", rwhat)
			}
		} else {
			if fallback[r.Scenario] {
				in := ""
				if r.Scenario != "" {
					in = " of scenario " + r.Scenario
				}
				p.errorf(r.Pos, "%s can never answer: the response%s before it has no `when`, so it always matches; move the fallback last", rwhat, in)
			}
			if !conditional && r.Chance == 0 && r.Fault == "" {
				fallback[r.Scenario] = true
			}
		}
		e.Responses = append(e.Responses, r)
	}
}

// response reads one response. conditional reports whether it has a `when` naming any
// key, even a broken one, so a mistake there is not also taken for a fallback.
func (p *parser) response(n *yaml.Node, e *Endpoint, what string) (r *Response, conditional bool) {
	fields, ok := p.mapping(n, what, responseKeys)
	if !ok {
		return nil, false
	}
	r = &Response{Status: http.StatusOK, Pos: posOf(resolve(n))}
	for _, f := range fields {
		switch f.key {
		case "when":
			r.When = p.conditions(f.value, e, what)
			w := resolve(f.value)
			conditional = len(r.When) > 0 || !isNull(w) && (w.Kind != yaml.MappingNode || len(w.Content) > 0)
		case "status":
			if st, ok := p.integer(f.value, what+": status"); ok {
				if st < 100 || st > 599 {
					p.errorf(posOf(f.value), "%s: status %d is not an HTTP status code (100-599)", what, st)
				} else if st < 200 {
					p.errorf(posOf(f.value), "%s: status %d is informational: a 1xx status cannot end a response; use 200-599", what, st)
				} else {
					r.Status = st
				}
			}
		case "headers":
			// namedValues already refuses lists and objects as header values.
			for _, h := range p.namedValues(f.value, what+": headers", true) {
				if framingHeaders[http.CanonicalHeaderKey(h.Name)] {
					p.errorf(h.Pos, "%s: header %s is set by the server from the body and the connection; remove it", what, h.Name)
					continue
				}
				r.Headers = append(r.Headers, Header{Name: h.Name, Value: h.Value.Text(), Pos: h.Value.Pos})
			}
		case "body":
			v := p.value(f.value)
			r.Body = &v
		case "bodyFile":
			if bf, ok := p.str(f.value, what+": bodyFile"); ok {
				r.BodyFile, r.BodyPos = bf, posOf(f.value)
				r.BodyPath, r.BodyData = p.bodyFile(bf, r.BodyPos, what)
			}
		case "schema":
			v := p.value(f.value)
			r.Schema = &v
		case "delay":
			r.Delay, r.DelayMax = p.delayRange(f.value, what)
		case "example":
			r.Example = p.example(f.value, e, what)
		case "scenario":
			if v, ok := p.str(f.value, what+": scenario"); ok {
				if !scenarioRE.MatchString(v) {
					p.errorf(posOf(f.value), "%s: scenario %q must be a name of letters, digits, '-', '_' and '.', as the X-BB-Scenario header sends it", what, v)
				} else {
					r.Scenario = v
				}
			}
		case "chance":
			r.Chance = p.chance(f.value, what)
		case "fault":
			if v, ok := p.str(f.value, what+": fault"); ok {
				names := make([]string, len(contract.Faults))
				for i, f := range contract.Faults {
					names[i] = string(f)
				}
				if !slices.Contains(names, v) {
					msg := fmt.Sprintf("%s: fault %q is not one of %s", what, v, strings.Join(names, ", "))
					if s := Suggest(v, names); s != "" {
						msg += fmt.Sprintf("; did you mean %q?", s)
					}
					p.errorf(posOf(f.value), "%s", msg)
				} else {
					r.Fault = contract.Fault(v)
				}
			}
		}
	}
	p.templates(r, what)
	if r.Body != nil && r.BodyFile != "" {
		p.errorf(r.Pos, "%s has both body and bodyFile; keep one", what)
	}
	if (r.Body != nil || r.BodyFile != "") && (r.Status == http.StatusNoContent || r.Status == http.StatusNotModified || r.Status < 200) {
		p.errorf(r.Pos, "%s: status %d never carries a body; remove the body or change the status", what, r.Status)
	}
	return r, conditional
}

// example reads a response's `example:`, the request that reaches it.
func (p *parser) example(n *yaml.Node, e *Endpoint, what string) *Example {
	what += ": example"
	fields, ok := p.mapping(n, what, exampleKeys)
	if !ok {
		return nil
	}
	ex := &Example{Pos: posOf(resolve(n))}
	for _, f := range fields {
		switch f.key {
		case "body":
			v := p.value(f.value)
			ex.Body = &v
		case "query":
			ex.Query = append([]NamedValue{}, p.namedValues(f.value, what+".query", false)...)
		case "headers":
			ex.Headers = append([]NamedValue{}, p.namedValues(f.value, what+".headers", true)...)
		case "path":
			for _, pv := range p.namedValues(f.value, what+".path", true) {
				if !slices.Contains(e.Params, pv.Name) {
					msg := fmt.Sprintf("%s.path: %q is not a parameter of path %q", what, pv.Name, e.Path)
					if s := Suggest(pv.Name, e.Params); s != "" {
						msg += fmt.Sprintf("; did you mean %q?", s)
					}
					p.errorf(pv.Pos, "%s", msg)
					continue
				}
				ex.Path = append(ex.Path, pv)
			}
		}
	}
	return ex
}

// checkExamples reports each `example:` that does not reach its response, so bb verify
// never sends a request the spec itself answers differently.
func (p *parser) checkExamples(s *Spec) {
	for _, e := range s.Endpoints {
		if p.brokenPath[e] {
			continue
		}
		for i, r := range e.Responses {
			if r.Example == nil {
				continue
			}
			if c := caseFor(e, i); c.Unreachable != "" {
				p.errorf(r.Example.Pos, "endpoint %s: response %d: %s", e.Name, i+1, c.Unreachable)
			}
		}
	}
}

func (p *parser) bodyFile(bf string, pos Pos, what string) (string, []byte) {
	if filepath.IsAbs(bf) || strings.HasPrefix(bf, "/") || strings.HasPrefix(bf, `\`) {
		p.errorf(pos, "%s: bodyFile %q must be a path relative to the project folder", what, bf)
		return "", nil
	}
	clean := filepath.Clean(filepath.FromSlash(bf))
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		p.errorf(pos, "%s: bodyFile %q points outside the project folder; keep response files inside it", what, bf)
		return "", nil
	}
	full := filepath.Join(p.dir, clean)
	st, err := os.Stat(full)
	switch {
	case err != nil:
		p.errorf(pos, "%s: bodyFile %q does not exist (looked for %s)", what, bf, full)
		return "", nil
	case st.IsDir():
		p.errorf(pos, "%s: bodyFile %q is a folder, not a file", what, bf)
		return "", nil
	case !st.Mode().IsRegular():
		p.errorf(pos, "%s: bodyFile %q is not a regular file", what, bf)
		return "", nil
	}
	// A symbolic link could still lead outside; follow it and check again.
	if real, err := filepath.EvalSymlinks(full); err == nil {
		root, err2 := filepath.EvalSymlinks(p.dir)
		if err2 == nil {
			if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p.errorf(pos, "%s: bodyFile %q links outside the project folder; keep response files inside it", what, bf)
				return "", nil
			}
		}
	}
	// Read once here: the server sends these bytes and the generators type them, so all
	// of bb sees the same file contents, checked once.
	data, problem, at := p.readBodyFile(full)
	if at.Line > 0 {
		// Point into the file itself, where an editor can jump to the mistake.
		p.errorfIn(filepath.Join(filepath.Dir(p.file), clean), at, pos, "%s (the bodyFile of %s, %s:%d:%d)", strings.TrimPrefix(problem, "is "), what, p.file, pos.Line, pos.Col)
		return "", nil
	}
	if problem != "" {
		p.errorf(pos, "%s: bodyFile %q %s", what, bf, problem)
		return "", nil
	}
	return full, data
}

// delayRange reads a delay, a duration (300ms), or a range (50ms..400ms) from which
// each answer draws its own.
func (p *parser) delayRange(n *yaml.Node, what string) (lo, hi time.Duration) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		p.errorf(posOf(n), "%s: delay %s needs a unit, e.g. %sms or %ss", what, n.Value, n.Value, n.Value)
		return 0, 0
	}
	s, ok := p.str(n, what+": delay")
	if !ok {
		return 0, 0
	}
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		return p.delay(n, s, what), 0
	}
	before := len(p.errs)
	lo, hi = p.delay(n, strings.TrimSpace(a), what), p.delay(n, strings.TrimSpace(b), what)
	if len(p.errs) > before {
		return 0, 0
	}
	if hi < lo {
		p.errorf(posOf(n), "%s: delay %q ends before it starts; write the shorter delay first, e.g. 50ms..400ms", what, s)
		return 0, 0
	}
	return lo, hi
}

func (p *parser) delay(n *yaml.Node, s, what string) time.Duration {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		p.errorf(posOf(n), "%s: delay %q is not a duration; write e.g. 300ms, 2s, 1m, or a range 50ms..400ms", what, s)
	case d < 0:
		p.errorf(posOf(n), "%s: delay %q must not be negative", what, s)
	case d > 10*time.Minute:
		p.errorf(posOf(n), "%s: delay %q is longer than 10m; clients would time out first", what, s)
	default:
		return d
	}
	return 0
}

func (p *parser) conditions(n *yaml.Node, e *Endpoint, what string) []Condition {
	fields, _ := p.mapping(n, what+": when", nil)
	var out []Condition
	for _, f := range fields {
		c := Condition{Value: p.value(f.value), Pos: posOf(f.keyN)}
		src, name, _ := strings.Cut(f.key, ".")
		c.Key, c.Source, c.Name, c.Want = f.key, Source(src), name, c.Value.Any()
		switch c.Source {
		case SourceBody:
			if f.key == "body" {
				break // the whole body
			}
			steps, err := contract.ParseBodyPath(name)
			if err != nil {
				p.errorf(c.Pos, "%s: when key %q: %s", what, f.key, err)
				continue
			}
			c.Steps = steps
		case SourceQuery, SourceHeader:
			if name == "" {
				example := "query.page"
				if c.Source == SourceHeader {
					example = "header.Authorization"
				}
				p.errorf(c.Pos, "%s: when key %q needs a name, e.g. %s", what, f.key, example)
				continue
			}
			if c.Source == SourceHeader && !headerRE.MatchString(name) {
				p.errorf(c.Pos, "%s: when key %q: %q is not a valid header name", what, f.key, name)
				continue
			}
			if c.Value.Kind == Object || c.Value.Kind == Array {
				p.errorf(posOf(f.value), "%s: when %s compares text, so its value must be a plain value, not %s", what, f.key, c.Value.Kind)
				continue
			}
		case SourcePath:
			if !slices.Contains(e.Params, name) {
				msg := fmt.Sprintf("%s: when key %q names no parameter of path %q", what, f.key, e.Path)
				if len(e.Params) == 0 {
					msg += "; the path has no {params}"
				} else if s := Suggest(name, e.Params); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", "path."+s)
				} else {
					msg += fmt.Sprintf(" (its params: %s)", strings.Join(e.Params, ", "))
				}
				p.errorf(c.Pos, "%s", msg)
				continue
			}
			if c.Value.Kind == Object || c.Value.Kind == Array {
				p.errorf(posOf(f.value), "%s: when %s compares text, so its value must be a plain value, not %s", what, f.key, c.Value.Kind)
				continue
			}
		default:
			msg := fmt.Sprintf("%s: when key %q must start with body., query., header. or path.", what, f.key)
			if s := Suggest(src, []string{"body", "query", "header", "path"}); s != "" && s != src {
				msg += fmt.Sprintf("; did you mean %q?", s+strings.TrimPrefix(f.key, src))
			}
			p.errorf(c.Pos, "%s", msg)
			continue
		}
		out = append(out, c)
	}
	return out
}

// maxAliased bounds the values one spec may build by expanding YAML aliases: a few
// lines of aliases of aliases would otherwise ask for billions of values.
const maxAliased = 100_000

// value converts a YAML node into a JSON value, reporting what JSON cannot hold.
func (p *parser) value(n *yaml.Node) Value {
	if !p.fits(n) {
		return placeholder(n)
	}
	return p.valueDepth(n, 0)
}

// smallObject is the most keys of a mapping whose duplicates are found by looking
// through the keys kept so far rather than with a map.
const smallObject = 16

func (p *parser) valueDepth(n *yaml.Node, depth int) Value {
	pos := posOf(n)
	if depth > 64 {
		p.errorf(pos, "value nests deeper than 64 levels")
		return Value{Kind: Null, Pos: pos}
	}
	if p.inAlias > 0 {
		p.aliased++
		if p.aliased > maxAliased {
			if p.aliased == maxAliased+1 {
				p.errorf(p.aliasPos, "YAML aliases here expand to more than %d values; write the values out or move the body to a bodyFile", maxAliased)
			}
			return Value{Kind: Null, Pos: pos}
		}
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		if p.inAlias == 0 {
			p.aliasPos = pos
		}
		p.inAlias++
		v := p.valueDepth(n.Alias, depth+1)
		p.inAlias--
		v.Pos = pos
		return v
	}
	switch n.Kind {
	case yaml.MappingNode:
		v := Value{Kind: Object, Fields: make([]Field, 0, len(n.Content)/2), Pos: pos}
		var seen map[string]bool // only for large objects: a look through the fields is cheaper
		if len(n.Content) > 2*smallObject {
			seen = make(map[string]bool, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				p.errorf(posOf(k), "YAML merge keys (<<) are not supported in bodies; write the fields out")
				continue
			}
			if k.Kind != yaml.ScalarNode {
				p.errorf(posOf(k), "object keys must be text")
				continue
			}
			if seen != nil && seen[k.Value] || seen == nil && v.Get(k.Value) != nil {
				p.errorf(posOf(k), "key %q appears twice in this object", k.Value)
				continue
			}
			if seen != nil {
				seen[k.Value] = true
			}
			v.Fields = append(v.Fields, Field{Key: k.Value, Value: p.valueDepth(val, depth+1), KeyPos: posOf(k)})
		}
		return v
	case yaml.SequenceNode:
		v := Value{Kind: Array, Items: make([]Value, 0, len(n.Content)), Pos: pos}
		for _, item := range n.Content {
			v.Items = append(v.Items, p.valueDepth(item, depth+1))
		}
		return v
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return Value{Kind: Null, Pos: pos}
		case "!!bool":
			b, ok := plainBool(n.Value)
			if !ok {
				_ = n.Decode(&b)
			}
			return Value{Kind: Bool, Bool: b, Pos: pos}
		case "!!int":
			if _, ok := smallInt(n.Value); ok {
				return Value{Kind: Number, Num: n.Value, Pos: pos} // already as FormatInt spells it
			}
			var i int64
			if err := n.Decode(&i); err == nil {
				return Value{Kind: Number, Num: strconv.FormatInt(i, 10), Pos: pos}
			}
			var u uint64
			if err := n.Decode(&u); err == nil {
				return Value{Kind: Number, Num: strconv.FormatUint(u, 10), Pos: pos}
			}
			p.errorf(pos, "number %s is too large", n.Value)
		case "!!float":
			f, ok := decimal(n.Value)
			if !ok {
				f = 0
				if err := n.Decode(&f); err != nil {
					f = math.NaN()
				}
			}
			if !math.IsInf(f, 0) && !math.IsNaN(f) {
				num := strconv.FormatFloat(f, 'f', -1, 64)
				if strings.ContainsAny(n.Value, "eE") {
					num = strconv.FormatFloat(f, 'g', -1, 64)
				}
				if !strings.ContainsAny(num, ".eE") {
					num += ".0" // 1.0 and 1e3 in the spec stay fractional numbers
				}
				return Value{Kind: Number, Num: num, Pos: pos}
			}
			p.errorf(pos, "%s is not a number JSON can carry", n.Value)
		default:
			// Strings, and YAML timestamps, which stay the text the spec wrote.
			return Value{Kind: String, Str: n.Value, Pos: pos}
		}
		return Value{Kind: Null, Pos: pos}
	}
	return Value{Kind: Null, Pos: pos}
}

// checkRoutes reports endpoints whose method and path clash. It registers every pattern
// on a fresh ServeMux, the router the stub server and the ejected server both use, so
// anything ServeMux would refuse is caught here with a plain message.
func (p *parser) checkRoutes(s *Spec) {
	if p.split != nil && p.split.sameRoutes(s) {
		return // the routes of the last spec loaded, which had no clash
	}
	mux := http.NewServeMux()
	owner := map[string]*Endpoint{}
	for _, e := range s.Endpoints {
		if e.Method == "" || e.Path == "" || !slices.Contains(methods, e.Method) || p.brokenPath[e] {
			continue
		}
		pat := e.Pattern()
		if other, ok := owner[normalizePattern(pat)]; ok {
			p.errorf(e.Pos, "%s: %s %s is already served by %s (line %d:%d)", e.what(), e.Method, e.Path, other.what(), other.Pos.Line, other.Pos.Col)
			continue
		}
		if err := register(mux, pat); err != "" {
			// ServeMux refuses the pattern; find the endpoint it clashes with by trying
			// each one alone beside it, rather than reading ServeMux's message.
			if other := clashing(s.Endpoints, owner, pat); other != nil {
				p.errorf(e.Pos, "%s: %s %s conflicts with %s (line %d:%d): both match %s %s, and neither is more specific; make one path more specific or merge them",
					e.what(), e.Method, e.Path, other.what(), other.Pos.Line, other.Pos.Col, e.Method, examplePath(e.Path, other.Path))
				continue
			}
			p.errorf(e.Pos, "%s: %s %s is not a route the server can serve: %s", e.what(), e.Method, e.Path, err)
			continue
		}
		owner[normalizePattern(pat)] = e
	}
}

// clashing returns the endpoint already registered whose pattern ServeMux refuses
// beside pat, or nil.
func clashing(all []*Endpoint, owner map[string]*Endpoint, pat string) *Endpoint {
	for _, other := range all {
		if owner[normalizePattern(other.Pattern())] != other {
			continue
		}
		mux := http.NewServeMux()
		if register(mux, other.Pattern()) == "" && register(mux, pat) != "" {
			return other
		}
	}
	return nil
}

// examplePath is a path both a and b match: each segment a literal of either, or x.
func examplePath(a, b string) string {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	if len(bs) > len(as) {
		as, bs = bs, as
	}
	out := make([]string, len(as))
	for i, seg := range as {
		switch {
		case !strings.HasPrefix(seg, "{"):
			out[i] = seg
		case i < len(bs) && !strings.HasPrefix(bs[i], "{"):
			out[i] = bs[i]
		default:
			out[i] = "x"
		}
	}
	return strings.Join(out, "/")
}

// normalizePattern erases parameter names: /users/{id} and /users/{userId} are one route.
// It replaces what the regular expression \{[A-Za-z_][A-Za-z0-9_]*\} matches with {}.
func normalizePattern(pat string) string {
	if strings.IndexByte(pat, '{') < 0 {
		return pat
	}
	b := make([]byte, 0, len(pat))
	for i := 0; i < len(pat); {
		if pat[i] == '{' && i+1 < len(pat) && identStart(pat[i+1]) {
			j := i + 2
			for j < len(pat) && (identStart(pat[j]) || pat[j] >= '0' && pat[j] <= '9') {
				j++
			}
			if j < len(pat) && pat[j] == '}' {
				b = append(b, "{}"...)
				i = j + 1
				continue
			}
		}
		b = append(b, pat[i])
		i++
	}
	return string(b)
}

func identStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

func register(mux *http.ServeMux, pattern string) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	mux.Handle(pattern, http.NotFoundHandler())
	return ""
}

// what names the endpoint in messages: "endpoint getUser", or "resource messages (its
// get route)" for a resource's.
func (e *Endpoint) what() string {
	if e.Resource != nil {
		return fmt.Sprintf("resource %s (its %s route)", e.Resource.Name, e.Op)
	}
	return "endpoint " + e.Name
}
