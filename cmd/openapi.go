package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/openapi"
	"github.com/backwards-backend/bb/internal/scaffold"
	"github.com/backwards-backend/bb/internal/spec"
)

// GenOpenAPIOptions are the settings of `bb gen openapi`.
type GenOpenAPIOptions struct {
	Path    string       // the project folder or spec file
	Out     string       // the document's file; "" writes to standard output
	Format  string       // yaml or json; "" follows Out's extension, else yaml
	OpenAPI string       // the OpenAPI version: 3.1 (default) or 3.0
	Spec    spec.Options // limits, from the environment
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
x-bb-responses, and resources under x-bb-resources, so bb import openapi gives
the spec back.

The document goes to standard output unless --out names a file. The same spec
always gives the same bytes. --openapi 3.0 writes OpenAPI 3.0.3 (nullable: true
instead of a "null" type) for tools that read no 3.1, such as oapi-codegen.`,
		Example: `  bb gen openapi examples/bookshelf --out openapi.yaml
  bb gen openapi --format json > openapi.json
  bb gen openapi --openapi 3.0 --out openapi.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Path = pathArg(args)
			if opts.Format == "" && strings.EqualFold(filepath.Ext(opts.Out), ".json") {
				opts.Format = openapi.FormatJSON
			}
			if opts.Format != "" && opts.Format != openapi.FormatYAML && opts.Format != openapi.FormatJSON {
				return &usageError{err: fmt.Errorf("--format %q: use yaml or json", opts.Format), cmd: c.CommandPath()}
			}
			if opts.OpenAPI != "3.1" && opts.OpenAPI != "3.0" {
				return &usageError{err: fmt.Errorf("--openapi %q: use 3.1 or 3.0", opts.OpenAPI), cmd: c.CommandPath()}
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
	c.Flags().StringVar(&opts.OpenAPI, "openapi", "3.1", "OpenAPI version: 3.1, or 3.0 for tools that read only 3.0 (oapi-codegen)")
	return c
}

func runGenOpenAPI(opts *GenOpenAPIOptions, streams *IO) error {
	s, err := opts.Spec.Load(context.Background(), opts.Path)
	if err != nil {
		return err
	}
	version := openapi.Version
	if opts.OpenAPI == "3.0" {
		version = openapi.Version30
	}
	data, err := openapi.GenerateVersion(s, opts.Format, version)
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
	fmt.Fprintf(streams.Out, "wrote %s: OpenAPI %s, %s\n", opts.Out, version, plural(len(s.Endpoints), "operation"))
	return nil
}

// ImportOpenAPIOptions are the settings of `bb import openapi`.
type ImportOpenAPIOptions struct {
	File  string // the OpenAPI document
	Out   string // the spec to write
	Force bool   // overwrite an existing spec and bodyFiles
	Spec  spec.Options
}

func newImportCmd(streams *IO) *cobra.Command {
	c := &cobra.Command{
		Use:   "import",
		Short: "Make a bb.yaml from another tool's description of an API",
		Long: `Make a bb.yaml from another tool's description of an API.

Start an app before its backend exists: import the backend's OpenAPI document
and bb serve answers every operation from its examples.`,
		Example: `  bb import openapi openapi.yaml`,
		Args:    cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &usageError{err: errors.New("bb import needs a format, e.g. bb import openapi FILE")}
			}
			return &usageError{err: fmt.Errorf("unknown format %q; available: openapi", args[0])}
		},
	}
	c.AddCommand(newImportOpenAPICmd(streams))
	return c
}

