package spec

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a spec file. Line and Col start at 1; zero means unknown.
type Pos struct {
	Line int
	Col  int
}

// Error is one problem found in a spec: where it is and what is wrong, in plain words.
type Error struct {
	File string
	Pos  Pos
	Msg  string

	cause Pos // for a problem in another file (a bodyFile): where the spec names it
}

// order is where e sorts among the spec's problems.
func (e *Error) order() Pos {
	if e.cause.Line > 0 {
		return e.cause
	}
	return e.Pos
}

// Error formats the problem as file:line:col: message.
func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// ErrorList holds every problem found in a spec, in file order.
type ErrorList []*Error

// Error joins all problems, one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].order(), l[j].order()
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Suggest returns the candidate closest to word when it is close enough to be a likely
// misspelling, or "" when none is.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", 0
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := levenshtein(lw, strings.ToLower(c))
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if len(word) <= 3 {
		limit = 1
	}
	if best == "" || bestDist > limit || bestDist >= len(word) {
		return ""
	}
	return best
}

// levenshtein is the optimal string alignment distance: the Levenshtein distance where a
// swap of two neighbours also counts as one edit ("stauts" is one slip from "status").
// It keeps three rows of the table, so it runs in time len(a)*len(b) whatever the input.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Distance is the edit distance between two strings: insertions, deletions,
// substitutions and swaps of neighbours each count one.
func Distance(a, b string) int { return levenshtein(a, b) }

// breakAt returns the length of the line break YAML sees at data[i:] (\n, \r\n, a lone
// \r, NEL, LS or PS), or 0 when there is none.
func breakAt(data []byte, i int) int {
	switch c := data[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xc2 && i+1 < len(data) && data[i+1] == 0x85:
		return 2
	case c == 0xe2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xa8 || data[i+2] == 0xa9):
		return 3
	}
	return 0
}

// posAt is the line and column of data[off], counted as YAML counts them: lines from
// its line breaks, columns in characters, both from 1.
func posAt(data []byte, off int) Pos {
	off = min(off, len(data))
	pos := Pos{Line: 1, Col: 1}
	for i := 0; i < off; {
		if n := breakAt(data, i); n > 0 {
			pos.Line++
			pos.Col = 1
			i += n
			continue
		}
		_, w := utf8.DecodeRune(data[i:])
		pos.Col++
		i += w
	}
	return pos
}

// lineEnd is the offset just past the k-th line break of data: where its first k lines
// end. It is len(data) when data has fewer breaks.
func lineEnd(data []byte, k int) int {
	i := 0
	for ; k > 0 && i < len(data); i++ {
		if n := breakAt(data, i); n > 0 {
			i += n - 1
			k--
		}
	}
	return i
}

// countLines is how many lines data holds, a last one without a line break included.
func countLines(data []byte) int {
	lines := 0
	last := 0
	for i := 0; i < len(data); i++ {
		if n := breakAt(data, i); n > 0 {
			i += n - 1
			lines++
			last = i + 1
		}
	}
	if last < len(data) {
		lines++
	}
	return lines
}

// humanSize writes a byte count for a message: 16 MiB, 1.5 MiB, 300 KiB, 12 bytes.
func humanSize(n int64) string {
	s := formatSize(n)
	if num, ok := strings.CutSuffix(s, "iB"); ok {
		return num[:len(num)-1] + " " + s[len(num)-1:]
	}
	return strings.TrimSuffix(s, "B") + " bytes"
}

// formatSize writes a byte count as the BB_MAX_SPEC_* variables take it: 16MiB, 1.5MiB,
// 300KiB, 12B.
func formatSize(n int64) string {
	for _, u := range []struct {
		unit string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size {
			if n%u.size == 0 {
				return fmt.Sprintf("%d%s", n/u.size, u.unit)
			}
			return strconv.FormatFloat(float64(n)/float64(u.size), 'f', 1, 64) + u.unit
		}
	}
	return fmt.Sprintf("%dB", n)
}
