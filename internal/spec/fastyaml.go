package spec

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Reading YAML is most of what loading a large spec costs, and go.yaml.in/yaml/v3 spends
// it on a general machine: a token queue, an event stream, a buffer of runes. Specs
// keep to a small part of YAML: block mappings and lists, flow {} and [], plain and
// quoted scalars, comments and | or > text. fastYAML reads that part straight into the
// yaml.Node tree yaml.v3 builds for it, with the same kinds, tags, styles, values and
// positions, and declines everything else (anchors, aliases, tags, directives, several
// documents, complex keys, tabs, text spanning lines in odd ways, anything it is not
// sure of), which yaml.v3 then reads as before; it never reports an error itself, so
// every error still comes from yaml.v3 with its positions. It leaves the comments out,
// which nothing in bb reads. FuzzFastYAML holds it equal to yaml.v3.

// decodeYAML reads one YAML document into a document node, fast when it can, with the
// nodes of a (which may be nil).
func decodeYAML(data []byte, a *fastArena) (*yaml.Node, error) {
	if doc := fastYAMLIn(data, a); doc != nil {
		return doc, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// fastYAMLOff turns fastYAML off, so every document goes to yaml.v3; for comparing the two.
var fastYAMLOff = false

// maxFastDepth bounds the nesting fastYAML follows; deeper text goes to yaml.v3, which
// has limits of its own.
const maxFastDepth = 500

// maxFastKey bounds a key's length in characters: yaml.v3 refuses simple keys of 1,024
// and more.
const maxFastKey = 1000

// fastYAML reads data as yaml.Unmarshal into a yaml.Node would, or returns nil when data
// is not in the subset it reads.
func fastYAML(data []byte) *yaml.Node { return fastYAMLIn(data, nil) }

// fastYAMLIn is fastYAML with the nodes of a, when not nil: the tree lasts until a is
// reset.
func fastYAMLIn(data []byte, a *fastArena) *yaml.Node {
	if bytes.IndexByte(data, '\r') >= 0 {
		if data = lfText(data); data == nil {
			return nil
		}
	}
	ascii, ok := fastText(data)
	if fastYAMLOff || !ok {
		return nil
	}
	if a == nil {
		a = &fastArena{}
	}
	r := &fastReader{src: string(data), line: 1, ascii: ascii, fastArena: a}
	r.skipLines()
	if r.pos >= len(r.src) {
		return nil // an empty document: yaml.v3 says io.EOF
	}
	root := r.block(r.indent(), -1)
	if root == nil || r.pos < len(r.src) {
		return nil
	}
	doc := r.node()
	doc.Kind = yaml.DocumentNode
	doc.Line, doc.Column = root.Line, root.Column
	doc.Content = []*yaml.Node{root}
	return doc
}

// lfText is text with \r\n line breaks written as \n, which yaml.v3 reads alike: lines
// and columns stay where they were, and text spanning lines, the only place a line break
// shows in a value, is read as \n. It is nil when a \r stands alone.
func lfText(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		if data[i] == '\r' {
			if i+1 >= len(data) || data[i+1] != '\n' {
				return nil
			}
			continue
		}
		out = append(out, data[i])
	}
	return out
}

// fastText reports whether data holds only characters fastYAML reads: no tab, no
// carriage return (lfText takes those of \r\n out first), no control character, no
// line break but \n, no byte order mark, valid UTF-8, and no line that starts with a
// directive or a document marker; and whether it is all ASCII.
func fastText(data []byte) (ascii, ok bool) {
	ascii = true
	bol := true
	for i := 0; i < len(data); {
		c := data[i]
		if bol {
			if c == '%' || (c == '-' || c == '.') && i+2 < len(data) && data[i+1] == c && data[i+2] == c {
				return false, false
			}
			bol = false
		}
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				bol = true
			case c < 0x20 || c == 0x7f:
				return false, false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && w == 1 || r == 0xfeff || r == 0x85 || r == 0x2028 || r == 0x2029 || !yamlChar(r) {
			return false, false
		}
		ascii = false
		i += w
	}
	return ascii, true
}

// fastArena holds the nodes of YAML trees, to be used again once a tree is dropped: a
// large spec is read in runs of endpoints whose trees live only while the run is read.
type fastArena struct {
	chunks [][]yaml.Node
	chunk  int // the chunk being handed out
	slab   []yaml.Node
	ptrs   []*yaml.Node // room for the collections' Content
	base   []*yaml.Node // all of the room ptrs was cut from
}

// reset makes every node of a free again; the trees built with them must no longer be
// used.
func (a *fastArena) reset() {
	a.chunk = 0
	a.slab = nil
	if len(a.chunks) > 0 {
		a.slab = a.chunks[0]
	}
	a.ptrs = a.base
}

// fastReader is fastYAML's state: the text, a place in it, and the nodes it hands out.
type fastReader struct {
	*fastArena
	src       string
	pos       int
	line      int // 1-based line of pos
	lineStart int // offset of the line's start
	depth     int
	ascii     bool         // every character is one byte
	stack     []*yaml.Node // children of the collections being read
	buf       []byte
}

func (r *fastReader) node() *yaml.Node {
	if len(r.slab) == 0 {
		if r.chunk+1 < len(r.chunks) {
			r.chunk++
			r.slab = r.chunks[r.chunk]
		} else {
			r.slab = make([]yaml.Node, 1024)
			r.chunks = append(r.chunks, r.slab)
			r.chunk = len(r.chunks) - 1
		}
	}
	n := &r.slab[0]
	r.slab = r.slab[1:]
	*n = yaml.Node{}
	return n
}

// content ends a collection whose children are r.stack[from:].
func (r *fastReader) content(from int) []*yaml.Node {
	kids := r.stack[from:]
	if len(kids) == 0 {
		return nil
	}
	if len(r.ptrs) < len(kids) {
		r.base = make([]*yaml.Node, max(4096, 2*len(r.base), len(kids)))
		r.ptrs = r.base
	}
	out := r.ptrs[:len(kids):len(kids)]
	r.ptrs = r.ptrs[len(kids):]
	copy(out, kids)
	r.stack = r.stack[:from]
	return out
}

// col is the column of pos, counted in characters from 0 as yaml.v3 counts.
func (r *fastReader) col() int {
	if r.ascii {
		return r.pos - r.lineStart
	}
	n := 0
	for i := r.lineStart; i < r.pos; i++ {
		if r.src[i]&0xc0 != 0x80 {
			n++
		}
	}
	return n
}

func (r *fastReader) at(n *yaml.Node) {
	n.Line = r.line
	n.Column = r.col() + 1
}

func (r *fastReader) peek(off int) byte {
	if r.pos+off < len(r.src) {
		return r.src[r.pos+off]
	}
	return 0
}

// blankz reports whether the byte at i is a space, a line break or the end.
func (r *fastReader) blankz(i int) bool {
	return i >= len(r.src) || r.src[i] == ' ' || r.src[i] == '\n'
}

func (r *fastReader) spaces() {
	for r.pos < len(r.src) && r.src[r.pos] == ' ' {
		r.pos++
	}
}

// endLine skips what may follow a value on its line, spaces and a comment after at least
// one space, and the line break; it reports false when something else follows.
func (r *fastReader) endLine() bool {
	start := r.pos
	r.spaces()
	if r.pos < len(r.src) && r.src[r.pos] == '#' {
		if r.pos == start {
			return false
		}
		for r.pos < len(r.src) && r.src[r.pos] != '\n' {
			r.pos++
		}
	}
	if r.pos >= len(r.src) {
		return true
	}
	if r.src[r.pos] != '\n' {
		return false
	}
	r.newline()
	return true
}

func (r *fastReader) newline() {
	r.pos++
	r.line++
	r.lineStart = r.pos
}

// skipLines skips blank lines and lines holding only a comment, from the start of a
// line, and leaves pos at the first character of the next line with content, or at the
// end.
func (r *fastReader) skipLines() {
	for r.pos < len(r.src) {
		r.spaces()
		if r.pos >= len(r.src) {
			return
		}
		switch r.src[r.pos] {
		case '#':
			for r.pos < len(r.src) && r.src[r.pos] != '\n' {
				r.pos++
			}
			if r.pos < len(r.src) {
				r.newline()
			}
		case '\n':
			r.newline()
		default:
			return
		}
	}
}

// indent is the column of the next line with content, which skipLines reached, or -1
// at the end.
func (r *fastReader) indent() int {
	if r.pos >= len(r.src) {
		return -1
	}
	return r.pos - r.lineStart // only spaces before it
}

// lead counts the spaces that start the line of pos.
func (r *fastReader) lead() int {
	i := r.lineStart
	for i < len(r.src) && r.src[i] == ' ' {
		i++
	}
	return i - r.lineStart
}

// entry reports whether pos starts a list entry: a dash and a blank.
func (r *fastReader) entry() bool {
	return r.pos < len(r.src) && r.src[r.pos] == '-' && r.blankz(r.pos+1)
}

// empty is the null yaml.v3 makes of a missing value, placed just after the colon or
// the dash that introduced it.
func (r *fastReader) empty(line, col int) *yaml.Node {
	n := r.node()
	n.Kind, n.Tag = yaml.ScalarNode, "!!null"
	n.Line, n.Column = line, col+1
	return n
}

// block reads the block node at pos, the first character with content of its line or
// after a list's dash, at column col, inside a collection at column parent.
func (r *fastReader) block(col, parent int) *yaml.Node {
	if r.depth++; r.depth > maxFastDepth {
		return nil
	}
	defer func() { r.depth-- }()
	if r.entry() {
		return r.sequence(col)
	}
	switch r.src[r.pos] {
	case '[', '{':
		n := r.flow()
		if n == nil || !r.endLine() {
			return nil
		}
		r.skipLines()
		if r.indent() > parent {
			return nil
		}
		return n
	case '|', '>':
		return nil // as the root or a list's entry: rare
	}
	key := r.scalar(false)
	if key == nil {
		return nil
	}
	if r.pos < len(r.src) && r.src[r.pos] == ':' && r.blankz(r.pos+1) {
		return r.mapping(col, key)
	}
	if !r.endLine() {
		return nil
	}
	r.skipLines()
	if r.indent() > parent {
		return nil // a plain scalar continued, or an error
	}
	return key
}

// mapping reads a block mapping at column col whose first key has been read.
func (r *fastReader) mapping(col int, key *yaml.Node) *yaml.Node {
	m := r.node()
	m.Kind, m.Tag = yaml.MappingNode, "!!map"
	m.Line, m.Column = key.Line, key.Column
	from := len(r.stack)
	for {
		if key.Column-1 != col || r.pos-r.lineStart > maxFastKey && r.col()-col >= maxFastKey {
			return nil
		}
		r.pos++ // the colon
		v := r.value(col)
		if v == nil {
			return nil
		}
		r.stack = append(r.stack, key, v)
		ind := r.indent()
		if ind < col {
			break
		}
		if ind > col || r.entry() {
			return nil
		}
		switch r.src[r.pos] {
		case '[', '{', '|', '>', '-', '?', ':':
			return nil
		}
		if key = r.scalar(false); key == nil || r.pos >= len(r.src) || r.src[r.pos] != ':' || !r.blankz(r.pos+1) {
			return nil
		}
	}
	m.Content = r.content(from)
	return m
}

// value reads a block mapping's value after the colon of a key at column col, and the
// lines with no content after it.
func (r *fastReader) value(col int) *yaml.Node {
	line, after, at := r.line, r.col(), r.pos
	r.spaces()
	if r.pos >= len(r.src) || r.src[r.pos] == '\n' || r.src[r.pos] == '#' {
		if r.pos = at; !r.endLine() {
			return nil
		}
		r.skipLines()
		ind := r.indent()
		switch {
		case ind > col:
			return r.block(ind, col)
		case ind == col && r.entry():
			return r.sequence(col)
		}
		return r.empty(line, after)
	}
	var n *yaml.Node
	switch r.src[r.pos] {
	case '[', '{':
		n = r.flow()
	case '|', '>':
		return r.literal(col)
	default:
		n = r.scalar(false)
	}
	if n == nil || !r.endLine() {
		return nil
	}
	r.skipLines()
	if r.indent() > col {
		return nil
	}
	return n
}

// sequence reads a block list whose entries' dashes are at column col.
func (r *fastReader) sequence(col int) *yaml.Node {
	s := r.node()
	s.Kind, s.Tag = yaml.SequenceNode, "!!seq"
	r.at(s)
	from := len(r.stack)
	for {
		r.pos++ // the dash
		line, after, at := r.line, r.col(), r.pos
		r.spaces()
		var item *yaml.Node
		if r.pos >= len(r.src) || r.src[r.pos] == '\n' || r.src[r.pos] == '#' {
			if r.pos = at; !r.endLine() {
				return nil
			}
			r.skipLines()
			if ind := r.indent(); ind > col {
				item = r.block(ind, col)
			} else {
				item = r.empty(line, after)
			}
		} else {
			item = r.block(r.col(), col)
		}
		if item == nil {
			return nil
		}
		r.stack = append(r.stack, item)
		ind := r.indent()
		if ind < col || ind == col && !r.entry() {
			break
		}
		if ind > col {
			return nil
		}
	}
	s.Content = r.content(from)
	return s
}

// flow reads a flow collection, a { } mapping or a [ ] list, and leaves pos after it.
func (r *fastReader) flow() *yaml.Node {
	if r.depth++; r.depth > maxFastDepth {
		return nil
	}
	defer func() { r.depth-- }()
	n := r.node()
	r.at(n)
	n.Style = yaml.FlowStyle
	open := r.src[r.pos]
	r.pos++
	from := len(r.stack)
	closer := byte(']')
	n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	if open == '{' {
		closer = '}'
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
	}
	for first := true; ; first = false {
		if !r.flowSpace() {
			return nil
		}
		if r.pos >= len(r.src) {
			return nil
		}
		if r.src[r.pos] == closer && first {
			r.pos++
			break
		}
		if n.Kind == yaml.MappingNode {
			c := r.src[r.pos]
			if c == '[' || c == '{' || c == '?' || c == ':' || c == ',' || c == '}' || c == ']' {
				return nil
			}
			line := r.line
			key := r.flowItem()
			if key == nil {
				return nil
			}
			r.spaces()
			if r.line != line || r.pos >= len(r.src) || r.src[r.pos] != ':' || r.col() > key.Column-1+maxFastKey {
				return nil
			}
			r.pos++
			if !r.flowSpace() || r.pos >= len(r.src) {
				return nil
			}
			if c := r.src[r.pos]; c == ',' || c == '}' || c == ']' || c == ':' {
				return nil
			}
			v := r.flowItem()
			if v == nil {
				return nil
			}
			r.stack = append(r.stack, key, v)
		} else {
			if c := r.src[r.pos]; c == ',' || c == '}' || c == ']' || c == ':' || c == '?' {
				return nil
			}
			item := r.flowItem()
			if item == nil {
				return nil
			}
			r.stack = append(r.stack, item)
		}
		if !r.flowSpace() || r.pos >= len(r.src) {
			return nil
		}
		c := r.src[r.pos]
		r.pos++
		if c == closer {
			break
		}
		if c != ',' {
			return nil
		}
		if !r.flowSpace() || r.pos >= len(r.src) || r.src[r.pos] == closer {
			return nil
		}
	}
	n.Content = r.content(from)
	return n
}

// flowItem reads a node inside a flow collection.
func (r *fastReader) flowItem() *yaml.Node {
	switch r.src[r.pos] {
	case '[', '{':
		return r.flow()
	}
	return r.scalar(true)
}

// flowSpace skips spaces, line breaks and comments inside a flow collection. It reports
// false at a comment that follows no space.
func (r *fastReader) flowSpace() bool {
	start := r.pos
	for r.pos < len(r.src) {
		switch r.src[r.pos] {
		case ' ':
			r.pos++
		case '\n':
			r.newline()
		case '#':
			if r.pos == start {
				return false
			}
			for r.pos < len(r.src) && r.src[r.pos] != '\n' {
				r.pos++
			}
		default:
			return true
		}
	}
	return true
}

// scalar reads a plain or quoted scalar that ends on its line.
func (r *fastReader) scalar(flow bool) *yaml.Node {
	n := r.node()
	n.Kind = yaml.ScalarNode
	r.at(n)
	switch c := r.src[r.pos]; c {
	case '\'', '"':
		v, ok := r.quoted(c)
		if !ok {
			return nil
		}
		n.Value, n.Tag = v, "!!str"
		n.Style = yaml.DoubleQuotedStyle
		if c == '\'' {
			n.Style = yaml.SingleQuotedStyle
		}
		if r.pos < len(r.src) && r.src[r.pos] == '#' {
			return nil
		}
		return n
	case '-':
		if r.blankz(r.pos + 1) {
			return nil
		}
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		return nil
	}
	start := r.pos
	end := r.pos
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		if c == '\n' {
			break
		}
		if c == ' ' {
			// Spaces end the scalar before a comment, and at the end of the line.
			i := r.pos
			for i < len(r.src) && r.src[i] == ' ' {
				i++
			}
			if i >= len(r.src) || r.src[i] == '\n' || r.src[i] == '#' {
				break
			}
			r.pos = i
			continue
		}
		if c == ':' && r.blankz(r.pos+1) {
			break
		}
		if flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') {
			break
		}
		r.pos++
		end = r.pos
	}
	if flow && (r.pos >= len(r.src) || r.src[r.pos] == '\n') {
		// A plain scalar in a flow collection goes on across the line break unless what
		// follows ends it.
		i := r.pos
		for i < len(r.src) && (r.src[i] == ' ' || r.src[i] == '\n') {
			i++
		}
		if i < len(r.src) {
			switch r.src[i] {
			case ',', ']', '}', '#':
			default:
				return nil
			}
		}
	}
	n.Value = r.src[start:end]
	tag, ok := plainTag(n.Value)
	if !ok {
		return nil
	}
	n.Tag = tag
	return n
}

