package swift

import (
	"regexp"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
)

// TestCallsNameTheGeneratedFunctions: for every spec of the golden corpus, each call
// Calls renders names a function the generated client declares, with its argument
// labels, so the inspector shows the very call the developer writes.
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
			at := strings.Index(client, decl)
			if at < 0 {
				t.Errorf("%s: %s: the client declares no %s", c.name, ep, decl)
				continue
			}
			params := client[at+len(decl):]
			params = params[:strings.Index(params, ") async throws")]
			// The first argument's label is the first parameter's.
			if label, _, ok := strings.Cut(m[2], ": "); ok && !strings.HasPrefix(strings.TrimSpace(params), label) {
				t.Errorf("%s: %s: the call starts with %s, the function %s(%s)", c.name, ep, label, m[1], params)
			}
		}
	}
}
