// Command reload measures how long a saved edit of bb.yaml takes to be answered by a
// running `bb serve`: save-to-answer latency, the number a developer feels.
//
// It copies examples/messages into a temporary folder, starts bb serve on it (watching,
// as a user runs it) on a free loopback port, then saves the spec N times with a new
// message each time, half by writing the file in place and half by writing a temporary
// file and renaming it over bb.yaml (how most editors save). After each save it polls
// the endpoint every millisecond until the new message is answered. It prints the
// median, p90 and max, and exits 1 when the median is over -goal.
//
// Run it from the module root:
//
//	go run ./bench/reload            # builds ./cmd/bb into a temporary folder
//	go run ./bench/reload -bb ./bb   # or measures a binary you built
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "reload:", err)
		os.Exit(1)
	}
}

func run() error {
	bbPath := flag.String("bb", "", "bb binary to measure (default: go build ./cmd/bb)")
	example := flag.String("example", "examples/messages/bb.yaml", "spec to start from")
	saves := flag.Int("n", 15, "number of saves")
	goal := flag.Duration("goal", 100*time.Millisecond, "fail when the median save-to-answer time is over this")
	timeout := flag.Duration("timeout", 5*time.Second, "give up on a save not answered within this")
	verbose := flag.Bool("v", false, "print every save")
	showLog := flag.Bool("log", false, "show bb serve's output")
	flag.Parse()

	tmp, err := os.MkdirTemp("", "bb-reload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if *bbPath == "" {
		*bbPath = filepath.Join(tmp, "bb")
		build := exec.Command("go", "build", "-o", *bbPath, "./cmd/bb")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/bb: %w", err)
		}
	}
	orig, err := os.ReadFile(*example)
	if err != nil {
		return err
	}
	const marker = "test2"
	if !bytes.Contains(orig, []byte(marker)) {
		return fmt.Errorf("%s has no %q to replace", *example, marker)
	}
	project := filepath.Join(tmp, "project")
	if err := os.Mkdir(project, 0o755); err != nil {
		return err
	}
	specFile := filepath.Join(project, "bb.yaml")
	if err := os.WriteFile(specFile, orig, 0o644); err != nil {
		return err
	}

	port, err := freePort()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := exec.CommandContext(ctx, *bbPath, "serve", project, "--host", "127.0.0.1", "--port", strconv.Itoa(port))
	srv.Stdout, srv.Stderr = io.Discard, os.Stderr
	if *showLog {
		srv.Stdout = os.Stderr
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Wait()
	defer cancel()

	url := fmt.Sprintf("http://127.0.0.1:%d/api/get_messages", port)
	client := &http.Client{Timeout: time.Second}
	if err := waitFor(client, url, []byte(marker), 10*time.Second); err != nil {
		return fmt.Errorf("bb serve never answered: %w", err)
	}

	var took []time.Duration
	for i := range *saves {
		word := fmt.Sprintf("save%d-%d", i, time.Now().UnixNano()%1e6)
		data := bytes.Replace(orig, []byte(marker), []byte(word), 1)
		how := "in place"
		if i%2 == 1 {
			how = "by rename"
		}
		// Let the previous save's events settle, so each save is measured on its own.
		time.Sleep(100 * time.Millisecond)
		start := time.Now()
		if i%2 == 0 {
			err = os.WriteFile(specFile, data, 0o644)
		} else {
			err = saveByRename(specFile, data)
		}
		if err != nil {
			return err
		}
		if err := waitFor(client, url, []byte(word), *timeout); err != nil {
			return fmt.Errorf("save %d (%s): %w", i+1, how, err)
		}
		d := time.Since(start)
		took = append(took, d)
		if *verbose {
			fmt.Printf("save %2d %-9s %v\n", i+1, how, d.Round(100*time.Microsecond))
		}
	}

	sorted := slices.Clone(took)
	slices.Sort(sorted)
	median := percentile(sorted, 50)
	fmt.Printf("%d saves (in place and by rename, alternated), polled every 1ms\n", len(took))
	fmt.Printf("save-to-answer median %v  p90 %v  max %v  (goal: median <= %v)\n",
		round(median), round(percentile(sorted, 90)), round(sorted[len(sorted)-1]), *goal)
	if median > *goal {
		return fmt.Errorf("median %v is over the %v goal", round(median), *goal)
	}
	return nil
}

// saveByRename saves the way most editors do: a new file renamed over the old one.
func saveByRename(file string, data []byte) error {
	tmp := file + ".tmp~"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// waitFor polls url every millisecond until its answer contains want.
func waitFor(client *http.Client, url string, want []byte, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	var last string
	for time.Now().Before(deadline) {
		resp, err := client.Post(url, "application/json", strings.NewReader(`{"user":"larry"}`))
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if bytes.Contains(body, want) {
				return nil
			}
			last = fmt.Sprintf("%d %s", resp.StatusCode, body)
		} else {
			last = err.Error()
		}
		<-tick.C
	}
	return errors.New("not answered with " + string(want) + " within " + timeout.String() + "; last answer: " + last)
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// percentile returns the nearest-rank p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (p*len(sorted) + 99) / 100
	return sorted[max(i-1, 0)]
}

func round(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
