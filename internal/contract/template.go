package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"time"
)

// Template is one string of a stub answer that holds {{ }} actions: a body value or a
// header value. It is Go's text/template, restricted: only text and actions (no if,
// range, with, define or variables), and a function map that reads the request and
// nothing else (no files, no environment). A string that is one action and nothing
// else keeps its value's JSON type, so "{{ body.qty }}" answers a number.
//
// The functions:
//
//	body "user.name"   the request body at a path, as `when` writes it (body alone: all of it)
//	query "page"       the first value of a query parameter ("" when absent)
//	header "X-User"    a request header ("" when absent)
//	path "id"          a path parameter
//	now                the time, RFC 3339 in UTC; now "unix", now "unixms", now "date",
//	                   or a Go layout such as now "15:04"
//	uuid               a random UUID (version 4)
//	random 1 100       a random integer in [1, 100]
//	counter            how many requests this endpoint has had, this one included
//	int                text or a number as an integer (nil when it is not one)
//	default "x" v      v, or "x" when v is missing or empty
//
// body.user.name, query.page, header.X-User and path.id are short for the calls above,
// spelled like the keys of `when`.
type Template struct {
	src   string
	whole bool
	tmpl  *template.Template
	pool  sync.Pool // *templateRun: clones of tmpl with functions bound to one run
	// fast, when set, is the template as plain steps: text and single reads of the
	// request (body.x, path.id, counter), run without text/template's reflection.
	fast []fastStep
}

// fastStep is one piece of a template simple enough to run directly: text, or one call
// of a function that reads the request, with at most one literal argument.
type fastStep struct {
	text  string
	fn    string // "" for text
	arg   string
	steps []Step // body: the parsed path
}

// MaxTemplateOutput bounds what one template may write.
const MaxTemplateOutput = 1 << 20

// templateRun is what one execution of a template reads: the request, its number at
// the endpoint, the time and the random source, and where a whole template's value goes.
type templateRun struct {
	t     *template.Template
	whole bool
	rq    *Request
	n     int64
	now   time.Time
	rand  *Rand
	value any
	out   limitedBuffer
}

// HasTemplate reports whether s holds a template action.
func HasTemplate(s string) bool { return strings.Contains(s, "{{") }

// shorthandRE finds body.a.b, query.x, header.X-Y and path.id inside an action.
var shorthandRE = regexp.MustCompile("(^|[\\s(|])(body|query|header|path)\\.([A-Za-z0-9_\\-\\[\\]]+(?:\\.[A-Za-z0-9_\\-\\[\\]]+)*)")

// expandShorthand rewrites the short spellings in the actions of src into calls:
// body.user.name becomes (body "user.name"). Quoted strings and text outside actions
// are left as they are.
func expandShorthand(src string) string {
	var b strings.Builder
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			b.WriteString(src)
			return b.String()
		}
		j := strings.Index(src[i:], "}}")
		if j < 0 {
			b.WriteString(src)
			return b.String()
		}
		b.WriteString(src[:i])
		action := src[i : i+j+2]
		src = src[i+j+2:]
		// Rewrite only outside quoted strings: split on quotes, alternate.
		var out strings.Builder
		for k := 0; k < len(action); {
			q := strings.IndexAny(action[k:], "\"`")
			if q < 0 {
				out.WriteString(rewriteShort(action[k:]))
				break
			}
			out.WriteString(rewriteShort(action[k : k+q]))
			quote := action[k+q]
			end := k + q + 1
			for end < len(action) && action[end] != quote {
				if quote == '"' && action[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(action) {
				out.WriteString(action[k+q:])
				break
			}
			out.WriteString(action[k+q : end+1])
			k = end + 1
		}
		b.WriteString(out.String())
	}
}

func rewriteShort(s string) string {
	return shorthandRE.ReplaceAllString(s, `$1($2 "$3")`)
}

