// Package verify replays a spec's examples against a running backend and reports where
// the backend no longer answers the way the app expects: the status, the content type
// bb serve would send, the body's shape against the types inferred from the spec and,
// when strict, the values themselves (the exact bytes of a body that is not JSON).
package verify

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/backwards-backend/bb/internal/spec"
)

// DefaultTimeout is how long one request may take when Options.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// maxBody bounds how much of an answer verify reads.
const maxBody = 16 << 20

// Options tune a verification run.
type Options struct {
	BaseURL  string        // http:// or https:// URL of the backend; a path prefix is kept
	Headers  http.Header   // added to every request, over the spec's own (auth tokens)
	Timeout  time.Duration // per request; 0 means DefaultTimeout
	Only     []string      // endpoint names to verify; empty: all
	Strict   bool          // also compare body values (bytes, when not JSON) and the spec's response headers
	Insecure bool          // skip TLS certificate checks, for local development certificates
	Client   *http.Client  // nil: a client built from Insecure; redirects are never followed
}

// Outcome is how one case ended.
type Outcome string

// The outcomes of a case. Unreachable counts as a failure: a response verify cannot
// reach is a response nothing checks.
const (
	Pass        Outcome = "pass"
	Fail        Outcome = "fail"
	Unreachable Outcome = "unreachable"
	// Skipped is a response no backend gives a plain request: one of a scenario, a
	// fault, a chance or a later turn of a sequence, which only bb's stubs play.
	Skipped Outcome = "skipped"
)

// Result is the outcome of one case.
type Result struct {
	Name     string        `json:"name"`     // e.g. "getMessages response 2 (404)"
	Endpoint string        `json:"endpoint"` // operation name
	Response int           `json:"response"` // 1-based
	Method   string        `json:"method"`
	Target   string        `json:"target"`         // path and query, e.g. /v1/books?page=1
	Body     string        `json:"body,omitempty"` // the JSON body sent
	Outcome  Outcome       `json:"outcome"`
	Failures []string      `json:"failures,omitempty"` // each names where and says expected vs got
	Skip     string        `json:"skip,omitempty"`     // why the case was not sent
	Warnings []string      `json:"warnings,omitempty"`
	Duration time.Duration `json:"duration_ns"`
}

// Report is the outcome of a whole run.
type Report struct {
	BaseURL  string   `json:"base_url"`
	Results  []Result `json:"results"`
	Passed   int      `json:"passed"`
	Failed   int      `json:"failed"` // failures and unreachable responses
	Skipped  int      `json:"skipped,omitempty"`
	Warnings int      `json:"warnings"`
	// Stopped says why the run ended before its last case: nothing listens at BaseURL,
	// so every other case would fail the same way.
	Stopped string `json:"stopped,omitempty"`
}

// OK reports whether every case passed.
func (r *Report) OK() bool { return r.Failed == 0 }

// UnknownEndpoints returns the names in only that name no endpoint and no resource of s.
func UnknownEndpoints(s *spec.Spec, only []string) []string {
	var out []string
	for _, name := range only {
		if !slices.ContainsFunc(s.Endpoints, func(e *spec.Endpoint) bool { return e.Name == name }) &&
			!slices.ContainsFunc(s.Resources, func(r *spec.Resource) bool { return r.Name == name }) {
			out = append(out, name)
		}
	}
	return out
}

// Run sends every case of s (or of the endpoints opt.Only names) to the backend at
// opt.BaseURL, one at a time in spec order, and checks each answer.
func Run(ctx context.Context, s *spec.Spec, opt Options) Report {
	rep := Report{BaseURL: opt.BaseURL}
	r := &runner{opt: opt, client: client(opt)}
	if r.opt.Timeout <= 0 {
		r.opt.Timeout = DefaultTimeout
	}
	add := func(res Result) bool {
		switch res.Outcome {
		case Pass:
			rep.Passed++
		case Skipped:
			rep.Skipped++
		default:
			rep.Failed++
		}
		rep.Warnings += len(res.Warnings)
		rep.Results = append(rep.Results, res)
		if r.refused && rep.Stopped == "" && len(res.Failures) > 0 {
			rep.Stopped = res.Failures[0]
		}
		return !r.refused
	}
	var ts *spec.TypeSet
	var tsErr error
	for _, e := range s.Endpoints {
		if res := e.Resource; res != nil {
			// Its routes are checked by one round trip, run where its first route is listed.
			if e != res.Endpoints[0] || !selected(res, opt.Only) {
				continue
			}
			if ts == nil && tsErr == nil {
				ts, tsErr = spec.InferTypes(s, spec.InferOptions{})
			}
			for _, result := range r.roundTrip(ctx, res, ts, tsErr) {
				if !add(result) {
					return rep
				}
			}
			continue
		}
		if len(opt.Only) > 0 && !slices.Contains(opt.Only, e.Name) {
			continue
		}
		et, typeErr := endpointTypes(s, e)
		for _, c := range spec.Cases(e) {
			res := r.run(ctx, &c, et)
			if typeErr != nil && c.Response.JSONBody() && c.Unreachable == "" {
				res.Warnings = append(res.Warnings, fmt.Sprintf("body shapes of %s not checked: its types cannot be inferred: %s", e.Name, firstError(typeErr)))
				typeErr = nil // one warning says it for the whole endpoint
			}
			if !add(res) {
				return rep
			}
		}
	}
	return rep
}

