package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/backwards-backend/bb/cmd"
)

// tutorialPlan gathers what steps 8 to 11 of docs/tutorial.md do with the server they
// eject while TestTutorialDoc walks the page; run then does it. The page's commands map
// to the test's world thus:
//
//   - go run ./cmd/server, in the folder the page's cd names, with any VAR=value before
//     it: the project is built once, with go build in the test's offline build
//     environment (goBuildEnv), after the walk, so with step 10's handler in it; the edit
//     changes only sendMessage, which none of the curls replayed on it calls. One server
//     runs per database the page names, on a free loopback port (PORT, HOST=127.0.0.1)
//     instead of 4000; a later line naming the same database (step 11's "start the
//     server again") is that server.
//   - createdb NAME: a fresh database on the PostgreSQL server of BB_TEST_POSTGRES_URL
//     (the test cannot assume a local superuser), dropped when the test ends;
//     DATABASE_URL=postgres://localhost/NAME names it. Without BB_TEST_POSTGRES_URL that
//     server is left out, and the test logs so; CI sets it.
//   - bb verify --url http://127.0.0.1:4000: run against each server, from the folder
//     of the cd, its output checked against the block that follows, line by line: … stands
//     for any lines, and the round trip's bb-verify-… marker is random.
type tutorialPlan struct {
	answers   []recorded    // each curl of the page, and what bb serve answered
	databases []string      // the names createdb made
	servers   []tutorialRun // the go run lines, one per database
	verify    []string      // the bb verify line's words, and its output
	verifyOut string
}

// assignmentRE is a VAR=value word before a command.
var assignmentRE = regexp.MustCompile(`^[A-Z_]+=`)

type recorded struct {
	c *curlCall
	a answer
}

// tutorialRun is a go run ./cmd/server line: its folder and the variables before it.
type tutorialRun struct {
	line, dir string
	env       []string
}

func (p *tutorialPlan) answered(c *curlCall, a answer) { p.answers = append(p.answers, recorded{c, a}) }

// shell takes the page's lines that concern the ejected server.
func (p *tutorialPlan) shell(t *testing.T, line string, args []string) {
	t.Helper()
	var env []string
	for len(args) > 0 && assignmentRE.MatchString(args[0]) {
		env, args = append(env, args[0]), args[1:]
	}
	switch {
	case len(args) == 2 && args[0] == "createdb" && env == nil:
		p.databases = append(p.databases, args[1])
	case len(args) >= 3 && args[0] == "go" && args[1] == "run" && args[2] == "./cmd/server" && (len(args) == 3 || len(args) == 4 && args[3] == "&"):
		dir, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		run := tutorialRun{line: line, dir: dir, env: env}
		for _, r := range p.servers {
			if r.dir == run.dir && strings.Join(r.env, " ") == strings.Join(run.env, " ") {
				return // the same server, run again
			}
		}
		p.servers = append(p.servers, run)
	default:
		t.Fatalf("the tutorial runs %q, which this test does not know", line)
	}
}

func (p *tutorialPlan) verifyLine(t *testing.T, line string, args []string) {
	t.Helper()
	if len(args) != 4 || args[2] != "--url" || args[3] != "http://127.0.0.1:4000" {
		t.Fatalf("%s: the test knows bb verify --url http://127.0.0.1:4000", line)
	}
	p.verify = args
}

// output is a block without a language: what the bb verify line before it prints.
func (p *tutorialPlan) output(t *testing.T, body string) {
	t.Helper()
	if p.verify == nil || p.verifyOut != "" {
		t.Fatalf("an output block that follows no bb verify line:\n%s", body)
	}
	p.verifyOut = body
}

