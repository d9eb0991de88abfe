package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/verify"
)

// VerifyOptions are the settings of `bb verify`.
type VerifyOptions struct {
	Path     string
	URL      string
	Headers  []string // "Name: value"
	Timeout  time.Duration
	Only     []string
	Strict   bool
	JSON     bool
	JUnit    string
	Insecure bool
	Spec     spec.Options // limits, from the environment
}

func newVerifyCmd(streams *IO) *cobra.Command {
	opts := &VerifyOptions{}
	c := &cobra.Command{
		Use:   "verify [dir|file] --url URL",
		Short: "Check a running backend against bb.yaml",
		Long: `Check a running backend against bb.yaml.

Replay the spec against any running backend (the ejected Go server, a Flask
app, anything) and report where it no longer answers as the app expects. For
every response of every endpoint, bb verify sends the request that reaches it:
the endpoint's request example with the response's when values, and other
values for whatever earlier responses test. It checks the status, the content
type bb serve would send and the body's shape (required keys, types, null);
--strict also compares the values, and the exact bytes of a body that is not
JSON (a CSV bodyFile), which is otherwise only warned about. A response no
request can reach is reported as failed; give it an example: in bb.yaml.

A resource's seeds are not replayed: records come and go in a real store. Each
resource gets a round trip instead: create a record marked bb-verify-…, get it,
list with a filter that finds it alone (X-Total-Count: 1), update it (PATCH),
replace it (PUT), delete it, and get a 404. What the round trip created is
deleted again, even when a step fails.

The report has one line per case and ends with "N passed, N failed"; the exit
code is 1 when any case failed.`,
		Example: `  bb verify examples/messages --url http://127.0.0.1:8080
  bb verify --url http://127.0.0.1:8080 --header "Authorization: Bearer $TOKEN"
  bb verify --url http://127.0.0.1:8080 --only getBook --strict --junit verify.xml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Path, _ = specArg(args, streams.Err)
			var err error
			if opts.Spec, err = specOptions(); err != nil {
				return err
			}
			return runVerify(c.Context(), opts, streams)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.URL, "url", "", "base URL of the backend to check (required), e.g. http://127.0.0.1:8080")
	f.StringArrayVarP(&opts.Headers, "header", "H", nil, "a header to send with every request, as 'Name: value' (repeatable)")
	f.DurationVar(&opts.Timeout, "timeout", verify.DefaultTimeout, "how long each request may take")
	f.StringSliceVar(&opts.Only, "only", nil, "check only these endpoints, by operation name, or resources, by name (repeatable)")
	f.BoolVar(&opts.Strict, "strict", false, "also compare body values, the bytes of bodies that are not JSON, and the spec's response headers")
	f.BoolVar(&opts.JSON, "json", false, "print a JSON report instead of the text one")
	f.StringVar(&opts.JUnit, "junit", "", "also write a JUnit XML report to this file")
	f.BoolVar(&opts.Insecure, "insecure", false, "skip TLS certificate checks, for a local development certificate")
	return c
}

func runVerify(ctx context.Context, opts *VerifyOptions, streams *IO) error {
	usage := func(format string, args ...any) error {
		return &usageError{err: fmt.Errorf(format, args...), cmd: "bb verify"}
	}
	if opts.URL == "" {
		return usage("--url is required: the base URL of the backend to check, e.g. --url http://127.0.0.1:8080")
	}
	u, err := url.Parse(opts.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usage("--url %q must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:8080", opts.URL)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return usage("--url %q must not hold a query or fragment; the spec gives each request its query", opts.URL)
	}
	if opts.Timeout <= 0 {
		return usage("--timeout %s must be positive, e.g. 5s", opts.Timeout)
	}
	headers := http.Header{}
	for _, h := range opts.Headers {
		name, value, ok := strings.Cut(h, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return usage("--header %q must be 'Name: value', e.g. 'Authorization: Bearer token'", h)
		}
		headers.Add(name, strings.TrimSpace(value))
	}
	s, err := opts.Spec.Load(ctx, opts.Path)
	if err != nil {
		return err
	}
	if bad := verify.UnknownEndpoints(s, opts.Only); len(bad) > 0 {
		names := make([]string, 0, len(s.Endpoints)+len(s.Resources))
		for _, e := range s.Endpoints {
			names = append(names, e.Name)
		}
		for _, r := range s.Resources {
			names = append(names, r.Name)
		}
		msg := fmt.Sprintf("--only %s: no such endpoint in %s", bad[0], s.File)
		if sug := spec.Suggest(bad[0], names); sug != "" {
			msg += fmt.Sprintf("; did you mean %q?", sug)
		} else {
			msg += " (endpoints: " + strings.Join(names, ", ") + ")"
		}
		return usage("%s", msg)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	rep := verify.Run(ctx, s, verify.Options{
		BaseURL:  opts.URL,
		Headers:  headers,
		Timeout:  opts.Timeout,
		Only:     opts.Only,
		Strict:   opts.Strict,
		Insecure: opts.Insecure,
	})
	if opts.JUnit != "" {
		var b bytes.Buffer
		if err := rep.WriteJUnit(&b); err != nil {
			return err
		}
		if err := os.WriteFile(opts.JUnit, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("--junit: %w", err)
		}
	}
	if rep.Stopped != "" && !opts.JSON {
		return errors.New(rep.Stopped) // one line: the other cases would all say the same
	}
	if opts.JSON {
		err = rep.WriteJSON(streams.Out)
	} else {
		err = rep.WriteText(streams.Out)
	}
	if err != nil {
		return err
	}
	if !rep.OK() {
		return fmt.Errorf("%s does not match %s: %d of %d cases failed", opts.URL, s.File, rep.Failed, rep.Failed+rep.Passed)
	}
	return nil
}
