package swift

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backwards-backend/bb/internal/spec"
)

// keywords are the words Swift reserves: used as a name they need backticks. The list is
// the Swift reference's keywords used in declarations, statements, expressions and types,
// plus contextual keywords that the parser can take for a modifier or an operator where
// a property or parameter name stands (async, await, borrowing, consuming, each, …).
// Backticks around a word that needs none are legal, so erring on the side of more is safe.
var keywords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		associatedtype borrowing class consuming deinit enum extension fileprivate func import init
		inout internal let nonisolated open operator precedencegroup private protocol public
		rethrows static struct subscript typealias var
		break case catch continue default defer do else fallthrough for guard if in repeat return
		switch throw where while
		Any as await false is nil self Self super throws true try
		actor any async each macro package some Type Protocol`) {
		keywords[w] = true
	}
}

// IsKeyword reports whether name needs backticks to be a Swift identifier.
func IsKeyword(name string) bool { return keywords[name] }

// escape puts backticks around a Swift keyword.
func escape(name string) string {
	if keywords[name] {
		return "`" + name + "`"
	}
	return name
}

// initialisms are spelt in capitals after the first word, as the Swift API Design
// Guidelines do: userID, avatarURL, photoURLs.
var initialisms = map[string]string{}

func init() {
	for _, w := range strings.Fields("ID URL URI UUID HTTP HTTPS JSON API HTML XML IP SQL TLS UI") {
		initialisms[strings.ToLower(w)] = w
		initialisms[strings.ToLower(w)+"s"] = w + "s"
	}
}

// lowerCamel turns a JSON key or parameter name into a Swift value name: "created_at"
// gives "createdAt", "user_id" gives "userID", "URL" gives "url", "IOSVersion" gives
// "iosVersion". A name that
// would start with a digit gets a leading underscore ("2fa" gives "_2fa"); a key with no
// letters or digits at all becomes "value". The result is not escaped.
func lowerCamel(s string) string {
	words := spec.Words(s)
	if len(words) == 0 {
		return "value"
	}
	first := words[0]
	if strings.ToUpper(first) == first {
		first = strings.ToLower(first) // an acronym: URL → url
	} else {
		r, n := utf8.DecodeRuneInString(first)
		first = string(unicode.ToLower(r)) + first[n:]
	}
	rest := make([]string, len(words)-1)
	for i, w := range words[1:] {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			w = up
		}
		rest[i] = w
	}
	name := first + spec.UpperCamel(rest)
	if name[0] >= '0' && name[0] <= '9' {
		name = "_" + name
	}
	return name
}

// scope hands out names unique within one Swift scope: a struct's properties or a
// function's parameters. The second "userId" becomes "userId2".
type scope map[string]bool

func (s scope) unique(name string) string {
	if !s[name] {
		s[name] = true
		return name
	}
	for i := 2; ; i++ {
		if c := fmt.Sprintf("%s%d", name, i); !s[c] {
			s[c] = true
			return c
		}
	}
}

// stringLiteral writes s as a Swift string literal.
func stringLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f || !unicode.IsPrint(r) && r > 0x7f {
				fmt.Fprintf(&b, `\u{%x}`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// docLines splits text into lines for a /// comment, trimming trailing space.
func docLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		out = append(out, spec.DocText(strings.TrimRight(l, " \t\r")))
	}
	return out
}
