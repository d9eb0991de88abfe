package swift

import (
	"regexp"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
)

// TestCallsNameTheGeneratedFunctions: for every spec of the golden corpus, each call
// Calls renders names a function the generated client declares, with its argument
// labels in the order of the function's parameters, so the inspector shows the very
// call the developer writes.
func TestCallsNameTheGeneratedFunctions(t *testing.T) {
	callRE := regexp.MustCompile(`client\.([^(]+)\((.*)\)$`)
	for _, c := range goldenCases(t) {
		s, err := spec.Load(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		n := PackageNames(s, Options{})
		client := string(generateCase(t, c)["Sources/"+n.Module+"/"+n.Client+".swift"])
		calls, err := Calls(s, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(calls) != len(s.Endpoints) {
			t.Errorf("%s: %d calls for %d endpoints", c.name, len(calls), len(s.Endpoints))
		}
		for ep, call := range calls {
			first := strings.SplitN(call, "\n", 2)[0]
			m := callRE.FindStringSubmatch(strings.ReplaceAll(call, "\n", " "))
			if m == nil {
				t.Errorf("%s: %s: call %q", c.name, ep, first)
				continue
			}
			decl := "public func " + m[1] + "("
			found := false
			for rest := client; ; {
				at := strings.Index(rest, decl)
				if at < 0 {
					break
				}
				rest = rest[at+len(decl):]
				params := rest[:strings.Index(rest, ") async throws")]
				if labelsFit(argLabels(m[2]), paramLabels(params)) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: %s: no %s takes the labels of %s", c.name, ep, decl, first)
			}
		}
	}
}

// splitTop splits a list at the commas outside brackets and string literals.
func splitTop(list string) []string {
	var out []string
	depth, start, quoted := 0, 0, false
	for i := 0; i < len(list); i++ {
		switch c := list[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '[' || c == '<':
			depth++
		case c == ')' || c == ']' || c == '>':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(list[start:i]))
			start = i + 1
		}
	}
	if s := strings.TrimSpace(list[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

var labelRE = regexp.MustCompile("^(`?[A-Za-z_][A-Za-z0-9_]*`?):")

// argLabels are the labels of a call's arguments, "_" for an unlabelled one.
func argLabels(args string) []string {
	var out []string
	for _, a := range splitTop(args) {
		if m := labelRE.FindStringSubmatch(a); m != nil {
			out = append(out, strings.Trim(m[1], "`"))
		} else {
			out = append(out, "_")
		}
	}
	return out
}

// paramLabels are the labels of a declaration's parameters, and whether each has a
// default.
func paramLabels(params string) (out []struct {
	label    string
	optional bool
}) {
	for _, p := range splitTop(params) {
		name, typ, _ := strings.Cut(p, ":")
		out = append(out, struct {
			label    string
			optional bool
		}{strings.Trim(strings.Fields(name)[0], "`"), strings.Contains(typ, "=")})
	}
	return out
}

// labelsFit reports whether a call with these argument labels can call a function with
// these parameters: every parameter without a default is passed, in order.
func labelsFit(args []string, params []struct {
	label    string
	optional bool
}) bool {
	i := 0
	for _, p := range params {
		if i < len(args) && args[i] == p.label {
			i++
			continue
		}
		if !p.optional {
			return false
		}
	}
	return i == len(args)
}

func TestLabelsFit(t *testing.T) {
	for _, tt := range []struct {
		call, params string
		want         bool
	}{
		{`getBook(id: 1)`, `id: Int`, true},
		{`createMessage(NewMessage(user: "a, b", read: false))`, `_ message: NewMessage`, true},
		{`updateMessage(id: 1, MessagePatch(read: .value(true)))`, `id: Int, _ patch: MessagePatch`, true},
		{`listMessages(sortedBy: .sentAt, limit: 20)`, `user: String? = nil, sortedBy: Message.SortField? = nil, order: SortDirection? = nil, limit: Int? = nil`, true},
		{`listMessages(limit: 20, sortedBy: .sentAt)`, `sortedBy: Message.SortField? = nil, limit: Int? = nil`, false},
		{`createMessage(body: NewMessage())`, `_ message: NewMessage`, false},
		{`getBook()`, `id: Int`, false},
	} {
		_, args, _ := strings.Cut(strings.TrimSuffix(tt.call, ")"), "(")
		if got := labelsFit(argLabels(args), paramLabels(tt.params)); got != tt.want {
			t.Errorf("%s against (%s): %v, want %v", tt.call, tt.params, got, tt.want)
		}
	}
}
