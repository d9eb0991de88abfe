package verify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/verify"
)

// memRecords keeps a resource's records in memory: a contract.Records for
// contract.ResourceServer that tests can break on purpose.
type memRecords struct {
	res  *contract.Resource
	mu   sync.Mutex
	keys []string          // ids in the order created
	recs map[string][]byte // by id's text
	next int64
}

func newMemRecords(res *contract.Resource, seed []spec.Value) *memRecords {
	m := &memRecords{res: res, recs: map[string][]byte{}, next: 1}
	for i := range seed {
		id := seed[i].Get(res.ID)
		key := id.Text()
		if n, err := strconv.ParseInt(key, 10, 64); err == nil && n >= m.next {
			m.next = n + 1
		}
		m.keys = append(m.keys, key)
		m.recs[key] = res.Record.Canonical(seed[i].Any())
	}
	return m
}

func (m *memRecords) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.keys)
}

func decodeObj(rec []byte) map[string]any {
	doc, _ := contract.Decode(rec, "record")
	obj, _ := doc.(map[string]any)
	return obj
}

func (m *memRecords) List(_ context.Context, q *contract.ListQuery) ([]byte, int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var keep []map[string]any
	var raw [][]byte
	for _, k := range m.keys {
		obj := decodeObj(m.recs[k])
		ok := true
		for _, f := range q.Filters {
			ok = ok && fmt.Sprint(obj[f.Field]) == fmt.Sprint(f.Value)
		}
		if ok {
			keep = append(keep, obj)
			raw = append(raw, m.recs[k])
		}
	}
	idx := make([]int, len(keep))
	for i := range idx {
		idx[i] = i
	}
	if q.Sort != "" {
		slices.SortStableFunc(idx, func(a, b int) int {
			c := strings.Compare(fmt.Sprint(keep[a][q.Sort]), fmt.Sprint(keep[b][q.Sort]))
			if q.Desc {
				c = -c
			}
			return c
		})
	}
	out := []byte{'['}
	n := 0
	for i, j := range idx {
		if i < q.Offset || q.Limit > 0 && n >= q.Limit {
			continue
		}
		if n > 0 {
			out = append(out, ',')
		}
		out = append(out, raw[j]...)
		n++
	}
	return append(out, ']'), int64(len(keep)), nil
}

func (m *memRecords) Get(_ context.Context, id any) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, ok := m.recs[fmt.Sprint(id)]
	if !ok {
		return nil, contract.ErrNoRecord
	}
	return rec, nil
}

// withID is the record in (canonical JSON without the id) with the id first.
func (m *memRecords) withID(id any, in []byte) []byte {
	obj := decodeObj(in)
	if n, ok := id.(int64); ok {
		obj[m.res.ID] = json.Number(strconv.FormatInt(n, 10))
	} else {
		obj[m.res.ID] = id
	}
	return m.res.Record.Canonical(obj)
}

func (m *memRecords) Create(_ context.Context, id any, in []byte) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id == nil {
		id = m.next
		m.next++
	}
	key := fmt.Sprint(id)
	if _, ok := m.recs[key]; ok {
		return nil, contract.ErrDuplicateID
	}
	rec := m.withID(id, in)
	m.keys = append(m.keys, key)
	m.recs[key] = rec
	return rec, nil
}

func (m *memRecords) Replace(_ context.Context, id any, in []byte) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	key := fmt.Sprint(id)
	if _, ok := m.recs[key]; !ok {
		return nil, contract.ErrNoRecord
	}
	rec := m.withID(id, in)
	m.recs[key] = rec
	return rec, nil
}

func (m *memRecords) Delete(_ context.Context, id any) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	key := fmt.Sprint(id)
	if _, ok := m.recs[key]; !ok {
		return contract.ErrNoRecord
	}
	delete(m.recs, key)
	m.keys = slices.DeleteFunc(m.keys, func(k string) bool { return k == key })
	return nil
}

