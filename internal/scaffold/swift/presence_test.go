package swift

import (
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// swiftField is what a generated model does with one key, read off the generator's own
// output for it.
type swiftField struct {
	decodesAbsent, decodesNull bool // a missing key, a null: decoded without an error
	sendsAbsent, sendsNull     bool // encoded from some value of the property
}

func swiftFieldOf(m modelTmpl, i int) swiftField {
	typ := m.Props[i].Type
	opt := strings.HasSuffix(typ, "?")
	var sf swiftField
	// Synthesized Decodable: an optional property reads a missing key and a null as nil;
	// JSONValue reads null as .null.
	sf.decodesAbsent = opt
	sf.decodesNull = opt || strings.TrimSuffix(typ, "?") == "JSONValue"
	switch {
	case strings.HasPrefix(typ, "Nullable<"):
		sf.sendsAbsent, sf.sendsNull = true, true // nil, .null
	case opt && m.Encode != nil && !strings.Contains(m.Encode[i], "encodeIfPresent"):
		sf.sendsNull = true // nil as an explicit null
	case opt:
		sf.sendsAbsent = true // synthesized: nil leaves the key out
	}
	return sf
}

// kernelField is what the contract kernel (bb serve --validate, the ejected server,
// bb verify) accepts for one key of an object, asked by checking documents.
func kernelField(s *contract.Schema, key string) (absentOK, nullOK bool) {
	at := contract.KeyPath("$", key)
	fits := func(doc map[string]any) bool {
		for _, p := range s.CheckStrict(doc, "$").Errors() {
			if p.Path == at {
				return false
			}
		}
		return true
	}
	return fits(map[string]any{}), fits(map[string]any{key: nil})
}

// TestPresenceAgreesWithKernel checks, for every field of every model of every golden
// case, the one rule of presence and null that the generator and the kernel share:
// what the kernel lets a server send, the model decodes; what the model can send, the
// kernel accepts; and a key the kernel requires non-null is a non-optional property.
func TestPresenceAgreesWithKernel(t *testing.T) {
	fields := 0
	for _, c := range goldenCases(t) {
		s, err := spec.Load(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		names := PackageNames(s, Options{})
		ts, err := spec.InferTypes(s, spec.InferOptions{Reserved: append([]string{names.Module, names.Client, names.Error}, swiftTypeNames...), Answers: true})
		if err != nil {
			t.Fatal(err)
		}
		g := &generator{spec: s, types: ts, names: names, objectNames: map[string]bool{}}
		for _, o := range ts.Objects {
			g.objectNames[o.Name] = true
		}
		for _, o := range ts.Objects {
			m := g.modelData(o)
			schema := (&spec.Type{Kind: spec.TypeObject, Object: o}).Schema()
			for i, f := range o.Fields {
				fields++
				sf := swiftFieldOf(m, i)
				absentOK, nullOK := kernelField(schema, f.Key)
				where := c.name + ": " + o.Name + "." + f.Key + " (" + m.Props[i].Type + ")"
				if absentOK && !sf.decodesAbsent {
					t.Errorf("%s: the kernel accepts the key missing, the model fails to decode it", where)
				}
				if nullOK && !sf.decodesNull {
					t.Errorf("%s: the kernel accepts null, the model fails to decode it", where)
				}
				if sf.sendsAbsent && !absentOK {
					t.Errorf("%s: the model can leave the key out, the kernel requires it", where)
				}
				if sf.sendsNull && !nullOK {
					t.Errorf("%s: the model can send null, the kernel refuses it", where)
				}
				if !absentOK && !nullOK && strings.HasSuffix(m.Props[i].Type, "?") {
					t.Errorf("%s: the kernel requires a value, yet the property is optional", where)
				}
			}
		}
	}
	if fields < 100 {
		t.Fatalf("checked only %d fields; the golden cases should hold more", fields)
	}
}
