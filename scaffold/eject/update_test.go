package eject

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/spec"
)

const specV1 = `version: 1
name: Chat
endpoints:
  getMessages:
    method: POST
    path: /api/get_messages
    request:
      body: {user: larry}
    responses:
      - when: {body.user: larry}
        body: {messages: [test1, test2]}
      - status: 404
        body: {error: no user found}
  ping:
    method: GET
    path: /ping
    responses:
      - body: {ok: true}
  removeMe:
    method: GET
    path: /old
    responses:
      - body: {x: 1}
`

// specV2 adds sendMessage, changes getMessages (its request gains a field) and ping (its
// answer), and removes removeMe.
const specV2 = `version: 1
name: Chat
endpoints:
  getMessages:
    method: POST
    path: /api/get_messages
    request:
      body: {user: larry, limit: 10}
    responses:
      - when: {body.user: larry}
        body: {messages: [test1, test2]}
      - status: 404
        body: {error: no user found}
  ping:
    method: GET
    path: /ping
    responses:
      - body: {ok: true, version: 2}
  sendMessage:
    method: POST
    path: /api/send_message
    request:
      body: {to: larry, text: hi}
    responses:
      - status: 201
        body: {id: 1}
`

// handEdit is real logic a developer put into the getMessages handler; it must survive
// every --update.
const handEdit = `	if in.Body.User == "ada" { // written by hand
		return api.GetMessagesOK(api.GetMessagesResponse{Messages: []string{"hello"}}), nil
	}
`

