package runtime

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

const playSpec = `version: 1
endpoints:
  createOrder:
    method: POST
    path: /api/orders/{id}
    request:
      body: {items: [{qty: 2}]}
    responses:
      - scenario: offline
        status: 503
        body: {error: offline}
      - chance: 0.5
        status: 503
        body: {error: try again}
      - status: 201
        headers: {Location: "/api/orders/{{ path.id }}"}
        body: {id: "{{ path.id }}", qty: "{{ body.items.0.qty }}", by: "{{ header.X-User }}", n: "{{ counter }}"}
  poll:
    method: GET
    path: /api/jobs/1
    sequence: repeat-last
    responses:
      - body: {state: queued}
      - body: {state: running}
      - body: {state: done}
`

func TestServePlay(t *testing.T) {
	play := &contract.Play{Faults: true, Rand: contract.NewRand(3)}
	srv := NewServer(routerFromText(t, playSpec, nil, Options{Play: play}), nil)
	get := func(method, target, body string, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		req.RemoteAddr = "127.0.0.1:5000"
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	var seq []string
	for range 5 {
		var v struct{ State string }
		json.Unmarshal(get("GET", "/api/jobs/1", "", nil).Body.Bytes(), &v)
		seq = append(seq, v.State)
	}
	if got := strings.Join(seq, " "); got != "queued running done done done" {
		t.Errorf("sequence: %s", got)
	}
	// POST /_bb/reset from this machine starts it again; from elsewhere it is refused.
	req := httptest.NewRequest("POST", ResetPath, nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("reset from another host: %d", rec.Code)
	}
	if rec := get("POST", ResetPath, "", nil); rec.Code != http.StatusNoContent {
		t.Errorf("reset: %d %s", rec.Code, rec.Body)
	}
	if body := get("GET", "/api/jobs/1", "", nil).Body.String(); !strings.Contains(body, "queued") {
		t.Errorf("after reset: %s", body)
	}

	// The scenario header picks the scenario's response.
	if rec := get("POST", "/api/orders/7", `{"items":[{"qty":2}]}`, map[string]string{"X-BB-Scenario": "offline"}); rec.Code != 503 || !strings.Contains(rec.Body.String(), "offline") {
		t.Errorf("scenario offline: %d %s", rec.Code, rec.Body)
	}
	// Half the requests get the chance response; the others the templated 201.
	codes := map[int]int{}
	var created *httptest.ResponseRecorder
	for range 200 {
		rec := get("POST", "/api/orders/7", `{"items":[{"qty":2.5}]}`, map[string]string{"X-User": "larry"})
		codes[rec.Code]++
		if rec.Code == 201 {
			created = rec
		}
	}
	if codes[503] < 60 || codes[201] < 60 || codes[503]+codes[201] != 200 {
		t.Errorf("chance 0.5: %v", codes)
	}
	if created == nil {
		t.Fatal("no 201")
	}
	var v map[string]any
	if err := json.Unmarshal(created.Body.Bytes(), &v); err != nil {
		t.Fatalf("templated body %s: %v", created.Body, err)
	}
	if v["id"] != "7" || v["qty"] != 2.5 || v["by"] != "larry" || v["n"].(float64) < 2 {
		t.Errorf("templated body: %s", created.Body)
	}
	if loc := created.Header().Get("Location"); loc != "/api/orders/7" {
		t.Errorf("Location %q", loc)
	}
}

// A reload keeps the counters of the endpoints it did not change and restarts the
// others.
func TestReloadKeepsUnchangedCounters(t *testing.T) {
	twoPolls := playSpec + `  poll2:
    method: GET
    path: /api/jobs/2
    sequence: cycle
    responses:
      - body: {state: a}
      - body: {state: b}
`
	rt := routerFromText(t, twoPolls, nil, Options{})
	srv := NewServer(rt, nil)
	hit := func(path string) string {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Body.String()
	}
	hit("/api/jobs/1")
	hit("/api/jobs/2")
	changed := strings.Replace(twoPolls, "{state: b}", "{state: c}", 1)
	s, err := spec.Parse(rt.Spec().File, []byte(changed))
	if err != nil {
		t.Fatal(err)
	}
	srv.Swap(Compile(s, Options{}))
	if got := hit("/api/jobs/1"); !strings.Contains(got, "running") {
		t.Errorf("unchanged poll restarted: %s", got)
	}
	if got := hit("/api/jobs/2"); !strings.Contains(got, `"a"`) {
		t.Errorf("changed poll2 kept its turn: %s", got)
	}
}
