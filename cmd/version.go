package cmd

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is bb's version, set at build time with -ldflags "-X .../cmd.Version=v1.2.3";
// a `go install` build reports its module version instead.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// versionLine is what bb version and bb --version print.
func versionLine() string {
	return fmt.Sprintf("bb %s (%s, %s/%s)", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func newVersionCmd(streams *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print bb's version",
		Example: "  bb version",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			fmt.Fprintln(streams.Out, versionLine())
			return nil
		},
	}
}
