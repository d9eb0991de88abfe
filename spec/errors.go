package spec

import (
	"fmt"
	"sort"
	"strings"
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
		if l[i].Pos.Line != l[j].Pos.Line {
			return l[i].Pos.Line < l[j].Pos.Line
		}
		return l[i].Pos.Col < l[j].Pos.Col
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
