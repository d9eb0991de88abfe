package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backwards-backend/bb/cmd"
)

// syncBuffer is a bytes.Buffer bb serve may write to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// tutorialStop marks where TestTutorialDoc stops: the steps after it eject and run a
// Go server.
const tutorialStop = "<!-- The test of this page (cmd/bb/tutorial_doc_test.go) runs it up to here. -->"

// TestTutorialDoc follows docs/tutorial.md word for word up to tutorialStop: it runs
// its bb commands, appends each yaml block to chat/bb.yaml while bb serve runs, writes
// the files it says to create, and sends each curl, expecting the json block that
// follows, byte for byte.
func TestTutorialDoc(t *testing.T) {
	doc, err := os.ReadFile("../../docs/tutorial.md")
	if err != nil {
		t.Fatal(err)
	}
	end := bytes.Index(doc, []byte(tutorialStop))
	if end < 0 {
		t.Fatalf("docs/tutorial.md lacks %s", tutorialStop)
	}
	doc = doc[:end]
	t.Chdir(t.TempDir())
	port := strconv.Itoa(mustFreePort(t))
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan int, 1)
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case <-served:
		case <-time.After(10 * time.Second):
			t.Error("bb serve did not stop")
		}
	}
	defer stop()

	blockRE := regexp.MustCompile("(?s)```(\\w+)\\n(.*?)```")
	createRE := regexp.MustCompile("Create `([^`]+)`:\\s*$")
	var pending *curlCall
	steps := 0
	last := 0
	for _, m := range blockRE.FindAllSubmatchIndex(doc, -1) {
		lang, body := string(doc[m[2]:m[3]]), string(doc[m[4]:m[5]])
		before := string(doc[last:m[0]])
		last = m[1]
		switch lang {
		case "sh":
			for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
				args := shellWords(t, line)
				switch {
				case len(args) >= 2 && args[0] == "bb" && args[1] == "serve":
					go func() {
						served <- cmd.Run(ctx, append(args[1:], "--port", port), &cmd.IO{In: strings.NewReader(""), Out: &log, Err: &log})
					}()
				case args[0] == "bb":
					var out bytes.Buffer
					if code := cmd.Run(context.Background(), args[1:], &cmd.IO{In: strings.NewReader(""), Out: &out, Err: &out}); code != 0 {
						t.Fatalf("%s: exit %d\n%s", line, code, out.String())
					}
				case args[0] == "curl":
					pending = parseCurl(t, line, port)
				case args[0] == "go":
					// the install line: bb is this build
				default:
					t.Fatalf("the tutorial runs %q, which this test does not know", line)
				}
			}
		case "yaml":
			f, err := os.OpenFile(filepath.Join("chat", "bb.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString(body)
			f.Close()
		case "json":
			if pending != nil {
				pending.expect(t, strings.TrimRight(body, "\n"), &log)
				pending = nil
				steps++
				continue
			}
			cm := createRE.FindStringSubmatch(strings.TrimSpace(before))
			if cm == nil {
				t.Fatalf("a json block that answers no curl and creates no file:\n%s", body)
			}
			if err := os.MkdirAll(filepath.Dir(cm[1]), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cm[1], []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if steps < 9 {
		t.Fatalf("only %d answers checked", steps)
	}
	if pending != nil {
		t.Fatalf("%s: no answer follows it", pending.line)
	}
	stop() // and flush its log
	for _, want := range []string{"reloaded " + filepath.Join("chat", "bb.yaml") + ": 1 added (listStickers)", "getProfile → response 2",
		"reloaded " + filepath.Join("chat", "bb.yaml") + ": 6 added (listMessages,", "messages: a new table with 2 seed records"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the bb serve log lacks %q:\n%s", want, log.String())
		}
	}
}

type curlCall struct {
	line string
	req  func() *http.Request
}

// expect sends the request until it gets want: a save takes a moment to reload.
func (c *curlCall) expect(t *testing.T, want string, log *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	got := ""
	for time.Now().Before(deadline) {
		resp, err := http.DefaultClient.Do(c.req())
		if err == nil {
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if got = strings.TrimRight(string(data), "\n"); got == want {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s\n got %s\nwant %s\nbb serve:\n%s", c.line, got, want, log.String())
}

// parseCurl reads the curl lines the tutorial uses: -s, -X, -H, -d and a URL on
// localhost:4000, which goes to port instead.
func parseCurl(t *testing.T, line, port string) *curlCall {
	t.Helper()
	args := shellWords(t, line)[1:]
	method, url, body := "", "", ""
	header := http.Header{}
	for i := 0; i < len(args); i++ {
		switch a := args[i]; a {
		case "-s":
		case "-X":
			i++
			method = args[i]
		case "-d":
			i++
			body = args[i]
		case "-H":
			i++
			k, v, _ := strings.Cut(args[i], ":")
			header.Set(k, strings.TrimSpace(v))
		default:
			rest, ok := strings.CutPrefix(a, "localhost:4000")
			if !ok {
				t.Fatalf("%s: %q is not a URL on localhost:4000", line, a)
			}
			url = "http://127.0.0.1:" + port + rest
		}
	}
	if method == "" {
		method = "GET"
		if body != "" {
			method = "POST"
		}
	}
	return &curlCall{line: line, req: func() *http.Request {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded") // as curl -d sends it
		}
		for k, vs := range header {
			req.Header[k] = vs
		}
		return req
	}}
}

// shellWords splits a command line as sh does for the quoting the tutorial uses:
// single quotes only.
func shellWords(t *testing.T, line string) []string {
	var words []string
	var cur strings.Builder
	in, quoted := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			in = !in
			quoted = true
		case r == ' ' && !in:
			if cur.Len() > 0 || quoted {
				words = append(words, cur.String())
			}
			cur.Reset()
			quoted = false
		default:
			cur.WriteRune(r)
		}
	}
	if in {
		t.Fatalf("unclosed quote: %s", line)
	}
	if cur.Len() > 0 || quoted {
		words = append(words, cur.String())
	}
	return words
}

func mustFreePort(t *testing.T) int {
	t.Helper()
	p, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
