package spec

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// A large spec is read endpoint by endpoint. Its text is cut into one piece per endpoint
// (the lines of `endpoints:` that start at the endpoints' indentation) and the rest, the
// skeleton, which keeps every line but the endpoints' as it is. Each piece is decoded on
// its own, on every core, and its YAML tree is dropped as soon as it has been read, so
// the whole document's tree is never held at once; a piece whose text and place have
// not changed since the last load (a reload's Cache) is not read again at all.
//
// Reading in pieces is only a faster way to the same result: it is tried only on text
// whose layout makes every piece mean exactly what it means in the whole, and whenever
// anything is not plain (an error, an anchor or alias, a tab, a document marker, a piece
// that is not one endpoint), the whole document is read instead, the way that gives
// every error its message and position. TestSplitLoadEqualsWhole holds the two equal.

// minSplit is the fewest endpoints for which reading in pieces pays. Tests lower it.
var minSplit = 64

// piece is the text of one endpoint: data[start:end], starting at line (1-based), with
// its name at data[key[0]:key[1]].
type piece struct {
	start, end int
	line       int
	key        [2]int
}

// layout is a spec's text cut into pieces: the skeleton and the endpoints' pieces, in
// file order.
type layout struct {
	skeleton []byte
	pieces   []piece
}

// cut finds a spec's layout, or reports that its text is not plain enough to read in
// pieces.
func cut(data []byte) (layout, bool) {
	var l layout
	// Line breaks other than \n and \r\n, and directives, change how lines are counted or
	// read; they are rare enough to leave to the whole-document reader.
	if bytes.Contains(data, []byte("\xc2\x85")) || bytes.Contains(data, []byte("\xe2\x80\xa8")) || bytes.Contains(data, []byte("\xe2\x80\xa9")) {
		return l, false
	}
	crlf := bytes.IndexByte(data, '\r') >= 0
	section := -1 // the offset where the endpoints' lines begin; -1 before, -2 after
	sectionEnd, sectionLine := 0, 0
	indent := 0
	line := 0
	for off := 0; off < len(data); {
		line++
		next := bytes.IndexByte(data[off:], '\n')
		end := len(data)
		if next >= 0 {
			end = off + next + 1
		}
		text := data[off:end]
		text = bytes.TrimSuffix(text, []byte("\n"))
		if crlf {
			text = bytes.TrimSuffix(text, []byte("\r"))
			if bytes.IndexByte(text, '\r') >= 0 {
				return l, false
			}
		}
		switch {
		case len(text) > 0 && (text[0] == '%' || bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("..."))):
			return l, false // a directive or a document marker
		case section == -1:
			if bytes.HasPrefix(text, []byte("endpoints:")) {
				if !blankOrComment(text[len("endpoints:"):]) {
					return l, false // endpoints written on the key's line
				}
				section, sectionLine = end, line+1
			}
		case section >= 0:
			n := 0
			for n < len(text) && text[n] == ' ' {
				n++
			}
			if n < len(text) && text[n] == '\t' {
				return l, false
			}
			if blankOrComment(text[n:]) {
				break // blank lines and comments stay with the endpoint before them
			}
			if n == 0 {
				section, sectionEnd = -2, off // the next top-level key
				break
			}
			if indent == 0 {
				indent = n
			}
			switch {
			case n < indent:
				return l, false
			case n == indent:
				k := keyLine(text[n:])
				if k == 0 {
					return l, false
				}
				key := [2]int{off + n, off + n + k}
				if len(l.pieces) == 0 {
					// Blank lines and comments before the first endpoint belong to it.
					l.pieces = append(l.pieces, piece{start: section, line: sectionLine, key: key})
				} else {
					l.pieces[len(l.pieces)-1].end = off
					l.pieces = append(l.pieces, piece{start: off, line: line, key: key})
				}
			}
		default: // after the endpoints
			if bytes.HasPrefix(text, []byte("endpoints:")) {
				return l, false // a second endpoints key: an error the whole reader reports
			}
		}
		off = end
	}
	if section >= 0 {
		sectionEnd = len(data)
	}
	if len(l.pieces) < minSplit {
		return l, false
	}
	l.pieces[len(l.pieces)-1].end = sectionEnd
	// The skeleton keeps the line breaks of the endpoints' lines, so every line of it
	// stays where it was.
	first := l.pieces[0].start
	l.skeleton = make([]byte, 0, first+(len(data)-sectionEnd)+bytes.Count(data[first:sectionEnd], []byte("\n")))
	l.skeleton = append(l.skeleton, data[:first]...)
	for _, c := range data[first:sectionEnd] {
		if c == '\n' {
			l.skeleton = append(l.skeleton, '\n')
		}
	}
	l.skeleton = append(l.skeleton, data[sectionEnd:]...)
	return l, true
}

