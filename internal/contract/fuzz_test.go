package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzDecode: Decode never panics; what it accepts, encoding/json accepts too and reads
// the same (Decode only refuses more: repeated keys); and it accepts everything
// encoding/json does that has no repeated key.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `[1,2.5e3,"x",null,true]`, `{"a":1,"a":2}`, `{"a":{"b":[{"c":1},{"c":1,"c":2}]}}`,
		`1 2`, `"\u00e9"`, `{"":0}`, `[[[[]]]]`, `{"a":1}x`, ``, `-0.0e-0`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode(data, "body")
		var std any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		stdErr := dec.Decode(&std)
		if stdErr == nil && dec.More() {
			stdErr = json.Unmarshal(data, &std) // trailing data: encoding/json refuses it too
		}
		switch {
		case err == nil && stdErr != nil:
			t.Fatalf("Decode accepts %q, encoding/json does not: %v", data, stdErr)
		case err == nil && !Equal(doc, std):
			t.Fatalf("Decode reads %q as %v, encoding/json as %v", data, doc, std)
		case err != nil && stdErr == nil && !strings.Contains(err.Error(), "appears twice") && !strings.Contains(err.Error(), "more data") && !strings.Contains(err.Error(), "nests deeper"):
			t.Fatalf("Decode refuses %q (%v), encoding/json accepts it", data, err)
		}
	})
}

// FuzzDecodeFast: the one-pass reader gives exactly what the tokenizer gives, or gives
// up; and it gives up on nothing plain.
func FuzzDecodeFast(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `[1,2.5e3,"x",null,true,false]`, `{"a":1,"a":2}`, `{"a":{"b":[{"c":1},{"c":-0.5E+3}]}}`,
		`1 2`, `"\u00e9\n\"x"`, `"é\xff"`, `{"":0}`, `[[[[]]]]`, `{"a":1}x`, ``, `-0.0e-0`, ` {} `, `[1,]`, `01`, `"a\\"`, "\"\x01\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := decodeFast(data)
		slow, err := decodeTokens(data, "body")
		switch {
		case ok && err != nil:
			t.Fatalf("decodeFast reads %q, the tokenizer refuses it: %v", data, err)
		case ok && !reflect.DeepEqual(fast, slow):
			t.Fatalf("decodeFast reads %q as %#v, the tokenizer as %#v", data, fast, slow)
		}
	})
}

// TestDecodeFastReadsPlainJSON: the one-pass reader does not give up on the documents
// servers get every day, so they are read once.
func TestDecodeFastReadsPlainJSON(t *testing.T) {
	for _, s := range []string{`{"user":"larry"}`, ` [1, -2.5e-3, "x", null, true, false, {}, []] `, `{"name":"Zoë 🔥","tags":["a","b"],"n":{"x":0}}`, `"tab\there \u00e9"`} {
		if _, ok := decodeFast([]byte(s)); !ok {
			t.Errorf("decodeFast gave up on %s", s)
		}
	}
}

// FuzzAppendString: the strings Canonical writes read back as themselves, and as
// encoding/json writes them.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "larry", `a"b\c`, "tab\there\n\r\x01\x1f", "Zoë 🔥", "\xff", "<&>\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got, want string
		if err := json.Unmarshal(appendString(nil, s), &got); err != nil {
			t.Fatalf("appendString(%q) is not a JSON string: %s", s, appendString(nil, s))
		}
		std, _ := json.Marshal(s)
		json.Unmarshal(std, &want)
		if got != want {
			t.Fatalf("appendString(%q) reads back as %q, encoding/json's as %q", s, got, want)
		}
	})
}

// FuzzNumberEqual: two JSON numbers are equal exactly when big.Rat says they are (for
// exponents big.Rat can hold), and NumberEqual never panics or slows down on any text.
func FuzzNumberEqual(f *testing.F) {
	for _, p := range [][2]string{{"1", "1.0"}, {"100", "1e2"}, {"0", "-0e9"}, {"0.1", "1e-1"}, {"2", "02"}, {"1e999999999999", "1e999999999999"}, {"1", "+1"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		got := NumberEqual(a, b)
		if len(a) > 40 || len(b) > 40 || !isJSONNumber(a) || !isJSONNumber(b) || strings.ContainsAny(a+b, "eE") && (bigExp(a) || bigExp(b)) {
			return
		}
		x, _ := new(big.Rat).SetString(a)
		y, _ := new(big.Rat).SetString(b)
		if want := x.Cmp(y) == 0; got != want {
			t.Fatalf("NumberEqual(%s, %s) = %v; big.Rat says %v", a, b, got, want)
		}
	})
}

