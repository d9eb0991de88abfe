package contract

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// CORSMaxAge is how long a browser may reuse a preflight's answer before it asks again.
const CORSMaxAge = 10 * time.Minute

// corsHeaders are the request headers every preflight allows besides those the spec
// names: Content-Type, which a JSON body needs, and Authorization, which carries a token.
var corsHeaders = []string{"Authorization", "Content-Type"}

// Origins says which web pages, served from another origin, may call a server and
// read its answers.
type Origins struct {
	// Any answers every origin with Access-Control-Allow-Origin: *. Browsers never
	// combine * with credentials: they send such a server no cookies or HTTP
	// authentication, and show a page no answer to a request that carried them.
	Any bool
	// Credentialed are origins allowed with credentials, each as a browser sends it
	// (scheme://host[:port]): their requests get their origin back, with
	// Access-Control-Allow-Credentials: true.
	Credentialed []string
}

// Empty reports whether o lets no origin call: CORS is off.
func (o Origins) Empty() bool { return !o.Any && len(o.Credentialed) == 0 }

// ParseOrigins reads origin settings, each a comma-separated list of origins and "*".
// It returns every origin it could read, and an error naming each it could not.
func ParseOrigins(settings ...string) (Origins, error) {
	var o Origins
	var errs []error
	for _, s := range settings {
		for _, item := range strings.Split(s, ",") {
			item = strings.TrimSpace(item)
			switch item {
			case "":
			case "*":
				o.Any = true
			default:
				origin, err := parseOrigin(item)
				if err != nil {
					errs = append(errs, err)
				} else if !slices.Contains(o.Credentialed, origin) {
					o.Credentialed = append(o.Credentialed, origin)
				}
			}
		}
	}
	return o, errors.Join(errs...)
}

// parseOrigin reads one origin and writes it as browsers send it: scheme and host in
// lower case, without the scheme's default port or a trailing slash.
func parseOrigin(s string) (string, error) {
	if strings.EqualFold(s, "null") {
		return "", fmt.Errorf(`origin "null" is what sandboxed frames and file:// pages send, so allowing it with credentials would let any of them read the answers; serve the page from http://localhost instead`)
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.User != nil || u.Opaque != "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(u.Host, "*") {
		return "", fmt.Errorf("origin %q is not scheme://host[:port] as a browser sends it, such as http://localhost:3000 (a lone * allows every origin, without credentials)", s)
	}
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port := u.Port(); port != "" && !(scheme == "http" && port == "80") && !(scheme == "https" && port == "443") {
		host += ":" + port
	}
	return scheme + "://" + host, nil
}

// CORSOptions are what a CORS policy is built from.
type CORSOptions struct {
	Origins Origins
	// Routes are the server's ServeMux patterns, as MuxPattern writes them ("POST
	// /api/messages"). Their methods are what a preflight allows. A preflight on a path
	// that an OPTIONS route takes goes to that route, which answers it itself.
	Routes []string
	// Headers are the request headers the spec names. A preflight allows them, and
	// Authorization and Content-Type; it never repeats back what the browser asks for.
	Headers []string
	// Expose are the response headers the spec names, which a page allowed with
	// credentials may read. A page allowed through * may read every header.
	Expose []string
}

// CORS is a compiled CORS policy, shared by bb serve and the ejected server. It never
// changes after NewCORS, so it serves any number of requests at once.
type CORS struct {
	anyOrigin bool
	origins   map[string]bool
	// Header values, built once and shared by every answer. Nothing edits them in
	// place: Header.Add and Header.Set make new slices.
	methods, headers, expose, maxAge []string
	allowedMethods                   map[string]bool
	allowedHeaders                   map[string]bool // lower case
	own                              *http.ServeMux  // the OPTIONS routes; nil when none
}

var (
	starValue = []string{"*"}
	trueValue = []string{"true"}
)

