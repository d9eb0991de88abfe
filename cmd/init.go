package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/scaffold"
	"github.com/backwards-backend/bb/internal/spec"
)

// InitOptions are the settings of `bb init`.
type InitOptions struct {
	Dir   string
	Name  string // the API name; default: from the folder name
	Force bool
}

func newInitCmd(streams *IO) *cobra.Command {
	opts := &InitOptions{}
	c := &cobra.Command{
		Use:   "init [dir]",
		Short: "Create a bb.yaml with a working example endpoint",
		Long: `Create a bb.yaml with a working example endpoint.

Create a project folder with a commented bb.yaml holding a working example
endpoint (POST /api/get_messages) and a .gitignore. An existing bb.yaml is
never overwritten unless --force is given.

bb.yaml's first line points editors with the YAML language server (VS Code,
Zed, Neovim) at .bb/bb.schema.json, the JSON Schema of bb.yaml, which bb init
writes beside it: they complete and check every key, offline. Commit it with
bb.yaml; bb schema --out .bb/bb.schema.json refreshes it after updating bb.`,
		Example: `  bb init myapp
  bb init . --name Messages`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = pathArg(args)
			return runInit(opts, streams)
		},
	}
	c.Flags().StringVar(&opts.Name, "name", "", "the API's name (default: from the folder name)")
	c.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing bb.yaml")
	return c
}

func runInit(opts *InitOptions, streams *IO) error {
	name := opts.Name
	if name == "" {
		abs, err := filepath.Abs(opts.Dir)
		if err != nil {
			return err
		}
		if name = spec.TypeName(filepath.Base(abs)); name == "" {
			name = "App" // a folder named 123 or café names no Swift type
		}
	} else if spec.TypeName(name) == "" {
		return &usageError{err: fmt.Errorf("--name %q must start with a letter and hold letters, digits, spaces, '-' or '_'", name)}
	}
	specFile := filepath.Join(opts.Dir, spec.FileName)
	if _, err := os.Stat(specFile); err == nil && !opts.Force {
		return fmt.Errorf("%s already exists; bb init leaves it alone (use --force to overwrite it)", specFile)
	}
	files, err := scaffold.InitFiles(name)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	if err := scaffold.WriteFileAtomic(specFile, files["bb.yaml"]); err != nil {
		return err
	}
	fmt.Fprintf(streams.Out, "created %s\n", specFile)
	// The schema is bb's file, so it is written afresh: it follows the bb in use.
	schemaFile := filepath.Join(opts.Dir, filepath.FromSlash(spec.SchemaFile))
	if err := scaffold.WriteFileAtomic(schemaFile, files[spec.SchemaFile]); err != nil {
		return err
	}
	fmt.Fprintf(streams.Out, "created %s (editors complete bb.yaml from it)\n", schemaFile)
	ignore := filepath.Join(opts.Dir, ".gitignore")
	if _, err := os.Stat(ignore); errors.Is(err, fs.ErrNotExist) {
		if err := scaffold.WriteFileAtomic(ignore, files[".gitignore"]); err != nil {
			return err
		}
		fmt.Fprintf(streams.Out, "created %s\n", ignore)
	}
	dir := opts.Dir
	if strings.ContainsAny(dir, " '\"$&;|<>()*?[]#~`\\") {
		dir = "'" + strings.ReplaceAll(dir, "'", `'\''`) + "'"
	}
	fmt.Fprintf(streams.Out, `
Next steps:
  bb serve %s
  curl -s -X POST localhost:4000/api/get_messages -d '{"user":"larry"}'
`, dir)
	return nil
}
