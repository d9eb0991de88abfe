package contract

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func templateRequest(t *testing.T) *Request {
	t.Helper()
	rq := &Request{
		Body:      []byte(`{"qty": 3, "items": [{"sku": "a-1", "qty": 2.5}], "user": {"name": "Larry"}, "note": "x\"y"}`),
		Header:    http.Header{"X-User": {"larry"}},
		PathValue: func(name string) string { return map[string]string{"id": "42"}[name] },
	}
	rq.Query, _ = url.ParseQuery("page=2&tag=a&tag=b")
	return rq
}

func TestTemplateExec(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC)
	tests := []struct {
		src  string
		want any // a whole template's value, or the text
	}{
		{"{{ body.qty }}", json.Number("3")},
		{"{{body.qty}}", json.Number("3")},
		{`{{ body "items.0.qty" }}`, json.Number("2.5")},
		{"{{ body.items[0].sku }}", "a-1"},
		{"{{ body.items.0.sku }}", "a-1"},
		{"{{ body.user }}", map[string]any{"name": "Larry"}},
		{"{{ body.missing }}", nil},
		{"{{ path.id }}", "42"},
		{"{{ query.page }}", "2"},
		{"{{ query.page | int }}", int64(2)},
		{"{{ query.tag }}", "a"},
		{"{{ header.X-User }}", "larry"},
		{`{{ header "x-user" }}`, "larry"},
		{"{{ counter }}", int64(7)},
		{"{{ now }}", "2026-12-02T10:30:00Z"},
		{`{{ now "unix" }}`, int64(1796207400)},
		{`{{ now "date" }}`, "2026-12-02"},
		{`{{ now "15:04" }}`, "10:30"},
		{`{{ body.nick | default "anon" }}`, "anon"},
		{`{{ body.user.name | default "anon" }}`, "Larry"},
		{"hello {{ body.user.name }}, you are #{{ counter }}", "hello Larry, you are #7"},
		{"{{ body.qty }} of {{ body.items.0.sku }}", "3 of a-1"},
		{"user {{ body.user }}", `user {"name":"Larry"}`},
		{"nothing: [{{ body.missing }}]", "nothing: []"},
		{`{{ "body.qty" }}`, "body.qty"}, // quoted text stays text
		{`{{ printf "%03d" 7 }}`, "007"},
		{"{{/* a comment */}}", ""},
		{"{{ len body.items }}", 1},
	}
	rnd := NewRand(1)
	for _, tt := range tests {
		tpl, err := ParseTemplate(tt.src)
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		got, err := tpl.Exec(templateRequest(t), 7, now, rnd)
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(tt.want)
		if string(gj) != string(wj) {
			t.Errorf("%s = %s, want %s", tt.src, gj, wj)
		}
	}
}

func TestTemplateRandom(t *testing.T) {
	tpl, _ := ParseTemplate("{{ uuid }}")
	a, _ := tpl.Exec(nil, 1, time.Now(), NewRand(5))
	b, _ := tpl.Exec(nil, 1, time.Now(), NewRand(5))
	c, _ := tpl.Exec(nil, 1, time.Now(), NewRand(6))
	if a != b || a == c {
		t.Errorf("uuid must follow the seed: %v %v %v", a, b, c)
	}
	if s := a.(string); len(s) != 36 || s[14] != '4' || !strings.Contains("89ab", s[19:20]) {
		t.Errorf("uuid %s is not a version 4 UUID", s)
	}
	r, _ := ParseTemplate("{{ random 3 5 }}")
	seen := map[any]bool{}
	rnd := NewRand(9)
	for range 200 {
		v, err := r.Exec(nil, 1, time.Now(), rnd)
		if err != nil {
			t.Fatal(err)
		}
		seen[v] = true
	}
	if len(seen) != 3 || !seen[3] || !seen[5] {
		t.Errorf("random 3 5 gave %v; want each of 3, 4 and 5", seen)
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"{{ body.qty", "unclosed action"},
		{"{{ env \"HOME\" }}", `function "env" not defined`},
		{"{{ readFile \"/etc/passwd\" }}", `function "readFile" not defined`},
		{"{{ range body.items }}x{{ end }}", "range is not available"},
		{"{{ if body.qty }}x{{ end }}", "if is not available"},
		{"{{ $x := 1 }}", "variables"},
		{`{{ define "x" }}y{{ end }}`, "not available"},
		{`{{ template "x" }}`, "template is not available"},
	}
	for _, tt := range tests {
		_, err := ParseTemplate(tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error with %q", tt.src, err, tt.want)
		}
	}
	// Errors only a run finds: a checker runs each template once on an empty request.
	for _, tt := range []struct{ src, want string }{
		{"{{ random 5 1 }}", "low end is above"},
		{`{{ body "a..b" }}`, "not a valid step"},
		{`{{ call "x" }}`, "call is not available"},
		{`{{ printf "%999999999d" 1 }}`, "widths"},
		{`{{ printf "%*d" 99999999 1 }}`, "widths"},
		{`{{ now "a" "b" }}`, "at most one"},
	} {
		tpl, err := ParseTemplate(tt.src)
		if err == nil {
			_, err = tpl.Exec(&Request{}, 1, time.Now(), NewRand(1))
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error with %q", tt.src, err, tt.want)
		}
	}
}

