package cmd

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

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
	w := streams.Out
	fmt.Fprintf(w, "%s: ok, %s with %s", s.File, s.Name, plural(len(s.Endpoints), "endpoint"))
	if len(warnings) > 0 {
		fmt.Fprintf(w, ", %s", plural(len(warnings), "warning"))
	}
	fmt.Fprintln(w)
	for _, e := range s.Endpoints {
		fmt.Fprintf(w, "\n%s %s  (%s)\n", e.Method, e.Path, e.Name)
		for i, r := range e.Responses {
			cond := "otherwise"
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
			if r.Delay > 0 {
				extra = append(extra, "after "+r.Delay.String())
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