// serveRecords answers s's endpoints like bb serve and its resources from records in
// memory, through the kernel's ResourceServer. wrap, when set, breaks a store on purpose.
func serveRecords(t *testing.T, s *spec.Spec, wrap func(contract.Records) contract.Records) (*httptest.Server, map[string]*memRecords) {
	t.Helper()
	ts, err := spec.InferTypes(s, spec.InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	stores := map[string]*memRecords{}
	for _, r := range s.Resources {
		res := r.Contract(ts)
		store := newMemRecords(res, r.Seed)
		stores[r.Name] = store
		var recs contract.Records = store
		if wrap != nil {
			recs = wrap(recs)
		}
		rs := &contract.ResourceServer{Resource: res, Records: recs, WriteError: func(w http.ResponseWriter, _ *http.Request, e *contract.HTTPError) {
			s.ErrorFormat().Write(w, e)
		}}
		for _, e := range r.Endpoints {
			mux.Handle(contract.MuxPattern(e.Method, e.Path), rs.Handler(e.Op))
		}
	}
	mux.Handle("/", runtime.Compile(s, runtime.Options{}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, stores
}

var markerRE = regexp.MustCompile(`bb-verify-[0-9a-f]{8}`)

// TestResourceRoundTrip: a resource of bb serve is checked by one round trip through
// its routes, not by replaying its seeds, and what it created is gone afterwards.
func TestResourceRoundTrip(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "chat"))
	srv := serve(t, s)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL})
	got := markerRE.ReplaceAllString(text(t, rep), "MARK")
	want := `PASS getMe response 1 (200) GET /api/me
PASS typing response 1 (204) POST /api/typing
PASS typing response 2 (404) POST /api/typing
PASS messages round trip: create POST /api/messages
PASS messages round trip: get GET /api/messages/4
PASS messages round trip: list GET /api/messages?user=MARK
PASS messages round trip: update PATCH /api/messages/4
PASS messages round trip: replace PUT /api/messages/4
PASS messages round trip: delete DELETE /api/messages/4
PASS messages round trip: get after delete GET /api/messages/4
10 passed, 0 failed
`
	if got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	bodies := map[string]string{}
	for _, res := range rep.Results {
		bodies[res.Name] = markerRE.ReplaceAllString(res.Body, "MARK")
	}
	for name, body := range map[string]string{
		"messages round trip: create":  `{"user":"MARK","text":"hello","sent_at":"2026-11-30T10:00:00Z","read":false}`,
		"messages round trip: update":  `{"text":"MARK-updated"}`,
		"messages round trip: replace": `{"user":"MARK-replaced","text":"hello","sent_at":"2026-11-30T10:00:00Z","read":false}`,
	} {
		if bodies[name] != body {
			t.Errorf("%s sent %s, want %s", name, bodies[name], body)
		}
	}
	if n := total(t, srv.URL+"/api/messages"); n != "3" {
		t.Errorf("%s messages after verify, want the 3 seeds", n)
	}

	// --only picks the round trip by the resource's name or any of its routes.
	for _, only := range []string{"messages", "updateMessage"} {
		rep = verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Only: []string{only}})
		if rep.Passed != 7 || rep.Failed != 0 {
			t.Errorf("--only %s: %d passed, %d failed:\n%s", only, rep.Passed, rep.Failed, text(t, rep))
		}
	}
	if bad := verify.UnknownEndpoints(s, []string{"messages", "getMessage", "mesages"}); len(bad) != 1 || bad[0] != "mesages" {
		t.Errorf("UnknownEndpoints = %q", bad)
	}
}

// TestResourceRoundTripIDKinds: string ids the client sends carry the marker; a uuid
// resource with only a schema gets a record sampled from its type.
func TestResourceRoundTripIDKinds(t *testing.T) {
	s := parse(t, `version: 1
name: Kinds
resources:
  rooms:
    id: {field: slug, type: string}
    seed:
      - {slug: lobby, title: Lobby, members: 3}
  devices:
    path: /v1/devices/   # a trailing slash names the same routes
    id: uuid
    schema:
      type: object
      properties:
        id: {type: string}
        push: {type: boolean}
        seen_at: {type: string, format: date-time}
        kind: {type: string, enum: [ios, android]}
      required: [id, push, kind]
`)
	srv := serve(t, s)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL})
	out := markerRE.ReplaceAllString(text(t, rep), "MARK")
	if rep.Failed != 0 || rep.Passed != 14 {
		t.Fatalf("%d passed, %d failed:\n%s", rep.Passed, rep.Failed, out)
	}
	for _, line := range []string{
		"PASS rooms round trip: get GET /rooms/MARK\n",
		"PASS rooms round trip: list GET /rooms?slug=MARK\n",
		"PASS devices round trip: list GET /v1/devices?id=",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("report lacks %q:\n%s", line, out)
		}
	}
	if b := rep.Results[7].Body; rep.Results[7].Name != "devices round trip: create" || b != `{"push":false,"kind":"ios"}` {
		t.Errorf("%s sent %s", rep.Results[7].Name, b)
	}
	for path, want := range map[string]string{"/rooms": "1", "/v1/devices": "0"} {
		if n := total(t, srv.URL+path); n != want {
			t.Errorf("%s: %s records left, want %s", path, n, want)
		}
	}
}

