package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/cmd"
)

// TestHelpExamples: every example every --help shows is run by
// testdata/script/help_examples.txtar, as written, so none can rot. The script may
// write $PORT for the example's port (tests never take a fixed port) and quotes with
// ' where the example has ", as testscript reads only those.
func TestHelpExamples(t *testing.T) {
	data, err := os.ReadFile("testdata/script/help_examples.txtar")
	if err != nil {
		t.Fatal(err)
	}
	run := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "!"))
		if rest, ok := strings.CutPrefix(line, "exec "); ok {
			if i := strings.Index(rest, " &"); i >= 0 {
				rest = rest[:i] // a background command's name
			}
			run[strings.TrimSpace(rest)] = true
		}
	}
	root := cmd.NewRoot(&cmd.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard})
	n := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, ex := range strings.Split(c.Example, "\n") {
			want := exampleCommand(ex)
			if want == "" {
				continue
			}
			n++
			if !run[want] {
				t.Errorf("%s --help shows %q, which help_examples.txtar does not run (as: exec %s)", c.CommandPath(), strings.TrimSpace(ex), want)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 20 {
		t.Fatalf("found only %d examples", n)
	}
}

// exampleCommand is the bb command of one example line, as the script runs it: without
// its comment or the shell around it, ports as $PORT, and ' for ".
func exampleCommand(line string) string {
	i := strings.Index(line, "bb ")
	if i < 0 {
		return ""
	}
	line = line[i:]
	if j := strings.IndexAny(line, "#)>"); j >= 0 {
		line = line[:j]
	}
	line = strings.TrimSpace(line)
	line = strings.NewReplacer("4100", "$PORT", "8080", "$PORT", `"`, "'").Replace(line)
	return line
}