// blankOrComment reports whether the rest of a line holds nothing but spaces and a
// comment.
func blankOrComment(rest []byte) bool {
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || rest[0] == '#'
}

// keyLine is the length of the name a line, from its indentation on, starts an
// endpoint with as a plain key: a name, a colon, then a space or the end of the line.
// It is 0 for a line that does not.
func keyLine(text []byte) int {
	i := 0
	for i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z' || text[i] == '_' || i > 0 && text[i] >= '0' && text[i] <= '9') {
		i++
	}
	if i == 0 || i >= len(text) || text[i] != ':' || i+1 < len(text) && text[i+1] != ' ' {
		return 0
	}
	return i
}

// Cache keeps the endpoints of the last spec loaded with it, by their text, so that the
// next load reads only the endpoints whose text changed; one that only moved is copied
// with its positions moved. One Cache serves
// one spec file; it is safe for concurrent use.
type Cache struct {
	mu   sync.Mutex
	last map[string]*readPiece // by the piece's text
	read int                   // the endpoints the last load read, for tests
	// routes are the last spec's routes, in order (see routeList); its routes were
	// checked for clashes and had none.
	routes string
	// names are the last spec's endpoint names, in order, one a line; they were
	// checked and had no problem.
	names string
	// types are the last spec's types, and sigs its endpoints' signatures (see
	// reuseTypes); nil when it had an endpoint read outside the cache.
	types *TypeSet
	sigs  []string
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{} }

// readPiece is what reading one piece gave: its endpoint, and its size written out, for
// the spec's size limit.
type readPiece struct {
	name string
	e    *Endpoint
	size size
	// keep: nothing outside the piece's text went into it (no bodyFile), so a later
	// load may take it as it is, or moved (see shifted).
	keep bool
	line int // the line the piece starts at
}

func (c *Cache) get(k string) *readPiece {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last[k]
}

// keep makes the pieces of a load that succeeded the cache, dropping the others.
func (c *Cache) keep(data []byte, sp *split) {
	l, read := sp.layout, sp.read
	if c == nil {
		return
	}
	m := make(map[string]*readPiece, len(read))
	for i, r := range read {
		if r.keep {
			pc := l.pieces[i]
			m[string(data[pc.start:pc.end])] = r
		}
	}
	c.mu.Lock()
	c.last = m
	c.routes, c.names = sp.routes, sp.names
	c.mu.Unlock()
}

// routeList spells a spec's routes in order.
func routeList(s *Spec) string {
	var b []byte
	for _, e := range s.Endpoints {
		b = append(b, e.Method...)
		b = append(b, ' ')
		b = append(b, e.Path...)
		b = append(b, '\n')
	}
	return string(b)
}

// sameRoutes reports whether s has the routes of the last spec loaded with the cache,
// so it needs no new check for clashes. When it does not, the cache learns s's routes
// once s has loaded.
func (sp *split) sameRoutes(s *Spec) bool {
	sp.routes = routeList(s)
	if sp.cache == nil {
		return false
	}
	sp.cache.mu.Lock()
	defer sp.cache.mu.Unlock()
	return sp.cache.routes == sp.routes
}

