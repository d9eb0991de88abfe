package runtime

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// notFound answers requests no endpoint takes: 405 when the path exists under another
// method, else 404 naming the closest routes. The log gets a bb.yaml snippet built from
// the request, so the developer can paste the stub the app just asked for.
func (rt *Router) notFound(w http.ResponseWriter, r *http.Request) {
	if rt.proxy != nil && !strings.HasPrefix(r.URL.Path, "/_bb/") {
		rt.forward(w, r)
		return
	}
	path := r.URL.EscapedPath()
	echo := contract.EchoPath(path)
	if allow := rt.allowed(r); len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		if r.Method == http.MethodOptions {
			// OPTIONS asks what the path allows; that is an answer, not an error.
			note(w, "OPTIONS; allowed: "+strings.Join(allow, ", "))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		note(w, "method not allowed; allowed: "+strings.Join(allow, ", "))
		rt.writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s; allowed: %s", r.Method, echo, strings.Join(allow, ", ")), "allowed", allow)
		return
	}
	// The body goes into the snippet, within the body limit: a larger one is left
	// unread, and a client waiting on Expect: 100-continue is answered at once.
	var body []byte
	if r.Body != nil && r.ContentLength <= rt.opt.MaxBody {
		var err error
		if body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, rt.opt.MaxBody)); err != nil {
			body = nil
		}
	}
	closest := rt.closest(r.Method, path, 3)
	msg := "no endpoint"
	if len(closest) > 0 {
		msg += " (closest: " + strings.Join(closest, ", ") + ")"
	}
	if !strings.HasPrefix(path, "/_bb/") {
		snippet := Snippet(rt.spec, r.Method, path, r.URL.Query(), body)
		msg += "; to stub it, add under endpoints: in bb.yaml:\n" + strings.TrimRight(snippet, "\n")
		if x := inspecting(w); x != nil {
			x.Stub = snippet
		}
	}
	note(w, msg)
	rt.writeError(w, http.StatusNotFound, fmt.Sprintf("no endpoint answers %s %s", r.Method, echo),
		"closest", closest, "hint", "the bb serve log shows a bb.yaml snippet for this request")
}

// allowed lists the methods whose routes take the request's path.
func (rt *Router) allowed(r *http.Request) []string {
	var allow []string
	for _, m := range rt.methods {
		if m == r.Method {
			continue
		}
		probe := &http.Request{Method: m, URL: r.URL, Host: r.Host, Header: http.Header{}}
		if _, pat := rt.mux.Handler(probe); pat != "" && pat != "/" {
			allow = append(allow, m)
			if m == http.MethodGet {
				allow = append(allow, http.MethodHead)
			}
		}
	}
	if len(allow) > 0 && !rt.opt.NoCORS {
		allow = append(allow, http.MethodOptions)
	}
	sort.Strings(allow)
	return allow
}

// closest names up to n routes nearest to the request, as "METHOD /path".
func (rt *Router) closest(method, path string, n int) []string {
	type scored struct {
		name string
		d    int
	}
	out := []string{}
	// Edit distance costs the product of the lengths; a path this long is close to
	// nothing a spec declares, and must not let one request spin the server.
	if len(path) > 512 {
		return out
	}
	var all []scored
	for _, r := range rt.routes {
		d := spec.Distance(path, fillParams(r.ep.Path, path))
		if r.ep.Method != method {
			d++
		}
		all = append(all, scored{r.ep.Method + " " + r.ep.Path, d})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].d < all[j].d })
	for i := 0; i < len(all) && i < n; i++ {
		// Keep only routes that look related: at most half the path rewritten.
		if all[i].d > max(3, len(path)/2) {
			break
		}
		out = append(out, all[i].name)
	}
	return out
}

// fillParams puts the request's segments in place of a route's {params}, so /users/{id}
// is as close to /users/42 as it can be.
func fillParams(pattern, path string) string {
	ps, rs := strings.Split(pattern, "/"), strings.Split(path, "/")
	for i := range ps {
		if strings.HasPrefix(ps[i], "{") && i < len(rs) {
			ps[i] = rs[i]
		}
	}
	return strings.Join(ps, "/")
}

var (
	idSegRE   = regexp.MustCompile(`^([0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{24,})$`)
	wordRE    = regexp.MustCompile(`[A-Za-z][a-z0-9]*|[0-9]+`)
	versionRE = regexp.MustCompile(`^v[0-9]+$`)
	verbs     = map[string]bool{"get": true, "list": true, "create": true, "update": true, "delete": true, "add": true, "remove": true, "set": true, "send": true, "fetch": true, "search": true, "login": true, "logout": true, "register": true, "upload": true}
)