// run builds the ejected project once and starts a server per database the page
// names. Each answers the curls step 8 names exactly as bb serve did, passes bb verify
// with the page's output, and stores what sendMessage is sent, as step 10 says.
func (p *tutorialPlan) run(t *testing.T, doc string) {
	if len(p.servers) == 0 || p.verify == nil || p.verifyOut == "" {
		t.Fatalf("the page runs no ejected server (%d go run lines) or no bb verify with its output", len(p.servers))
	}
	m := regexp.MustCompile(`the curls of step (\d+) get the same answers`).FindStringSubmatch(strings.Join(strings.Fields(doc), " "))
	if m == nil {
		t.Fatal("the page no longer says which curls the ejected server answers as bb serve does: TestTutorialDoc needs updating")
	}
	var replay []recorded
	for _, r := range p.answers {
		if r.c.step == m[1] {
			replay = append(replay, r)
		}
	}
	if len(replay) == 0 {
		t.Fatalf("step %s has no curl", m[1])
	}
	want := verifyPattern(p.verifyOut)

	bin := filepath.Join(t.TempDir(), "server")
	build := exec.Command("go", "build", "-o", bin, "./cmd/server")
	build.Dir = p.servers[0].dir
	build.Env = append(os.Environ(), goBuildEnv(t)...)
	if out, err := build.CombinedOutput(); err != nil {
		hint := ""
		if bytes.Contains(out, []byte("GOPROXY=off")) {
			hint = "\nthe module cache lacks the ejected project's dependencies, which the test does not download: go test ./internal/scaffold/eject fetches them"
		}
		t.Fatalf("go build ./cmd/server in the ejected project: %v\n%s%s", err, out, hint)
	}

	for _, run := range p.servers {
		env, ok := p.environment(t, run, bin)
		if !ok {
			continue
		}
		base := startTutorialServer(t, bin, run.dir, env)
		for _, r := range replay {
			got, err := r.c.send(base)
			if err != nil || got != r.a {
				t.Errorf("%s: %s\n got %+v (%v)\nwant %+v, as bb serve answered", run.line, r.c.line, got, err, r.a)
			}
		}
		if len(env) == 0 {
			// "now from data.db (the default DATABASE_URL=sqlite:data.db)"
			if _, err := os.Stat(filepath.Join(run.dir, "data.db")); err != nil {
				t.Errorf("%s: %v", run.line, err)
			}
		}

		args := append([]string{}, p.verify[1:]...)
		args[2] = base
		var out bytes.Buffer // what the terminal shows: its note on stderr, then the report
		t.Chdir(run.dir)
		if code := cmd.Run(context.Background(), args, &cmd.IO{In: strings.NewReader(""), Out: &out, Err: &out}); code != 0 || !want.MatchString(out.String()) {
			t.Errorf("%s, against %s: exit %d\n%s\nwant:\n%s", strings.Join(p.verify, " "), run.line, code, out.String(), p.verifyOut)
		}

		sentStored(t, run.line, base)
	}
}

// environment is the server's environment for run: the page's variables, with a
// postgres:// DATABASE_URL mapped to a fresh database of BB_TEST_POSTGRES_URL's server.
// It is false when that server is not there.
func (p *tutorialPlan) environment(t *testing.T, run tutorialRun, bin string) ([]string, bool) {
	t.Helper()
	var env []string
	for _, kv := range run.env {
		k, v, _ := strings.Cut(kv, "=")
		rest, isPG := strings.CutPrefix(v, "postgres://localhost/")
		if k != "DATABASE_URL" || !isPG {
			t.Fatalf("%s: the test knows DATABASE_URL=postgres://localhost/NAME only", run.line)
		}
		made := false
		for _, name := range p.databases {
			made = made || name == rest
		}
		if !made {
			t.Fatalf("%s: no createdb %s before it", run.line, rest)
		}
		pg := os.Getenv("BB_TEST_POSTGRES_URL")
		if pg == "" && os.Getenv("CI") != "" {
			t.Fatal("BB_TEST_POSTGRES_URL is not set: CI must run the tutorial on PostgreSQL (see .ci/run)")
		}
		if pg == "" {
			t.Logf("BB_TEST_POSTGRES_URL not set: the tutorial's server on PostgreSQL (%s) is left out", run.line)
			return nil, false
		}
		env = append(env, "DATABASE_URL="+createDatabase(t, run.dir, pg))
	}
	return env, true
}

// verifyPattern matches what bb verify prints against the page's block: each line as
// it is, but … for any lines and any bb-verify- marker.
func verifyPattern(block string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`\A`)
	marker := regexp.MustCompile(`bb-verify-[0-9a-f]+`)
	for _, line := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
		if line == "…" {
			b.WriteString(`(?:.*\n)*?`)
			continue
		}
		b.WriteString(marker.ReplaceAllLiteralString(regexp.QuoteMeta(line), `bb-verify-[0-9a-f]+`) + `\n`)
	}
	b.WriteString(`\z`)
	return regexp.MustCompile(b.String())
}

