package spec

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words splits a JSON key or an operation name into the words a generator joins into a
// name in its own convention: "created_at", "created-at", "createdAt" and "CreatedAt" all
// give [created at] (case kept), "userID" gives [user ID], "URLString" gives [URL String].
// Letters of any script and the digits 0-9 make words; everything else separates them.
// Combining marks are dropped, so a decomposed "é" reads as "e".
func Words(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsMark(r):
			continue
		case isWordRune(r):
		default:
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			switch {
			case unicode.IsUpper(r) && (unicode.IsLower(prev) || isDigit(prev)):
				// fooBar, v2Api: a capital after a lower case letter or digit starts a word.
				flush()
			case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
				// URLString: the last capital of an acronym starts the next word.
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWordRune(r rune) bool { return isDigit(r) || unicode.IsLetter(r) }

// UpperCamel joins words as a type name: [created at] gives "CreatedAt"; acronyms keep
// their case ("userID" gives "UserID").
func UpperCamel(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(capitalize(w))
	}
	return b.String()
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// irregular plurals and words whose singular is the same (series, news, data …).
var irregularSingular = map[string]string{
	"people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse",
	"geese": "goose", "feet": "foot", "teeth": "tooth", "oxen": "ox", "criteria": "criterion",
	"indices": "index", "matrices": "matrix", "vertices": "vertex", "analyses": "analysis",
	"leaves": "leaf", "shelves": "shelf", "halves": "half", "knives": "knife", "wives": "wife",
	"lives": "life", "wolves": "wolf", "selves": "self", "thieves": "thief", "loaves": "loaf",
	"calves": "calf", "elves": "elf", "scarves": "scarf",
	"shoes": "shoe", "toes": "toe", "canoes": "canoe", "uses": "use", "excuses": "excuse",
	"fuses": "fuse", "buses": "bus", "bonuses": "bonus", "databases": "database", "cases": "case",
	"bases": "base", "phases": "phase", "purchases": "purchase", "releases": "release",
	"responses": "response", "licenses": "license", "courses": "course", "expenses": "expense",
	"ties": "tie", "pies": "pie", "lies": "lie", "movies": "movie", "cookies": "cookie",
	"series": "series", "species": "species", "news": "news", "data": "data", "info": "info",
	"metadata": "metadata", "media": "media", "sheep": "sheep", "fish": "fish", "deer": "deer",
	"aircraft": "aircraft", "equipment": "equipment", "feedback": "feedback", "settings": "settings",
	"gas": "gas", "bias": "bias", "canvas": "canvas", "atlas": "atlas", "alias": "alias",
	"lens": "lens", "chaos": "chaos", "yes": "yes", "ios": "ios", "macos": "macos", "this": "this",
}

// Singular turns a plural English noun into its singular: messages → message,
// categories → category, people → person, boxes → box. Words it does not know as
// plurals come back unchanged. The first letter's case is kept.
func Singular(word string) string {
	lower := strings.ToLower(word)
	if s, ok := irregularSingular[lower]; ok {
		if s == lower {
			return word // series, news, iOS: the same in the singular
		}
		return matchFirst(word, s)
	}
	has := func(suffix string) bool { return strings.HasSuffix(lower, suffix) }
	n := len(word)
	switch {
	case n <= 2 || !has("s"):
		return word
	case has("ss") || has("us") || has("is"):
		return word // class, status, analysis: not plurals
	case has("ies") && n > 4:
		return word[:n-3] + matchCase(word[n-3:], "y")
	case has("sses") || has("xes") || has("zzes") || has("ches") || has("shes"):
		return word[:n-2]
	case has("uses") && n > 4 && !strings.ContainsRune("aeiou", rune(lower[n-5])):
		return word[:n-2] // statuses, campuses; houses and causes keep their e
	case has("oes") && n > 4:
		return word[:n-2] // heroes, potatoes
	}
	return word[:n-1]
}

func matchFirst(word, s string) string {
	if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		return capitalize(s)
	}
	return s
}

// matchCase writes s in upper case when like is upper case (CATEGORIES → CATEGORY).
func matchCase(like, s string) string {
	if strings.ToUpper(like) == like && strings.ToLower(like) != like {
		return strings.ToUpper(s)
	}
	return s
}

// DocText makes text from a spec safe to print inside a generated line comment: every
// control character (a line break among them, which would end the comment and let the
// rest run as code), every Unicode line or paragraph separator and every byte that is
// not UTF-8 is written as an escape, \n or \u2028, instead.
func DocText(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
