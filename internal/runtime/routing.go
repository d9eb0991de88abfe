package runtime

import (
	"net/http"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/backwards-backend/bb/internal/spec"
)

// routing is the ServeMux a router answers through: every route of a spec, bb's own
// paths, and the 404 page. Building one costs a few microseconds a route, most of a
// reload at 10,000 endpoints, so a reload whose spec has the same routes in the same
// order keeps the one before. Its handlers answer from the router swapped in last (cur),
// each request wholly from that router's route.
type routing struct {
	mux    *http.ServeMux
	routes string // the routes' patterns, in order (see patterns)
	cur    atomic.Pointer[Router]
}

// route gives rt its routing: prev's, when prev has the same routes, else a new one.
// A router that shares prev's routing answers through it once Server.Swap has made it
// the current one.
func (rt *Router) route(prev *Router) {
	routes := patterns(rt)
	if prev != nil && prev.routing != nil && prev.routing.routes == routes {
		rt.routing, rt.mux = prev.routing, prev.routing.mux
		return
	}
	rg := &routing{mux: http.NewServeMux(), routes: routes}
	rg.cur.Store(rt)
	for i, r := range rt.routes {
		rg.mux.HandleFunc(r.ep.Pattern(), func(w http.ResponseWriter, req *http.Request) {
			rg.cur.Load().routes[i].serve(w, req)
		})
	}
	rg.mux.HandleFunc("GET "+rt.spec.HealthPath(), health)
	rg.mux.HandleFunc("POST "+ResetPath, func(w http.ResponseWriter, req *http.Request) { rg.cur.Load().reset(w, req) })
	rg.mux.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) { rg.cur.Load().notFound(w, req) })
	rt.routing, rt.mux = rg, rg.mux
}

// patterns spells a router's routes, in order: what its ServeMux is built from.
func patterns(rt *Router) string {
	var b strings.Builder
	for _, r := range rt.routes {
		b.WriteString(r.ep.Pattern())
		b.WriteByte('\n')
	}
	return b.String()
}

// sameInput reports whether two endpoints' types are the very types of one spec's
// inference, reused by a reload (see spec.Cache), for what a request must fit: then
// their contract.Operation is the same.
func sameInput(a, b *spec.EndpointTypes) bool {
	return a != nil && b != nil && a.Request == b.Request && sameParams(a.Path, b.Path) && sameParams(a.Query, b.Query)
}

// sameParams reports whether a and b are one slice.
func sameParams(a, b []spec.Param) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// parallel calls f(0) … f(n-1) on every core, in contiguous runs; the calls must be
// independent of one another.
func parallel(n int, f func(i int)) {
	workers := min(goruntime.GOMAXPROCS(0), n/256+1)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				f(i)
			}
		}()
	}
	wg.Wait()
}
