package runtime_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// BenchmarkResource times a resource of 10,000 records served over loopback HTTP, as
// bb serve answers it: a page of the list (filtered and sorted) and a create. Besides
// ns/op it reports req/s and the p99 latency of the requests, sent by 8 clients at once.
//
//	go test -run '^$' -bench BenchmarkResource -benchtime 3000x ./internal/runtime
func BenchmarkResource(b *testing.B) {
	dir := b.TempDir()
	var src strings.Builder
	src.WriteString("version: 1\nname: Chat\nresources:\n  messages:\n    path: /api/messages\n    seed:\n")
	for i := 1; i <= 10_000; i++ {
		fmt.Fprintf(&src, "      - {id: %d, user: user%d, text: message %d, sent_at: \"2026-11-30T10:%02d:%02dZ\", read: %t}\n", i, i%50, i, i/60%60, i%60, i%3 == 0)
	}
	file := filepath.Join(dir, "bb.yaml")
	if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	s, err := spec.Load(file)
	if err != nil {
		b.Fatal(err)
	}
	store := tables.Open(runtime.StatePath(s))
	defer store.Close()
	if _, err := runtime.SyncState(context.Background(), store, s); err != nil {
		b.Fatal(err)
	}
	rt := runtime.Compile(s, runtime.Options{Store: store})
	srv := httptest.NewServer(runtime.NewServer(rt, nil))
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = 16

	for _, c := range []struct {
		name, method, path, body string
		status                   int
	}{
		{"list", "GET", "/api/messages?user=user7&_sort=-sent_at&_limit=20&_page=2", "", 200},
		{"create", "POST", "/api/messages", `{"user":"larry","text":"hello","sent_at":"2026-12-01T09:00:00Z","read":false}`, 201},
	} {
		b.Run(c.name, func(b *testing.B) {
			send := func() (time.Duration, error) {
				req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
				start := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					return 0, err
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != c.status {
					return 0, fmt.Errorf("%s %s: %d", c.method, c.path, resp.StatusCode)
				}
				return time.Since(start), err
			}
			if _, err := send(); err != nil {
				b.Fatal(err)
			}
			const clients = 8
			lat := make([][]time.Duration, clients)
			var next sync.WaitGroup
			jobs := make(chan struct{}, b.N)
			for range b.N {
				jobs <- struct{}{}
			}
			close(jobs)
			var errs bytes.Buffer
			var mu sync.Mutex
			b.ResetTimer()
			start := time.Now()
			for i := range clients {
				next.Add(1)
				go func() {
					defer next.Done()
					for range jobs {
						d, err := send()
						if err != nil {
							mu.Lock()
							errs.WriteString(err.Error())
							mu.Unlock()
							return
						}
						lat[i] = append(lat[i], d)
					}
				}()
			}
			next.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			if errs.Len() > 0 {
				b.Fatal(errs.String())
			}
			all := slices.Concat(lat...)
			slices.Sort(all)
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
			b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
		})
	}
}
