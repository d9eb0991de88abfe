package cmd

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// CheckOptions are the settings of `bb check`.
type CheckOptions struct {
	Path string
	Spec spec.Options // limits, from the environment
}

func newCheckCmd(streams *IO) *cobra.Command {
	opts := &CheckOptions{}
	return &cobra.Command{
		Use:   "check [dir|file]",
		Short: "Validate bb.yaml and list its endpoints",
		Long: `Validate bb.yaml and list its endpoints.

Validate bb.yaml and list every endpoint with its responses and their
conditions. Every problem is reported with file:line:col; the exit code is 2
when there is any. What is valid but likely a mistake (a when condition on a
key the request example does not have, which the generated client can never
send) is reported as file:line:col: warning: …, and the exit code stays 0.`,
		Example: `  bb check examples/bookshelf`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Path, _ = specArg(args, streams.Err)
			var err error
			if opts.Spec, err = specOptions(); err != nil {
				return err
			}
			return runCheck(opts, streams)
		},
	}
}

func runCheck(opts *CheckOptions, streams *IO) error {
	s, err := opts.Spec.Load(context.Background(), opts.Path)
	if err != nil {
		return err
	}
	warnings := s.Warnings()
	for _, wn := range warnings {
		fmt.Fprintln(streams.Err, wn)
	}
	// One write per line would be a system call per line: 30,000 for 10,000 endpoints.
	w := bufio.NewWriterSize(streams.Out, 64<<10)
	defer w.Flush() // its error, as each Fprintf's, is not the spec's
	fmt.Fprintf(w, "%s: ok, %s with %s", s.File, s.Name, plural(len(s.Endpoints), "endpoint"))
	if len(s.Resources) > 0 {
		fmt.Fprintf(w, " (%d of them the routes of %s)", 6*len(s.Resources), plural(len(s.Resources), "resource"))
	}
	if len(warnings) > 0 {
		fmt.Fprintf(w, ", %s", plural(len(warnings), "warning"))
	}
	fmt.Fprintln(w)
	for _, e := range s.Endpoints {
		seq := ""
		if e.Sequence != "" {
			seq = "  sequence: " + string(e.Sequence) + ", one response per request in turn"
		}
		fmt.Fprintf(w, "\n%s %s  (%s)%s\n", e.Method, e.Path, e.Name, seq)
		if e.Resource != nil {
			fmt.Fprintf(w, "  %s\n", resourceLine(e))
			continue
		}
		for i, r := range e.Responses {
			cond := "otherwise"
			if e.Sequence != "" {
				cond = fmt.Sprintf("request %d", i+1)
				if i == len(e.Responses)-1 {
					cond += map[string]string{"repeat-last": " and after", "cycle": ", then from the first"}[string(e.Sequence)]
				}
			}
			if len(r.When) > 0 {
				parts := make([]string, len(r.When))
				for j, c := range r.When {
					parts[j] = c.Key + " = " + c.Value.String()
				}
				cond = "when " + strings.Join(parts, " and ")
			}
			var extra []string
			if r.BodyFile != "" {
				extra = append(extra, "bodyFile "+r.BodyFile)
			}
			if r.Delay > 0 || r.DelayMax > 0 {
				d := r.Delay.String()
				if r.DelayMax > r.Delay {
					d += ".." + r.DelayMax.String()
				}
				extra = append(extra, "after "+d)
			}
			if r.Scenario != "" {
				extra = append(extra, "scenario "+r.Scenario)
			}
			if r.Chance > 0 {
				extra = append(extra, fmt.Sprintf("chance %g", r.Chance))
			}
			if r.Fault != "" {
				extra = append(extra, "fault "+string(r.Fault))
			}
			for _, t := range r.Templates {
				extra = append(extra, "template "+t.Where)
			}
			suffix := ""
			if len(extra) > 0 {
				suffix = "  (" + strings.Join(extra, ", ") + ")"
			}
			fmt.Fprintf(w, "  %d. %s → %d%s\n", i+1, cond, r.Status, suffix)
		}
	}
	return nil
}

// plural counts n things: "1 endpoint", "2 endpoints".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// resourceLine says what a resource's route answers: its success, then the other
// statuses the route declares (400 for a bad query, id or body, 404, 409).
func resourceLine(e *spec.Endpoint) string {
	r := e.Resource
	item := r.Item()
	head := map[contract.ResourceOp]string{
		contract.OpList:    fmt.Sprintf("200 the %s from .bb/state.db (%s at first), filtered, sorted and paged, with X-Total-Count", r.Name, plural(len(r.Seed), "seed record")),
		contract.OpGet:     "200 the " + item,
		contract.OpCreate:  "201 the new " + item + " with its Location",
		contract.OpReplace: "200 the " + item + " replaced",
		contract.OpUpdate:  "200 the " + item + " merged with a JSON Merge Patch",
		contract.OpDelete:  "204 the " + item + " deleted",
	}[e.Op]
	var others []string
	for _, resp := range e.Responses[1:] {
		others = append(others, strconv.Itoa(resp.Status))
	}
	switch len(others) {
	case 0:
		return "→ " + head
	case 1:
		return "→ " + head + "; or " + others[0]
	}
	return "→ " + head + "; or " + strings.Join(others[:len(others)-1], ", ") + " or " + others[len(others)-1]
}
