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

// TestTutorialDoc follows docs/tutorial.md word for word: it runs its bb commands,
// appends each yaml block to chat/bb.yaml while bb serve runs, writes the files it says
// to create or edit, and sends each curl, expecting the json block that follows, byte
// for byte. Then it runs the server the page ejects, as tutorialPlan describes.
func TestTutorialDoc(t *testing.T) {
	doc, err := os.ReadFile("../../docs/tutorial.md")
	if err != nil {
		t.Fatal(err)
	}
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

	blockRE := regexp.MustCompile("(?s)```(\\w*)\\n(.*?)```")
	headingRE := regexp.MustCompile(`(?m)^## (\d+)\.`)
	createRE := regexp.MustCompile("(?:Create|Edit)\\s+`([^`]+)`:\\s*$")
	var pending *curlCall
	var plan tutorialPlan
	steps := 0
	last := 0
	step := ""
	for _, m := range blockRE.FindAllSubmatchIndex(doc, -1) {
		lang, body := string(doc[m[2]:m[3]]), string(doc[m[4]:m[5]])
		before := string(doc[last:m[0]])
		last = m[1]
		if h := headingRE.FindAllStringSubmatch(before, -1); h != nil {
			step = h[len(h)-1][1]
		}
		switch lang {
		case "sh":
			for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
				args := shellWords(t, line)
				switch {
				case len(args) >= 2 && args[0] == "bb" && args[1] == "serve":
					go func() {
						served <- cmd.Run(ctx, append(args[1:], "--port", port), &cmd.IO{In: strings.NewReader(""), Out: &log, Err: &log})
					}()
				case len(args) >= 2 && args[0] == "bb" && args[1] == "verify":
					plan.verifyLine(t, line, args)
				case args[0] == "bb":
					if args[1] == "eject" {
						stop() // "Stop bb serve first (the server takes its port)"
					}
					var out bytes.Buffer
					if code := cmd.Run(context.Background(), args[1:], &cmd.IO{In: strings.NewReader(""), Out: &out, Err: &out}); code != 0 {
						t.Fatalf("%s: exit %d\n%s", line, code, out.String())
					}
				case args[0] == "curl":
					pending = parseCurl(t, line, step)
				case args[0] == "cd" && len(args) == 2:
					t.Chdir(args[1])
				case len(args) >= 2 && args[0] == "go" && args[1] == "install":
					// the install line: bb is this build
				default:
					plan.shell(t, line, args)
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
				plan.answered(pending, pending.expect(t, "http://127.0.0.1:"+port, strings.TrimRight(body, "\n"), &log))
				pending = nil
				steps++
				continue
			}
			fallthrough
		case "go":
			cm := createRE.FindStringSubmatch(strings.TrimSpace(before))
			if cm == nil {
				t.Fatalf("a %s block that answers no curl and creates or edits no file:\n%s", lang, body)
			}
			if err := os.MkdirAll(filepath.Dir(cm[1]), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cm[1], []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		case "":
			plan.output(t, body)
		default:
			t.Fatalf("a %s block, which this test does not know:\n%s", lang, body)
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
	plan.run(t, string(doc))
}

// curlCall is a curl line of the page: a request it can send to any server.
type curlCall struct {
	line, step         string // the line, and the step of the page it is in
	method, path, body string
	header             http.Header
}

// answer is what a server sent a curlCall: what step 8 says the ejected server keeps.
type answer struct {
	status         int
	location, body string
}

func (c *curlCall) send(base string) (answer, error) {
	req, err := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
	if err != nil {
		return answer{}, err
	}
	if c.body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded") // as curl -d sends it
	}
	for k, vs := range c.header {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return answer{status: resp.StatusCode, location: resp.Header.Get("Location"), body: strings.TrimRight(string(data), "\n")}, err
}

// expect sends the request to base until it gets want: a save takes a moment to reload.
func (c *curlCall) expect(t *testing.T, base, want string, log *syncBuffer) answer {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	got := ""
	for time.Now().Before(deadline) {
		a, err := c.send(base)
		if err == nil {
			if got = a.body; got == want {
				return a
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s\n got %s\nwant %s\nbb serve:\n%s", c.line, got, want, log.String())
	return answer{}
}

// parseCurl reads the curl lines the tutorial uses: -s, -X, -H, -d and a URL on
// localhost:4000, which the test sends to the server it runs instead.
func parseCurl(t *testing.T, line, step string) *curlCall {
	t.Helper()
	args := shellWords(t, line)[1:]
	c := &curlCall{line: line, step: step, header: http.Header{}}
	for i := 0; i < len(args); i++ {
		switch a := args[i]; a {
		case "-s":
		case "-X":
			i++
			c.method = args[i]
		case "-d":
			i++
			c.body = args[i]
		case "-H":
			i++
			k, v, _ := strings.Cut(args[i], ":")
			c.header.Set(k, strings.TrimSpace(v))
		default:
			rest, ok := strings.CutPrefix(a, "localhost:4000")
			if !ok {
				t.Fatalf("%s: %q is not a URL on localhost:4000", line, a)
			}
			c.path = rest
		}
	}
	if c.method == "" {
		c.method = "GET"
		if c.body != "" {
			c.method = "POST"
		}
	}
	return c
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
