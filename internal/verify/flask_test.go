package verify_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/testflask"
	"github.com/backwards-backend/bb/internal/verify"
)

// TestFlask checks bb verify against a backend bb did not write: a Flask app answering
// the messages example, and a drifted copy of it. BB_TEST_PYTHON names a python3 that
// has Flask (Debian's python3-flask); CI sets it and must run this test.
func TestFlask(t *testing.T) {
	py := testflask.Python(t)
	s := load(t, filepath.Join("..", "..", "examples", "messages"))

	t.Run("passes", func(t *testing.T) {
		url := startFlask(t, py, "messages_app.py")
		rep := verify.Run(context.Background(), s, verify.Options{BaseURL: url, Timeout: 5 * time.Second, Strict: true})
		if !rep.OK() || rep.Passed != 2 || rep.Warnings != 0 {
			t.Errorf("the Flask app does not pass:\n%s", text(t, rep))
		}
	})
	t.Run("drifted", func(t *testing.T) {
		url := startFlask(t, py, "messages_drifted.py")
		rep := verify.Run(context.Background(), s, verify.Options{BaseURL: url, Timeout: 5 * time.Second})
		got := text(t, rep)
		want := `FAIL getMessages response 1 (200) POST /api/get_messages
  sent: {"user":"larry"}
  $.messages: expected array, got string "test1,test2"
FAIL getMessages response 2 (404) POST /api/get_messages
  sent: {"user":"not-larry"}
  status: expected 404, got 200 (body: {"error":"no user found"})
0 passed, 2 failed
`
		if got != want {
			t.Errorf("report:\n%s\nwant:\n%s", got, want)
		}
	})
}

// startFlask runs a Flask app from testdata/flask on a free loopback port.
func startFlask(t *testing.T, py, script string) string {
	url, _ := testflask.Start(t, py, filepath.Join("testdata", "flask", script))
	return url
}