// templateFuncs are the functions a template may call. Each run gets its own copy
// bound to its request; these stand in while parsing. The builtins that could call
// functions in data or print without bound are replaced.
func templateFuncs(run *templateRun) template.FuncMap {
	return template.FuncMap{
		"body":    run.body,
		"query":   run.query,
		"header":  run.header,
		"path":    run.path,
		"now":     run.timeNow,
		"uuid":    run.uuid,
		"random":  run.random,
		"counter": func() int64 { return run.n },
		"int":     toInt,
		"default": orDefault,
		"bbOut":   run.emit,
		"call":    func(...any) (any, error) { return nil, errors.New("call is not available in bb templates") },
		"printf":  safePrintf,
	}
}

// ParseTemplate compiles src. Its errors say what is wrong in the template's own words.
func ParseTemplate(src string) (*Template, error) {
	t, err := template.New("t").Option("missingkey=zero").Funcs(templateFuncs(&templateRun{})).Parse(expandShorthand(src))
	if err != nil {
		return nil, templateError(err)
	}
	if len(t.Templates()) > 1 {
		return nil, fmt.Errorf("define and block are not available in bb templates")
	}
	tpl := &Template{src: src, tmpl: t}
	if t.Tree == nil || t.Tree.Root == nil {
		return tpl, nil
	}
	nodes := t.Tree.Root.Nodes
	fast := []fastStep{}
	for _, n := range nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if fast != nil {
				fast = append(fast, fastStep{text: string(n.Text)})
			}
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 {
				return nil, fmt.Errorf("variables ($x := …) are not available in bb templates")
			}
			if st, ok := fastAction(n.Pipe); ok && fast != nil {
				fast = append(fast, st)
			} else {
				fast = nil
			}
			// Every action's value goes through bbOut, which keeps a whole template's
			// value typed and spells the others as text.
			ident := parse.NewIdentifier("bbOut").SetTree(t.Tree).SetPos(n.Pos)
			n.Pipe = &parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pos, Line: n.Line,
				Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: n.Pos, Args: []parse.Node{ident, n.Pipe}}}}
		case *parse.CommentNode:
		default:
			name := map[parse.NodeType]string{parse.NodeIf: "if", parse.NodeRange: "range", parse.NodeWith: "with",
				parse.NodeTemplate: "template", parse.NodeBreak: "break", parse.NodeContinue: "continue"}[n.Type()]
			return nil, fmt.Errorf("%s is not available in bb templates: only values, as in {{ body.name }}, and text", name)
		}
	}
	tpl.whole = len(nodes) == 1 && nodes[0].Type() == parse.NodeAction
	if len(fast) > 0 {
		tpl.fast = fast
	}
	return tpl, nil
}

// fastAction reads an action that is one call of body, query, header, path or counter
// with at most one literal argument, as the short spellings write them.
func fastAction(pipe *parse.PipeNode) (fastStep, bool) {
	if len(pipe.Cmds) != 1 {
		return fastStep{}, false
	}
	args := pipe.Cmds[0].Args
	if inner, ok := args[0].(*parse.PipeNode); ok && len(args) == 1 && len(inner.Decl) == 0 {
		return fastAction(inner) // (body "x"), as the short spellings expand
	}
	id, ok := args[0].(*parse.IdentifierNode)
	if !ok || len(args) > 2 {
		return fastStep{}, false
	}
	st := fastStep{fn: id.Ident}
	if len(args) == 2 {
		str, ok := args[1].(*parse.StringNode)
		if !ok {
			return fastStep{}, false
		}
		st.arg = str.Text
	}
	switch st.fn {
	case "body":
		if len(args) == 2 {
			steps, err := ParseBodyPath(st.arg)
			if err != nil {
				return fastStep{}, false
			}
			st.steps = steps
		}
	case "query", "header", "path":
		if len(args) != 2 {
			return fastStep{}, false
		}
	case "counter":
		if len(args) != 1 {
			return fastStep{}, false
		}
	default:
		return fastStep{}, false
	}
	return st, true
}

// runFast runs a template made of fast steps.
func (t *Template) runFast(rq *Request, n int64) any {
	if t.whole {
		st := &t.fast[0]
		if st.fn == "counter" {
			return n
		}
		if s, ok := st.text1(rq); ok {
			return s
		}
		return wholeValue(st.value(rq))
	}
	return string(t.appendText(nil, rq, n))
}

