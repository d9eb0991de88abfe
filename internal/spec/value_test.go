package spec

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// decode reads JSON as the stub server does: with UseNumber, or into float64s.
func decode(t testing.TB, s string, useNumber bool) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	if useNumber {
		dec.UseNumber()
	}
	var x any
	if err := dec.Decode(&x); err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return x
}

func mustFromJSON(t testing.TB, s string) Value {
	t.Helper()
	v, err := FromJSON([]byte(s))
	if err != nil {
		t.Fatalf("FromJSON(%s): %v", s, err)
	}
	return v
}

func TestValueEqual(t *testing.T) {
	tests := []struct {
		value, other string
		want         bool
	}{
		{`1`, `1`, true},
		{`1`, `1.0`, true},
		{`1.0`, `1`, true},
		{`1000`, `1e3`, true},
		{`0.1`, `1e-1`, true},
		{`-0`, `0`, true},
		{`1`, `2`, false},
		{`1`, `"1"`, false},
		{`12345678901234567890`, `12345678901234567890`, true},
		{`12345678901234567890`, `12345678901234567891`, false}, // float64 cannot tell these apart; UseNumber can
		{`"a"`, `"a"`, true},
		{`"a"`, `"A"`, false},
		{`true`, `true`, true},
		{`true`, `false`, false},
		{`true`, `"true"`, false},
		{`null`, `null`, true},
		{`null`, `0`, false},
		{`null`, `{}`, false},
		{`{"a":1,"b":[1,2]}`, `{"b":[1,2.0],"a":1}`, true},
		{`{"a":1}`, `{"a":1,"b":2}`, false},
		{`{"a":1,"b":2}`, `{"a":1}`, false},
		{`{"a":1,"b":2}`, `{"a":1,"c":2}`, false},
		{`{}`, `{}`, true},
		{`{}`, `[]`, false},
		{`[1,2]`, `[1,2]`, true},
		{`[1,2]`, `[2,1]`, false},
		{`[1,2]`, `[1,2,3]`, false},
		{`[]`, `[]`, true},
		{`[{"x":[null]}]`, `[{"x":[null]}]`, true},
	}
	for _, tt := range tests {
		v := mustFromJSON(t, tt.value)
		for _, useNumber := range []bool{true, false} {
			if useNumber == false && tt.value == `12345678901234567890` {
				continue
			}
			if got := v.Equal(decode(t, tt.other, useNumber)); got != tt.want {
				t.Errorf("%s.Equal(%s) (UseNumber %v) = %v, want %v", tt.value, tt.other, useNumber, got, tt.want)
			}
		}
	}
	n := mustFromJSON(t, `2`)
	for _, x := range []any{json.Number("2"), json.Number("2.0"), float64(2)} {
		if !n.Equal(x) {
			t.Errorf("2.Equal(%#v) = false", x)
		}
	}
	if n.Equal(2) || n.Equal(json.Number("two")) {
		t.Errorf("2 equals a Go int or a bad json.Number")
	}
}

func TestFromJSON(t *testing.T) {
	v := mustFromJSON(t, ` {"z": 1, "a": {"y": [true, null, 1.50, "s"], "b": {}}, "m": []} `)
	if got, want := string(v.JSON()), `{"z":1,"a":{"y":[true,null,1.50,"s"],"b":{}},"m":[]}`; got != want {
		t.Errorf("JSON = %s, want %s (keys in order, numbers as written)", got, want)
	}
	var keys []string
	for _, f := range v.Fields {
		keys = append(keys, f.Key)
	}
	if strings.Join(keys, ",") != "z,a,m" {
		t.Errorf("keys = %v, want z,a,m", keys)
	}
	if got := mustFromJSON(t, `{"a":1,"b":2,"a":3}`); got.String() != `{"a":3,"b":2}` {
		t.Errorf("a repeated key = %s, want its first place and last value, as encoding/json reads it", got.String())
	}
	if got := mustFromJSON(t, `"<a & b>"`); got.String() != `"<a & b>"` {
		t.Errorf("HTML characters escaped: %s", got.String())
	}
	if got := mustFromJSON(t, `"\u00e9\n"`); got.Str != "é\n" || got.String() != `"é\n"` {
		t.Errorf("string = %q as %s", got.Str, got.String())
	}
	for _, bad := range []string{``, ` `, `{`, `[1,]`, `{"a" 1}`, `1 2`, `{} {}`, `1 }`, `[1]]`, `{"a":1}}`, `nul`, `'a'`,
		strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1)} {
		if _, err := FromJSON([]byte(bad)); err == nil {
			name := bad
			if len(name) > 20 {
				name = name[:20] + "…"
			}
			t.Errorf("FromJSON(%s) accepted invalid or too deep JSON", name)
		}
	}
	deep := strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth) // as deep as encoding/json goes
	if v := mustFromJSON(t, deep); !bytes.Equal(v.JSON(), []byte(deep)) {
		t.Errorf("deep arrays do not round trip")
	}
}

