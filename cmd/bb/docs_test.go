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