// appendText appends the text of a fast template that is not whole.
func (t *Template) appendText(out []byte, rq *Request, n int64) []byte {
	for i := range t.fast {
		st := &t.fast[i]
		switch st.fn {
		case "":
			out = append(out, st.text...)
		case "counter":
			out = strconv.AppendInt(out, n, 10)
		default:
			if s, ok := st.text1(rq); ok {
				out = append(out, s...)
			} else {
				out = append(out, templateText(st.value(rq))...)
			}
		}
	}
	return out
}

// appendFast appends a fast template's value as JSON, without boxing the common ones;
// ok is false for a template that is not fast.
func (t *Template) appendFast(out []byte, rq *Request, n int64) ([]byte, bool, error) {
	switch {
	case t.fast == nil:
		return out, false, nil
	case !t.whole:
		var buf [128]byte
		return appendJSONString(out, string(t.appendText(buf[:0], rq, n))), true, nil
	}
	st := &t.fast[0]
	if st.fn == "counter" {
		return strconv.AppendInt(out, n, 10), true, nil
	}
	if s, ok := st.text1(rq); ok {
		return appendJSONString(out, s), true, nil
	}
	out, err := appendJSON(out, wholeValue(st.value(rq)))
	return out, true, err
}

// text1 is the text a query, header or path step reads.
func (st *fastStep) text1(rq *Request) (string, bool) {
	run := templateRun{rq: rq}
	switch st.fn {
	case "query":
		return run.query(st.arg), true
	case "header":
		return run.header(st.arg), true
	case "path":
		return run.path(st.arg), true
	}
	return "", false
}

// value is what a body step reads: the body at its path.
func (st *fastStep) value(rq *Request) any {
	var doc any
	if rq != nil {
		doc, _, _ = rq.JSON()
	}
	if st.steps == nil {
		return doc
	}
	v, _ := Walk(doc, st.steps)
	return v
}

var (
	templatePrefixRE = regexp.MustCompile(`^template: t:[0-9]+(:[0-9]+)?: (executing "t" )?`)
	callingRE        = regexp.MustCompile(`error calling [A-Za-z]+: `)
)

// templateError drops text/template's "template: t:1:" prefix and names of its own.
func templateError(err error) error {
	msg := templatePrefixRE.ReplaceAllString(err.Error(), "")
	msg = callingRE.ReplaceAllString(msg, "")
	msg = strings.ReplaceAll(msg, "bbOut ", "")
	if strings.Contains(msg, "not defined") {
		msg += " (bb templates know body, query, header, path, now, uuid, random, counter, int, default and Go's text/template builtins)"
	}
	return errors.New(msg)
}

// Whole reports whether the template is one action and nothing else, so its value keeps
// its JSON type.
func (t *Template) Whole() bool { return t.whole }

// Source is the template as written.
func (t *Template) Source() string { return t.src }

// Value names what a whole template answers, for typing it: the function its action
// calls last and that call's first argument when it is text (body "qty" gives "body",
// "qty"). It is "" for a template that is not whole or whose value is not a call.
func (t *Template) Value() (fn, arg string) {
	if !t.whole {
		return "", ""
	}
	a := t.tmpl.Tree.Root.Nodes[0].(*parse.ActionNode)
	pipe := a.Pipe.Cmds[0].Args[1].(*parse.PipeNode) // bbOut (pipe)
	for {
		last := pipe.Cmds[len(pipe.Cmds)-1]
		switch first := last.Args[0].(type) {
		case *parse.IdentifierNode:
			fn = first.Ident
			if len(last.Args) > 1 {
				if s, ok := last.Args[1].(*parse.StringNode); ok {
					arg = s.Text
				}
			}
			if fn == "default" && len(pipe.Cmds) > 1 {
				// x | default "y": the value is x's.
				pipe = &parse.PipeNode{Cmds: pipe.Cmds[:len(pipe.Cmds)-1]}
				continue
			}
			return fn, arg
		case *parse.PipeNode:
			if len(last.Args) == 1 {
				pipe = first
				continue
			}
		case *parse.StringNode:
			return "string", first.Text
		case *parse.NumberNode:
			if first.IsInt {
				return "int", first.Text
			}
			return "number", first.Text
		case *parse.BoolNode:
			return "bool", ""
		}
		return "", ""
	}
}