func TestValueText(t *testing.T) {
	for in, want := range map[string]string{`"a b"`: "a b", `2`: "2", `true`: "true", `null`: "null", `[1]`: "[1]"} {
		v := mustFromJSON(t, in)
		if got := v.Text(); got != want {
			t.Errorf("Text of %s = %q, want %q", in, got, want)
		}
	}
	type wrap struct{ V Value }
	b, err := json.Marshal(wrap{mustFromJSON(t, `{"b":1,"a":2}`)})
	if err != nil || string(b) != `{"V":{"b":1,"a":2}}` {
		t.Errorf("json.Marshal = %s, %v", b, err)
	}
	for k, name := range map[Kind]string{Null: "null", Bool: "boolean", Number: "number", String: "string", Array: "array", Object: "object"} {
		if k.String() != name {
			t.Errorf("Kind %d = %s, want %s", k, k, name)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"status", "status", 0},
		{"stauts", "status", 1}, // a swap of neighbours counts one
		{"mehtod", "method", 1},
		{"GTE", "GET", 1},
		{"ab", "ba", 1},
		{"abc", "ca", 3},
		{"kitten", "sitting", 3},
		{"respones", "responses", 1},
		{"bodyfile", "bodyFile", 1},
		{"héllo", "hello", 1}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

// TestDistanceLongInput guards against the swap rule turning exponential: a request path
// full of neighbour swaps reaches Distance through the stub server's 404 page.
func TestDistanceLongInput(t *testing.T) {
	a := strings.Repeat("ab", 2000)
	b := strings.Repeat("ba", 2000)
	if got := Distance(a, b); got != 2 {
		t.Errorf("Distance = %d, want 2 (drop the first a, add one at the end)", got)
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"when", "status", "headers", "body", "bodyFile", "schema", "delay"}
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"stauts", keys, "status"},
		{"bodyfile", keys, "bodyFile"},
		{"header", keys, "headers"},
		{"wen", keys, "when"},
		{"delya", keys, "delay"},
		{"color", keys, ""},
		{"GTE", methods, "GET"},
		{"PSOT", methods, "POST"},
		{"SUBSCRIBE", methods, ""},
		{"x", []string{"y"}, ""}, // one letter off a one-letter word is no suggestion
		{"bdy", []string{"body", "query", "header", "path"}, "body"},
		{"anything", nil, ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, tt.candidates); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestErrorListFormat(t *testing.T) {
	l := ErrorList{
		{File: "bb.yaml", Pos: Pos{Line: 3, Col: 5}, Msg: "second"},
		{File: "bb.yaml", Msg: "no position"},
	}
	if got, want := l.Error(), "bb.yaml:3:5: second\nbb.yaml: no position"; got != want {
		t.Errorf("ErrorList.Error() = %q, want %q", got, want)
	}
}

// FuzzJSONString: a string written into a body's JSON is what encoding/json writes for
// it, with HTML escaping off.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `q"b\`, "\b\f\n\r\t\x00\x1f\x7f", "é\u2028\u2029😀", "\xff\xfe bad", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		writeJSONString(&got, s)
		if got.String() != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("%q: wrote %s, encoding/json writes %s", s, got.String(), want.String())
		}
	})
}
