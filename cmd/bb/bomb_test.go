//go:build unix

package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// bombError is how bb reports the alias bomb: at an alias on the body's line, with the
// limit and the variable that raises it.
var bombError = regexp.MustCompile(`bb\.yaml:8:(\d+): YAML aliases here expand the spec past 16 MiB as JSON, the most bb loads; write the repeated parts out once, or raise the limit with BB_MAX_SPEC_SIZE=32MiB`)

// checkBombError asserts out holds bombError, pointing at an alias of spec.
func checkBombError(t *testing.T, out string, spec []byte) {
	t.Helper()
	m := bombError.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no positioned size error in:\n%.2000s", out)
	}
	col, _ := strconv.Atoi(m[1])
	line := bytes.Split(spec, []byte("\n"))[7]
	if col < 1 || col > len(line) || !bytes.HasPrefix(line[col-1:], []byte("*big")) {
		t.Errorf("the error's column %d is not at an alias", col)
	}
}

// TestAliasBombCheck: the reported spec, a 1 MB string aliased 100 or 2,000 times in a
// response body, makes bb check exit 2 with a positioned error within a second, holding
// under 100 MB at its peak.
func TestAliasBombCheck(t *testing.T) {
	bin := buildBB(t)
	for _, n := range []int{100, 2000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			spec := aliasBomb(1<<20, n)
			start := time.Now()
			p := startBB(t, bin, writeSpec(t, spec), "check")
			if !p.wait(10 * time.Second) {
				t.Fatalf("bb check still running after 10s:\n%.2000s", p.output())
			}
			took := time.Since(start)
			t.Logf("bb check: %v, peak RSS %.1f MiB", took.Round(time.Millisecond), p.peakRSS())
			if code := p.cmd.ProcessState.ExitCode(); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			checkBombError(t, p.output(), spec)
			if took > time.Second {
				t.Errorf("bb check took %v, want under 1s", took)
			}
			if rss := p.peakRSS(); rss > 100 {
				t.Errorf("bb check peaked at %.1f MiB, want under 100 MiB", rss)
			}
		})
	}
}

// TestAliasBombHotReload: saved over a good spec while bb serve runs, the same bomb is
// reported with its position within a second, the last good spec keeps answering, and
// bb serve holds under 100 MB at its peak.
func TestAliasBombHotReload(t *testing.T) {
	bin := buildBB(t)
	for _, n := range []int{100, 2000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := writeSpec(t, []byte(goodSpec))
			p, port := serveOn(t, bin, dir, "/ping")
			spec := aliasBomb(1<<20, n)
			saved := time.Now()
			saveByRename(t, filepath.Join(dir, "bb.yaml"), spec)
			if !p.waitOutput("reload failed", time.Second) {
				t.Fatalf("no reload error 1s after saving the bomb:\n%.2000s", p.output())
			}
			t.Logf("reload error %v after saving", time.Since(saved).Round(time.Millisecond))
			if !p.waitOutput("BB_MAX_SPEC_SIZE=32MiB", time.Second) {
				t.Fatalf("the reload error is incomplete:\n%.2000s", p.output())
			}
			checkBombError(t, p.output(), spec)
			if got, err := get(port, "/ping"); err != nil || got != `200 {"ok":true}` {
				t.Errorf("after the bomb, GET /ping = %q, %v; want the last good answer", got, err)
			}
			p.cmd.Process.Signal(syscall.SIGTERM)
			if !p.wait(time.Second) {
				t.Fatalf("bb serve still running 1s after SIGTERM")
			}
			t.Logf("bb serve peak RSS %.1f MiB", p.peakRSS())
			if rss := p.peakRSS(); rss > 100 {
				t.Errorf("bb serve peaked at %.1f MiB, want under 100 MiB", rss)
			}
		})
	}
}
