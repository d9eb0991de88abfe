package runtime_test

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/runtime"
)

// BenchmarkInspector times what the inspector adds to each request, next to bb serve
// with --no-inspector (off): keeping the request (kept), and pushing it to an open page
// as well (streaming). The goal is 0.9× of off's requests per second or better.
func BenchmarkInspector(b *testing.B) {
	hit := matchCases[0]
	rt := compileExample(b, hit.example)
	newServer := func(inspect bool) (*runtime.Server, *runtime.Inspector) {
		log := runtime.NewLineWriter(io.Discard, 50*time.Millisecond)
		b.Cleanup(log.Flush)
		srv := runtime.NewServer(rt, log)
		if !inspect {
			return srv, nil
		}
		in := runtime.NewInspector(srv, runtime.InspectorOptions{File: rt.Spec().File})
		srv.Inspect(in)
		return srv, in
	}
	b.Run("off", func(b *testing.B) {
		srv, _ := newServer(false)
		hit.run(b, srv)
	})
	b.Run("kept", func(b *testing.B) {
		srv, _ := newServer(true)
		hit.run(b, srv)
	})
	b.Run("streaming", func(b *testing.B) {
		srv, in := newServer(true)
		page := httptest.NewServer(srv)
		defer page.Close()
		defer in.Close()
		resp, err := http.Get(page.URL + "/_bb/events")
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		events := make(chan int, 1)
		go func() {
			n := 0
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				if strings.HasPrefix(sc.Text(), "event: request") {
					n++
				}
			}
			events <- n
		}()
		hit.run(b, srv)
		b.StopTimer()
		in.Close()
		b.ReportMetric(float64(<-events)/float64(b.N), "events/op")
	})
}

// BenchmarkInspectorHeld reports the memory the inspector holds with 500 requests
// kept: the example's small requests, and requests whose bodies reach the 64 KiB clip.
func BenchmarkInspectorHeld(b *testing.B) {
	rt := compileExample(b, "messages")
	for _, c := range []struct {
		name string
		body string
	}{
		{"small", `{"user":"larry"}`},
		{"clipped", `{"user":"` + strings.Repeat("a", runtime.MaxInspectedBody) + `"}`},
	} {
		b.Run(c.name, func(b *testing.B) {
			var held float64
			for b.Loop() {
				srv := runtime.NewServer(rt, nil)
				in := runtime.NewInspector(srv, runtime.InspectorOptions{Keep: 500})
				srv.Inspect(in)
				before := heap()
				for range 500 {
					req := httptest.NewRequest("POST", "/api/get_messages", strings.NewReader(c.body))
					req.RemoteAddr = "127.0.0.1:5000"
					srv.ServeHTTP(httptest.NewRecorder(), req)
				}
				held = float64(heap()-before) / (1 << 20)
				goruntime.KeepAlive(in)
			}
			b.ReportMetric(held, "MiB-held")
		})
	}
}

func heap() uint64 {
	goruntime.GC()
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	return m.HeapAlloc
}
