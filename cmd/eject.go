package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/scaffold/eject"
	"github.com/backwards-backend/bb/internal/spec"
)

// EjectOptions are the settings of `bb eject`.
type EjectOptions struct {
	Path   string // the project folder or spec file
	Out    string // the server project folder; "" means server/ beside the spec
	Module string // the Go module path; "" keeps the recorded one, or derives it from the name
	Update bool
	Check  bool
	Force  bool
	// NoBuild skips the go build ./... that proves the project compiles after writing.
	NoBuild bool
	Spec    spec.Options // limits, from the environment
	// InProject: bb runs inside the ejected project, and found the spec through it.
	InProject bool
	// Store names the databases of internal/store (--store); nil keeps the recorded
	// choice, or none for a new project.
	Store []string
}

func newEjectCmd(streams *IO) *cobra.Command {
	opts := &EjectOptions{}
	c := &cobra.Command{
		Use:   "eject [dir|file]",
		Short: "Write a Go server project that answers like the stubs, for you to own",
		Long: `Write a Go server project that answers like the stubs, for you to own.

The project (a Go module in server/ beside bb.yaml unless --out says otherwise)
builds, passes its tests and answers every example of bb.yaml exactly like
bb serve on day one (a request that does not fit the spec's types gets a 400
naming the field, where the stubs would answer anyway). Each endpoint is a
method in internal/handlers, first filled with its stub answers: replace them
with real logic one endpoint at a time.

A database is yours to choose with --store: none by default, so the project
needs nothing beyond Go's standard library and builds in seconds, offline;
sqlite (pure Go, in a local file), postgres, or sqlite,postgres (SQLite unless
DATABASE_URL holds a postgres:// URL) add internal/store and the driver. A
spec with resources needs one, and gets sqlite by default: each resource
becomes a table, with its migrations, its queries in sqlc's shape and its
handlers in internal/handlers.

Generated code (internal/api/*.gen.go, the contract tests) and your code never
share a file. After editing bb.yaml, run bb eject --update: bb's files are
regenerated, new endpoints get a handler file, handler files you have not
edited yet take the new stub answers, and nothing you wrote is ever
overwritten. A removed endpoint's handler file leaves the build: renamed to
NAME.go.removed, every byte as you left it, or deleted when it was still
exactly as bb wrote it. --update needs the --out the project was ejected
with; inside the project folder, bb eject --update needs nothing else, as bb
finds the spec through bb-eject.json.

After an --update, bb runs go build ./... in the project (with the go on PATH)
and exits 1, showing the compiler's first errors, when the project does not
build; with no go on PATH it says it could not check. --no-build skips the
check.
--check exits 1 when the generated code is behind the spec, for CI.`,
		Example: `  bb eject examples/messages --out messages-server --module github.com/you/messages
  bb eject examples/messages --out messages-server --update
  bb eject examples/messages --out messages-server --check
  bb eject examples/messages --out messages-sql --store sqlite`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			var project string
			opts.Path, project = specArg(args, streams.Err)
			if project != "" && opts.Out == "" {
				opts.Out = project // inside the ejected project: update it, wherever the spec is
				opts.InProject = true
			}
			if opts.Update && opts.Check {
				return &usageError{err: errors.New("--update and --check exclude each other"), cmd: c.CommandPath()}
			}
			if opts.Force && !opts.Update {
				return &usageError{err: errors.New("--force only goes with --update"), cmd: c.CommandPath()}
			}
			if opts.NoBuild && opts.Check {
				return &usageError{err: errors.New("--no-build does not go with --check, which builds nothing"), cmd: c.CommandPath()}
			}
			var err error
			if opts.Spec, err = specOptions(); err != nil {
				return err
			}
			return runEject(c.Context(), opts, streams)
		},
	}
	c.Flags().StringVarP(&opts.Out, "out", "o", "", "folder of the server project (default server/ beside bb.yaml); --update and --check need the same one")
	c.Flags().StringVar(&opts.Module, "module", "", "Go module path, e.g. github.com/you/messages (default the spec's name)")
	c.Flags().BoolVar(&opts.Update, "update", false, "regenerate bb's files in an ejected project and add handlers for new endpoints")
	c.Flags().BoolVar(&opts.Check, "check", false, "write nothing; exit 1 when the generated code is behind the spec")
	c.Flags().BoolVar(&opts.Force, "force", false, "with --update: overwrite generated files even when edited by hand")
	c.Flags().BoolVar(&opts.NoBuild, "no-build", false, "do not run go build ./... in the project to check that it compiles")
	c.Flags().StringSliceVar(&opts.Store, "store", nil, "the database of internal/store: none (the default without resources: no store, no driver to download), sqlite (the default with resources), postgres, or sqlite,postgres")
	return c
}