func newImportOpenAPICmd(streams *IO) *cobra.Command {
	opts := &ImportOpenAPIOptions{}
	c := &cobra.Command{
		Use:   "openapi FILE",
		Short: "Make a bb.yaml from an OpenAPI 3.0 or 3.1 document",
		Long: `Make a bb.yaml from an OpenAPI 3.0 or 3.1 document (YAML or JSON).

Every operation becomes an endpoint named by its operationId (or by its
method and path). Each answers with the document's examples or, where it has
none, with sample values that fit its schemas; the schemas are kept as
schema: so the generated clients are typed exactly. The first success answers
by default; the others answer to a request header, as the Prism mock server
reads it:

  Prefer: code=404              the 404 response
  Prefer: example=empty         the named example "empty"
  Prefer: code=404, example=x   both

Bodies that are not JSON are written as bodyFiles under responses/.
Everything bb.yaml cannot say (a cookie, minLength, a oneOf of unlike types)
is listed as a warning with its JSON pointer. A document written by bb gen
openapi comes back as the spec it was made from.

Local $refs (#/components/...) are followed; references to other files are not.
An existing bb.yaml is never overwritten unless --force is given.`,
		Example: `  bb import openapi petstore.yaml
  bb import openapi api.json --out backend/bb.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			var err error
			if opts.Spec, err = specOptions(); err != nil {
				return err
			}
			return runImportOpenAPI(opts, streams)
		},
	}
	c.Flags().StringVarP(&opts.Out, "out", "o", spec.FileName, "the spec file to write")
	c.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing spec and its bodyFiles")
	return c
}

func runImportOpenAPI(opts *ImportOpenAPIOptions, streams *IO) error {
	data, err := readLimited(opts.File, opts.Spec.MaxSize)
	if err != nil {
		return err
	}
	if opts.Out == "" {
		opts.Out = spec.FileName
	}
	if st, err := os.Stat(opts.Out); err == nil && st.IsDir() {
		opts.Out = filepath.Join(opts.Out, spec.FileName)
	}
	if _, err := os.Stat(opts.Out); err == nil && !opts.Force {
		return fmt.Errorf("%s already exists; bb import leaves it alone (use --force to overwrite it, or --out to write elsewhere)", opts.Out)
	}
	// An example's externalValue may name a file beside the document (bb gen openapi
	// names binary bodyFiles so); the importer refuses absolute paths and "..".
	docDir := filepath.Dir(opts.File)
	res, err := openapi.ImportWith(data, filepath.Base(opts.File), func(rel string) ([]byte, error) {
		return os.ReadFile(filepath.Join(docDir, filepath.FromSlash(rel)))
	})
	if err != nil {
		return fmt.Errorf("%s: %w", opts.File, err)
	}
	dir := filepath.Dir(opts.Out)
	for _, name := range slices.Sorted(maps.Keys(res.Files)) {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Stat(target); err == nil && !opts.Force {
			return fmt.Errorf("%s already exists; bb import leaves it alone (use --force to overwrite it)", target)
		}
		if err := scaffold.WriteFileAtomic(target, res.Files[name]); err != nil {
			return err
		}
	}
	// The spec is checked as bb will read it before it is written: an import bb itself
	// would refuse is a bug to report, not a file to leave behind.
	if _, err := opts.Spec.Parse(context.Background(), opts.Out, res.Spec); err != nil {
		return fmt.Errorf("the imported spec does not load (please report this with the document): %w", err)
	}
	if err := scaffold.WriteFileAtomic(opts.Out, res.Spec); err != nil {
		return err
	}
	// The spec's first line points editors at the schema, as bb init's does.
	schemaFile := filepath.Join(dir, filepath.FromSlash(spec.SchemaFile))
	if _, err := os.Stat(schemaFile); err != nil {
		if err := scaffold.WriteFileAtomic(schemaFile, spec.JSONSchema()); err != nil {
			return err
		}
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(streams.Err, "%s%s: warning: %s\n", opts.File, "#"+w.Pointer, w.Msg)
	}
	what := plural(res.Endpoints, "endpoint")
	if res.Resources > 0 {
		what += " and " + plural(res.Resources, "resource")
	}
	fmt.Fprintf(streams.Out, "wrote %s: %s from %s", opts.Out, what, opts.File)
	if n := len(res.Files); n > 0 {
		fmt.Fprintf(streams.Out, ", %s", plural(n, "body file"))
	}
	if n := len(res.Warnings); n > 0 {
		fmt.Fprintf(streams.Out, "; %s (above) could not be carried over", plural(n, "thing"))
	}
	fmt.Fprintf(streams.Out, "\n\nNext steps:\n  bb serve %s\n", dir)
	return nil
}

// readLimited reads a document no larger than a spec may be (max, or
// spec.DefaultMaxSize when 0), so a huge file is refused before it is read.
func readLimited(file string, max int64) ([]byte, error) {
	if max <= 0 {
		max = spec.DefaultMaxSize
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s is larger than %d bytes, the most bb reads; raise the limit with %s, e.g. %s=64MiB", file, max, spec.EnvMaxSize, spec.EnvMaxSize)
	}
	return data, nil
}