// sentStored checks step 10's edit: what POST /api/send_message is sent, GET
// /api/messages/{id} then finds, with the id and time it answered; and what the
// handler takes was checked before it runs (a number for "to" gets a 400).
func sentStored(t *testing.T, line, base string) {
	t.Helper()
	resp, err := http.Post(base+"/api/send_message", "application/json", strings.NewReader(`{"to":5,"text":"hi"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf(`%s: POST /api/send_message {"to":5}: %d, want 400`, line, resp.StatusCode)
	}
	resp, err = http.Post(base+"/api/send_message", "application/json", strings.NewReader(`{"to":"larry","text":"stored by step 10"}`))
	if err != nil {
		t.Fatal(err)
	}
	var sent struct {
		ID     int64  `json:"id"`
		SentAt string `json:"sent_at"`
	}
	err = json.NewDecoder(resp.Body).Decode(&sent)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("%s: POST /api/send_message: %d %v", line, resp.StatusCode, err)
	}
	resp, err = http.Get(base + "/api/messages/" + strconv.FormatInt(sent.ID, 10))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		User   string `json:"user"`
		Text   string `json:"text"`
		SentAt string `json:"sent_at"`
	}
	err = json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || got.User != "larry" || got.Text != "stored by step 10" || got.SentAt != sent.SentAt {
		t.Errorf("%s: POST /api/send_message answered %+v, and GET /api/messages/%d: %d %+v %v", line, sent, sent.ID, resp.StatusCode, got, err)
	}
}

// startTutorialServer runs the ejected server in dir on a free loopback port until the
// test ends, then stops it with SIGTERM. It returns the base URL once /healthz answers.
func startTutorialServer(t *testing.T, bin, dir string, env []string) string {
	t.Helper()
	port := mustFreePort(t)
	c := exec.Command(bin)
	c.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DATABASE_URL=") { // the page's default, unless it names one
			c.Env = append(c.Env, kv)
		}
	}
	c.Env = append(append(c.Env, "HOST=127.0.0.1", "PORT="+strconv.Itoa(port)), env...)
	var logs syncBuffer
	c.Stdout, c.Stderr = &logs, &logs
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	t.Cleanup(func() {
		c.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("the ejected server did not stop cleanly: %v\n%s", err, logs.String())
			}
		case <-time.After(20 * time.Second):
			c.Process.Kill()
			t.Errorf("the ejected server did not stop within 20s of SIGTERM\n%s", logs.String())
		}
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	for deadline := time.Now().Add(30 * time.Second); ; {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		select {
		case err := <-done:
			t.Fatalf("the ejected server exited: %v\n%s", err, logs.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the ejected server did not answer /healthz within 30s\n%s", logs.String())
		}
	}
}

// createDatabase makes a fresh database on the PostgreSQL server of url and returns
// its URL; it is dropped when the test ends. bb has no PostgreSQL driver: a small
// program built in the ejected project, which has one, runs the statements.
func createDatabase(t *testing.T, project, url string) string {
	t.Helper()
	src := filepath.Join(project, "internal", "bbtutorialdb")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	const prog = `package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func main() {
	db, err := sql.Open("pgx", os.Args[1])
	if err == nil {
		_, err = db.Exec(os.Args[2])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "bbtutorialdb")
	build := exec.Command("go", "build", "-o", bin, "./internal/bbtutorialdb")
	build.Dir = project
	build.Env = append(os.Environ(), goBuildEnv(t)...)
	out, err := build.CombinedOutput()
	os.RemoveAll(src)
	if err != nil {
		t.Fatalf("go build of the createdb program: %v\n%s", err, out)
	}
	name := fmt.Sprintf("bb_tutorial_%d", time.Now().UnixNano())
	run := func(stmt string) error {
		if out, err := exec.Command(bin, url, stmt).CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v\n%s", stmt, err, out)
		}
		return nil
	}
	if err := run("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { // after the server's own cleanup, registered later, stopped it
		if err := run("DROP DATABASE " + name); err != nil {
			t.Log(err)
		}
	})
	rest, query, _ := strings.Cut(url, "?")
	slash := strings.LastIndex(rest, "/")
	if slash < len("postgres://") {
		t.Fatalf("BB_TEST_POSTGRES_URL %q names no database", url)
	}
	u := rest[:slash+1] + name
	if query != "" {
		u += "?" + query
	}
	return u
}