// quoted reads a quoted scalar that ends on its line, starting at its quote q.
func (r *fastReader) quoted(q byte) (string, bool) {
	r.pos++
	start := r.pos
	buf := r.buf[:0]
	copied := false // buf holds the value so far, up to pos
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		switch {
		case c == '\n':
			return "", false
		case c == q && q == '\'':
			if r.peek(1) == '\'' {
				if !copied {
					buf, copied = append(buf, r.src[start:r.pos]...), true
				}
				buf = append(buf, '\'')
				r.pos += 2
				continue
			}
			fallthrough
		case c == q:
			var v string
			if copied {
				v = string(buf)
			} else {
				v = r.src[start:r.pos]
			}
			r.buf = buf
			r.pos++
			return v, true
		case c == '\\' && q == '"':
			if !copied {
				buf, copied = append(buf, r.src[start:r.pos]...), true
			}
			var ok bool
			if buf, ok = r.escape(buf); !ok {
				return "", false
			}
			continue
		}
		if copied {
			buf = append(buf, c)
		}
		r.pos++
	}
	return "", false
}

// escape appends what the escape at pos in a double-quoted scalar stands for.
func (r *fastReader) escape(buf []byte) ([]byte, bool) {
	code := 0
	switch r.peek(1) {
	case '0':
		buf = append(buf, 0)
	case 'a':
		buf = append(buf, '\a')
	case 'b':
		buf = append(buf, '\b')
	case 't':
		buf = append(buf, '\t')
	case 'n':
		buf = append(buf, '\n')
	case 'v':
		buf = append(buf, '\v')
	case 'f':
		buf = append(buf, '\f')
	case 'r':
		buf = append(buf, '\r')
	case 'e':
		buf = append(buf, 0x1b)
	case ' ', '"', '\'', '\\':
		buf = append(buf, r.peek(1))
	case 'N':
		buf = append(buf, "\u0085"...)
	case '_':
		buf = append(buf, "\u00a0"...)
	case 'L':
		buf = append(buf, "\u2028"...)
	case 'P':
		buf = append(buf, "\u2029"...)
	case 'x':
		code = 2
	case 'u':
		code = 4
	case 'U':
		code = 8
	default:
		return buf, false
	}
	r.pos += 2
	if code == 0 {
		return buf, true
	}
	if r.pos+code > len(r.src) {
		return buf, false
	}
	v, err := strconv.ParseUint(r.src[r.pos:r.pos+code], 16, 32)
	if err != nil || v >= 0xd800 && v <= 0xdfff || v > 0x10ffff || strings.ContainsAny(r.src[r.pos:r.pos+code], "+-_") {
		return buf, false
	}
	r.pos += code
	return utf8.AppendRune(buf, rune(v)), true
}