func ejectSpec(t *testing.T, specDir, text string) *Project {
	t.Helper()
	if err := os.WriteFile(filepath.Join(specDir, spec.FileName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, p := generate(t, specDir)
	return p
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestUpdate walks a project through the life the issue describes: eject, write real
// logic by hand, add, change and remove endpoints, update, and build the result.
func TestUpdate(t *testing.T) {
	specDir, out := t.TempDir(), filepath.Join(t.TempDir(), "server")
	p1 := ejectSpec(t, specDir, specV1)
	if _, err := Write(out, p1, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(out, p1, WriteOptions{}); err == nil || !strings.Contains(err.Error(), "--update") {
		t.Fatalf("a second plain eject: err %v, want a pointer to --update", err)
	}
	if rep, err := Write(out, p1, WriteOptions{Check: true}); err != nil || rep.Stale() {
		t.Fatalf("check right after eject: stale %v, err %v", rep.Stale(), err)
	}

	// The developer writes logic into the getMessages handler.
	handler := filepath.Join(out, "internal", "handlers", "get_messages.go")
	edited := strings.Replace(readFile(t, handler), "(api.GetMessagesOutput, error) {\n", "(api.GetMessagesOutput, error) {\n"+handEdit, 1)
	if err := os.WriteFile(handler, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	p2 := ejectSpec(t, specDir, specV2)
	rep, err := Write(out, p2, WriteOptions{Check: true})
	if err != nil || !rep.Stale() || !slices.Contains(rep.Created, "internal/handlers/send_message.go") {
		t.Fatalf("check after the spec changed: %+v, %v; want stale with send_message.go to create", rep, err)
	}
	if _, err := os.Stat(filepath.Join(out, "internal", "handlers", "send_message.go")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("--check wrote a file")
	}

	rep, err = Write(out, p2, WriteOptions{Update: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, handler); got != edited {
		t.Fatalf("the hand-edited handler changed on --update:\n%s", got)
	}
	if !slices.Equal(rep.Created, []string{"internal/handlers/send_message.go"}) {
		t.Errorf("created %v, want only the new endpoint's handler", rep.Created)
	}
	if !slices.Equal(rep.Orphans, []string{"internal/handlers/remove_me.go"}) {
		t.Errorf("orphans %v, want the removed endpoint's handler", rep.Orphans)
	}
	if !slices.Contains(rep.Written, "internal/api/types.gen.go") {
		t.Errorf("written %v, want the types regenerated", rep.Written)
	}
	// ping's handler was never edited, so it follows the spec's new stub answer.
	if !slices.Equal(rep.Refreshed, []string{"internal/handlers/ping.go"}) {
		t.Errorf("refreshed %v, want the untouched ping handler", rep.Refreshed)
	}
	if ping := readFile(t, filepath.Join(out, "internal", "handlers", "ping.go")); !strings.Contains(ping, `"version":2`) {
		t.Errorf("the untouched ping handler kept its old stub:\n%s", ping)
	}
	for _, f := range []string{"internal/handlers/remove_me.go", "internal/handlers/ping.go"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s: %v; the developer's handler files must stay", f, err)
		}
	}
	// The orphan names types that are gone, so the build fails until the developer
	// deletes it, and --check says so; after that, the updated project builds and
	// passes its tests.
	if rep, err := Write(out, p2, WriteOptions{Check: true}); err != nil || !rep.Stale() || len(rep.Written)+len(rep.Created)+len(rep.Refreshed) > 0 || len(rep.Orphans) != 1 {
		t.Fatalf("check after update with an orphan: %+v, %v; want only the orphan", rep, err)
	}
	err = build(out)
	var be *BuildError
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "remove_me.go") || !strings.Contains(err.Error(), "undefined: api.RemoveMeInput") {
		t.Fatalf("Build with the orphan in place: %v; want go build's error naming remove_me.go", err)
	}
	if strings.Contains(be.Output, "go: downloading") {
		t.Fatalf("BuildError:\n%v", err)
	}
	if err := os.Remove(filepath.Join(out, "internal", "handlers", "remove_me.go")); err != nil {
		t.Fatal(err)
	}
	if err := build(out); err != nil {
		t.Fatalf("Build without the orphan:\n%v", err)
	}
	if rep, err := Write(out, p2, WriteOptions{Check: true}); err != nil || rep.Stale() {
		t.Fatalf("check after update: %+v, %v; want up to date", rep, err)
	}
	env := goEnv()
	gocmd(t, out, env, "vet", "./...")
	gocmd(t, out, env, "test", "-count=1", "./...")
	if rep, err := Write(out, p2, WriteOptions{Update: true}); err != nil || rep.Stale() || len(rep.Orphans) > 0 {
		t.Fatalf("update with nothing new: %+v, %v", rep, err)
	}

	// A hand edit to a generated file stops the update, which then writes nothing …
	gen := filepath.Join(out, "internal", "api", "api.gen.go")
	if err := os.WriteFile(gen, []byte(readFile(t, gen)+"\n// a hand edit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ejectSpec(t, specDir, specV1)
	_, err = Write(out, p1, WriteOptions{Update: true})
	var ee *EditedError
	if !errors.As(err, &ee) || !slices.Equal(ee.Files, []string{"internal/api/api.gen.go"}) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("update over a hand-edited generated file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "internal", "handlers", "remove_me.go")); err == nil {
		t.Fatal("a refused update created a handler")
	}
	// … unless forced, and even then the developer's files stay as they are.
	if _, err := Write(out, p1, WriteOptions{Update: true, Force: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(readFile(t, gen), "a hand edit") {
		t.Error("--force kept the hand edit in a generated file")
	}
	if got := readFile(t, handler); got != edited {
		t.Error("--force changed a handler file")
	}
}

func TestWriteRefusesAForeignFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, p := generate(t, "../../examples/messages")
	if _, err := Write(dir, p, WriteOptions{}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("eject into a non-empty folder: %v", err)
	}
	if _, err := Write(dir, p, WriteOptions{Update: true}); err == nil || !strings.Contains(err.Error(), "no ejected project") {
		t.Fatalf("update of a folder never ejected into: %v", err)
	}
	if got := readFile(t, filepath.Join(dir, "main.go")); got != "package main\n" {
		t.Fatal("a refused eject changed a file")
	}
}

// TestUpdateRecreatesLostHandlers: a handler file deleted with its method comes back on
// --update (the build needs it); one whose method moved to another file does not.
func TestUpdateRecreatesLostHandlers(t *testing.T) {
	specDir, out := t.TempDir(), filepath.Join(t.TempDir(), "server")
	p := ejectSpec(t, specDir, specV2)
	if _, err := Write(out, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	handlers := filepath.Join(out, "internal", "handlers")
	ping := readFile(t, filepath.Join(handlers, "ping.go"))
	for _, f := range []string{"ping.go", "send_message.go"} {
		if err := os.Remove(filepath.Join(handlers, f)); err != nil {
			t.Fatal(err)
		}
	}
	// The developer moved Ping into a file of their own.
	if err := os.WriteFile(filepath.Join(handlers, "mine.go"), []byte(ping), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Write(out, p, WriteOptions{Update: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Created, []string{"internal/handlers/send_message.go"}) {
		t.Fatalf("created %v, want only send_message.go back", rep.Created)
	}
	gocmd(t, out, goEnv(), "build", "./...")
}

// TestUpdateNotesChangedStubs: when the spec changes the stub answers of a handler the
// developer edited, --update leaves the file and says so.
func TestUpdateNotesChangedStubs(t *testing.T) {
	specDir, out := t.TempDir(), filepath.Join(t.TempDir(), "server")
	if _, err := Write(out, ejectSpec(t, specDir, specV2), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	handler := filepath.Join(out, "internal", "handlers", "get_messages.go")
	edited := strings.Replace(readFile(t, handler), "(api.GetMessagesOutput, error) {\n", "(api.GetMessagesOutput, error) {\n"+handEdit, 1)
	if err := os.WriteFile(handler, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(specV2, "no user found", "nobody here", 1)
	rep, err := Write(out, ejectSpec(t, specDir, changed), WriteOptions{Update: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.StubsChanged, []string{"internal/handlers/get_messages.go"}) || len(rep.Refreshed) > 0 {
		t.Fatalf("stubs changed %v, refreshed %v; want get_messages.go noted, nothing refreshed", rep.StubsChanged, rep.Refreshed)
	}
	if readFile(t, handler) != edited {
		t.Fatal("the edited handler changed")
	}
}

// build runs go build ./... in the project as bb eject does, offline from the module cache.
func build(dir string) error {
	return Build(context.Background(), dir, BuildOptions{Go: goTool(), Env: goEnv("GOPROXY=off")})
}

// TestBuildWithoutGo: with no go tool on PATH, Build says so and runs nothing.
func TestBuildWithoutGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if err := Build(context.Background(), t.TempDir(), BuildOptions{}); !errors.Is(err, ErrNoGo) {
		t.Fatalf("Build without go on PATH: %v, want ErrNoGo", err)
	}
}

// TestBuildErrorShowsTheFirstLines: a long compiler output is cut, saying how much is left.
func TestBuildErrorShowsTheFirstLines(t *testing.T) {
	var lines []string
	for i := range 30 {
		lines = append(lines, fmt.Sprintf("x.go:%d:1: undefined: y", i+1))
	}
	msg := (&BuildError{Output: strings.Join(lines, "\n") + "\n"}).Error()
	if !strings.Contains(msg, "x.go:20:1") || strings.Contains(msg, "x.go:21:1") || !strings.HasSuffix(msg, "… 10 more lines") {
		t.Fatalf("BuildError:\n%s", msg)
	}
}
