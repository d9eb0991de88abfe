package eject

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// crudStep is one request of the CRUD sequence the resource differential sends.
type crudStep struct {
	method, target, body string
}

// crudSequences are the CRUD sequences of the specs with resources, by spec case and
// resource (testdata/specs/resources's messages is "resources/messages"): lists
// filtered, sorted and paged, gets, creates, replaces, merge patches (null removing an
// optional field), deletes, bad bodies and queries, unknown ids, and a duplicate
// client id.
var crudSequences = map[string][]crudStep{
	"resources/messages": {
		{"GET", "/api/messages", ""},
		{"GET", "/api/messages?user=larry", ""},
		{"GET", "/api/messages?read=false&_limit=1", ""},
		{"GET", "/api/messages?score=2", ""},
		{"GET", "/api/messages?sent_at=2026-11-30T10:01:00%2B02:00", ""},
		{"GET", "/api/messages?_sort=sent_at&_order=desc", ""},
		{"GET", "/api/messages?_sort=-score", ""},
		{"GET", "/api/messages?_sort=note", ""},
		{"GET", "/api/messages?_sort=note&_order=desc", ""},
		{"GET", "/api/messages?_page=2&_limit=2", ""},
		{"GET", "/api/messages?_page=1", ""},
		{"GET", "/api/messages?_start=1&_limit=1", ""},
		{"GET", "/api/messages?_start=5", ""},
		{"GET", "/api/messages?score=abc", ""},
		{"GET", "/api/messages?usr=larry", ""},
		{"GET", "/api/messages?_limit=0", ""},
		{"GET", "/api/messages?_sort=tags", ""},
		{"GET", "/api/messages/1", ""},
		{"GET", "/api/messages/2", ""},
		{"GET", "/api/messages/99", ""},
		{"GET", "/api/messages/abc", ""},
		{"POST", "/api/messages", `{"user":"grace","text":"<b>bold</b> & more","sent_at":"2026-12-01T08:30:00.250+05:30","read":true,"score":3,"tags":["a","b"],"meta":{"lang":"fr","edited":true},"note":"n"}`},
		{"POST", "/api/messages", `{"user":"alan","text":"minimal","sent_at":"2026-12-01T09:00:00Z","read":false,"score":0.1,"tags":[]}`},
		{"POST", "/api/messages", `{"id":9,"user":"x","text":"t","sent_at":"2026-12-01T09:00:00Z","read":false,"score":1,"tags":[]}`},
		{"POST", "/api/messages", `{"user":"x","text":"t","sent_at":"2026-12-01T09:00:00Z","read":"no","score":1,"tags":[]}`},
		{"POST", "/api/messages", `{"text":"t","sent_at":"2026-12-01T09:00:00Z","read":false,"score":1,"tags":[]}`},
		{"POST", "/api/messages", `{"user":"x","text":"t","sent_at":"yesterday","read":false,"score":1,"tags":[]}`},
		{"POST", "/api/messages", `{"user":"x"`},
		{"POST", "/api/messages", `[]`},
		{"POST", "/api/messages", ``},
		{"GET", "/api/messages", ""},
		{"GET", "/api/messages/4", ""},
		{"PUT", "/api/messages/4", `{"user":"grace","text":"edited","sent_at":"2026-12-01T08:31:00Z","read":false,"score":-1,"tags":["c"],"note":"kept"}`},
		{"PUT", "/api/messages/4", `{"id":4,"user":"grace","text":"with its id","sent_at":"2026-12-01T08:31:00Z","read":false,"score":-1,"tags":["c"],"note":"kept"}`},
		{"PUT", "/api/messages/4", `{"id":5,"user":"grace","text":"another id","sent_at":"2026-12-01T08:31:00Z","read":false,"score":-1,"tags":[]}`},
		{"PUT", "/api/messages/99", `{"user":"grace","text":"t","sent_at":"2026-12-01T08:31:00Z","read":false,"score":-1,"tags":[]}`},
		{"PUT", "/api/messages/4", `{"user":"grace"}`},
		{"PATCH", "/api/messages/4", `{"note":null,"read":true}`},
		{"PATCH", "/api/messages/4", `{"meta":{"lang":"de"}}`},
		{"PATCH", "/api/messages/4", `{"meta":{"edited":true}}`},
		{"PATCH", "/api/messages/4", `{"meta":null}`},
		{"PATCH", "/api/messages/4", `{"user":null}`},
		{"PATCH", "/api/messages/4", `{"score":"high"}`},
		{"PATCH", "/api/messages/99", `{"read":true}`},
		{"PATCH", "/api/messages/4", `not json`},
		{"GET", "/api/messages?note=kept", ""},
		{"DELETE", "/api/messages/4", ""},
		{"DELETE", "/api/messages/4", ""},
		{"GET", "/api/messages/4", ""},
		{"POST", "/api/messages", `{"user":"ada","text":"after a delete","sent_at":"2026-12-02T00:00:00Z","read":false,"score":5,"tags":["x"]}`},
		{"GET", "/api/messages?_sort=user", ""},
		{"GET", "/api/messages?_sort=id&_order=desc&_limit=3", ""},
	},
	"resources/attachments": {
		{"GET", "/attachments", ""},
		{"GET", "/attachments/3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11", ""},
		{"GET", "/attachments/not-a-uuid", ""},
		{"POST", "/attachments", `{"name":"a.png","size":1,"created_at":"2026-12-01T10:00:00-07:00"}`},
		{"GET", "{created}", ""},
		{"POST", "/attachments", `{"id":"3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11","name":"b.png","size":2,"created_at":"2026-12-01T10:00:00Z"}`},
		{"PUT", "{created}", `{"name":"a2.png","size":3,"created_at":"2026-12-01T11:00:00Z","labels":{"kind":"doc"}}`},
		{"PATCH", "{created}", `{"labels":null,"size":4}`},
		{"GET", "/attachments?_sort=created_at", ""},
		{"GET", "/attachments?size=4", ""},
		{"DELETE", "{created}", ""},
		{"GET", "{created}", ""},
		{"POST", "/attachments", `{"name":"c.png","size":5,"created_at":"2026-12-02T10:00:00Z"}`},
		{"GET", "/attachments?_sort=-size", ""},
	},
	"example-chat/messages": {
		{"GET", "/api/messages", ""},
		{"GET", "/api/messages?user=larry&_sort=sent_at&_order=desc", ""},
		{"GET", "/api/messages?reply_to=2", ""},
		{"GET", "/api/messages?_sort=reply_to&_order=desc&_limit=2", ""},
		{"GET", "/api/messages?_page=2&_limit=2", ""},
		{"GET", "/api/messages/3", ""},
		{"GET", "/api/messages/7", ""},
		{"POST", "/api/messages", `{"user":"sergey","text":"sure","sent_at":"2026-11-30T10:03:00Z","read":false,"reply_to":3}`},
		{"POST", "/api/messages", `{"user":"larry","text":"no time","sent_at":"2026-11-30T10:04:00Z"}`},
		{"POST", "/api/messages", `{"user":"larry","text":"typo","sent_at":"2026-11-30T10:04:00Z","read":"yes"}`},
		{"PATCH", "/api/messages/4", `{"reply_to":null,"read":true}`},
		{"PUT", "/api/messages/1", `{"user":"larry","text":"hello again","sent_at":"2026-11-30T10:00:00Z","read":true}`},
		{"DELETE", "/api/messages/2", ""},
		{"DELETE", "/api/messages/2", ""},
		{"GET", "/api/messages", ""},
	},
	"resource-schema/todos": {
		{"GET", "/todos", ""},
		{"POST", "/todos", `{"title":"write","done":false,"extra":{"b":[1,2.50,-0.125],"a":null},"weights":{"z":1.5,"a":2}}`},
		{"POST", "/todos", `{"title":"read","done":true,"due":"2026-12-24T18:00:00+01:00","extra":"text"}`},
		{"POST", "/todos", `{"title":"rest","done":false,"extra":null}`},
		{"POST", "/todos", `{"title":"bad","done":false,"weights":{"a":"heavy"}}`},
		{"GET", "/todos", ""},
		{"GET", "/todos?done=false&_sort=title&_order=desc", ""},
		{"GET", "/todos?_sort=due", ""},
		{"PATCH", "/todos/1", `{"extra":{"c":true},"weights":{"z":null}}`},
		{"PUT", "/todos/2", `{"title":"read more","done":true,"extra":[1,"two",{"three":3}]}`},
		{"DELETE", "/todos/3", ""},
		{"GET", "/todos", ""},
		{"GET", "/todos/3", ""},
		{"POST", "/todos", `{"id":1,"title":"dup","done":false}`},
	},
	"oddnames/order": {
		{"GET", "/api/v1/orders", ""},
		{"GET", "/api/v1/orders?type=b&default=false", ""},
		{"GET", "/api/v1/orders?FirstName=b", ""},
		{"GET", "/api/v1/orders?firstName=b", ""},
		{"GET", "/api/v1/orders?what%3F=r", ""},
		{"GET", "/api/v1/orders?_sort=-what%3F", ""},
		{"GET", "/api/v1/orders?_sort=-xmin&_limit=1", ""},
		{"GET", "/api/v1/orders?_sort=-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ""},
		{"GET", "/api/v1/orders?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab=4", ""},
		{"GET", "/api/v1/orders?id=7&_page=1&_limit=1", ""},
		{"GET", "/api/v1/orders/3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11", ""},
		{"POST", "/api/v1/orders", `{"id":9,"type":"c","default":true,"class":"z","select":"u","user":"w","xmin":0,"firstName":"e","FirstName":"f","what?":"s","aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":5,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab":6,"order":{"id":2,"items":[]}}`},
		{"GET", "{created}", ""},
		{"PATCH", "{created}", `{"order":null,"FirstName":"F"}`},
		{"PATCH", "{created}", `{"what?":null}`},
		{"PUT", "{created}", `{"id":10,"type":"d","default":false,"class":"z","select":"u","user":"w","xmin":1e-3,"firstName":"g","FirstName":"h","what?":"?","aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":7,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab":8}`},
		{"GET", "/api/v1/orders?_sort=FirstName&_order=desc", ""},
		{"DELETE", "{created}", ""},
		{"GET", "{created}", ""},
		{"GET", "/api/v1/orders/not-a-uuid", ""},
	},
	"oddnames/default": {
		{"GET", "/api/users", ""},
		{"GET", "/api/users/a%2Fb", ""},
		{"GET", "/api/users/caf%C3%A9%20%F0%9F%99%82", ""},
		{"GET", "/api/users/100%25%20%3F%23", ""},
		{"GET", "/api/users?type=a%2Fb", ""},
		{"GET", "/api/users?_sort=-type", ""},
		{"POST", "/api/users", `{"type":"x/y z?","class":"new","n":4}`},
		{"GET", "{created}", ""},
		{"POST", "/api/users", `{"type":"x/y z?","class":"again","n":5}`},
		{"PATCH", "{created}", `{"n":6}`},
		{"PUT", "{created}", `{"type":"x/y z?","class":"put","n":7}`},
		{"PUT", "{created}", `{"type":"other","class":"put","n":7}`},
		{"DELETE", "/api/users/a%2Fb", ""},
		{"GET", "/api/users/a%2Fb", ""},
		{"GET", "/api/users/nope", ""},
		{"GET", "/api/users?_sort=n&_order=desc", ""},
		{"POST", "/api/users", `{"type":"","class":"empty","n":8}`},
		{"POST", "/api/users", `{"type":"..","class":"dots","n":9}`},
		{"GET", "{created}", ""},
		{"DELETE", "{created}", ""},
	},
	"oddnames/users_archive": {
		{"GET", "/api/users-archive", ""},
		{"GET", "/api/users-archive/1", ""},
		{"POST", "/api/users-archive", `{"func":"g","Error":"x"}`},
		{"POST", "/api/users-archive", `{"func":"g"}`},
		{"PATCH", "/api/users-archive/2", `{"Error":"y"}`},
		{"PUT", "/api/users-archive/2", `{"func":"h","Error":"z"}`},
		{"GET", "/api/users-archive?func=h", ""},
		{"DELETE", "/api/users-archive/2", ""},
		{"GET", "/api/users-archive/2", ""},
	},
	"oddvalues/notes": {
		{"GET", "/notes", ""},
		{"GET", "/notes?_sort=text", ""},
		{"GET", "/notes?_sort=-author", ""},
		{"GET", "/notes?_sort=at", ""},
		{"GET", "/notes?_sort=-at", ""},
		{"GET", "/notes?at=2026-11-30T10:00:00Z", ""},
		{"GET", "/notes?at=2026-11-30T04:30:00.123456789Z", ""},
		{"GET", "/notes?big=9007199254740993", ""},
		{"GET", "/notes?_sort=-big", ""},
		{"GET", "/notes?_sort=ratio", ""},
		{"GET", "/notes?ratio=0", ""},
		{"GET", "/notes?author=Zo%C3%AB", ""},
		{"GET", "/notes/1", ""},
		{"POST", "/notes", `{"text":"\u202eevil \ud83d\ude00","author":"\u05e9","at":"2026-12-01T00:00:00.000001-09:30","big":-9007199254740993,"ratio":-1e-300}`},
		{"GET", "/notes/5", ""},
		{"POST", "/notes", `{"text":"t","author":"a","at":"2026-12-01T00:00:00+14:00","big":1.5,"ratio":1}`},
		{"PATCH", "/notes/5", `{"at":"2026-12-01T23:59:59.9999999Z"}`},
		{"PUT", "/notes/5", `{"text":"","author":"","at":"2026-12-01T00:00:00Z","big":9223372036854775807,"ratio":0}`},
		{"GET", "/notes?_sort=-big&_limit=2", ""},
		{"POST", "/notes", `{"text":"a\u0000b","author":"nul","at":"2026-12-01T00:00:00Z","big":1,"ratio":1}`},
		{"PATCH", "/notes/5", `{"author":"\u0000"}`},
		{"DELETE", "/notes/5", ""},
		{"GET", "/notes/5", ""},
	},
	"oddvalues/flags": {
		{"GET", "/flags", ""},
		{"GET", "/flags?on=true", ""},
		{"GET", "/flags?on=1", ""},
		{"GET", "/flags?_sort=-on", ""},
		{"POST", "/flags", `{"on":true,"off":true}`},
		{"POST", "/flags", `{"on":"true","off":true}`},
		{"PATCH", "/flags/3", `{"on":false}`},
		{"PUT", "/flags/3", `{"on":true,"off":false}`},
		{"DELETE", "/flags/3", ""},
		{"GET", "/flags/3", ""},
	},
	"oddvalues/devices": {
		{"GET", "/devices", ""},
		{"POST", "/devices", `{"push":true,"platform":"ios","seen_at":null,"meta":null,"list":[null,{"b":"x"}]}`},
		{"GET", "{created}", ""},
		{"POST", "/devices", `{"push":true,"platform":"web"}`},
		{"PATCH", "{created}", `{"meta":{"a":1},"seen_at":"2026-12-01T00:00:00.5+01:00"}`},
		{"PATCH", "{created}", `{"meta":{"a":null}}`},
		{"PUT", "{created}", `{"push":false,"platform":"android"}`},
		{"GET", "/devices?platform=android&_sort=seen_at", ""},
		{"DELETE", "{created}", ""},
		{"GET", "{created}", ""},
	},
	"resources/rooms": {
		{"GET", "/rooms", ""},
		{"GET", "/rooms/general", ""},
		{"GET", "/rooms/nope", ""},
		{"POST", "/rooms", `{"slug":"dev","title":"Dev","members":0}`},
		{"POST", "/rooms", `{"slug":"general","title":"Again","members":1}`},
		{"POST", "/rooms", `{"title":"No slug","members":1}`},
		{"POST", "/rooms", `{"slug":"x","title":"Bad","members":1.5}`},
		{"PUT", "/rooms/dev", `{"slug":"dev","title":"Dev team","members":5,"topic":"go"}`},
		{"PUT", "/rooms/dev", `{"title":"Dev team","members":6}`},
		{"PUT", "/rooms/dev", `{"slug":"ops","title":"Ops","members":5}`},
		{"PATCH", "/rooms/dev", `{"topic":null}`},
		{"PATCH", "/rooms/random", `{"members":7}`},
		{"GET", "/rooms?_sort=members&_order=desc", ""},
		{"GET", "/rooms?topic=anything", ""},
		{"DELETE", "/rooms/dev", ""},
		{"GET", "/rooms/dev", ""},
		{"GET", "/rooms", ""},
	},
}

// crudAnswer is what the differential compares: the status, the headers a client reads,
// and the bytes.
type crudAnswer struct {
	status                 int
	ctype, location, total string
	body                   []byte
}

// at is the step with {created} in its target standing for location, the path of the
// record created last.
func (s crudStep) at(location string) crudStep {
	s.target = strings.ReplaceAll(s.target, "{created}", location)
	return s
}

func (s crudStep) send(t *testing.T, base string) crudAnswer {
	t.Helper()
	var body io.Reader
	if s.body != "" {
		body = strings.NewReader(s.body)
	}
	req, err := http.NewRequest(s.method, base+s.target, body)
	if err != nil {
		t.Fatal(err)
	}
	if s.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", s.method, s.target, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return crudAnswer{resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Location"), resp.Header.Get(contract.TotalHeader), data}
}