// updateCommand is the bb eject --update line that brings this project up to date.
func updateCommand(opts *EjectOptions) string {
	if opts.InProject {
		return "bb eject --update"
	}
	cmd := "bb eject"
	if opts.Path != "." {
		cmd += " " + opts.Path
	}
	if opts.Out != "" {
		cmd += " --out " + opts.Out
	}
	return cmd + " --update"
}

func runEject(ctx context.Context, opts *EjectOptions, streams *IO) error {
	s, err := opts.Spec.Load(ctx, opts.Path)
	if err != nil {
		return err
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(s.Dir, "server")
	}
	module := opts.Module
	if recorded := eject.Module(out); recorded != "" {
		if module != "" && module != recorded {
			return &usageError{cmd: "bb eject", err: fmt.Errorf("%s is module %s; to move it, change the module line of its go.mod and its imports, then run bb eject --update --module %s", out, recorded, module)}
		}
		if module == "" {
			module = recorded
		}
	}
	if _, err := eject.ModulePath(s, eject.Options{Module: module}); err != nil {
		return &usageError{err: err, cmd: "bb eject"}
	}
	store, err := ejectStore(opts, out, len(s.Resources) > 0)
	if err != nil {
		return err
	}
	p, err := eject.Generate(s, eject.Options{Module: module, Store: store})
	if errors.Is(err, eject.ErrNeedStore) {
		return &usageError{cmd: "bb eject", err: err}
	}
	if err != nil {
		return err
	}
	rep, err := eject.Write(out, p, eject.WriteOptions{Update: opts.Update, Check: opts.Check, Force: opts.Force, Spec: s.File, Store: store})
	if err != nil {
		return err
	}
	w := streams.Out
	list := func(verb string, files []string) {
		for _, f := range files {
			fmt.Fprintf(w, "  %s %s\n", verb, f)
		}
	}
	moved := func(verb string) {
		for _, mv := range rep.Moved {
			fmt.Fprintf(w, "  %s %s to %s (%s is no longer in %s)\n", verb, mv.From, mv.To, mv.Op, s.File)
			if len(mv.Also) > 0 {
				fmt.Fprintf(w, "              it also declares %s, which left the build with it\n", strings.Join(mv.Also, ", "))
			}
		}
	}
	switch {
	case opts.Check:
		if !rep.Stale() {
			fmt.Fprintf(w, "%s: the generated code matches %s\n", out, s.File)
			return nil
		}
		fmt.Fprintf(w, "%s: behind %s:\n", out, s.File)
		list("would write  ", rep.Written)
		list("would remove ", rep.Removed)
		list("would create ", rep.Created)
		list("would refresh", rep.Refreshed)
		moved("would move   ")
		list("would delete ", rep.Deleted)
		for _, f := range rep.Edited {
			fmt.Fprintf(w, "  edited by hand: %s (--update will refuse; move the change into internal/handlers)\n", f)
		}
		reportKept(streams.Err, out, s.File, rep.Kept)
		return fmt.Errorf("the project is behind %s; run %s", s.File, updateCommand(opts))
	case !opts.Update:
		fmt.Fprintf(w, "ejected %s into %s (module %s, --store %s): %d files\n", s.Name, out, p.Module, store, len(rep.Written)+len(rep.Created))
		for _, n := range p.Notes {
			fmt.Fprintf(w, "note: %s\n", n)
		}
	default:
		fmt.Fprintf(w, "%s: %d written, %d unchanged, %d removed, %d created, %d refreshed, %d moved out of the build, %d deleted\n", out, len(rep.Written), len(rep.Unchanged), len(rep.Removed), len(rep.Created), len(rep.Refreshed), len(rep.Moved), len(rep.Deleted))
		list("wrote    ", rep.Written)
		list("removed  ", rep.Removed)
		list("created  ", rep.Created)
		list("refreshed", rep.Refreshed)
		moved("moved    ")
		for _, f := range rep.Deleted {
			fmt.Fprintf(w, "  deleted   %s (its endpoint is no longer in %s, and you had not edited it)\n", f, s.File)
		}
		if len(rep.Moved) > 0 {
			fmt.Fprintf(w, "A moved file is yours, unchanged; Go ignores it, since its name no longer ends in .go. Take what you still need from it, then delete it.\n")
		}
		for _, f := range rep.Edited {
			fmt.Fprintf(streams.Err, "bb: overwrote %s, which had been edited by hand (--force)\n", f)
		}
		reportKept(streams.Err, out, s.File, rep.Kept)
	}
	for _, r := range rep.Returned {
		fmt.Fprintf(streams.Err, "bb: %s is back in %s: its new %s answers with the stubs; your earlier handler is still in %s, to bring back by hand\n", r.Op, s.File, filepath.Join(out, filepath.FromSlash(r.File)), filepath.Join(out, filepath.FromSlash(r.Earlier)))
	}
	for _, f := range rep.StubsChanged {
		fmt.Fprintf(streams.Err, "bb: the stub answers of %s changed in %s; the file is yours now, so bb left it as it is\n", filepath.Join(out, filepath.FromSlash(f)), s.File)
	}
	if err := checkBuild(ctx, opts, out, streams); err != nil {
		return err
	}
	if !opts.Update {
		fmt.Fprintf(w, "\nNext:\n  cd %s\n  go run ./cmd/server      # answers like bb serve, on its port %d: stop bb serve first, or set PORT\n  go test ./...            # the contract tests replay bb.yaml's examples\n", out, serverPort(s))
		fmt.Fprintf(w, "Then replace the stub answers in internal/handlers, one endpoint at a time.\n")
	}
	return nil
}