// Exec runs the template for rq, the request numbered n at its endpoint. A whole
// template gives its value as it is; any other gives its text.
func (t *Template) Exec(rq *Request, n int64, now time.Time, rnd *Rand) (any, error) {
	if t.fast != nil {
		return t.runFast(rq, n), nil
	}
	run, _ := t.pool.Get().(*templateRun)
	if run == nil {
		run = &templateRun{}
		c, err := t.tmpl.Clone()
		if err != nil {
			return nil, err
		}
		run.t = c.Funcs(templateFuncs(run))
	}
	run.whole, run.rq, run.n, run.now, run.rand, run.value = t.whole, rq, n, now, rnd, nil
	run.out.Reset()
	err := run.t.Execute(&run.out, nil)
	var v any
	if err == nil {
		if t.whole {
			v = run.value
		} else {
			v = run.out.String()
		}
	}
	run.rq, run.value = nil, nil
	t.pool.Put(run)
	if err != nil {
		return nil, templateError(err)
	}
	return v, nil
}

// emit is the last call of every action.
func (run *templateRun) emit(v any) string {
	if run.whole {
		run.value = wholeValue(v)
		return ""
	}
	return templateText(v)
}

// wholeValue is a whole template's value as it is sent: a whole number as an integer
// however the request spelled it (2.0e0 is 2), so a client typing it as one reads it.
func wholeValue(v any) any {
	if n, ok := v.(json.Number); ok {
		if i := toInt(n); i != nil {
			return i
		}
	}
	return v
}

// templateText spells a value inside text: strings as they are, nothing as "", other
// values as JSON.
func templateText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return string(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func (run *templateRun) body(path ...string) (any, error) {
	if len(path) > 1 {
		return nil, fmt.Errorf("body takes one path, e.g. body \"user.name\"")
	}
	var doc any
	if run.rq != nil {
		doc, _, _ = run.rq.JSON()
	}
	if len(path) == 0 {
		return doc, nil
	}
	steps, err := ParseBodyPath(path[0])
	if err != nil {
		return nil, err
	}
	v, _ := Walk(doc, steps)
	return v, nil
}

func (run *templateRun) query(name string) string {
	if run.rq == nil {
		return ""
	}
	return run.rq.Query.Get(name)
}

func (run *templateRun) header(name string) string {
	if run.rq == nil {
		return ""
	}
	if strings.EqualFold(name, "Host") && run.rq.Host != "" {
		return run.rq.Host
	}
	return run.rq.Header.Get(name)
}

func (run *templateRun) path(name string) string {
	if run.rq == nil {
		return ""
	}
	v, _ := run.rq.pathValue(name)
	return v
}

func (run *templateRun) timeNow(format ...string) (any, error) {
	t := run.now.UTC()
	if len(format) == 0 {
		return t.Format(time.RFC3339), nil
	}
	if len(format) > 1 {
		return nil, fmt.Errorf("now takes at most one format")
	}
	switch format[0] {
	case "unix":
		return t.Unix(), nil
	case "unixms":
		return t.UnixMilli(), nil
	case "date":
		return t.Format(time.DateOnly), nil
	case "rfc3339", "iso8601":
		return t.Format(time.RFC3339), nil
	case "rfc3339ms":
		return t.Format("2006-01-02T15:04:05.000Z07:00"), nil
	}
	return t.Format(format[0]), nil
}

func (run *templateRun) uuid() string { return run.rand.UUID() }

func (run *templateRun) random(lo, hi int) (int, error) {
	if lo > hi {
		return 0, fmt.Errorf("random %d %d: the low end is above the high end", lo, hi)
	}
	return lo + run.rand.IntN(hi-lo+1), nil
}

func toInt(v any) any {
	var s string
	switch v := v.(type) {
	case string:
		s = strings.TrimSpace(v)
	case json.Number:
		s = string(v)
	case int, int64:
		return v
	default:
		return nil
	}
	if d, ok := ParseDecimal(s); ok && d.IsWhole() {
		if i, ok := d.Int64(); ok {
			return i
		}
	}
	return nil
}

func orDefault(def, v any) any {
	if v == nil || v == "" {
		return def
	}
	return v
}

var wideVerbRE = regexp.MustCompile(`%[-+# 0]*(\*|[0-9]{4,})|\.(\*|[0-9]{4,})`)

// safePrintf is fmt.Sprintf without widths or precisions that would make huge strings.
func safePrintf(format string, args ...any) (string, error) {
	if wideVerbRE.MatchString(format) {
		return "", fmt.Errorf("printf: widths and precisions above 999 are not available in bb templates")
	}
	return fmt.Sprintf(format, args...), nil
}

// limitedBuffer is a buffer that refuses to grow past MaxTemplateOutput.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > MaxTemplateOutput {
		return 0, fmt.Errorf("the template writes more than %d bytes", MaxTemplateOutput)
	}
	return b.Buffer.Write(p)
}

