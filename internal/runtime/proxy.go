package runtime

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// proxyClient passes requests to the real backend. It follows no redirect: the app
// gets the backend's own answer.
var proxyClient = &http.Client{
	Timeout:       60 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// hopHeaders are the headers of one connection, which a proxy never passes on.
var hopHeaders = []string{"Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"}

// viaBB marks the requests bb serve passes on, so one that comes back is not passed
// on again.
const viaBB = "1.1 bb-serve"

// maxRecorded is the largest answer --record writes into the project.
const maxRecorded = 8 << 20

// forward passes a request no endpoint answers to the backend at rt.proxy, and sends
// its answer back as it is. With a recorder, a new answer becomes a stub in bb.yaml.
func (rt *Router) forward(w http.ResponseWriter, r *http.Request) {
	if slices.Contains(r.Header.Values("Via"), viaBB) {
		note(w, "no endpoint; not passed on: it came from a bb serve, so the proxy leads back to bb")
		rt.writeError(w, http.StatusLoopDetected, fmt.Sprintf("no endpoint answers %s %s, and the proxy %s leads back to bb serve", r.Method, contract.EchoPath(r.URL.EscapedPath()), rt.proxy.Redacted()))
		return
	}
	body, herr := contract.ReadBody(w, r, rt.opt.MaxBody)
	if herr != nil {
		note(w, herr.Msg)
		rt.errors.Write(w, herr)
		return
	}
	target := *rt.proxy
	target.Path = strings.TrimRight(target.Path, "/") + r.URL.Path
	target.RawPath = ""
	if rt.proxy.RawPath != "" || r.URL.RawPath != "" {
		target.RawPath = strings.TrimRight(rt.proxy.EscapedPath(), "/") + r.URL.EscapedPath()
	}
	target.RawQuery = r.URL.RawQuery
	out, err := http.NewRequestWithContext(r.Context(), r.Method, target.String(), bytes.NewReader(body))
	if err != nil {
		rt.writeError(w, http.StatusBadGateway, "cannot pass the request on: "+err.Error())
		return
	}
	out.Header = r.Header.Clone()
	for _, h := range hopHeaders {
		out.Header.Del(h)
	}
	out.Header.Del(contract.ScenarioHeader)
	out.Header.Add("Via", viaBB)
	if ip, _, ok := strings.Cut(r.RemoteAddr, ":"); ok {
		out.Header.Add("X-Forwarded-For", ip)
	}
	out.ContentLength = int64(len(body))
	resp, err := proxyClient.Do(out)
	if err != nil {
		note(w, "no endpoint; passed to "+rt.proxy.Redacted()+", which did not answer: "+err.Error())
		rt.writeError(w, http.StatusBadGateway, fmt.Sprintf("no endpoint answers %s %s, and the backend at %s did not answer", r.Method, contract.EchoPath(r.URL.EscapedPath()), rt.proxy.Redacted()))
		return
	}
	defer resp.Body.Close()
	// Keep up to maxRecorded bytes to record; stream the rest.
	kept, _ := io.ReadAll(io.LimitReader(resp.Body, maxRecorded+1))
	h := w.Header()
	for k, vs := range resp.Header {
		if !slices.Contains(hopHeaders, k) && !strings.HasPrefix(k, "Access-Control-") {
			h[k] = vs
		}
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(kept)
	complete := len(kept) <= maxRecorded
	if !complete {
		io.Copy(w, resp.Body)
	}
	msg := fmt.Sprintf("no endpoint; proxied to %s → %d", rt.proxy.Redacted(), resp.StatusCode)
	if rt.opt.Record != nil {
		switch name, err := rt.opt.Record.record(r, body, resp, kept, complete); {
		case err != nil:
			msg += "; not recorded: " + err.Error()
		case name != "":
			msg += "; recorded as endpoint " + name + " in " + rt.opt.Record.File
		}
	}
	note(w, msg)
}

// Recorder writes the answers bb serve --record gets from the backend into bb.yaml, one
// new endpoint each, keeping the file's comments, order and formatting. Secrets are
// never written: no request headers at all, and no Set-Cookie or other credentials of
// the answer.
type Recorder struct {
	File string // the spec file

	mu   sync.Mutex
	seen map[string]bool // METHOD path, recorded in this run
}

// notRecorded are answer headers a recording leaves out: secrets, and what the server
// computes or the connection carries.
var notRecorded = map[string]bool{"Set-Cookie": true, "Authorization": true, "Cookie": true, "Proxy-Authenticate": true,
	"Www-Authenticate": true, "Date": true, "Server": true, "Content-Length": true, "Etag": true, "Last-Modified": true,
	"Age": true, "Expires": true, "Vary": true, "Alt-Svc": true, "Strict-Transport-Security": true, "Report-To": true, "Nel": true,
	"X-Request-Id": true, "Cf-Ray": true, "X-Amzn-Requestid": true, "X-Amz-Cf-Id": true, "X-Powered-By": true}

var recordablePathRE = regexp.MustCompile(`^(/[A-Za-z0-9\-._~!$&'()*+,;=:@%]+)*/?$`)

// record writes one exchange into the spec as a new endpoint and names it; "" when it
// records nothing (the route was recorded before, or the answer is a server error).
func (rc *Recorder) record(r *http.Request, reqBody []byte, resp *http.Response, body []byte, complete bool) (string, error) {
	switch {
	case r.Method == http.MethodHead || r.Method == http.MethodOptions:
		return "", nil
	case resp.StatusCode >= 500:
		return "", fmt.Errorf("a %d is the backend failing, not an answer to keep", resp.StatusCode)
	case resp.StatusCode < 200:
		return "", nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed:
		return "", fmt.Errorf("a %d says the backend has no such route either", resp.StatusCode)
	case !complete:
		return "", fmt.Errorf("the answer is over %d MiB", maxRecorded>>20)
	case !recordablePathRE.MatchString(r.URL.EscapedPath()) || strings.Contains(r.URL.EscapedPath(), "//"):
		return "", fmt.Errorf("the path %s cannot be written as a bb.yaml path", contract.EchoPath(r.URL.EscapedPath()))
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	key := r.Method + " " + r.URL.EscapedPath()
	if rc.seen[key] {
		return "", nil
	}
	data, err := os.ReadFile(rc.File)
	if err != nil {
		return "", err
	}
	cur, err := spec.Parse(rc.File, data)
	if err != nil {
		return "", fmt.Errorf("bb.yaml does not load now, so nothing is added to it")
	}
	name, _ := snippetName(cur, r.Method, r.URL.Path)
	resps, err := rc.response(name, resp, body)
	if err != nil {
		return "", err
	}
	// The exact path: a recorded answer is one resource's, not every id's.
	block := endpointYAML(name, r.Method, r.URL.EscapedPath(), r.URL.Query(), reqBody, resps)
	next, err := spec.AppendEndpoint(data, block)
	if err != nil {
		return "", err
	}
	if _, err := spec.Parse(rc.File, next); err != nil {
		return "", fmt.Errorf("the endpoint would not load: %v", err)
	}
	if err := writeFileAtomic(rc.File, next); err != nil {
		return "", err
	}
	if rc.seen == nil {
		rc.seen = map[string]bool{}
	}
	rc.seen[key] = true
	return name, nil
}

// response writes the recorded answer as a bb.yaml responses list: its status, the
// headers worth keeping, and its body inline when it is JSON of a few KiB, else in a
// bodyFile under recorded/.
func (rc *Recorder) response(name string, resp *http.Response, body []byte) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "      - status: %d\n", resp.StatusCode)
	ctype := resp.Header.Get("Content-Type")
	media, _, _ := mime.ParseMediaType(ctype)
	isJSON := media == "application/json" || strings.HasSuffix(media, "+json")
	var headers []string
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range resp.Header {
			if !yield(k) {
				return
			}
		}
	}) {
		if notRecorded[k] || slices.Contains(hopHeaders, k) || strings.HasPrefix(k, "Access-Control-") ||
			k == "Content-Type" && (media == "application/json" || len(body) == 0) {
			continue
		}
		headers = append(headers, yamlKey(k)+": "+quoteYAML(resp.Header.Get(k)))
	}
	if len(headers) > 0 {
		fmt.Fprintf(&b, "        headers: {%s}\n", strings.Join(headers, ", "))
	}
	if len(body) == 0 || resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusNotModified {
		return b.String(), nil
	}
	if js, ok := jsonExample(body); ok && isJSON {
		fmt.Fprintf(&b, "        body: %s\n", js)
		return b.String(), nil
	}
	ext := ".bin"
	switch {
	case isJSON:
		ext = ".json"
	case media != "":
		if exts, _ := mime.ExtensionsByType(media); len(exts) > 0 {
			ext = exts[0]
			if media == "text/plain" {
				ext = ".txt"
			}
		}
	}
	rel := path.Join("recorded", name+ext)
	full := filepath.Join(filepath.Dir(rc.File), filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", err
	}
	if err := writeFileAtomic(full, body); err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "        bodyFile: %s\n", rel)
	return b.String(), nil
}

// quoteYAML writes text as a YAML double-quoted scalar: Go's escapes are YAML's too.
func quoteYAML(s string) string { return strconv.Quote(s) }

// writeFileAtomic replaces a file's contents all at once, as editors save: a crash
// leaves the old file or the new one, never half of either.
func writeFileAtomic(name string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// proxyURL is the backend a router passes unanswered requests to: the option, else the
// spec's server.proxy; nil for none.
func proxyURL(s *spec.Spec, opt Options) *url.URL {
	raw := opt.ProxyURL
	if raw == "" {
		raw = s.Server.Proxy
	}
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil // bb serve's flags and spec.Load check it
	}
	return u
}