// ejectStore is the store to generate: --store for a new project (SQLite when it is
// not given and the spec has resources); for an ejected one, the store it was ejected
// with, which --store may only repeat.
func ejectStore(opts *EjectOptions, out string, resources bool) (eject.Store, error) {
	var asked eject.Store
	if opts.Store != nil {
		var err error
		if asked, err = eject.ParseStore(opts.Store); err != nil {
			return asked, &usageError{err: err, cmd: "bb eject"}
		}
	}
	recorded, ok, err := eject.RecordedStore(out)
	switch {
	case err != nil:
		return asked, err
	case !ok && opts.Store == nil && resources:
		return eject.Store{SQLite: true}, nil
	case ok && !recorded.Any() && resources:
		return recorded, &usageError{cmd: "bb eject", err: fmt.Errorf("%s was ejected with --store none, and the spec's resources keep their records in tables; eject again into an empty folder (with --store sqlite, the default for a spec with resources) and move your code across", out)}
	case !ok:
		return asked, nil
	case opts.Store != nil && asked != recorded:
		return asked, &usageError{cmd: "bb eject", err: fmt.Errorf("%s was ejected with --store %s; bb never rewrites your store, so to change it eject again into an empty folder with --store %s and move your code across", out, recorded, asked)}
	}
	return recorded, nil
}

// reportKept explains each handler file of a removed endpoint that bb could not move out
// of the build, because the endpoints that stay need something in it.
func reportKept(w io.Writer, out, specFile string, kept []eject.Kept) {
	for _, k := range kept {
		fmt.Fprintf(w, "bb: %s is no longer in %s, but bb left %s in place: it also declares %s, which the build still needs; take %s out of it by hand\n",
			k.Op, specFile, filepath.Join(out, filepath.FromSlash(k.File)), strings.Join(k.Needs, ", "), strings.Join(k.Gone, ", "))
	}
}

// checkBuild runs go build ./... in the updated project, so bb eject --update exits 0
// only when the project compiles. A first eject is not built here: bb's own tests build
// every ejected project, and a first build downloads and compiles the dependencies,
// which can take minutes. Without a go tool it says it could not check, and carries on.
func checkBuild(ctx context.Context, opts *EjectOptions, out string, streams *IO) error {
	if !opts.Update {
		return nil
	}
	if opts.NoBuild {
		fmt.Fprintf(streams.Out, "not checked that it builds (--no-build)\n")
		return nil
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		fmt.Fprintf(streams.Err, "bb: note: no go tool on PATH, so bb could not check that %s builds; once Go is installed, run go build ./... there\n", out)
		return nil
	}
	fmt.Fprintf(streams.Out, "checking that it builds: go build ./... in %s\n", out)
	err = eject.Build(ctx, out, eject.BuildOptions{Go: goTool})
	var be *eject.BuildError
	switch {
	case err == nil:
		fmt.Fprintf(streams.Out, "it builds\n")
		return nil
	case errors.As(err, &be):
		return fmt.Errorf("bb wrote %s, but %v\nfix these, then run go build ./... in %s", out, be, out)
	}
	return err
}

func serverPort(s *spec.Spec) int {
	if s.Server.Port != 0 {
		return s.Server.Port
	}
	return spec.DefaultPort
}
