// Command bb is the backwards backend: see the README, or run bb --help.
package main

import (
	"os"

	"github.com/backwards-backend/bb/cmd"
)

func main() { os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
