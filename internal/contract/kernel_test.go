package contract

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		in      string
		want    any
		wantErr string
	}{
		{`{"a":1,"b":[true,null,"x"]}`, map[string]any{"a": json.Number("1"), "b": []any{true, nil, "x"}}, ""},
		{` 1e2 `, json.Number("1e2"), ""},
		{`{"a":1,"a":2}`, nil, "body.a: the key appears twice"},
		{`{"x":{"title":1,"title":2}}`, nil, "body.x.title: the key appears twice"},
		{`[{"k":1},{"k":1,"k":1}]`, nil, "body[1].k: the key appears twice"},
		{`{"Title":1,"title":2}`, map[string]any{"Title": json.Number("1"), "title": json.Number("2")}, ""},
		{`{"a":1} {}`, nil, "more data after the JSON value"},
		{`{"a":1}}`, nil, "more data after the JSON value"},
		{`{"a":`, nil, "unexpected end of JSON input"},
		{``, nil, "unexpected end of JSON input"},
		{`{"a" 1}`, nil, "invalid character"},
		{strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), nil, "nests deeper than"},
	}
	for _, tt := range tests {
		got, err := Decode([]byte(tt.in), "body")
		if tt.wantErr != "" {
			var se *SyntaxError
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &se) {
				t.Errorf("Decode(%.40q) = %v, %v; want a SyntaxError with %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Decode(%.40q) = %#v, %v; want %#v", tt.in, got, err, tt.want)
		}
	}
}

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{`{"a":1,"b":[1,2]}`, `{"b":[1.0,2e0],"a":10e-1}`, true},
		{`{"a":1}`, `{"a":1,"b":null}`, false},
		{`[1,2]`, `[2,1]`, false},
		{`null`, `null`, true},
		{`null`, `0`, false},
		{`"1"`, `1`, false},
		{`true`, `"true"`, false},
		{`{"n":0}`, `{"n":0e2000000000000}`, true},
	}
	for _, tt := range tests {
		a, _ := Decode([]byte(tt.a), "a")
		b, _ := Decode([]byte(tt.b), "b")
		if got := Equal(a, b); got != tt.want {
			t.Errorf("Equal(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Equal(b, a); got != tt.want {
			t.Errorf("Equal(%s, %s) = %v, want %v (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
	if !Equal(json.Number("2"), 2.0) || Equal(json.Number("2"), 3.0) {
		t.Error("Equal must read float64 as encoding/json without UseNumber gives them")
	}
}

func TestTextEqual(t *testing.T) {
	tests := []struct {
		want any
		text string
		ok   bool
	}{
		{json.Number("2"), "2", true},
		{json.Number("2"), "2.0", true},
		{json.Number("2"), "20e-1", true},
		{json.Number("2"), "02", false},
		{json.Number("2"), "+2", false},
		{json.Number("2"), "0x2", false},
		{json.Number("2"), " 2", false},
		{"larry", "larry", true},
		{"larry", "Larry", false},
		{true, "true", true},
		{true, "1", false},
		{nil, "null", true},
	}
	for _, tt := range tests {
		if got := TextEqual(tt.want, tt.text); got != tt.ok {
			t.Errorf("TextEqual(%#v, %q) = %v, want %v", tt.want, tt.text, got, tt.ok)
		}
	}
}

func TestBodyPath(t *testing.T) {
	doc, _ := Decode([]byte(`{"items":[{"id":1},{"id":2,"tags":["a","b"]}],"0":"zero","m":{"":5}}`), "body")
	tests := []struct {
		path  string
		want  any
		found bool
	}{
		{"items[1].id", json.Number("2"), true},
		{"items.1.id", json.Number("2"), true},
		{"items[1].tags[1]", "b", true},
		{"items.1.tags.1", "b", true},
		{"items[2]", nil, false},
		{"0", "zero", true},
		{"m[0]", nil, false}, // [n] asks for an array item, never a key
		{"items.id", nil, false},
	}
	for _, tt := range tests {
		steps, err := ParseBodyPath(tt.path)
		if err != nil {
			t.Fatalf("ParseBodyPath(%q): %v", tt.path, err)
		}
		got, found := Walk(doc, steps)
		if found != tt.found || found && !Equal(got, tt.want) {
			t.Errorf("Walk(%s) = %v, %v; want %v, %v", tt.path, got, found, tt.want, tt.found)
		}
	}
	for _, bad := range []string{"", "a..b", "a[x]", "a]", "[1]x", "a[99999999999999999999]"} {
		if _, err := ParseBodyPath(bad); err == nil {
			t.Errorf("ParseBodyPath(%q) accepted", bad)
		}
	}
}

// order is a request type as bb infers it from
// {item: kettle, qty: 2, coupon: null, lines: [{sku: a, n: 1}], at: "2026-01-01T00:00:00Z"}.
var order = &Schema{Kind: KindObject, Name: "Order", Fields: []Field{
	{Key: "item", Required: true, Schema: &Schema{Kind: KindString}},
	{Key: "qty", Required: true, Schema: &Schema{Kind: KindInt}},
	{Key: "coupon", Schema: &Schema{Kind: KindAny, Nullable: true}},
	{Key: "size", Schema: &Schema{Kind: KindString, Nullable: true, Enum: []string{"S", "M"}}},
	{Key: "lines", Required: true, Schema: &Schema{Kind: KindArray, Elem: &Schema{Kind: KindObject, Name: "Line", Fields: []Field{
		{Key: "sku", Required: true, Schema: &Schema{Kind: KindString}},
		{Key: "n", Required: true, Schema: &Schema{Kind: KindNumber}},
	}}}},
	{Key: "at", Required: true, Schema: &Schema{Kind: KindDateTime}},
	{Key: "extra", Schema: &Schema{Kind: KindMap, Nullable: true, Elem: &Schema{Kind: KindInt}}},
}}

func TestCheck(t *testing.T) {
	const ok = `{"item":"kettle","qty":2,"lines":[{"sku":"a","n":1.5}],"at":"2026-01-01T00:00:00Z"}`
	tests := []struct {
		body   string
		strict []string // CheckStrict's problems, errors first
		loose  []string // Check's errors (warnings left out)
	}{
		{ok, nil, nil},
		{`{"item":"kettle","qty":2.0,"coupon":null,"size":null,"lines":[],"at":"2026-01-01t00:00:00z"}`, nil, nil},
		{`{"item":"kettle","qty":3e0,"coupon":{"any":["thing"]},"size":"S","lines":[],"at":"2026-01-01T00:00:00Z","extra":{"a":1}}`, nil, nil},
		{`{"qty":"2","lines":[{"sku":5}],"at":"yesterday"}`, []string{
			`body.item: expected string, got no such key`,
			`body.qty: expected integer, got string "2"`,
			`body.lines[0].sku: expected string, got number 5`,
			`body.lines[0].n: expected number, got no such key`,
			`body.at: expected date-time string (RFC 3339, e.g. 2026-01-02T15:04:05Z), got string "yesterday"`,
		}, []string{
			`body.item: expected string, got no such key`,
			`body.qty: expected integer, got string "2"`,
			`body.lines[0].sku: expected string, got number 5`,
			`body.lines[0].n: expected number, got no such key`,
			`body.at: expected date-time string (RFC 3339, e.g. 2026-01-02T15:04:05Z), got string "yesterday"`,
		}},
		{`{"item":null,"qty":1.5,"lines":null,"at":"2026-01-01T00:00:00Z","size":"XL"}`, []string{
			`body.item: expected string, got null`,
			`body.qty: expected integer, got number 1.5`,
			`body.size: expected one of "S", "M", got string "XL"`,
			`body.lines: expected array, got null`,
		}, nil},
		{`{"item":"k","qty":9223372036854775808,"lines":[{"sku":"a","n":1e400}],"at":"2026-01-01T00:00:00Z"}`, []string{
			`body.qty: expected integer, got number 9223372036854775808`,
			`body.lines[0].n: expected a number a float64 can hold, got number 1e400`,
		}, nil},
		{`{"Item":"kettle","item":"k","qty":2,"lines":[],"at":"2026-01-01T00:00:00Z","x":1}`, []string{
			`body.Item: unexpected key, not in the spec (got string "kettle"); keys are case-sensitive: did you mean "item"?`,
			`body.x: unexpected key, not in the spec (got number 1)`,
		}, nil},
		{`[]`, []string{`body: expected object, got array of 0`}, nil},
	}
	for _, tt := range tests {
		doc, err := Decode([]byte(tt.body), "body")
		if err != nil {
			t.Fatal(err)
		}
		if got := lines(order.CheckStrict(doc, "body").Errors()); !reflect.DeepEqual(got, tt.strict) {
			t.Errorf("CheckStrict(%s):\n got %q\nwant %q", tt.body, got, tt.strict)
		}
		want := tt.loose
		if want == nil {
			want = withoutUnexpected(tt.strict)
		}
		if got := lines(order.Check(doc, "body").Errors()); !reflect.DeepEqual(got, want) {
			t.Errorf("Check(%s):\n got %q\nwant %q", tt.body, got, want)
		}
	}
	open := *order
	open.Open = true
	doc, _ := Decode([]byte(`{"item":"kettle","qty":2,"lines":[],"at":"2026-01-01T00:00:00Z","x":1}`), "body")
	if ps := open.CheckStrict(doc, "body"); len(ps.Errors()) != 0 || len(ps) != 1 {
		t.Errorf("an open object must only warn of a key it does not list: %v", ps)
	}
}

func lines(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func withoutUnexpected(ls []string) []string {
	var out []string
	for _, l := range ls {
		if !strings.Contains(l, "unexpected key") {
			out = append(out, l)
		}
	}
	return out
}

func TestCanonical(t *testing.T) {
	doc, err := Decode([]byte(`{"Item":"x","item":"kettle","qty":2.0e0,"lines":[{"sku":"a","n":1.50,"z":1},{"sku":"b","n":-0.0}],"at":"2026-01-01t00:00:00z","coupon":{"b":1,"a":[1.0]},"extra":{"k":3.0}}`), "body")
	if err != nil {
		t.Fatal(err)
	}
	got := string(order.Canonical(doc))
	want := `{"at":"2026-01-01T00:00:00Z","coupon":{"a":[1.0],"b":1},"extra":{"k":3},"item":"kettle","lines":[{"n":1.50,"sku":"a"},{"n":0,"sku":"b"}],"qty":2}`
	if got != want {
		t.Errorf("Canonical:\n got %s\nwant %s", got, want)
	}
	var typed struct {
		Item  string
		Qty   int64
		At    time.Time
		Lines []struct{ N float64 }
	}
	if err := json.Unmarshal([]byte(got), &typed); err != nil || typed.Item != "kettle" || typed.Qty != 2 || typed.At.Year() != 2026 || typed.Lines[0].N != 1.5 {
		t.Errorf("the canonical form does not decode into Go types as checked: %+v, %v", typed, err)
	}
}

func TestCheckRequest(t *testing.T) {
	op := &Operation{Name: "getOrder", Params: []Param{
		{In: SourcePath, Name: "id", Kind: KindInt},
		{In: SourceQuery, Name: "expand", Kind: KindBool},
		{In: SourceQuery, Name: "ids", Kind: KindInt, List: true},
		{In: SourceQuery, Name: "since", Kind: KindDateTime},
		{In: SourceQuery, Name: "q", Kind: KindString},
	}, Body: order}
	const body = `{"item":"kettle","qty":2,"lines":[],"at":"2026-01-01T00:00:00Z"}`
	tests := []struct {
		id, query, body string
		want            []string
	}{
		{"1", "expand=true&ids=1&ids=2&since=2026-01-01T00:00:00Z&q=x", body, nil},
		{"1.0", "expand=false&ids=2e0", body, nil},
		{"abc", "", body, []string{`path.id: expected integer, got "abc"`}},
		{"01", "", body, []string{`path.id: expected integer, got "01"`}},
		{"1", "expand=1", body, []string{`query.expand: expected boolean, got "1"`}},
		{"1", "expand=true&expand=yes", body, nil}, // one value is read; the first is checked
		{"1", "ids=1&ids=x", body, []string{`query.ids: expected integer, got "x"`}},
		{"1", "since=2026", body, []string{`query.since: expected date-time string, got "2026"`}},
		{"1", "", "", []string{`body: expected a JSON object, got an empty body`}},
		{"1", "", `{"item":`, []string{`body: not valid JSON: unexpected end of JSON input`}},
		{"1", "", `{"item":"a","item":"b"}`, []string{`body.item: the key appears twice`}},
		{"1", "", `{"qty":2}`, []string{`body.item: expected string, got no such key`, `body.lines: expected array, got no such key`, `body.at: expected date-time string, got no such key`}},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("POST", "/orders/x?"+tt.query, strings.NewReader(tt.body))
		rq := NewRequest(r, []byte(tt.body))
		rq.PathValue = func(string) string { return tt.id }
		got := lines(op.CheckRequest(rq))
		for i := range got {
			got[i] = strings.Replace(got[i], " (RFC 3339, e.g. 2026-01-02T15:04:05Z)", "", 1)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("id=%s ?%s %s:\n got %q\nwant %q", tt.id, tt.query, tt.body, got, tt.want)
		}
	}
}

func TestStub(t *testing.T) {
	s := &Stub{Endpoint: "getMessages",
		When: [][]Condition{
			{{Key: "body.user", Source: SourceBody, Name: "user", Steps: []Step{{Key: "user", Index: -1}}, Want: "larry"}},
			{{Key: "query.page", Source: SourceQuery, Name: "page", Want: json.Number("2")}},
		},
		Answers: []*Answer{
			NewAnswer(200, "application/json", []byte(`{"ok":true}`), [][2]string{{"content-type", "application/problem+json"}, {"X-Tag", "a"}, {"x-tag", "b"}}, 0),
			NewAnswer(202, "", nil, nil, 0),
		}}
	if got := s.Answers[0].Header; !reflect.DeepEqual(got, http.Header{"Content-Type": {"application/problem+json"}, "X-Tag": {"a", "b"}}) {
		t.Errorf("headers: %v; want the spec's Content-Type alone, and both X-Tag values", got)
	}
	ask := func(body, query string) (*Answer, *HTTPError) {
		rq := &Request{Body: []byte(body)}
		rq.Query, _ = url.ParseQuery(query)
		p, herr := s.Answer(rq, nil)
		return p.Answer, herr
	}
	if a, _ := ask(`{"user":"larry"}`, ""); a != s.Answers[0] {
		t.Error("larry must get answer 1")
	}
	if a, _ := ask(`{"user":"bob"}`, "page=2.0"); a != s.Answers[1] {
		t.Error("page 2.0 must get answer 2")
	}
	if _, herr := ask(`{"user":"bob"}`, "page=3"); herr == nil || herr.Status != 404 || len(herr.Unmatched) != 2 {
		t.Errorf("no match: %+v", herr)
	}
	if _, herr := ask(`{"user":`, ""); herr == nil || herr.Status != 400 {
		t.Errorf("a body condition on broken JSON: %+v", herr)
	}
	rec := httptest.NewRecorder()
	p, _ := s.Answer(&Request{Body: []byte(`{"user":"larry"}`)}, nil)
	p.Write(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 200 || rec.Body.String() != `{"ok":true}` || len(rec.Header()["Content-Type"]) != 1 {
		t.Errorf("Write: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
}

func TestReadBody(t *testing.T) {
	rec := httptest.NewRecorder()
	r := httptest.NewRequest("POST", "/", strings.NewReader(strings.Repeat("x", 11)))
	if _, herr := ReadBody(rec, r, 10); herr == nil || herr.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("an 11-byte body over a 10-byte limit: %+v", herr)
	}
	r = httptest.NewRequest("POST", "/", strings.NewReader("0123456789"))
	r.ContentLength = -1 // chunked: only reading finds the size
	if body, herr := ReadBody(rec, r, 10); herr != nil || string(body) != "0123456789" {
		t.Errorf("a body at the limit: %q, %+v", body, herr)
	}
	rec = httptest.NewRecorder()
	WriteError(rec, BadRequest(Problems{{Path: "body.x", Msg: "bad"}}))
	if rec.Code != 400 || rec.Body.String() != `{"error":"body.x: bad","problems":[{"path":"body.x","message":"bad"}]}`+"\n" {
		t.Errorf("WriteError: %d %s", rec.Code, rec.Body)
	}
}

func BenchmarkDecodeDeep(b *testing.B) {
	deep := []byte(strings.Repeat(`{"a":[`, MaxDepth/2-1) + "1" + strings.Repeat("]}", MaxDepth/2-1))
	for b.Loop() {
		if _, err := Decode(deep, "body"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	e := &HTTPError{Status: 422, Msg: "body.qty: bad", Problems: Problems{{Path: "body.qty", Msg: "bad"}}, Extra: []Member{{"hint", "x"}, {"detail", "ignored"}}}
	for _, tt := range []struct {
		f           ErrorFormat
		ctype, body string
	}{
		{ErrorFormat{}, "application/json", `{"error":"body.qty: bad","problems":[{"path":"body.qty","message":"bad"}],"hint":"x","detail":"ignored"}`},
		{ErrorFormat{Key: "message"}, "application/json", `{"message":"body.qty: bad","problems":[{"path":"body.qty","message":"bad"}],"hint":"x","detail":"ignored"}`},
		{ErrorFormat{Problem: true}, "application/problem+json", `{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"body.qty: bad","problems":[{"path":"body.qty","message":"bad"}],"hint":"x"}`},
	} {
		rec := httptest.NewRecorder()
		tt.f.Write(rec, e)
		if rec.Code != 422 || rec.Header().Get("Content-Type") != tt.ctype || strings.TrimSpace(rec.Body.String()) != tt.body {
			t.Errorf("%+v: %d %s\n%s\nwant %s", tt.f, rec.Code, rec.Header().Get("Content-Type"), rec.Body, tt.body)
		}
	}
}

// TestDeepErrorIsCheap: an error deep in a large document spells a bounded path in
// linear time (it once rebuilt the path per level: seconds for 1 MB).
func TestDeepErrorIsCheap(t *testing.T) {
	key := strings.Repeat("k ", 49) // needs quoting in a path
	doc := strings.Repeat(`{"`+key+`":`, 9000) + `{"a":1,"a":2}` + strings.Repeat("}", 9000)
	_, err := Decode([]byte(doc), "body")
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "appears twice") || len(se.Path) > 300 || !strings.HasSuffix(se.Path, ".a") {
		t.Fatalf("got %v", err)
	}
}