// total is the X-Total-Count of a list.
func total(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("X-Total-Count")
}

// broken is a store with one bug, to show each is reported where it shows.
type broken struct {
	contract.Records
	bug string
}

func (b broken) List(ctx context.Context, q *contract.ListQuery) ([]byte, int64, error) {
	if b.bug == "filter" {
		q.Filters = nil
	}
	return b.Records.List(ctx, q)
}

func (b broken) Create(ctx context.Context, id any, in []byte) ([]byte, error) {
	out, err := b.Records.Create(ctx, id, in)
	if b.bug == "create" && err == nil {
		return nil, fmt.Errorf("disk full") // stored all the same
	}
	return out, err
}

func (b broken) Replace(ctx context.Context, id any, in []byte) ([]byte, error) {
	if b.bug == "lost update" {
		return b.Records.Get(ctx, id)
	}
	return b.Records.Replace(ctx, id, in)
}

func (b broken) Delete(ctx context.Context, id any) error {
	if b.bug == "delete" {
		return nil
	}
	return b.Records.Delete(ctx, id)
}

func TestResourceRoundTripFailures(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "chat"))
	for _, tt := range []struct {
		bug   string
		want  []string // lines of the report, markers as MARK
		left  int      // messages left in the store afterwards
		fails int
	}{
		{bug: "filter", left: 3, fails: 1, want: []string{
			"FAIL messages round trip: list GET /api/messages?user=MARK\n" +
				"  header X-Total-Count: expected \"1\" (one message matches the filter), got \"4\"\n" +
				"  $: expected the created message (id 4) alone, got 4 items\n",
		}},
		{bug: "lost update", left: 3, fails: 2, want: []string{
			"FAIL messages round trip: update PATCH /api/messages/4\n" +
				"  sent: {\"text\":\"MARK-updated\"}\n" +
				"  $.text: expected \"MARK-updated\", got \"hello\"\n",
			"FAIL messages round trip: replace PUT /api/messages/4\n" +
				"  sent: {\"user\":\"MARK-replaced\",\"text\":\"hello\",\"sen…\n" +
				"  $.user: expected \"MARK-replaced\", got \"MARK\"\n",
		}},
		{bug: "create", left: 3, fails: 1, want: []string{
			"FAIL messages round trip: create POST /api/messages\n" +
				"  sent: {\"user\":\"MARK\",\"text\":\"hello\",\"sent_at\":\"20…\n" +
				"  status: expected 201, got 500 (body: {\"error\":\"the messages store failed: disk full\"})\n",
			"SKIP messages round trip: get: the create gave no id, so there is no record to get\n",
			"SKIP messages round trip: get after delete: the create gave no id, so there is no record to get\n" +
				"PASS messages round trip: clean up DELETE /api/messages/4\n",
		}},
		{bug: "delete", left: 4, fails: 2, want: []string{
			"PASS messages round trip: delete DELETE /api/messages/4\n",
			"FAIL messages round trip: get after delete GET /api/messages/4\n" +
				"  status: expected 404, got 200 (body: {\"id\":4,",
			"FAIL messages round trip: clean up DELETE /api/messages/4\n" +
				"  the message bb verify created is still there: DELETE answered 204, but GET still finds it; delete /api/messages/4 by hand\n",
		}},
	} {
		t.Run(tt.bug, func(t *testing.T) {
			srv, stores := serveRecords(t, s, func(r contract.Records) contract.Records { return broken{r, tt.bug} })
			rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Only: []string{"messages"}})
			out := markerRE.ReplaceAllString(text(t, rep), "MARK")
			if rep.Failed != tt.fails || rep.OK() {
				t.Errorf("%d failed, want %d:\n%s", rep.Failed, tt.fails, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("report lacks\n%s\nin:\n%s", w, out)
				}
			}
			if n := stores["messages"].count(); n != tt.left {
				t.Errorf("%d messages left, want %d", n, tt.left)
			}
		})
	}
}

// TestResourceRoundTripWithoutLocation: a create must say where the new record lives.
func TestResourceRoundTripWithoutLocation(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "chat"))
	srv, _ := serveRecords(t, s, nil)
	strip := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		srv.Config.Handler.ServeHTTP(rec, r)
		rec.Header().Del("Location")
		for k, vs := range rec.Header() {
			w.Header()[k] = vs
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	defer strip.Close()
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: strip.URL, Only: []string{"createMessage"}})
	if rep.Failed != 1 || !slices.Contains(rep.Results[0].Failures, "header Location: expected the new message's path (/api/messages/4), got none") {
		t.Errorf("report:\n%s", text(t, rep))
	}
}