// TemplateStrings finds the templates among the strings of a JSON document: each
// string value (not key) that holds {{, with its byte span in data.
func templateSpans(data []byte) ([][2]int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var spans [][2]int
	type frame struct {
		object bool
		key    bool // the next string is a key
	}
	var stack []frame
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				return spans, nil
			}
			return nil, err
		}
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{':
				stack = append(stack, frame{object: true, key: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
			}
			continue
		case string:
			isKey := len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].key
			if !isKey && HasTemplate(tok) {
				end := int(dec.InputOffset())
				i := bytes.IndexByte(data[start:end], '"')
				spans = append(spans, [2]int{int(start) + i, end})
			}
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].key = !isKey
			}
			continue
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = true
		}
	}
}

// appendJSON appends v as JSON: the common values directly, the others through
// encoding/json.
func appendJSON(out []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(out, "null"...), nil
	case bool:
		return strconv.AppendBool(out, v), nil
	case int64:
		return strconv.AppendInt(out, v, 10), nil
	case int:
		return strconv.AppendInt(out, int64(v), 10), nil
	case json.Number:
		if isNumberText(string(v)) {
			return append(out, v...), nil
		}
	case string:
		return appendJSONString(out, v), nil
	}
	js, err := json.Marshal(v)
	return append(out, js...), err
}

// appendJSONString appends s as a JSON string, as encoding/json writes it.
func appendJSONString(out []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			js, _ := json.Marshal(s)
			return append(out, js...)
		}
	}
	out = append(out, '"')
	out = append(out, s...)
	return append(out, '"')
}

// templatedBody is a JSON body with templates: literal bytes between template strings.
type templatedBody struct {
	lits  [][]byte    // len(tmpls)+1 pieces
	tmpls []*Template // each answers a JSON value in place of its string
}

func compileBody(data []byte) (*templatedBody, error) {
	spans, err := templateSpans(data)
	if err != nil || len(spans) == 0 {
		return nil, err
	}
	tb := &templatedBody{}
	prev := 0
	for _, sp := range spans {
		var s string
		if err := json.Unmarshal(data[sp[0]:sp[1]], &s); err != nil {
			return nil, err
		}
		t, err := ParseTemplate(s)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", strconv.Quote(s), err)
		}
		tb.lits = append(tb.lits, data[prev:sp[0]])
		tb.tmpls = append(tb.tmpls, t)
		prev = sp[1]
	}
	tb.lits = append(tb.lits, data[prev:])
	return tb, nil
}

func (tb *templatedBody) render(rq *Request, n int64, now time.Time, rnd *Rand) ([]byte, error) {
	size := 64
	for _, l := range tb.lits {
		size += len(l) + 16
	}
	out := make([]byte, 0, size)
	for i, t := range tb.tmpls {
		out = append(out, tb.lits[i]...)
		var fast bool
		var err error
		if out, fast, err = t.appendFast(out, rq, n); fast {
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", strconv.Quote(t.src), err)
			}
			continue
		}
		v, err := t.Exec(rq, n, now, rnd)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", strconv.Quote(t.src), err)
		}
		if out, err = appendJSON(out, v); err != nil {
			return nil, fmt.Errorf("template %s: %w", strconv.Quote(t.src), err)
		}
	}
	out = append(out, tb.lits[len(tb.lits)-1]...)
	if len(out) > MaxTemplateOutput*4 {
		return nil, fmt.Errorf("the templated body is larger than %d bytes", MaxTemplateOutput*4)
	}
	return out, nil
}
