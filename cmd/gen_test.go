package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeSpec(t *testing.T, dir, src string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "bb.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

const genSpec = `version: 1
name: Messages
endpoints:
  getMessages:
    method: POST
    path: /api/get_messages
    request:
      body: {user: larry}
    responses:
      - body: {messages: [{text: hi}]}
  deleteMessage:
    method: DELETE
    path: /api/messages/{id}
    responses:
      - status: 204
        body: null
`

func TestGenSwift(t *testing.T) {
	dir := t.TempDir()
	writeSpec(t, dir, strings.Replace(genSpec, "        body: null\n", "", 1))
	var out, errb bytes.Buffer
	streams := &IO{Out: &out, Err: &errb}
	if err := runGenSwift(&GenSwiftOptions{Path: dir}, streams); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(dir, "MessagesAPI")
	for _, f := range []string{
		"Package.swift", "README.md",
		"Sources/MessagesAPI/MessagesClient.swift",
		"Sources/MessagesAPI/Models/Message.swift",
		"Sources/MessagesAPI/Models/GetMessagesRequest.swift",
	} {
		if _, err := os.Stat(filepath.Join(pkg, filepath.FromSlash(f))); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if !strings.Contains(out.String(), "written") || !strings.Contains(out.String(), "Add Local") {
		t.Errorf("output: %q", out.String())
	}

	// Twice: byte-identical, nothing written.
	out.Reset()
	if err := runGenSwift(&GenSwiftOptions{Path: dir}, streams); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "0 written") {
		t.Errorf("second run wrote files: %q", out.String())
	}

	// A removed endpoint's model goes; the user's own file stays.
	user := filepath.Join(pkg, "Sources", "MessagesAPI", "Helpers.swift")
	os.WriteFile(user, []byte("extension MessagesClient {}\n"), 0o644)
	writeSpec(t, dir, strings.Replace(genSpec, "    request:\n      body: {user: larry}\n", "", 1))
	out.Reset()
	if err := runGenSwift(&GenSwiftOptions{Path: dir}, streams); err == nil {
		// genSpec still has `body: null` on a 204, which the spec refuses.
		t.Fatal("want a spec error")
	}
	writeSpec(t, dir, strings.Replace(strings.Replace(genSpec, "    request:\n      body: {user: larry}\n", "", 1), "        body: null\n", "", 1))
	if err := runGenSwift(&GenSwiftOptions{Path: dir}, streams); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(pkg, "Sources", "MessagesAPI", "Models", "GetMessagesRequest.swift")); err == nil {
		t.Errorf("the stale request model was not removed")
	}
	if _, err := os.Stat(user); err != nil {
		t.Errorf("the user's file was removed")
	}
	if !strings.Contains(out.String(), "1 removed") {
		t.Errorf("output: %q", out.String())
	}
}

func TestGenSwiftOutAndName(t *testing.T) {
	dir := t.TempDir()
	writeSpec(t, dir, strings.Replace(genSpec, "        body: null\n", "", 1))
	out := filepath.Join(t.TempDir(), "Client")
	var stdout bytes.Buffer
	if err := runGenSwift(&GenSwiftOptions{Path: filepath.Join(dir, "bb.yaml"), Out: out, Name: "chat app"}, &IO{Out: &stdout, Err: &stdout}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "Package.swift"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `name: "ChatAppAPI"`) {
		t.Errorf("Package.swift:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(out, "Sources", "ChatAppAPI", "ChatAppClient.swift")); err != nil {
		t.Error(err)
	}
}

func TestGenSwiftExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeSpec(t, dir, genSpec) // a 204 with a body: a spec error
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"gen", "swift", dir}, &IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != ExitUsage {
		t.Errorf("spec error: exit %d, want %d; stderr %q", code, ExitUsage, errb.String())
	}
	if !strings.Contains(errb.String(), "bb.yaml:15:") {
		t.Errorf("stderr lacks a position: %q", errb.String())
	}

	writeSpec(t, dir, strings.Replace(genSpec, "        body: null\n", "", 1))
	errb.Reset()
	code = Run(context.Background(), []string{"gen", "swift", dir, "--name", "!!!"}, &IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != ExitUsage {
		t.Errorf("bad --name: exit %d, want %d; stderr %q", code, ExitUsage, errb.String())
	}
	code = Run(context.Background(), []string{"gen", "swift", dir, "--bogus"}, &IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != ExitUsage {
		t.Errorf("bad flag: exit %d, want %d", code, ExitUsage)
	}
	code = Run(context.Background(), []string{"gen", "swift", dir}, &IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != ExitOK {
		t.Errorf("exit %d, want 0; stderr %q", code, errb.String())
	}
}