// endpointTypes infers the types of e on its own, so a problem in one endpoint's
// examples switches off the body checks of that endpoint only.
func endpointTypes(s *spec.Spec, e *spec.Endpoint) (*spec.EndpointTypes, error) {
	one := *s
	one.Endpoints = []*spec.Endpoint{e}
	ts, err := spec.InferTypes(&one, spec.InferOptions{})
	if err != nil {
		return nil, err
	}
	return ts.Endpoints[0], nil
}

// firstError is the first problem of an error list, saying how many more there are.
func firstError(err error) string {
	var list spec.ErrorList
	if errors.As(err, &list) && len(list) > 1 {
		return fmt.Sprintf("%s (and %d more)", list[0], len(list)-1)
	}
	return err.Error()
}

func client(opt Options) *http.Client {
	var c http.Client
	if opt.Client != nil {
		c = *opt.Client
	} else {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		if opt.Insecure {
			tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // asked for with --insecure, for dev certificates
		}
		c.Transport = tr
	}
	// The app sees what the backend answers; a redirect is an answer to report.
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

type runner struct {
	opt     Options
	client  *http.Client
	refused bool // the backend refused a connection: nothing listens there
}

func (r *runner) run(ctx context.Context, c *spec.Case, et *spec.EndpointTypes) Result {
	res := Result{
		Name: c.Name(), Endpoint: c.Endpoint.Name, Response: c.Index,
		Method: c.Method, Target: strings.TrimPrefix(c.Target(), c.Method+" "),
	}
	if c.Body != nil {
		res.Body = c.Body.String()
	}
	if c.Played != "" {
		res.Outcome, res.Skip = Skipped, c.Played
		return res
	}
	if c.Unreachable != "" {
		res.Outcome = Unreachable
		res.Failures = []string{c.Unreachable}
		return res
	}
	start := time.Now()
	x := expect(c.Response)
	resp, body, err := r.send(ctx, c, x.accept())
	res.Duration = time.Since(start)
	if err != nil {
		res.Outcome = Fail
		res.Failures = []string{r.transportError(err)}
		return res
	}
	ck := &checker{}
	ck.answer(c, x, resp, body, et, r.opt.Strict)
	res.Failures, res.Warnings = ck.failures, ck.warnings
	res.Outcome = Pass
	if len(res.Failures) > 0 {
		res.Outcome = Fail
	}
	return res
}

func (r *runner) send(ctx context.Context, c *spec.Case, accept string) (*http.Response, []byte, error) {
	target := c.Path
	if len(c.Query) > 0 {
		target += "?" + c.Query.Encode()
	}
	var body []byte
	if c.Body != nil {
		body = c.Body.JSON()
	}
	return r.do(ctx, c.Method, target, body, c.Header, accept)
}

// do sends one request to target, a path and query under the base URL, with the
// spec's headers and then the --header ones, and reads the answer.
func (r *runner) do(ctx context.Context, method, target string, body []byte, header http.Header, accept string) (*http.Response, []byte, error) {
	target = strings.TrimRight(r.opt.BaseURL, "/") + target
	ctx, cancel := context.WithTimeout(ctx, r.opt.Timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return nil, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", "bb-verify")
	for k, vs := range header {
		req.Header[k] = slices.Clone(vs)
	}
	for k, vs := range r.opt.Headers {
		req.Header[http.CanonicalHeaderKey(k)] = slices.Clone(vs)
	}
	if h := req.Header.Get("Host"); h != "" {
		req.Host = h
		req.Header.Del("Host")
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > maxBody {
		return nil, nil, fmt.Errorf("the answer's body is larger than %d MiB, more than bb verify reads", maxBody>>20)
	}
	return resp, data, nil
}

// transportError says in plain words why no answer came.
func (r *runner) transportError(err error) string {
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var netErr net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		r.refused = true
		return fmt.Sprintf("connection refused: nothing listens at %s; is the backend running?", r.opt.BaseURL)
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		return fmt.Sprintf("timeout: no answer within %s (raise it with --timeout)", r.opt.Timeout)
	case errors.Is(err, context.Canceled):
		return "cancelled before the backend answered"
	case errors.As(err, &certErr) || errors.As(err, &unknownCA):
		return fmt.Sprintf("TLS: the backend's certificate is not trusted (%v); for a local development certificate use --insecure", unwrapURL(err))
	}
	return fmt.Sprintf("request failed: %v", unwrapURL(err))
}

func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
