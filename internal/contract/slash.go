package contract

import (
	"net/http"
	"net/url"
	"path"
	"strings"
)

// Slash answers a request whose path differs from a route of mux only by a trailing
// slash, either way, and returns what it did, for a log; "" when it left the request
// alone. GET and HEAD are redirected (307) to the route's path. Other methods get a 404
// naming it: a client that follows a redirect may send the body again, or drop it.
// A catch-all route ("/") counts as none.
func Slash(w http.ResponseWriter, r *http.Request, mux *http.ServeMux, writeError func(*HTTPError)) string {
	to := slashRoute(mux, r)
	if to == "" {
		return ""
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		loc := to
		if r.URL.RawQuery != "" {
			loc += "?" + r.URL.RawQuery
		}
		w.Header().Set("Location", loc)
		w.WriteHeader(http.StatusTemporaryRedirect)
		return "redirected to " + EchoPath(to) + ", the path as the spec writes it"
	}
	msg := "no endpoint " + r.Method + " " + EchoPath(r.URL.EscapedPath()) + "; did you mean " + EchoPath(to) + "?"
	writeError(&HTTPError{Status: http.StatusNotFound, Msg: msg})
	return "no endpoint; did you mean " + EchoPath(to) + "? (the spec's path differs by a trailing slash)"
}

// slashRoute is the escaped path of the route that takes r's path with its trailing
// slash added or taken away, under r's method; "" when r's own path is a route's, or
// neither is. An unclean path (/a//b) is left to ServeMux, which redirects it.
func slashRoute(mux *http.ServeMux, r *http.Request) string {
	p := r.URL.Path
	if p == "" || p == "/" || exactRoute(mux, r, r.URL) {
		return ""
	}
	if c := path.Clean(p); c != p && c+"/" != p {
		return ""
	}
	u := *r.URL
	if strings.HasSuffix(p, "/") {
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = strings.TrimSuffix(u.RawPath, "/")
	} else {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	if !exactRoute(mux, r, &u) {
		return ""
	}
	return u.EscapedPath()
}

// exactRoute reports whether a route of mux other than a catch-all takes r's method at
// u's path as it is, not by redirecting it.
func exactRoute(mux *http.ServeMux, r *http.Request, u *url.URL) bool {
	probe := r // the request's own path: ask as it is, without a copy
	if u != r.URL {
		probe = &http.Request{Method: r.Method, URL: &url.URL{Path: u.Path, RawPath: u.RawPath}, Host: r.Host, Header: http.Header{}}
	}
	_, pattern := mux.Handler(probe)
	if i := strings.IndexByte(pattern, ' '); i >= 0 {
		pattern = pattern[i+1:]
	}
	if i := strings.IndexByte(pattern, '/'); i > 0 {
		pattern = pattern[i:] // a host before the path
	}
	switch {
	case pattern == "" || pattern == "/":
		return false
	case !strings.HasSuffix(u.Path, "/") && (strings.HasSuffix(pattern, "/") || strings.HasSuffix(pattern, "/{$}")):
		return false // ServeMux would redirect u to the pattern's path with a slash
	}
	return true
}