// serveWithState is bb serve --validate for s, its resources in a fresh state file.
func serveWithState(t *testing.T, s *spec.Spec) string {
	t.Helper()
	st := tables.Open(filepath.Join(t.TempDir(), "state.db"))
	t.Cleanup(func() { st.Close() })
	if _, err := runtime.SyncState(context.Background(), st, s); err != nil {
		t.Fatal(err)
	}
	// The ejected server draws UUIDs from STUB_SEED=7's source, as bb serve from this.
	play := &contract.Play{Rand: contract.NewRand(7)}
	srv := httptest.NewServer(runtime.Compile(s, runtime.Options{NoCORS: true, Validate: true, Store: st, Play: play}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// resourceDifferential runs the CRUD sequence of each resource of s, one request at a
// time, against bb serve with a fresh state file and against the ejected server on a
// fresh database, and requires the same status, Content-Type, Location, X-Total-Count
// and body bytes from both.
func resourceDifferential(t *testing.T, specCase string, s *spec.Spec, serveURL, ejectedURL string) {
	t.Helper()
	steps, differ := 0, 0
	statuses := map[int]int{}
	for _, r := range s.Resources {
		seq := crudSequences[specCase+"/"+r.Name]
		if len(seq) == 0 {
			t.Fatalf("no CRUD sequence for resource %s of %s: add one to crudSequences", r.Name, specCase)
		}
		var wantAt, gotAt string // the Location of the record each server created last
		for i, step := range seq {
			want, got := step.at(wantAt).send(t, serveURL), step.at(gotAt).send(t, ejectedURL)
			if want.location != "" {
				wantAt, gotAt = want.location, got.location
			}
			steps++
			statuses[want.status]++
			var d []string
			if want.status != got.status {
				d = append(d, fmt.Sprintf("status: bb serve %d, ejected %d", want.status, got.status))
			}
			for _, h := range [][3]string{{"Content-Type", want.ctype, got.ctype}, {"Location", want.location, got.location}, {contract.TotalHeader, want.total, got.total}} {
				if h[1] != h[2] {
					d = append(d, fmt.Sprintf("%s: bb serve %q, ejected %q", h[0], h[1], h[2]))
				}
			}
			if !bytes.Equal(want.body, got.body) {
				d = append(d, fmt.Sprintf("body:\n    bb serve: %s\n    ejected:  %s", clipBytes(want.body), clipBytes(got.body)))
			}
			if len(d) > 0 {
				differ++
				t.Errorf("%s step %d: %s %s %s:\n  %s", r.Name, i+1, step.method, step.target, step.body, strings.Join(d, "\n  "))
			}
		}
	}
	t.Logf("resources: %d CRUD steps, %d differ; bb serve's statuses: %v", steps, differ, statuses)
	// The sequence reaches every kind of answer, or it proves less than it seems to.
	want := []int{200, 201, 204, 400, 404}
	for _, r := range s.Resources {
		if r.IDKind == contract.IDString {
			want = append(want, 409)
		}
	}
	for _, status := range want {
		if statuses[status] == 0 {
			t.Errorf("no step of the CRUD sequence got a %d", status)
		}
	}
}

// freshPostgres creates an empty database on the PostgreSQL server of url, through a
// program run in the ejected project (which holds the pgx driver), and returns its URL;
// the database is dropped when the test ends.
func freshPostgres(t *testing.T, dir, url string) string {
	t.Helper()
	prog := filepath.Join(dir, "internal", "bbfreshdb")
	if err := os.MkdirAll(prog, 0o755); err != nil {
		t.Fatal(err)
	}
	const src = `package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func main() {
	db, err := sql.Open("pgx", os.Args[1])
	if err != nil {
		panic(err)
	}
	defer db.Close()
	if _, err := db.Exec(os.Args[2] + " DATABASE " + os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`
	if err := os.WriteFile(filepath.Join(prog, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "bin", "bbfreshdb")
	gocmd(t, dir, goEnv(), "build", "-o", bin, "./internal/bbfreshdb")
	if err := os.RemoveAll(prog); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("bb_resources_%d", time.Now().UnixNano())
	run := func(verb string) error {
		out, err := exec.Command(bin, url, verb, name).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s DATABASE %s: %v\n%s", verb, name, err, out)
		}
		return nil
	}
	if err := run("CREATE"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := run("DROP"); err != nil {
			t.Log(err)
		}
	})
	u, err := replaceDatabase(url, name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// replaceDatabase is the postgres:// URL u naming the database name instead.
func replaceDatabase(u, name string) (string, error) {
	rest, query, _ := strings.Cut(u, "?")
	slash := strings.LastIndex(rest, "/")
	if slash < len("postgres://") {
		return "", fmt.Errorf("BB_TEST_POSTGRES_URL %q names no database", u)
	}
	out := rest[:slash+1] + name
	if query != "" {
		out += "?" + query
	}
	return out, nil
}

// writePanicTest adds a test to the ejected resources project: a resource handler that
// panics gets a 500 in the spec's error shape, and the server goes on; one that returns
// api.Error gets its status.
func writePanicTest(t *testing.T, dir string) {
	t.Helper()
	src := strings.ReplaceAll(`package contracttest

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"MODULE/internal/api"
	"MODULE/internal/handlers"
	"MODULE/internal/store"
)

type panicky struct{ *handlers.Handlers }

func (panicky) GetMessage(ctx context.Context, id int64) (api.Message, error) { panic("boom") }

func (panicky) DeleteMessage(ctx context.Context, id int64) error { return api.Error(403, "not yours") }

func TestResourcePanic(t *testing.T) {
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "panic.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := api.NewServer(panicky{handlers.New(st)}, api.Options{})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/messages/1", nil))
	if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/json" || strings.TrimSpace(rec.Body.String()) != `+"`"+`{"error":"internal server error"}`+"`"+` {
		t.Errorf("a panicking handler: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/messages", nil))
	if rec.Code != 200 {
		t.Errorf("after a panic, the list answers %d %s", rec.Code, rec.Body)
	}
	// A handler answers any status with api.Error, in the spec's error shape.
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("DELETE", "/api/messages/1", nil))
	if rec.Code != 403 || strings.TrimSpace(rec.Body.String()) != `+"`"+`{"error":"not yours"}`+"`"+` {
		t.Errorf("a handler refusing with api.Error(403, …): %d %s", rec.Code, rec.Body)
	}
}
`, "MODULE", Module(dir))
	if err := os.WriteFile(filepath.Join(dir, "internal", "contracttest", "panic_test.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestResourceAdded ejects a spec, runs the server on a database, then adds a resource
// to the spec: bb eject --update writes the new resource's handlers, queries and
// migrations beside the developer's files, the project builds and passes its tests, and
// the server, started again on the same database, creates the new table and answers
// every resource as bb serve does.
func TestResourceAdded(t *testing.T) {
	full, err := os.ReadFile("testdata/specs/resources/bb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	before, _, ok := strings.Cut(string(full), "  attachments:\n")
	if !ok {
		t.Fatal("testdata/specs/resources has no attachments to add")
	}
	specDir := t.TempDir()
	specFile := filepath.Join(specDir, spec.FileName)
	load := func(text string) *spec.Spec {
		t.Helper()
		if err := os.WriteFile(specFile, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := spec.Load(specDir)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	store := Store{SQLite: true}
	dir := t.TempDir()
	v1 := load(before)
	p, err := Generate(v1, Options{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, p, WriteOptions{Store: store, Spec: specFile}); err != nil {
		t.Fatal(err)
	}
	// The developer makes a handler file theirs.
	mine := filepath.Join(dir, "internal", "handlers", "messages.go")
	edited, err := os.ReadFile(mine)
	if err != nil {
		t.Fatal(err)
	}
	edited = append(edited, "\n// edited by hand\n"...)
	if err := os.WriteFile(mine, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	env := goEnv()
	gocmd(t, dir, env, "build", "-o", "bin/v1", "./cmd/server")
	db := "sqlite:" + filepath.Join(dir, "data.db")
	step := crudStep{"GET", "/attachments", ""}
	if got := step.send(t, startServer(t, filepath.Join(dir, "bin", "v1"), db, v1.HealthPath())); got.status != http.StatusNotFound {
		t.Fatalf("before the resource is added, GET /attachments answers %d", got.status)
	}

	v2 := load(string(full))
	p, err = Generate(v2, Options{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Write(dir, p, WriteOptions{Update: true, Store: store, Spec: specFile})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"internal/handlers/attachments.go",
		"internal/store/attachments.sql.go",
		"internal/store/attachments_postgres.go",
		"internal/store/migrations/sqlite/00005_attachments.sql",
		"internal/store/migrations/sqlite/00006_attachments_seed.sql",
		"internal/store/postgres/attachments.sql",
		"internal/store/queries/attachments.sql",
	}
	if strings.Join(rep.Created, "\n") != strings.Join(want, "\n") {
		t.Errorf("--update created\n  %s\nwant\n  %s", strings.Join(rep.Created, "\n  "), strings.Join(want, "\n  "))
	}
	if got, _ := os.ReadFile(mine); !bytes.Equal(got, edited) {
		t.Error("--update changed a handler file the developer edited")
	}
	// Once written, a resource's files are the developer's: one deleted stays deleted.
	seed := filepath.Join(dir, "internal", "store", "migrations", "sqlite", "00004_rooms_seed.sql")
	seedSQL, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(seed); err != nil {
		t.Fatal(err)
	}
	if rep, err := Write(dir, p, WriteOptions{Update: true, Store: store, Spec: specFile}); err != nil || len(rep.Created) > 0 {
		t.Fatalf("a second --update: created %v, %v", rep.Created, err)
	}
	if err := os.WriteFile(seed, seedSQL, 0o644); err != nil { // as bb serve's, for the comparison
		t.Fatal(err)
	}
	gocmd(t, dir, env, "vet", "./...")
	gocmd(t, dir, env, "build", "-o", "bin/v2", "./cmd/server")
	gocmd(t, dir, env, "test", "-count=1", "./...")
	resourceDifferential(t, "resources", v2, serveWithState(t, v2), startServer(t, filepath.Join(dir, "bin", "v2"), db, v2.HealthPath(), "STUB_SEED=7"))

	// The resource leaves the spec again: its handler file, which names its types, leaves
	// the build, and the project builds; its store code and migrations stay.
	p, err = Generate(load(before), Options{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	rep, err = Write(dir, p, WriteOptions{Update: true, Store: store, Spec: specFile})
	wantMove := []Move{{Op: "resource attachments", From: "internal/handlers/attachments.go", To: "internal/handlers/attachments.go.removed"}}
	if err != nil || !slices.EqualFunc(rep.Moved, wantMove, sameMove) {
		t.Fatalf("removing a resource moved %+v (%v), want %+v", rep.Moved, err, wantMove)
	}
	for _, f := range []string{"internal/handlers/attachments.go.removed", "internal/store/attachments.sql.go", "internal/store/migrations/sqlite/00005_attachments.sql"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Error(err)
		}
	}
	gocmd(t, dir, env, "vet", "./...")
}

// TestRenumberMigrations: a resource added later takes the numbers after the project's
// last migration, the same in each dialect's folder, in the order Render gave them.
func TestRenumberMigrations(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"sqlite/00001_messages.sql", "sqlite/00002_messages_seed.sql", "sqlite/00007_add_pinned.sql", "postgres/00001_messages.sql", "sqlite/README"} {
		p := filepath.Join(dir, "internal", "store", "migrations", filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := renumberMigrations(dir, []string{
		"internal/handlers/rooms.go",
		"internal/store/migrations/sqlite/00002_rooms_seed.sql",
		"internal/store/migrations/postgres/00001_rooms.sql",
		"internal/store/migrations/sqlite/00001_rooms.sql",
		"internal/store/migrations/sqlite/00003_tags.sql",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"internal/store/migrations/sqlite/00001_rooms.sql":      "internal/store/migrations/sqlite/00008_rooms.sql",
		"internal/store/migrations/postgres/00001_rooms.sql":    "internal/store/migrations/postgres/00008_rooms.sql",
		"internal/store/migrations/sqlite/00002_rooms_seed.sql": "internal/store/migrations/sqlite/00009_rooms_seed.sql",
		"internal/store/migrations/sqlite/00003_tags.sql":       "internal/store/migrations/sqlite/00010_tags.sql",
	}
	if !maps.Equal(got, want) {
		t.Errorf("renumbered\n  %v\nwant\n  %v", got, want)
	}
	for name, want := range map[string]int64{"00012_x.sql": 12, "1_y.sql": 1, "x.sql": -1, "0001.sql": -1, "12_a.txt": -1, "_a.sql": -1} {
		v, _, ok := migrationVersion(name)
		if !ok {
			v = -1
		}
		if v != want {
			t.Errorf("migrationVersion(%q) = %d, want %d", name, v, want)
		}
	}
}