// Snippet is a ready-to-paste bb.yaml endpoint for a request no endpoint answers: method,
// path (ids turned into {params}), the query and the body as examples, and a response
// for the developer to fill in.
func Snippet(s *spec.Spec, method, path string, query map[string][]string, body []byte) string {
	name, route := snippetName(s, method, path)
	return endpointYAML(name, method, route, query, body, "      - status: 200\n        body: {}   # the JSON the app expects\n")
}

// snippetName names an endpoint for a request to path, and gives its route with ids
// turned into {params}: GET /api/users/42 is getUser, /api/users/{userId}.
func snippetName(s *spec.Spec, method, path string) (name, route string) {
	orig := strings.Split(strings.Trim(path, "/"), "/")
	segs := append([]string(nil), orig...)
	var words []string
	// The names taken, and the number to try next after each: a path of thousands of
	// ids costs linear time, not cubic.
	params, next := map[string]bool{}, map[string]int{}
	for i, seg := range segs {
		if seg == "" {
			continue
		}
		if idSegRE.MatchString(seg) {
			name := "id"
			if i > 0 && !idSegRE.MatchString(orig[i-1]) {
				if w := wordRE.FindAllString(orig[i-1], -1); len(w) > 0 {
					name = strings.ToLower(spec.Singular(w[len(w)-1])) + "Id"
				}
			}
			if params[name] {
				base, n := name, max(next[name], 2)
				for params[base+strconv.Itoa(n)] {
					n++
				}
				name, next[base] = base+strconv.Itoa(n), n+1
			}
			params[name] = true
			segs[i] = "{" + name + "}"
			continue
		}
		if i == 0 && (seg == "api" || versionRE.MatchString(seg)) || versionRE.MatchString(seg) {
			continue
		}
		words = append(words, wordRE.FindAllString(seg, -1)...)
	}
	if len(words) == 0 || !verbs[strings.ToLower(words[0])] {
		verb := map[string]string{"GET": "get", "POST": "create", "PUT": "update", "PATCH": "update", "DELETE": "delete"}[method]
		if verb == "" {
			verb = strings.ToLower(method)
		}
		words = append([]string{verb}, words...)
	}
	var nb strings.Builder
	nb.WriteString(strings.ToLower(words[0]))
	for _, w := range words[1:] {
		nb.WriteString(strings.ToUpper(w[:1]))
		nb.WriteString(strings.ToLower(w[1:]))
	}
	name = nb.String()
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "op" + name
	}
	base := name
	for n := 2; s != nil && hasEndpoint(s, name); n++ {
		name = base + strconv.Itoa(n)
	}

	route = "/" + strings.Join(segs, "/")
	if len(path) > 1 && strings.HasSuffix(path, "/") {
		route += "/" // in bb.yaml a trailing slash is part of the path
	}
	if path == "/" {
		route = "/"
	}
	return name, route
}

// endpointYAML writes an endpoint for bb.yaml: its name indented by two spaces, the
// query and JSON body as request examples, and responses, a list already indented.
func endpointYAML(name, method, route string, query map[string][]string, body []byte, responses string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %s:\n    method: %s\n    path: %s\n", name, method, route)
	js, isJSON := jsonExample(body)
	if len(query) > 0 || isJSON {
		b.WriteString("    request:\n")
	}
	if len(query) > 0 {
		keys := make([]string, 0, len(query))
		for k := range query {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			v := ""
			if len(query[k]) > 0 {
				v = query[k][0]
			}
			parts[i] = yamlKey(k) + ": " + scalar(v)
		}
		fmt.Fprintf(&b, "      query: {%s}\n", strings.Join(parts, ", "))
	}
	if isJSON {
		fmt.Fprintf(&b, "      body: %s\n", js)
	}
	b.WriteString("    responses:\n" + responses)
	return b.String()
}

func hasEndpoint(s *spec.Spec, name string) bool {
	for _, e := range s.Endpoints {
		if strings.EqualFold(e.Name, name) {
			return true
		}
	}
	return false
}

func jsonExample(body []byte) (string, bool) {
	if len(body) == 0 || len(body) > 4096 {
		return "", false
	}
	v, err := spec.FromJSON(body)
	if err != nil {
		return "", false
	}
	return v.String(), true
}

var plainKeyRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_\-]*$`)

func yamlKey(k string) string {
	if plainKeyRE.MatchString(k) {
		return k
	}
	js, _ := json.Marshal(k)
	return string(js)
}

// scalar writes query text as YAML: numbers and booleans bare, everything else quoted.
func scalar(v string) string {
	if _, err := strconv.ParseFloat(v, 64); err == nil && json.Valid([]byte(v)) {
		return v
	}
	if v == "true" || v == "false" {
		return v
	}
	js, _ := json.Marshal(v)
	return string(js)
}
