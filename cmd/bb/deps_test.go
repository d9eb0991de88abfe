package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryStaysPureGo: tree-sitter (cgo), the test harness, the OpenAPI and JSON
// Schema validators and the browser driver serve the tests only; the bb binary must not
// link them.
func TestBinaryStaysPureGo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "tree-sitter") || strings.Contains(pkg, "go-internal") || strings.Contains(pkg, "chromedp") ||
			strings.Contains(pkg, "kin-openapi") || strings.Contains(pkg, "santhosh-tekuri") {
			t.Errorf("bb links %s", pkg)
		}
	}
}