// split is a spec being read in pieces.
type split struct {
	data   []byte
	layout layout
	read   []*readPiece // by piece; nil until read
	cache  *Cache
	routes string // the spec's routes (see routeList)
	names  string // the spec's endpoint names, one a line
	failed bool
	done   chan struct{}
	// clash says, once the routes are checked, whether any clash (see checkRoutes).
	clash chan bool
}

// checkRoutes checks the spec's routes beside what follows (typing, above all): a clash
// is rare, and then clashed reports it and the whole reader says what it is.
func (sp *split) checkRoutes(p *parser, s *Spec) {
	sp.clash = make(chan bool, 1)
	go func() {
		rp := &parser{file: p.file, dir: p.dir, ctx: p.ctx, opts: p.opts, split: sp}
		rp.checkRoutes(s)
		sp.clash <- len(rp.errs) > 0 || rp.dropped > 0
	}()
}

// clashed waits for the routes to be checked and reports whether any clash.
func (sp *split) clashed() bool {
	return sp.clash != nil && <-sp.clash
}

// readPieces reads every piece not in the cache, on every core. A piece that is not
// exactly one endpoint read without a problem fails the split.
func (p *parser) readPieces(sp *split, cache *Cache) {
	defer close(sp.done)
	sp.read = make([]*readPiece, len(sp.layout.pieces))
	var todo []int
	for i, pc := range sp.layout.pieces {
		if r := cache.get(string(sp.data[pc.start:pc.end])); r != nil {
			if r.line != pc.line {
				r = r.shifted(pc.line)
			}
			sp.read[i] = r
			continue
		}
		todo = append(todo, i)
	}
	if cache != nil {
		cache.mu.Lock()
		cache.read = len(todo)
		cache.mu.Unlock()
	}
	// Consecutive pieces are read as one YAML document, a run: each decoder costs
	// kilobytes of buffers, too much to spend on every endpoint.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(todo)/minSplit))
	most := min(256, max(16, len(todo)/(4*workers)))
	var runs [][]int
	for i, at := range todo {
		if i == 0 || at != todo[i-1]+1 || len(runs[len(runs)-1]) == most {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], at)
	}
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wp := &parser{file: p.file, dir: p.dir, ctx: p.ctx, opts: p.opts, sizes: newSizer()}
			for {
				n := int(next.Add(1)) - 1
				if n >= len(runs) || failed.Load() || p.ctx.Err() != nil {
					return
				}
				run := runs[n]
				read := wp.readRun(sp.data, sp.layout.pieces[run[0]:run[len(run)-1]+1], cache != nil)
				if read == nil {
					failed.Store(true)
					return
				}
				copy(sp.read[run[0]:], read)
			}
		}()
	}
	wg.Wait()
	if failed.Load() || p.ctx.Err() != nil {
		sp.failed = true
	}
}

// readRun decodes the text of consecutive endpoints and reads each, or returns nil when
// the text is not those endpoints, plain and without a problem. With memo, the endpoints
// that depend on their text alone get an inferMemo, for a Cache.
func (p *parser) readRun(data []byte, run []piece, memo bool) []*readPiece {
	first, last := run[0], run[len(run)-1]
	if p.arena == nil {
		p.arena = &fastArena{}
	}
	p.arena.reset() // the last run's tree is no longer used
	doc, err := decodeYAML(data[first.start:last.end], p.arena)
	if err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || len(root.Content) != 2*len(run) || !plain(root, first.line-1) {
		return nil
	}
	out := make([]*readPiece, len(run))
	for j, pc := range run {
		k, v := root.Content[2*j], root.Content[2*j+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" || k.Value != string(data[pc.key[0]:pc.key[1]]) || !identRE.MatchString(k.Value) {
			return nil
		}
		// Its size as if it were a document of its own: an upper bound of what it adds
		// to the whole.
		sz := size{bytes: 4, nodes: 2}
		p.sizes.over(k, &sz, size{bytes: huge, nodes: huge})
		p.sizes.over(v, &sz, size{bytes: huge, nodes: huge})
		before := len(p.bodyFiles)
		e := p.endpoint(k.Value, v)
		if e == nil || len(p.errs) > 0 || p.dropped > 0 {
			return nil
		}
		e.Pos = posOf(k)
		keep := len(p.bodyFiles) == before && !usesFiles(e)
		if keep && memo {
			e.memo = &inferMemo{} // only a Cache reads it
		}
		out[j] = &readPiece{name: k.Value, e: e, size: sz, keep: keep, line: pc.line}
	}
	return out
}

