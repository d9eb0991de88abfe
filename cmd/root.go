// Package cmd holds bb's cobra commands. Each command turns its flags into an options
// struct and hands it to a run function that tests call directly.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/scaffold/eject"
	"github.com/backwards-backend/bb/internal/spec"
)

// Exit codes, stable and documented in the README.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // the command could not do its job (a port in use, a file it cannot write)
	ExitUsage   = 2 // bad flags or arguments, or a spec with errors
)

// IO holds the streams a command reads and writes, so tests can inject their own.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// usageError marks an error in how bb was called. cmd, when known, is the command
// whose --help to point at.
type usageError struct {
	err error
	cmd string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// Main runs bb with the given arguments and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return Run(context.Background(), args, &IO{In: stdin, Out: stdout, Err: stderr})
}

// Run is Main with a context the caller controls.
func Run(ctx context.Context, args []string, streams *IO) int {
	root := NewRoot(streams)
	root.SetArgs(args)
	ran, err := root.ExecuteContextC(ctx)
	if err == nil {
		return ExitOK
	}
	var list spec.ErrorList
	var ue *usageError
	switch {
	case errors.As(err, &list):
		fmt.Fprintln(streams.Err, list.Error())
		if len(list) > 1 {
			fmt.Fprintf(streams.Err, "%d problems in %s\n", len(list), list[0].File)
		}
		return ExitUsage
	case errors.As(err, &ue):
		help := "bb"
		switch {
		case ue.cmd != "":
			help = ue.cmd
		case ran != nil:
			help = ran.CommandPath() // the command the error came from
		}
		fmt.Fprintf(streams.Err, "bb: %v\nRun '%s --help' for usage.\n", err, help)
		return ExitUsage
	}
	fmt.Fprintf(streams.Err, "bb: %v\n", err)
	return ExitFailure
}

// NewRoot builds the bb command tree.
func NewRoot(streams *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "bb",
		Short: "bb, the backwards backend: a local backend that answers your app's calls from bb.yaml",
		Long: `bb, the backwards backend: write the client call first, and bb answers it.

bb serves every endpoint in bb.yaml on localhost with its stub JSON, reloads the
moment the file changes, and tells you the stub to add when your app calls
something bb.yaml does not have yet. Once a real backend takes over, bb verify
checks it still answers as bb.yaml says.

A spec may be 16 MiB, also with its YAML aliases written out, and each body in
it 8 MiB; BB_MAX_SPEC_SIZE and BB_MAX_SPEC_BODY (e.g. 32MiB) raise the limits.

Exit codes: 0 ok, 1 failure, 2 usage or spec error.`,
		Example: `  bb init myapp
  bb serve myapp
  bb check myapp
  bb verify myapp --url http://127.0.0.1:8080`,
		Version:                    version(),
		SilenceUsage:               true,
		SilenceErrors:              true,
		SuggestionsMinimumDistance: 2,
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetVersionTemplate(versionLine() + "\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err: err, cmd: c.CommandPath()}
	})
	root.AddCommand(newInitCmd(streams))
	root.AddCommand(newServeCmd(streams))
	root.AddCommand(newCheckCmd(streams))
	root.AddCommand(newGenCmd(streams))
	root.AddCommand(newEjectCmd(streams))
	root.AddCommand(newVerifyCmd(streams))
	root.AddCommand(newSchemaCmd(streams))
	root.AddCommand(newImportCmd(streams))
	root.AddCommand(newVersionCmd(streams))
	// Make cobra's completion command now, to give it an example like every other.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Example = "  source <(bb completion bash)\n  bb completion zsh > \"${fpath[1]}/_bb\""
		}
	}
	unknownCommands(root)
	wrapArgs(root)
	return root
}

// unknownCommands makes every command that holds subcommands refuse a word that names
// none of them, as a usage error with a suggestion, rather than leave cobra to word it.
func unknownCommands(c *cobra.Command) {
	if c.HasSubCommands() && c.Args == nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", s[0])
			}
			return &usageError{err: errors.New(msg), cmd: cmd.CommandPath()}
		}
		if c.Run == nil && c.RunE == nil {
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		}
	}
	for _, sub := range c.Commands() {
		unknownCommands(sub)
	}
}

// wrapArgs makes argument-count errors usage errors, so they exit 2.
func wrapArgs(c *cobra.Command) {
	if args := c.Args; args != nil {
		c.Args = func(cmd *cobra.Command, a []string) error {
			if err := args(cmd, a); err != nil {
				return &usageError{err: err, cmd: cmd.CommandPath()}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

// specArg is the spec a command reads: its [dir|file] argument, else the current
// folder. Inside an ejected project, which holds no bb.yaml, it is the spec the project
// was ejected from, as bb-eject.json records it (or the parent folder's, for a project
// ejected before it did), and project is the current folder; bb says which it took.
func specArg(args []string, stderr io.Writer) (path, project string) {
	if len(args) > 0 || isFile("bb.yaml") || !isFile(eject.ManifestFile) {
		return pathArg(args), ""
	}
	file := eject.SpecFile(".")
	if file == "" || !isFile(file) {
		if file = filepath.Join("..", "bb.yaml"); !isFile(file) {
			return ".", ""
		}
	}
	fmt.Fprintf(stderr, "bb: using %s, the spec this project was ejected from\n", file)
	return file, "."
}

func isFile(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.Mode().IsRegular()
}

// pathArg is the optional [dir|file] argument most commands take.
func pathArg(args []string) string {
	if len(args) == 0 {
		return "."
	}
	return args[0]
}
