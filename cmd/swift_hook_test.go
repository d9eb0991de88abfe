package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
)

// TestSwiftRegeneratorSaysWhenGoodAgain: after --swift-out failed, the next good save
// says the package was regenerated, even when no file of it changed.
func TestSwiftRegeneratorSaysWhenGoodAgain(t *testing.T) {
	dir := t.TempDir()
	writeSpec(t, dir, strings.Replace(genSpec, "        body: null\n", "", 1))
	s, err := spec.Load(filepath.Join(dir, "bb.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rt := runtime.Compile(s, runtime.Options{})
	out := filepath.Join(dir, "MessagesAPI")
	hook := swiftRegenerator(out, "")
	if _, err := hook(rt); err != nil {
		t.Fatal(err)
	}
	if msg, err := hook(rt); err != nil || msg != "" {
		t.Fatalf("nothing changed, yet %q, %v", msg, err)
	}
	// A folder where the package's manifest goes: the write fails.
	manifest := filepath.Join(out, "Package.swift")
	keep, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(manifest)
	if err := os.MkdirAll(filepath.Join(manifest, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := hook(rt); err == nil || !strings.Contains(err.Error(), "swift package not written to") {
		t.Fatalf("write into a folder: %v", err)
	}
	// Fixed by hand, byte for byte as bb writes it: no file changes, and yet it says so.
	os.RemoveAll(manifest)
	if err := os.WriteFile(manifest, keep, 0o644); err != nil {
		t.Fatal(err)
	}
	msg, err := hook(rt)
	if err != nil || !strings.HasPrefix(msg, "swift package "+out+" regenerated, good again: 0 written") {
		t.Fatalf("after the failure: %q, %v", msg, err)
	}
	if msg, _ := hook(rt); msg != "" {
		t.Fatalf("then quiet again, yet %q", msg)
	}
}