func TestTemplateValue(t *testing.T) {
	tests := []struct{ src, fn, arg string }{
		{"{{ body.qty }}", "body", "qty"},
		{"{{ body.nick | default \"anon\" }}", "body", "nick"},
		{"{{ counter }}", "counter", ""},
		{"{{ now \"unix\" }}", "now", "unix"},
		{"{{ query.page | int }}", "int", ""},
		{"a {{ counter }}", "", ""},
		{"{{ 3 }}", "int", "3"},
	}
	for _, tt := range tests {
		tpl, err := ParseTemplate(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		if fn, arg := tpl.Value(); fn != tt.fn || arg != tt.arg {
			t.Errorf("%s: Value() = %q, %q; want %q, %q", tt.src, fn, arg, tt.fn, tt.arg)
		}
	}
}

func TestTemplatedAnswer(t *testing.T) {
	a := NewAnswer(201, "application/json",
		[]byte(`{"id":"{{ path.id }}","qty":"{{ body.qty }}","tags":["{{ query.tag }}","x"],"{{ key }}":1,"n":"{{ counter }}","msg":"{{ body.note }}!"}`),
		[][2]string{{"Location", "/orders/{{ path.id }}"}, {"X-Static", "{not a template}"}}, 0)
	a.Templated = true
	if err := a.Compile(); err != nil {
		t.Fatal(err)
	}
	s := &Stub{Endpoint: "createOrder", When: [][]Condition{nil}, Answers: []*Answer{a}}
	s.Answer(&Request{}, nil)
	p, herr := s.Answer(templateRequest(t), nil)
	if herr != nil {
		t.Fatal(herr)
	}
	h, body, err := p.Render(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"42","qty":3,"tags":["a","x"],"{{ key }}":1,"n":2,"msg":"x\"y!"}`
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
	if h.Get("Location") != "/orders/42" || h.Get("X-Static") != "{not a template}" {
		t.Errorf("headers: %v", h)
	}
	bad := NewAnswer(200, "application/json", []byte(`{"a":"{{ nope }}"}`), nil, 0)
	bad.Templated = true
	if err := bad.Compile(); err == nil || !strings.Contains(err.Error(), `"{{ nope }}"`) {
		t.Errorf("a broken template must be named: %v", err)
	}
}

func TestSequence(t *testing.T) {
	mk := func(seq Sequence) *Stub {
		return &Stub{Endpoint: "poll", Sequence: seq, When: make([][]Condition, 3),
			Answers: []*Answer{NewAnswer(200, "", []byte("q"), nil, 0), NewAnswer(200, "", []byte("r"), nil, 0), NewAnswer(200, "", []byte("d"), nil, 0)}}
	}
	run := func(s *Stub, n int) string {
		var b strings.Builder
		for range n {
			p, herr := s.Answer(&Request{}, nil)
			if herr != nil {
				t.Fatal(herr)
			}
			b.Write(p.Answer.Body)
		}
		return b.String()
	}
	if got := run(mk(SequenceRepeatLast), 5); got != "qrddd" {
		t.Errorf("repeat-last: %s", got)
	}
	s := mk(SequenceCycle)
	if got := run(s, 7); got != "qrdqrdq" {
		t.Errorf("cycle: %s", got)
	}
	s.Reset()
	if got := run(s, 2); got != "qr" {
		t.Errorf("after Reset: %s", got)
	}
	if got := run(mk(SequenceNone), 3); got != "qqq" {
		t.Errorf("no sequence: %s", got)
	}
}

func TestScenarios(t *testing.T) {
	empty := NewAnswer(200, "", []byte("empty"), nil, 0)
	empty.Scenario = "empty"
	broken := NewAnswer(500, "", []byte("broken"), nil, 0)
	broken.Scenario = "error"
	full := NewAnswer(200, "", []byte("full"), nil, 0)
	s := &Stub{Endpoint: "list", When: [][]Condition{nil, nil, nil}, Answers: []*Answer{full, empty, broken}}
	ask := func(header, def string) string {
		rq := &Request{Header: http.Header{}}
		if header != "" {
			rq.Header.Set(ScenarioHeader, header)
		}
		p, herr := s.Answer(rq, &Play{Scenario: def})
		if herr != nil {
			return herr.Msg
		}
		return string(p.Answer.Body)
	}
	for _, tt := range []struct{ header, def, want string }{
		{"", "", "full"},
		{"empty", "", "empty"},
		{"error", "", "broken"},
		{"", "empty", "empty"},
		{"error", "empty", "broken"},  // the header wins
		{"unknown", "", "full"},       // responses of no scenario answer every scenario
		{"", "unknown", "full"},       //
		{" empty ", "", "empty"},      // spaces around the name do not count
		{"EMPTY", "", "full"},         // names are exact
		{"", "", "full"},              //
		{"empty", "error", "empty"},   //
		{"", "error", "broken"},       //
		{"full", "", "full"},          //
		{"error", "error", "broken"},  //
		{"empty", "unknown", "empty"}, //
	} {
		if got := ask(tt.header, tt.def); got != tt.want {
			t.Errorf("header %q, default %q: got %s, want %s", tt.header, tt.def, got, tt.want)
		}
	}
	only := &Stub{Endpoint: "x", When: [][]Condition{nil}, Answers: []*Answer{empty}}
	if _, herr := only.Answer(&Request{Header: http.Header{}}, &Play{Scenario: "other"}); herr == nil || herr.Status != 404 || !strings.Contains(herr.Msg, `scenario "other"`) {
		t.Errorf("no response for the scenario: %+v", herr)
	}
}

func TestChance(t *testing.T) {
	fail := NewAnswer(503, "", []byte("busy"), nil, 0)
	fail.Chance = 0.25
	ok := NewAnswer(200, "", []byte("ok"), nil, 0)
	s := &Stub{Endpoint: "x", When: [][]Condition{nil, nil}, Answers: []*Answer{fail, ok}}
	count := func(seed uint64) (int, string) {
		play := &Play{Faults: true, Rand: NewRand(seed)}
		n := 0
		var seq strings.Builder
		for range 2000 {
			p, _ := s.Answer(&Request{}, play)
			if p.Answer == fail {
				n++
				seq.WriteByte('F')
			} else {
				seq.WriteByte('.')
			}
		}
		return n, seq.String()
	}
	n, a := count(42)
	if n < 400 || n > 600 {
		t.Errorf("chance 0.25 answered %d of 2000", n)
	}
	if _, b := count(42); a != b {
		t.Error("the same seed must give the same answers")
	}
	// Without faults, a response with a chance never answers.
	for range 50 {
		if p, _ := s.Answer(&Request{}, &Play{Rand: NewRand(1)}); p.Answer != ok {
			t.Fatal("with faults off, the chance response answered")
		}
	}
}

func TestFaultsOff(t *testing.T) {
	drop := NewAnswer(200, "", nil, nil, 0)
	drop.Fault = FaultDrop
	ok := NewAnswer(200, "", []byte("ok"), nil, 0)
	s := &Stub{Endpoint: "x", When: [][]Condition{nil, nil}, Answers: []*Answer{drop, ok}}
	if p, _ := s.Answer(&Request{}, nil); p.Answer != ok {
		t.Error("a fault response must not answer when faults are off")
	}
	if p, _ := s.Answer(&Request{}, &Play{Faults: true}); p.Answer != drop {
		t.Error("a fault response must answer when faults are on")
	}
}

// faultServer serves one stub answer with fault f through a real listener.
func faultServer(t *testing.T, a *Answer) string {
	t.Helper()
	s := &Stub{Endpoint: "x", When: [][]Condition{nil}, Answers: []*Answer{a}}
	play := &Play{Faults: true, Rand: NewRand(1)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, herr := s.Answer(NewRequest(r, nil), play)
		if herr != nil {
			t.Error(herr)
			return
		}
		p.Write(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestFaults(t *testing.T) {
	body := []byte(`{"items":[1,2,3],"name":"a long enough body"}`)
	mk := func(f Fault) *Answer {
		a := NewAnswer(200, "application/json", body, nil, 0)
		a.Fault = f
		return a
	}
	for _, f := range []Fault{FaultDrop, FaultReset} {
		resp, err := http.Get(faultServer(t, mk(f)))
		if err == nil {
			resp.Body.Close()
			t.Errorf("%s: got an answer %d", f, resp.StatusCode)
		}
	}
	resp, err := http.Get(faultServer(t, mk(FaultMalformed)))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("malformed keeps status and headers: %d %v", resp.StatusCode, resp.Header)
	}
	if _, err := Decode(got, "body"); err == nil {
		t.Errorf("malformed body %q decodes", got)
	}
	slow := mk(FaultSlow)
	slow.Delay = 200 * time.Millisecond
	resp, err = http.Get(faultServer(t, slow))
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(resp.Body)
	pieces := 0
	all := []byte{}
	for {
		buf := make([]byte, 1024)
		n, err := r.Read(buf)
		if n > 0 {
			pieces++
			all = append(all, buf[:n]...)
		}
		if err != nil {
			break
		}
	}
	resp.Body.Close()
	if string(all) != string(body) || pieces < 3 {
		t.Errorf("slow: %d pieces of %q", pieces, all)
	}
	// timeout: no answer until the client gives up.
	client := &http.Client{Timeout: 150 * time.Millisecond}
	_, err = client.Get(faultServer(t, mk(FaultTimeout)))
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Errorf("timeout: got %v, want a client timeout", err)
	}
}

func TestDelayRange(t *testing.T) {
	a := NewAnswer(200, "", []byte("x"), nil, 10*time.Millisecond)
	a.DelayMax = 30 * time.Millisecond
	s := &Stub{Endpoint: "x", When: [][]Condition{nil}, Answers: []*Answer{a}}
	start := time.Now()
	p, _ := s.Answer(&Request{}, nil)
	p.Write(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if d := time.Since(start); d < 10*time.Millisecond {
		t.Errorf("a 10ms..30ms delay took %v", d)
	}
}

func TestPlayFromEnv(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	p, err := PlayFromEnv(env())
	if err != nil || p.Faults || p.Scenario != "" || p.Rand == nil {
		t.Errorf("defaults: %+v %v", p, err)
	}
	p, err = PlayFromEnv(env("STUB_SCENARIO", "empty", "STUB_FAULTS", "on", "STUB_SEED", "7"))
	if err != nil || !p.Faults || p.Scenario != "empty" {
		t.Errorf("set: %+v %v", p, err)
	}
	if _, err := PlayFromEnv(env("STUB_FAULTS", "maybe")); err == nil || !strings.Contains(err.Error(), "STUB_FAULTS=maybe") {
		t.Errorf("bad STUB_FAULTS: %v", err)
	}
	if _, err := PlayFromEnv(env("STUB_SEED", "x")); err == nil || !strings.Contains(err.Error(), "STUB_SEED=x") {
		t.Errorf("bad STUB_SEED: %v", err)
	}
}

func TestTemplateWholeNumbers(t *testing.T) {
	tpl, _ := ParseTemplate("{{ body.n }}")
	for body, want := range map[string]string{`{"n":2.0e0}`: "2", `{"n":2.50}`: "2.50", `{"n":-0.0}`: "0", `{"n":1e400}`: "1e400"} {
		v, err := tpl.Exec(&Request{Body: []byte(body)}, 1, time.Now(), NewRand(1))
		if err != nil {
			t.Fatal(err)
		}
		if js, _ := json.Marshal(v); string(js) != want {
			t.Errorf("%s: %s, want %s", body, js, want)
		}
	}
}
