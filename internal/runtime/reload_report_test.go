package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReloadReportsEachNewError: while the spec text stays the same, a bodyFile that goes
// from broken to missing to broken again is three different errors, and each is reported;
// the log must not go on naming a problem the developer has already replaced by another.
func TestReloadReportsEachNewError(t *testing.T) {
	rig := newReloadRig(t, "version: 1\nendpoints:\n  data:\n    method: GET\n    path: /data\n    responses: [{bodyFile: data/answer.json}]\n",
		map[string]string{"data/answer.json": `{"v":1}`})
	waitError := func(n int, want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for len(rig.errors()) < n && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
		errs := rig.errors()
		if len(errs) < n || !strings.Contains(errs[n-1], want) {
			t.Fatalf("error %d should say %q; errors %q", n, want, errs)
		}
	}
	rig.write("data/answer.json", `{"v":`)
	waitError(1, filepath.Join("data", "answer.json")+":1:") // a position inside the file
	os.Remove(filepath.Join(rig.dir, "data/answer.json"))
	waitError(2, `bodyFile "data/answer.json" does not exist`)
	rig.write("data/answer.json", `{"v"`)
	waitError(3, filepath.Join("data", "answer.json")+":1:")
	rig.write("data/answer.json", `{"v":2}`)
	rig.waitFor("/data", `200 {"v":2}`)
	if got := rig.get("/data"); got != `200 {"v":2}` {
		t.Fatal(got)
	}
	// A bodyFile's save is reported under its own name.
	rig.write("data/answer.json", `{"v":3}`)
	rig.waitFor("/data", `200 {"v":3}`)
	reports := rig.waitReports(2)
	if want := filepath.Join(rig.dir, "data", "answer.json") + ": 0 added, 1 changed (data), 0 removed; 1 endpoint"; reports[len(reports)-1] != want {
		t.Errorf("reports %q, want the last %q", reports, want)
	}
}