// literal reads a | or > block scalar, the value of a key at column col, and the lines
// with no content after it. It declines indentation indicators, leading blank lines, and
// lines of a folded scalar indented more than its first.
func (r *fastReader) literal(col int) *yaml.Node {
	n := r.node()
	n.Kind, n.Tag, n.Style = yaml.ScalarNode, "!!str", yaml.LiteralStyle
	r.at(n)
	folded := r.src[r.pos] == '>'
	if folded {
		n.Style = yaml.FoldedStyle
	}
	r.pos++
	chomp := byte(0)
	if c := r.peek(0); c == '-' || c == '+' {
		chomp = c
		r.pos++
	}
	if !r.endLine() || r.pos >= len(r.src) {
		return nil
	}
	ind := r.lead()
	if ind <= col || r.lineStart+ind >= len(r.src) || r.src[r.lineStart+ind] == '\n' {
		return nil // empty, or leading blank lines
	}
	buf := r.buf[:0]
	breaks := 0 // line breaks not yet written: the last line's and blank lines'
	first := true
	for r.pos < len(r.src) {
		sp := r.lead()
		end := strings.IndexByte(r.src[r.lineStart:], '\n')
		if end < 0 {
			end = len(r.src)
		} else {
			end += r.lineStart
		}
		if r.lineStart+sp == end {
			if sp > ind || end == len(r.src) {
				return nil
			}
			breaks++
			r.pos = end
			r.newline()
			continue
		}
		if sp < ind {
			break
		}
		if folded && sp > ind {
			return nil
		}
		if !first {
			switch {
			case folded && breaks == 1:
				buf = append(buf, ' ')
			case folded:
				buf = append(buf, strings.Repeat("\n", breaks-1)...)
			default:
				buf = append(buf, strings.Repeat("\n", breaks)...)
			}
		}
		first = false
		buf = append(buf, r.src[r.lineStart+ind:end]...)
		breaks = 0
		r.pos = end
		if end < len(r.src) {
			breaks = 1
			r.newline()
		}
	}
	if breaks > 0 {
		switch chomp {
		case 0:
			buf = append(buf, '\n')
		case '+':
			buf = append(buf, strings.Repeat("\n", breaks)...)
		}
	}
	n.Value = string(buf)
	r.buf = buf
	r.skipLines()
	if r.indent() > col {
		return nil
	}
	return n
}

