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
// With -endpoints N it serves a generated spec of N endpoints instead (the kinds real
// APIs have: path parameters, request bodies, conditions, nested answers, an error
// fallback), edits one endpoint in the middle of it, and also reports how long bb serve
// took from its start to its first answer and its resident memory (RSS) after the
// first load, after the saves and at its peak. -shift adds a line to the edited
// endpoint on every other save, so every endpoint after it moves down a line.
//
// Run it from the module root:
//
//	go run ./bench/reload            # builds ./cmd/bb into a temporary folder
//	go run ./bench/reload -bb ./bb   # or measures a binary you built
//	go run ./bench/reload -endpoints 10000 -goal 50ms
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
	endpoints := flag.Int("endpoints", 0, "serve a generated spec of this many endpoints instead of -example")
	shift := flag.Bool("shift", false, "with -endpoints: add a line to the edited endpoint on every other save")
	cpu := flag.String("cpu", "", "run bb serve pinned to these CPUs (taskset -c), e.g. 1")
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
	marker, path, body := "test2", "/api/get_messages", `{"user":"larry"}`
	var orig []byte
	if *endpoints > 0 {
		orig, marker, path, body = bigSpec(*endpoints)
	} else if orig, err = os.ReadFile(*example); err != nil {
		return err
	}
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
	args := []string{*bbPath, "serve", project, "--host", "127.0.0.1", "--port", strconv.Itoa(port), "--log", "off"}
	if *cpu != "" {
		args = append([]string{"taskset", "-c", *cpu}, args...)
	}
	srv := exec.CommandContext(ctx, args[0], args[1:]...)
	srv.Stdout, srv.Stderr = io.Discard, os.Stderr
	if *showLog {
		srv.Stdout = os.Stderr
	}
	started := time.Now()
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Wait()
	defer cancel()

	url := fmt.Sprintf("http://127.0.0.1:%d%s", port, path)
	client := &http.Client{Timeout: time.Second}
	if err := waitFor(client, url, body, []byte(marker), 30*time.Second); err != nil {
		return fmt.Errorf("bb serve never answered: %w", err)
	}
	ready := time.Since(started)
	rssLoaded := memOf(srv.Process.Pid, "VmRSS")

	var took []time.Duration
	for i := range *saves {
		word := fmt.Sprintf("save%d-%d", i, time.Now().UnixNano()%1e6)
		data := bytes.Replace(orig, []byte(marker), []byte(word), 1)
		how := "in place"
		if i%2 == 1 {
			how = "by rename"
		}
		if *shift && i%2 == 1 {
			// A comment line above the edit: every endpoint after it moves down.
			at := bytes.Index(data, []byte(word))
			at = bytes.LastIndexByte(data[:at], '\n') + 1
			data = append(data[:at:at], append([]byte("        # moved\n"), data[at:]...)...)
			how += ", a line added"
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
		if err := waitFor(client, url, body, []byte(word), *timeout); err != nil {
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
	what := *example
	if *endpoints > 0 {
		what = fmt.Sprintf("%d endpoints", *endpoints)
	}
	fmt.Printf("%s: first answer %v after start; RSS %.0f MiB loaded, %.0f MiB after the saves, %.0f MiB at peak\n",
		what, round(ready), mib(rssLoaded), mib(memOf(srv.Process.Pid, "VmRSS")), mib(memOf(srv.Process.Pid, "VmHWM")))
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

// waitFor polls url every millisecond until its answer to a POST of body contains want.
func waitFor(client *http.Client, url, body string, want []byte, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	var last string
	for time.Now().Before(deadline) {
		resp, err := client.Post(url, "application/json", strings.NewReader(body))
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

// bigSpec is a spec of n endpoints of the kinds real APIs have (the one
// internal/spec's BenchmarkParse loads), with the text to edit in its middle endpoint,
// a POST, and the path and body of a request that endpoint answers with that text.
func bigSpec(n int) (spec []byte, marker, path, body string) {
	var b strings.Builder
	b.WriteString("version: 1\nname: Big\nendpoints:\n")
	methods := []string{"GET", "POST", "PUT", "DELETE"}
	mid := n/2 - n/2%4 + 1 // a POST
	for i := 0; i < n; i++ {
		m := methods[i%4]
		fmt.Fprintf(&b, "  op%d:\n    method: %s\n    path: /api/r%d/{id}\n", i, m, i)
		if m == "POST" || m == "PUT" {
			fmt.Fprintf(&b, "    request:\n      body: {name: item%d, qty: %d, tags: [a, b]}\n", i, i%7)
		}
		name := fmt.Sprintf("item%d", i)
		if i == mid {
			name = fmt.Sprintf("answer%d", i)
		}
		fmt.Fprintf(&b, "    responses:\n      - when: {path.id: 1}\n        body: {id: 1, name: %s, price: 9.5, tags: [x], owner: {id: 7, name: ann}}\n      - status: 404\n        body: {error: not found}\n", name)
	}
	return []byte(b.String()), fmt.Sprintf("answer%d", mid), fmt.Sprintf("/api/r%d/1", mid), fmt.Sprintf(`{"name":"item%d","qty":1,"tags":["a"]}`, mid)
}

// memOf reads one of a process's memory figures (VmRSS, VmHWM) from /proc, in bytes;
// 0 where /proc is not there.
func memOf(pid int, field string) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb * 1024
		}
	}
	return 0
}

func mib(b float64) float64 { return b / (1 << 20) }
