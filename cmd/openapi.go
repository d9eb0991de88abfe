package cmd

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/openapi"
	"github.com/backwards-backend/bb/internal/scaffold"
	"github.com/backwards-backend/bb/internal/spec"
)

// GenOpenAPIOptions are the settings of `bb gen openapi`.
type GenOpenAPIOptions struct {
	Path   string       // the project folder or spec file
	Out    string       // the document's file; "" writes to standard output
	Format string       // yaml or json; "" follows Out's extension, else yaml
	Spec   spec.Options // limits, from the environment
}

func newGenOpenAPICmd(streams *IO) *cobra.Command {
	opts := &GenOpenAPIOptions{}
	c := &cobra.Command{
		Use:   "openapi [dir|file]",
		Short: "Write an OpenAPI 3.1 document of bb.yaml",
		Long: `Write an OpenAPI 3.1 document of bb.yaml.

Every endpoint becomes an operation whose operationId is the endpoint's name,
with its path, query and header parameters, its request body and every
response. Bodies are typed by the same rules as bb gen swift and bb eject
(shared shapes are components/schemas under the same names); the spec's
bodies are the examples, one named example per response. What only bb knows
(the when that picks a response, its delay and headers) is kept under
x-bb-responses, so bb import openapi gives the spec back.

The document goes to standard output unless --out names a file. The same spec
always gives the same bytes.`,
		Example: `  bb gen openapi examples/bookshelf --out openapi.yaml
  bb gen openapi --format json > openapi.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Path = pathArg(args)
			if opts.Format == "" && strings.EqualFold(filepath.Ext(opts.Out), ".json") {
				opts.Format = openapi.FormatJSON
			}
			if opts.Format != "" && opts.Format != openapi.FormatYAML && opts.Format != openapi.FormatJSON {
				return &usageError{err: fmt.Errorf("--format %q: use yaml or json", opts.Format), cmd: c.CommandPath()}
			}
			var err error
			if opts.Spec, err = specOptions(); err != nil {
				return err
			}
			return runGenOpenAPI(opts, streams)
		},
	}
	c.Flags().StringVarP(&opts.Out, "out", "o", "", "file to write the document to (default: standard output)")
	c.Flags().StringVar(&opts.Format, "format", "", "yaml or json (default: json for a .json --out, else yaml)")
	return c
}

func runGenOpenAPI(opts *GenOpenAPIOptions, streams *IO) error {
	s, err := opts.Spec.Load(context.Background(), opts.Path)
	if err != nil {
		return err
	}
	data, err := openapi.Generate(s, opts.Format)
	if err != nil {
		return err
	}
	if opts.Out == "" {
		_, err := streams.Out.Write(data)
		return err
	}
	if err := scaffold.WriteFileAtomic(opts.Out, data); err != nil {
		return fmt.Errorf("writing %s: %w", opts.Out, err)
	}
	fmt.Fprintf(streams.Out, "wrote %s: OpenAPI %s, %s\n", opts.Out, openapi.Version, plural(len(s.Endpoints), "operation"))
	return nil
}