func isJSONNumber(s string) bool {
	var n json.Number
	return json.Unmarshal([]byte(s), &n) == nil && !strings.ContainsAny(s, " \t\n\r\"")
}

func bigExp(s string) bool {
	i := strings.IndexAny(s, "eE")
	exp := strings.TrimLeft(s[i+1:], "+-")
	return len(exp) > 3
}

// FuzzCheckRequest: checking any body against a request schema never panics, and a body
// that passes has a canonical form that decodes and passes again, reading the same.
func FuzzCheckRequest(f *testing.F) {
	for _, s := range []string{`{"item":"kettle","qty":2,"lines":[],"at":"2026-01-01T00:00:00Z"}`,
		`{"item":"k","qty":2.0,"coupon":null,"size":"S","lines":[{"sku":"a","n":1e2}],"at":"2026-01-01t00:00:00z","extra":{"a":1}}`,
		`{"Item":"x"}`, `[]`, `null`, `{"qty":1e400}`} {
		f.Add([]byte(s))
	}
	op := &Operation{Name: "place", Body: order}
	f.Fuzz(func(t *testing.T, body []byte) {
		rq := &Request{Body: body}
		if ps := op.CheckRequest(rq); len(ps) > 0 {
			for _, p := range ps {
				if p.Path == "" || p.Msg == "" || p.Warning {
					t.Fatalf("a problem must say where and what, and be an error: %+v", p)
				}
			}
			return
		}
		doc, _, _ := rq.JSON()
		canon := order.Canonical(doc)
		again, err := Decode(canon, "body")
		if err != nil {
			t.Fatalf("the canonical form of %q is not JSON: %s: %v", body, canon, err)
		}
		if ps := order.CheckStrict(again, "body").Errors(); len(ps) > 0 {
			t.Fatalf("the canonical form of %q does not fit: %v", body, ps)
		}
		if !bytes.Equal(order.Canonical(again), canon) {
			t.Fatalf("Canonical is not stable for %q", body)
		}
	})
}

// FuzzTemplate parses any text as a stub template and runs what parses on any body:
// neither may panic, a run stays within its output bound, and a body templated with it
// is still JSON.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{"{{ body.qty }}", "a {{ path.id }} b", `{{ now "unix" }}`, "{{ uuid }}", "{{ random 1 3 }}",
		`{{ body.items.0.sku | default "x" }}`, "{{ counter }}", `{{ printf "%05d" 3 }}`, "{{ header.X-User }}", "{{ query.page | int }}",
		"{{", "}}", "{{{{}}}}", `{{ "{{" }}`, "{{ body }}", "{{ len body.items }}", `{{ index body "a" }}`, "{{ slice \"abc\" 1 }}"} {
		f.Add(s, `{"qty":2,"items":[{"sku":"a"}],"a":"b"}`)
	}
	f.Fuzz(func(t *testing.T, src, body string) {
		tpl, err := ParseTemplate(src)
		if err != nil {
			return
		}
		rq := &Request{Body: []byte(body), Header: http.Header{"X-User": {"u"}}}
		v, err := tpl.Exec(rq, 1, time.Unix(0, 0), NewRand(1))
		if err != nil {
			return
		}
		if !tpl.Whole() {
			if s, ok := v.(string); !ok || len(s) > MaxTemplateOutput {
				t.Fatalf("%q gave %T of length %d", src, v, len(fmt.Sprint(v)))
			}
		}
		a := NewAnswer(200, "application/json", []byte(`{"v":`+strconv.Quote(src)+`}`), nil, 0)
		a.Templated = true
		s := &Stub{Endpoint: "x", When: [][]Condition{nil}, Answers: []*Answer{a}}
		p, _ := s.Answer(rq, nil)
		if _, out, err := p.Render(time.Unix(0, 0)); err == nil {
			if _, err := Decode(out, "body"); err != nil && !strings.Contains(err.Error(), "deeper") {
				t.Fatalf("%q rendered %q, not JSON: %v", src, out, err)
			}
		}
	})
}
