package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/spec"
)

// CheckOptions are the settings of `bb check`.
type CheckOptions struct {
	Path string
}

func newCheckCmd(streams *IO) *cobra.Command {
	opts := &CheckOptions{}
	return &cobra.Command{
		Use:   "check [dir|file]",
		Short: "Validate bb.yaml and list its endpoints",
		Long: `Validate bb.yaml and list its endpoints.

Validate bb.yaml and list every endpoint with its responses and their
conditions. Every problem is reported with file:line:col; the exit code is 2
when there is any.`,
		Example: `  bb check examples/bookshelf`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Path = pathArg(args)
			return runCheck(opts, streams)
		},
	}
}

func runCheck(opts *CheckOptions, streams *IO) error {
	s, err := spec.Load(opts.Path)
	if err != nil {
		return err
	}
	w := streams.Out
	noun := "endpoints"
	if len(s.Endpoints) == 1 {
		noun = "endpoint"
	}
	fmt.Fprintf(w, "%s: ok, %s with %d %s\n", s.File, s.Name, len(s.Endpoints), noun)
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
