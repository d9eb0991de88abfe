package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/scaffold"
	"github.com/backwards-backend/bb/internal/spec"
)

// SchemaOptions are the settings of `bb schema`.
type SchemaOptions struct {
	Out string // the file to write; "" prints to standard output
}

func newSchemaCmd(streams *IO) *cobra.Command {
	opts := &SchemaOptions{}
	c := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of bb.yaml, for editors",
		Long: `Print the JSON Schema of bb.yaml, for editors.

The schema (JSON Schema draft 2020-12) describes every key of bb.yaml with
examples, so editors with the YAML language server (VS Code, Zed, Neovim)
complete and check the spec as you type. bb init writes it to
.bb/bb.schema.json and points bb.yaml's first line at it:

  # yaml-language-server: $schema=.bb/bb.schema.json

It checks the spec's shape; bb check also checks what needs the whole spec
(a bodyFile that exists, routes that clash, a when on a path parameter).`,
		Example: `  bb schema --out .bb/bb.schema.json
  bb schema > bb.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runSchema(opts, streams)
		},
	}
	c.Flags().StringVarP(&opts.Out, "out", "o", "", "file to write the schema to (default: standard output)")
	return c
}

func runSchema(opts *SchemaOptions, streams *IO) error {
	if opts.Out == "" {
		_, err := streams.Out.Write(spec.JSONSchema())
		return err
	}
	if err := scaffold.WriteFileAtomic(opts.Out, spec.JSONSchema()); err != nil {
		return fmt.Errorf("writing %s: %w", opts.Out, err)
	}
	fmt.Fprintf(streams.Out, "wrote %s\n", opts.Out)
	return nil
}
