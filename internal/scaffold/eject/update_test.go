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

	"github.com/backwards-backend/bb/internal/spec"
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
	if err != nil || !rep.Stale() || !slices.Contains(rep.Created, "internal/handlers/send_message.go") || !slices.Equal(rep.Deleted, []string{"internal/handlers/remove_me.go"}) {
		t.Fatalf("check after the spec changed: %+v, %v; want stale with send_message.go to create and remove_me.go to delete", rep, err)
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
	// removeMe's handler was never edited: it holds nothing of the developer's, so it goes.
	if !slices.Equal(rep.Deleted, []string{"internal/handlers/remove_me.go"}) || len(rep.Moved) > 0 {
		t.Errorf("deleted %v, moved %v; want the removed endpoint's untouched handler deleted", rep.Deleted, rep.Moved)
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
	if _, err := os.Stat(filepath.Join(out, "internal", "handlers", "remove_me.go")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("remove_me.go: %v; want it deleted", err)
	}
	// Nothing is left behind: the updated project builds and passes its tests.
	if rep, err := Write(out, p2, WriteOptions{Check: true}); err != nil || rep.Stale() {
		t.Fatalf("check after update: %+v, %v; want up to date", rep, err)
	}
	env := goEnv()
	gocmd(t, out, env, "vet", "./...")
	gocmd(t, out, env, "test", "-count=1", "./...")
	if rep, err := Write(out, p2, WriteOptions{Update: true}); err != nil || rep.Stale() {
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
	_, p := generate(t, "../../../examples/messages")
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

// removeMeEdit is work a developer put into the removeMe handler: a helper beside it.
const removeMeEdit = `
// double is a helper written by hand.
func double(n int) int { return 2 * n }
`

// editHandler puts the developer's own code into a handler file, which makes it theirs.
func editHandler(t *testing.T, path, extra string) string {
	t.Helper()
	edited := strings.Replace(readFile(t, path), "\treturn stubs.", "\t_ = double(1)\n\treturn stubs.", 1) + extra
	if !strings.Contains(edited, "double(1)") {
		t.Fatalf("%s has no stub call to edit", path)
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return edited
}

// build runs go build ./... in the project as bb eject does, offline from the module cache.
func build(dir string) error {
	return Build(context.Background(), dir, BuildOptions{Go: goTool(), Env: goEnv("GOPROXY=off")})
}

// TestUpdateMovesEditedHandlers is the case: an endpoint whose handler the
// developer edited leaves the spec. Before, --update left the file where it was and the
// project stopped building; now the file is renamed out of the build, every byte kept,
// and the project builds. The endpoint then comes back, and goes again.
func TestUpdateMovesEditedHandlers(t *testing.T) {
	specDir, out := t.TempDir(), filepath.Join(t.TempDir(), "server")
	p1 := ejectSpec(t, specDir, specV1)
	if _, err := Write(out, p1, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	handlers := filepath.Join(out, "internal", "handlers")
	edited := editHandler(t, filepath.Join(handlers, "remove_me.go"), removeMeEdit)

	p2 := ejectSpec(t, specDir, specV2)
	want := []Move{{Op: "removeMe", From: "internal/handlers/remove_me.go", To: "internal/handlers/remove_me.go.removed", Also: []string{"double"}}}
	rep, err := Write(out, p2, WriteOptions{Check: true})
	if err != nil || !rep.Stale() || !slices.EqualFunc(rep.Moved, want, sameMove) || len(rep.Deleted) > 0 {
		t.Fatalf("check: moved %+v, deleted %v, err %v; want %+v", rep.Moved, rep.Deleted, err, want)
	}
	if readFile(t, filepath.Join(handlers, "remove_me.go")) != edited {
		t.Fatal("--check moved a file")
	}
	rep, err = Write(out, p2, WriteOptions{Update: true})
	if err != nil || !slices.EqualFunc(rep.Moved, want, sameMove) {
		t.Fatalf("update: moved %+v, err %v; want %+v", rep.Moved, err, want)
	}
	if _, err := os.Stat(filepath.Join(handlers, "remove_me.go")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("remove_me.go is still in the build: %v", err)
	}
	if got := readFile(t, filepath.Join(handlers, "remove_me.go.removed")); got != edited {
		t.Fatalf("the moved file changed:\n%s", got)
	}
	if err := build(out); err != nil {
		t.Fatalf("the project does not build after the endpoint was removed:\n%v", err)
	}
	if rep, err := Write(out, p2, WriteOptions{Check: true}); err != nil || rep.Stale() {
		t.Fatalf("check after update: %+v, %v; want up to date", rep, err)
	}

	// The endpoint comes back: a new handler answers with the stubs, and the moved file
	// is pointed out, not brought back over it.
	p1 = ejectSpec(t, specDir, specV1)
	rep, err = Write(out, p1, WriteOptions{Update: true})
	wantBack := []Return{{Op: "removeMe", File: "internal/handlers/remove_me.go", Earlier: "internal/handlers/remove_me.go.removed"}}
	if err != nil || !slices.Equal(rep.Returned, wantBack) || !slices.Contains(rep.Created, "internal/handlers/remove_me.go") {
		t.Fatalf("re-added: returned %+v, created %v, err %v; want %+v", rep.Returned, rep.Created, err, wantBack)
	}
	if got := readFile(t, filepath.Join(handlers, "remove_me.go")); got != string(p1.Owned["internal/handlers/remove_me.go"]) {
		t.Fatalf("the re-added endpoint's handler is not the stub:\n%s", got)
	}
	if readFile(t, filepath.Join(handlers, "remove_me.go.removed")) != edited {
		t.Fatal("the moved file changed when its endpoint came back")
	}
	if err := build(out); err != nil {
		t.Fatalf("the project does not build after the endpoint came back:\n%v", err)
	}

	// Edited again and removed again: the second move takes a name of its own.
	again := editHandler(t, filepath.Join(handlers, "remove_me.go"), "")
	rep, err = Write(out, ejectSpec(t, specDir, specV2), WriteOptions{Update: true})
	want[0].To, want[0].Also = "internal/handlers/remove_me_2.go.removed", nil
	if err != nil || !slices.EqualFunc(rep.Moved, want, sameMove) {
		t.Fatalf("removed again: moved %+v, err %v; want %+v", rep.Moved, err, want)
	}
	if readFile(t, filepath.Join(handlers, "remove_me.go.removed")) != edited || readFile(t, filepath.Join(handlers, "remove_me_2.go.removed")) != again {
		t.Fatal("a second move replaced or changed a moved file")
	}

	// The developer brings their handler back by hand before the endpoint returns: it
	// serves the endpoint, and no second method is created beside it.
	if err := os.Rename(filepath.Join(handlers, "remove_me.go.removed"), filepath.Join(handlers, "remove_me.go")); err != nil {
		t.Fatal(err)
	}
	rep, err = Write(out, ejectSpec(t, specDir, specV1), WriteOptions{Update: true})
	if err != nil || len(rep.Created) > 0 || len(rep.Returned) > 0 {
		t.Fatalf("back by hand: created %v, returned %+v, err %v; want nothing created", rep.Created, rep.Returned, err)
	}
	if readFile(t, filepath.Join(handlers, "remove_me.go")) != edited {
		t.Fatal("the handler brought back by hand changed")
	}
	if err := build(out); err != nil {
		t.Fatalf("the project does not build with the handler brought back by hand:\n%v", err)
	}
}

func sameMove(a, b Move) bool {
	return a.Op == b.Op && a.From == b.From && a.To == b.To && slices.Equal(a.Also, b.Also)
}

// TestUpdateRenamedEndpoint: renaming an endpoint removes one and adds another. When the
// Go name stays, the developer's handler file keeps serving it; when it changes, the old
// file leaves the build and the new endpoint gets a stub.
func TestUpdateRenamedEndpoint(t *testing.T) {
	specDir, out := t.TempDir(), filepath.Join(t.TempDir(), "server")
	if _, err := Write(out, ejectSpec(t, specDir, specV2), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	handler := filepath.Join(out, "internal", "handlers", "get_messages.go")
	edited := strings.Replace(readFile(t, handler), "(api.GetMessagesOutput, error) {\n", "(api.GetMessagesOutput, error) {\n"+handEdit, 1)
	if !strings.Contains(edited, handEdit) {
		t.Fatal("the handler's signature changed; keep this test in step")
	}
	if err := os.WriteFile(handler, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	// getMessages → get_messages: the same method, GetMessages, in the same file.
	rep, err := Write(out, ejectSpec(t, specDir, strings.Replace(specV2, "getMessages:", "get_messages:", 1)), WriteOptions{Update: true})
	if err != nil || len(rep.Moved)+len(rep.Deleted)+len(rep.Created)+len(rep.Kept) > 0 {
		t.Fatalf("renamed, same Go name: %+v, %v; want the file to serve it as it is", rep, err)
	}
	if readFile(t, handler) != edited {
		t.Fatal("the handler changed")
	}
	if err := build(out); err != nil {
		t.Fatalf("the project does not build:\n%v", err)
	}

	// get_messages → fetchMessages: FetchMessages is a new method, with a new input type.
	rep, err = Write(out, ejectSpec(t, specDir, strings.Replace(specV2, "getMessages:", "fetchMessages:", 1)), WriteOptions{Update: true})
	want := []Move{{Op: "get_messages", From: "internal/handlers/get_messages.go", To: "internal/handlers/get_messages.go.removed"}}
	if err != nil || !slices.EqualFunc(rep.Moved, want, sameMove) || !slices.Equal(rep.Created, []string{"internal/handlers/fetch_messages.go"}) {
		t.Fatalf("renamed: moved %+v, created %v, err %v; want %+v and fetch_messages.go", rep.Moved, rep.Created, err, want)
	}
	if readFile(t, handler+RemovedSuffix) != edited {
		t.Fatal("the moved handler changed")
	}
	if err := build(out); err != nil {
		t.Fatalf("the project does not build after the rename:\n%v", err)
	}
}

// TestUpdateKeepsSharedFiles: a removed endpoint's handler file that also holds the
// method of an endpoint still in the spec stays where it is, since moving it would take
// that endpoint out too. The build then fails, and Build says where.
func TestUpdateKeepsSharedFiles(t *testing.T) {
	specDir, out := t.TempDir(), filepath.Join(t.TempDir(), "server")
	if _, err := Write(out, ejectSpec(t, specDir, specV1), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	handlers := filepath.Join(out, "internal", "handlers")
	// The developer moves Ping into removeMe's file.
	ping := readFile(t, filepath.Join(handlers, "ping.go"))
	shared := readFile(t, filepath.Join(handlers, "remove_me.go")) + ping[strings.Index(ping, "\n// Ping "):]
	if err := os.WriteFile(filepath.Join(handlers, "remove_me.go"), []byte(shared), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(handlers, "ping.go")); err != nil {
		t.Fatal(err)
	}
	if err := build(out); err != nil {
		t.Fatalf("the developer's change does not build:\n%v", err)
	}

	p2 := ejectSpec(t, specDir, specV2)
	want := []Kept{{Op: "removeMe", File: "internal/handlers/remove_me.go", Needs: []string{"Ping"}, Gone: []string{"RemoveMe"}}}
	for _, opt := range []WriteOptions{{Check: true}, {Update: true}} {
		rep, err := Write(out, p2, opt)
		if err != nil || !rep.Stale() || !slices.EqualFunc(rep.Kept, want, sameKept) || len(rep.Moved)+len(rep.Deleted) > 0 {
			t.Fatalf("%+v: %+v, %v; want %+v kept", opt, rep, err, want)
		}
		if slices.Contains(rep.Created, "internal/handlers/ping.go") {
			t.Fatalf("%+v: created ping.go beside the Ping the developer moved", opt)
		}
	}
	if readFile(t, filepath.Join(handlers, "remove_me.go")) != shared {
		t.Fatal("the shared file changed")
	}
	err := build(out)
	var be *BuildError
	if !errors.As(err, &be) || !strings.Contains(be.Output, "remove_me.go") || !strings.Contains(be.Output, "RemoveMeInput") {
		t.Fatalf("Build with RemoveMe still in the build: %v; want go build's error naming remove_me.go", err)
	}
	if strings.Contains(be.Output, "go: downloading") || !strings.Contains(err.Error(), "undefined: api.RemoveMeInput") {
		t.Fatalf("BuildError:\n%v", err)
	}

	// The developer takes RemoveMe out: the file serves Ping alone, and all is well.
	if err := os.WriteFile(filepath.Join(handlers, "remove_me.go"), []byte(ping), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, err := Write(out, p2, WriteOptions{Update: true}); err != nil || rep.Stale() {
		t.Fatalf("after the split: %+v, %v; want up to date", rep, err)
	}
	if err := build(out); err != nil {
		t.Fatalf("the project does not build after the split:\n%v", err)
	}
}

func sameKept(a, b Kept) bool {
	return a.Op == b.Op && a.File == b.File && slices.Equal(a.Needs, b.Needs) && slices.Equal(a.Gone, b.Gone)
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

// TestUpdateRenamedUntouched: an untouched handler whose endpoint is renamed without
// changing its Go name or file name is deleted and written again with the new stubs.
func TestUpdateRenamedUntouched(t *testing.T) {
	specDir, out := t.TempDir(), filepath.Join(t.TempDir(), "server")
	if _, err := Write(out, ejectSpec(t, specDir, specV2), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	p := ejectSpec(t, specDir, strings.Replace(specV2, "getMessages:", "get_messages:", 1))
	rep, err := Write(out, p, WriteOptions{Update: true})
	file := "internal/handlers/get_messages.go"
	if err != nil || !slices.Equal(rep.Deleted, []string{file}) || !slices.Equal(rep.Created, []string{file}) || len(rep.Moved) > 0 {
		t.Fatalf("%+v, %v; want %s deleted and created again", rep, err, file)
	}
	if readFile(t, filepath.Join(out, filepath.FromSlash(file))) != string(p.Owned[file]) {
		t.Fatal("the handler is not the new stub")
	}
	if rep, err := Write(out, p, WriteOptions{Check: true}); err != nil || rep.Stale() {
		t.Fatalf("check after update: %+v, %v", rep, err)
	}
}
