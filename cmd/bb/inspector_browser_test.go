package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium is Debian's headless-capable Chromium. Without it the browser test is
// skipped, except in CI, which must run it (.ci/run installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed: CI must run the inspector's browser test; .ci/run installs Debian's chromium package")
	}
	t.Skip("chromium is not installed; install Debian's chromium package (apt-get install chromium) to run the inspector's browser test")
	return ""
}

const browserSpec = `version: 1
name: Messages
# kept by the stub button
endpoints:
  getMessages:
    method: POST
    path: /api/get_messages
    request:
      body: {user: larry}
    responses:
      - when: {body.user: larry}
        body: {messages: [test1, test2]}
      - status: 404
        body: {error: no user found}
`

// TestInspectorInChromium drives the inspector's page in a real browser against a
// running bb serve: rows appear live, a row opens with its body, the stub button adds
// an endpoint that answers the next request, and a bad save shows where it is wrong.
func TestInspectorInChromium(t *testing.T) {
	browser := chromium(t)
	bin := buildBB(t)
	dir := writeSpec(t, []byte(browserSpec))
	p, port := serveOn(t, bin, dir, "/healthz")
	base := "http://localhost:" + strconv.Itoa(port)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.WindowSize(1280, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// Script errors on the page (a CSP refusal included) fail the test.
	var mu sync.Mutex
	var pageErrors []string
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			pageErrors = append(pageErrors, e.ExceptionDetails.Text)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}

	screenshot := func() {
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			// Kept after the test, for a person to look at: BB_TEST_ARTIFACTS, or the
			// system's temp folder.
			out := os.Getenv("BB_TEST_ARTIFACTS")
			if out == "" {
				out = filepath.Join(os.TempDir(), "bb-test-artifacts")
			}
			os.MkdirAll(out, 0o755)
			file := filepath.Join(out, "inspector.png")
			if os.WriteFile(file, png, 0o644) == nil {
				t.Logf("screenshot: %s", file)
			}
		}
	}
	fail := func(what string, err error) {
		t.Helper()
		screenshot()
		t.Fatalf("%s: %v\nbb serve:\n%s", what, err, p.output())
	}
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			fail(what, err)
		}
	}
	text := func(what, sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			fail(what, err)
		}
		return s
	}
	// until waits for a JavaScript expression to hold.
	until := func(expr string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Poll[bool](expr)(ctx, tg)
			return err
		})
	}
	send := func(method, path, body string) int {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	rowWith := func(path, status string) string {
		return fmt.Sprintf(`[...document.querySelectorAll("#rows tr")].some(tr => tr.dataset.path === %q && tr.dataset.status === %q)`, path, status)
	}

	run("open the page", chromedp.Navigate(base+"/_bb/"),
		until(`document.getElementById("conn").textContent === "live"`))

	// Requests appear as they are answered, without a reload.
	send("POST", "/api/get_messages", `{"user":"larry"}`)
	send("GET", "/api/things/7", "")
	run("see the rows", until(rowWith("/api/get_messages", "200")+" && "+rowWith("/api/things/7", "404")))

	// A row opens with its bodies, JSON pretty-printed.
	run("open a row", chromedp.Click(chromedp.CSS(`#rows tr[data-path="/api/get_messages"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#detail .resp-body pre`)))
	body := text("read the body", `#detail .resp-body pre`)
	if !strings.Contains(body, "\"messages\": [\n    \"test1\",") {
		t.Errorf("response body shown as %q", body)
	}

	// Copy as curl puts the request on the clipboard as a command that sends it again.
	run("copy as curl", chromedp.Evaluate[chromedp.Void](`navigator.clipboard.writeText = async (s) => { window.copied = s; }`),
		chromedp.Click(chromedp.CSS(`#copy-curl`)),
		until(`typeof window.copied === "string"`))
	copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.copied`))
	if err != nil {
		fail("read the copied command", err)
	}
	for _, want := range []string{"curl -X POST '" + base + "/api/get_messages'", `--data-binary '{"user":"larry"}'`} {
		if !strings.Contains(copied, want) {
			t.Errorf("copied %q, want it to hold %q", copied, want)
		}
	}

	// The miss offers its stub; the button adds it, the reload serves it.
	run("add the stub", chromedp.Click(chromedp.CSS(`#rows tr[data-path="/api/things/7"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#add-stub`)),
		chromedp.Click(chromedp.CSS(`#add-stub`)),
		until(`document.querySelector("#detail .result").textContent !== ""`))
	result := text("read the button's result", `#detail .result`)
	if !strings.Contains(result, "added endpoint getThings") {
		t.Fatalf("the stub button says %q", result)
	}
	run("see the reload", until(`document.getElementById("status").textContent.includes("1 added (getThings)")`))
	if got := send("GET", "/api/things/7", ""); got != http.StatusOK {
		t.Fatalf("after adding the stub: %d", got)
	}
	run("see the stub answer", until(rowWith("/api/things/7", "200")))
	data, _ := os.ReadFile(filepath.Join(dir, "bb.yaml"))
	if !strings.HasPrefix(string(data), browserSpec) {
		t.Errorf("bb.yaml lost what it had:\n%s", data)
	}

	// A request the ejected server would refuse is marked, with the field and why.
	send("POST", "/api/get_messages", `{"user":5}`)
	run("see the misfit", until(`[...document.querySelectorAll("#rows .unfit")].some(e => e.textContent.includes("body.user: expected string"))`))

	// The endpoint list: each response's example request, sent by its button, and the
	// Swift call.
	run("send an example", chromedp.Click(chromedp.CSS(`#tab-eps`)),
		chromedp.WaitVisible(chromedp.CSS(`#eps-view .ep .send`)),
		chromedp.Click(chromedp.CSS(`#eps-view .ep .send`)),
		until(`document.querySelector("#eps-view .ep .result").textContent === "→ 200"`))
	if swift := text("read the Swift call", `#eps-view .ep .swift`); !strings.Contains(swift, `client.getMessages(body: GetMessagesRequest(user: "larry"))`) {
		t.Errorf("Swift call shown: %q", swift)
	}
	run("back to the log", chromedp.Click(chromedp.CSS(`#tab-log`)))

	// A bad save: the page shows the error with its position.
	bad := strings.Replace(string(data), "    path: /api/get_messages", "    pth: /api/get_messages", 1)
	if err := os.WriteFile(filepath.Join(dir, "bb.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	run("see the error", chromedp.WaitVisible(chromedp.CSS(`#status .error`)))
	errText := text("read the error", `#status .error`)
	if !regexp.MustCompile(`bb\.yaml:\d+:\d+: `).MatchString(errText) {
		t.Errorf("the error shown is %q, want file:line:col", errText)
	}
	screenshot()
	mu.Lock()
	defer mu.Unlock()
	if len(pageErrors) > 0 {
		t.Errorf("the page threw: %q", pageErrors)
	}
}