// usesFiles reports whether an endpoint serves a bodyFile, whose bytes its text does not
// hold.
func usesFiles(e *Endpoint) bool {
	for _, r := range e.Responses {
		if r.BodyFile != "" {
			return true
		}
	}
	return false
}

// plain moves a piece's nodes to their lines in the whole file, and reports whether
// they hold no anchor and no alias, which could reach outside the piece.
func plain(n *yaml.Node, lines int) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return false
	}
	n.Line += lines
	for _, c := range n.Content {
		if !plain(c, lines) {
			return false
		}
	}
	return true
}

func newSizer() *sizer {
	return &sizer{memo: map[*yaml.Node]size{}, busy: map[*yaml.Node]bool{}}
}

// splitParse reads data in pieces, or returns nil when it cannot be read that way
// without a problem; the caller then reads it whole.
func (o Options) splitParse(ctx context.Context, file string, data []byte, dir string) (*Spec, *split) {
	if int64(len(data)) > o.maxSize() {
		return nil, nil
	}
	if _, msg := badText(data); msg != "" {
		return nil, nil
	}
	l, ok := cut(data)
	if !ok {
		return nil, nil
	}
	sp := &split{data: data, layout: l, cache: o.Cache, done: make(chan struct{})}
	p := &parser{file: file, dir: dir, ctx: ctx, opts: o, split: sp}
	go p.readPieces(sp, o.Cache)
	s := p.parse(data)
	<-sp.done // parse waits for the pieces unless it failed first
	if sp.failed || len(p.errs) > 0 || ctx.Err() != nil {
		return nil, nil
	}
	return s, sp
}

// sized waits for the pieces and adds their size to total: an upper bound of what they
// add to the whole document's. It reports false when a piece failed.
func (sp *split) sized(total *size) bool {
	<-sp.done
	if sp.failed {
		return false
	}
	// The endpoints' mapping: its brackets and a separator per key and value.
	*total = total.plus(size{bytes: 2 + 2*int64(len(sp.read)), nodes: 1})
	for _, r := range sp.read {
		*total = total.plus(r.size)
	}
	return true
}

// splitEndpoints takes the endpoints from the pieces, which were read before the
// skeleton: an endpoint named twice fails the split, for the whole reader to report.
func (p *parser) splitEndpoints(s *Spec) {
	sp := p.split
	var names strings.Builder
	for _, r := range sp.read {
		names.WriteString(r.name)
		names.WriteByte('\n')
	}
	sp.names = names.String()
	// A copy of each endpoint: the cache keeps the endpoint as read, and the checks
	// that follow mark this spec's own. Without a cache, the endpoint read is the spec's.
	var all []Endpoint
	if sp.cache != nil {
		all = make([]Endpoint, len(sp.read))
	}
	read := func(i int) *Endpoint {
		if all == nil {
			return sp.read[i].e
		}
		all[i] = *sp.read[i].e
		return &all[i]
	}
	if sp.cache.sameNames(sp.names) {
		// The names of the last spec loaded, which were checked and had no problem.
		s.Endpoints = make([]*Endpoint, len(sp.read))
		for i := range sp.read {
			s.Endpoints[i] = read(i)
		}
		return
	}
	fields := make([]field, len(sp.read))
	seen := make(map[string]bool, len(fields))
	for i, r := range sp.read {
		if seen[r.name] {
			sp.failed = true
			return
		}
		seen[r.name] = true
		fields[i] = field{key: r.name, keyN: &yaml.Node{Line: r.e.Pos.Line, Column: r.e.Pos.Col}}
	}
	p.endpointList(fields, s, read)
}

// sameNames reports whether names are the endpoint names of the last spec loaded.
func (c *Cache) sameNames(names string) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.names == names
}