// NewCORS compiles a CORS policy.
func NewCORS(o CORSOptions) *CORS {
	c := &CORS{
		anyOrigin:      o.Origins.Any,
		origins:        map[string]bool{},
		allowedMethods: map[string]bool{},
		allowedHeaders: map[string]bool{},
		maxAge:         []string{strconv.Itoa(int(CORSMaxAge / time.Second))},
	}
	for _, origin := range o.Origins.Credentialed {
		c.origins[origin] = true
	}
	var methods []string
	for _, p := range o.Routes {
		m, _, ok := strings.Cut(p, " ")
		if !ok {
			continue
		}
		methods = append(methods, m)
		if m == http.MethodGet {
			methods = append(methods, http.MethodHead)
		}
		if m == http.MethodOptions {
			if c.own == nil {
				c.own = http.NewServeMux()
			}
			c.own.Handle(p, http.NotFoundHandler())
		}
	}
	slices.Sort(methods)
	methods = slices.Compact(methods)
	for _, m := range methods {
		c.allowedMethods[m] = true
	}
	if len(methods) > 0 {
		c.methods = []string{strings.Join(methods, ", ")}
	}
	headers := canonicalHeaders(append(slices.Clone(corsHeaders), o.Headers...))
	for _, h := range headers {
		c.allowedHeaders[strings.ToLower(h)] = true
	}
	c.headers = []string{strings.Join(headers, ", ")}
	if expose := canonicalHeaders(o.Expose); len(expose) > 0 {
		c.expose = []string{strings.Join(expose, ", ")}
	}
	return c
}

// canonicalHeaders writes header names canonically, sorted, each once.
func canonicalHeaders(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, http.CanonicalHeaderKey(n))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Apply adds the CORS headers of the answer to r. A preflight (OPTIONS with Origin and
// Access-Control-Request-Method) that no OPTIONS route takes is answered here, 204,
// and Apply reports true; refused then says why the browser will not send the request
// it asked about, or is "" when it will.
func (c *CORS) Apply(w http.ResponseWriter, r *http.Request) (preflight bool, refused string) {
	h := w.Header()
	origin := r.Header.Get("Origin")
	if len(c.origins) > 0 {
		// The answer depends on the origin, so a cache must keep one per origin.
		h.Add("Vary", "Origin")
	}
	credentialed := origin != "" && c.origins[origin]
	switch {
	case credentialed:
		h["Access-Control-Allow-Origin"] = []string{origin}
		h["Access-Control-Allow-Credentials"] = trueValue
	case c.anyOrigin:
		h["Access-Control-Allow-Origin"] = starValue
	}
	allowed := credentialed || c.anyOrigin
	if r.Method == http.MethodOptions && origin != "" && r.Header.Get("Access-Control-Request-Method") != "" && !c.owns(r) {
		if allowed {
			if c.methods != nil {
				h["Access-Control-Allow-Methods"] = c.methods
			}
			h["Access-Control-Allow-Headers"] = c.headers
			h["Access-Control-Max-Age"] = c.maxAge
		}
		w.WriteHeader(http.StatusNoContent)
		return true, c.refusal(r, origin, allowed)
	}
	switch {
	case credentialed && c.expose != nil:
		// * is no wildcard for an answer with credentials: name each header.
		h["Access-Control-Expose-Headers"] = c.expose
	case !credentialed && c.anyOrigin:
		h["Access-Control-Expose-Headers"] = starValue
	}
	return false, ""
}

// Handler answers preflights and adds CORS headers to what next answers.
func (c *CORS) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if preflight, _ := c.Apply(w, r); !preflight {
			next.ServeHTTP(w, r)
		}
	})
}

func (c *CORS) owns(r *http.Request) bool {
	if c.own == nil {
		return false
	}
	_, pattern := c.own.Handler(r)
	return pattern != ""
}

// refusal says why a browser will not follow a preflight with its request, or "".
func (c *CORS) refusal(r *http.Request, origin string, allowed bool) string {
	if !allowed {
		return "the origin " + origin + " is not allowed"
	}
	switch m := r.Header.Get("Access-Control-Request-Method"); m {
	case http.MethodGet, http.MethodHead, http.MethodPost:
		// Browsers send these whatever the preflight says.
	default:
		if !c.allowedMethods[m] {
			return "the method " + m + " is not one the spec declares"
		}
	}
	var missing []string
	for _, line := range r.Header.Values("Access-Control-Request-Headers") {
		for _, name := range strings.Split(line, ",") {
			if name = strings.TrimSpace(name); name != "" && !c.allowedHeaders[strings.ToLower(name)] {
				missing = append(missing, http.CanonicalHeaderKey(name))
			}
		}
	}
	switch len(missing) {
	case 0:
		return ""
	case 1:
		return "the header " + missing[0] + " is not one the spec names (add it under request.headers)"
	}
	return "the headers " + strings.Join(missing, ", ") + " are not ones the spec names (add them under request.headers)"
}