// plainTag is the tag yaml.v3 resolves a plain scalar to; false for the merge key, which
// fastYAML leaves to yaml.v3.
func plainTag(s string) (string, bool) {
	if s == "" {
		return "!!null", true
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9' || c == '+' || c == '-':
		return numberTag(s), true
	case c == '.':
		switch s {
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float", true
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float", true
		}
	case c == '~':
		if s == "~" {
			return "!!null", true
		}
	case c == '<':
		if s == "<<" {
			return "", false
		}
	case strings.IndexByte("yYnNtTfFoO", c) >= 0:
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool", true
		case "null", "Null", "NULL":
			return "!!null", true
		}
	}
	return "!!str", true
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// numberTag resolves a plain scalar that starts with a digit or a sign, as yaml.v3 does.
func numberTag(s string) string {
	switch s {
	case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	if _, ok := decimal(s); ok {
		return "!!float" // 9.5: what the rules below find, without a regular expression
	}
	if isTimestamp(s) {
		return "!!timestamp"
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlStyleFloat.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	for _, p := range []struct {
		prefix string
		base   int
	}{{"0b", 2}, {"-0b", 2}, {"0o", 8}, {"-0o", 8}} {
		if rest, ok := strings.CutPrefix(plain, p.prefix); ok {
			if p.prefix[0] == '-' {
				rest = "-" + rest
			}
			if _, err := strconv.ParseInt(rest, p.base, 64); err == nil {
				return "!!int"
			}
			if p.prefix[0] != '-' {
				if _, err := strconv.ParseUint(rest, p.base, 64); err == nil {
					return "!!int"
				}
			}
		}
	}
	return "!!str"
}

var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp reports whether yaml.v3 reads s as a timestamp.
func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, f := range timestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}
