package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestKillDuringWrites: no acknowledged write is lost and the state file always opens,
// however bb serve dies. Twenty times, writers create records concurrently while bb
// serve is killed with SIGKILL at a random moment; each restart must list every record
// whose 201 came back.
func TestKillDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("starts bb serve twenty times")
	}
	bb, err := exec.LookPath("bb")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec := "version: 1\nname: Notes\nresources:\n  notes:\n    seed: [{id: 1, text: seed}]\n"
	if err := os.WriteFile(filepath.Join(dir, "bb.yaml"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	const kills, writers, maxWrites = 20, 4, 400
	rng := rand.New(rand.NewPCG(1, 2))
	acked := map[string]bool{}
	client := &http.Client{Timeout: 2 * time.Second}
	for round := 0; round <= kills; round++ {
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		base := "http://127.0.0.1:" + strconv.Itoa(port)
		cmd := exec.Command(bb, "serve", "--port", strconv.Itoa(port), "--no-watch", "--no-inspector", "--log", "off")
		cmd.Dir = dir
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		texts := listTexts(t, client, base, cmd, &out)
		for text := range acked {
			if !texts[text] {
				t.Fatalf("round %d: the acknowledged record %q is gone after a SIGKILL", round, text)
			}
		}
		if round == kills {
			cmd.Process.Kill()
			cmd.Wait()
			break
		}
		var mu sync.Mutex
		var wg sync.WaitGroup
		sent := 0
		for w := 0; w < writers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					mu.Lock()
					if sent >= maxWrites {
						mu.Unlock()
						return
					}
					sent++
					text := fmt.Sprintf("r%d-w%d-%d", round, w, sent)
					mu.Unlock()
					body, _ := json.Marshal(map[string]string{"text": text})
					resp, err := client.Post(base+"/notes", "application/json", bytes.NewReader(body))
					if err != nil {
						return // killed
					}
					resp.Body.Close()
					if resp.StatusCode == http.StatusCreated {
						mu.Lock()
						acked[text] = true
						mu.Unlock()
					}
				}
			}()
		}
		time.Sleep(time.Duration(5+rng.IntN(120)) * time.Millisecond)
		cmd.Process.Kill()
		wg.Wait()
		cmd.Wait()
	}
	if len(acked) < kills {
		t.Fatalf("only %d writes were acknowledged in %d rounds; the test did not load the server", len(acked), kills)
	}
	t.Logf("%d acknowledged writes survived %d kills", len(acked), kills)
}

// listTexts waits for bb serve to answer and returns the text of every note.
func listTexts(t *testing.T, client *http.Client, base string, cmd *exec.Cmd, out *bytes.Buffer) map[string]bool {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := client.Get(base + "/notes")
		if err == nil {
			var notes []struct{ Text string }
			err = json.NewDecoder(resp.Body).Decode(&notes)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("listing the notes: %d %v\n%s", resp.StatusCode, err, out)
			}
			texts := map[string]bool{}
			for _, n := range notes {
				texts[n.Text] = true
			}
			return texts
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("bb serve did not answer: %v\n%s", err, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
