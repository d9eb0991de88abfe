// Package templates holds the text/template files bb's generators render.
package templates

import "embed"

// FS holds every template, by generator: init/ for `bb init`.
//
//go:embed init
var FS embed.FS
