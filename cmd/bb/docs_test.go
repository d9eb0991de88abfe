package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsLinks: every relative link in the README and docs/ names a file of the
// repository, and so does the reference link bb init writes into bb.yaml.
func TestDocsLinks(t *testing.T) {
	files, _ := filepath.Glob("../../docs/*.md")
	files = append(files, "../../README.md")
	linkRE := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(data), -1) {
			target, _, _ := strings.Cut(m[1], "#")
			if target == "" || strings.Contains(target, "://") {
				continue
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(f), target)); err != nil {
				t.Errorf("%s links to %s, which does not exist", f, m[1])
			}
		}
	}
	tmpl, err := os.ReadFile("../../internal/templates/init/bb.yaml.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`https://github.com/backwards-backend/bb/blob/main/(\S+)`).FindSubmatch(tmpl)
	if m == nil {
		t.Fatal("bb init's bb.yaml does not link to the reference")
	}
	if _, err := os.Stat(filepath.Join("../..", string(m[1]))); err != nil {
		t.Errorf("bb init links to %s: %v", m[0], err)
	}
}

// TestReadmeQuickStart: the README opens with a quick start of two commands that work
// on a fresh clone, the second being the test command CI runs; it says what that needs,
// and how to install bb; go.mod asks for Go 1.26, not a patch release of it.
func TestReadmeQuickStart(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Quick start\\n.*?```sh\\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("the README has no quick start")
	}
	var cmds []string
	for _, line := range strings.Split(strings.TrimSpace(string(m[1])), "\n") {
		cmd, _, _ := strings.Cut(line, "#")
		cmds = append(cmds, strings.TrimSpace(cmd))
	}
	if len(cmds) != 2 || cmds[0] != "go run ./cmd/bb serve examples/messages" {
		t.Fatalf("the quick start is %q, want go run ./cmd/bb serve examples/messages and the test command", cmds)
	}
	if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(cmds[1]) + `$`).Match(ci) {
		t.Errorf("the quick start's test command %q is not what .ci/run runs", cmds[1])
	}
	for _, want := range []string{"gcc", "`go test ./...`", "go install github.com/backwards-backend/bb/cmd/bb@latest"} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("the README does not say %s", want)
		}
	}
	if i := strings.Index(string(readme), "## Install"); i < 0 || i > strings.Index(string(readme), "## Documentation") {
		t.Error("the README's Install section does not come before the rest")
	}
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	// Any Go 1.26 builds bb: no patch release beyond the first may be required.
	if !regexp.MustCompile(`(?m)^go 1\.26(\.0)?$`).Match(mod) {
		t.Error("go.mod's go directive is not `go 1.26` or `go 1.26.0`")
	}
}
