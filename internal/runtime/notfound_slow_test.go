package runtime

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestSnippetNumbersRepeatedIDs: repeated parameter names are numbered 2, 3 … in order.
func TestSnippetNumbersRepeatedIDs(t *testing.T) {
	for path, want := range map[string]string{
		"/1/2/3":             "path: /{id}/{id2}/{id3}\n",
		"/users/1/2/3":       "path: /users/{userId}/{id}/{id2}\n",
		"/users/1/users/2/3": "path: /users/{userId}/users/{userId2}/{id}\n",
	} {
		if got := Snippet(nil, "GET", path, nil, nil); !strings.Contains(got, want) {
			t.Errorf("Snippet(GET %s) =\n%s\nwant it to hold %q", path, got, want)
		}
	}
}

// TestNotFoundLongPathsAreLinear: the 404 page for a long path of ids is answered at
// once. Numbering the ids used to rescan every name for each id, cubic in their count:
// GET /1/1/1… with 3,000 ids (a 6 KB URL) took 10 s of CPU, and one request within the
// 1 MiB header limit could spin a core for good. (Building the operation name from the
// words of a path was quadratic too: 2 m 14 s for 300,000 words; too slow to show here.)
func TestNotFoundLongPathsAreLinear(t *testing.T) {
	h := NewServer(loadRouter(t, "../../examples/bookshelf", Options{}), NewLineWriter(discard{}, 0))
	for _, tc := range []struct{ name, path, snippet string }{
		{"ids", strings.Repeat("/1", 6_000), "/{id5999}/{id6000}\n"},
		{"words", strings.Repeat("/ab", 2_000), "  getAbAbAb"},
		{"mixed", strings.Repeat("/users/1", 2_000), "/users/{userId1999}/users/{userId2000}\n"},
	} {
		done := make(chan int, 1)
		go func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", tc.path, nil))
			done <- rec.Code
		}()
		// A generous bound: the answer takes milliseconds, the old code minutes.
		select {
		case code := <-done:
			if code != 404 {
				t.Errorf("%s: status %d, want 404", tc.name, code)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: a 404 for a %d-byte path took over 30 s", tc.name, len(tc.path))
		}
		if got := Snippet(nil, "GET", tc.path, nil, nil); !strings.Contains(got, tc.snippet) {
			t.Errorf("%s: the snippet lacks %q", tc.name, tc.snippet)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
