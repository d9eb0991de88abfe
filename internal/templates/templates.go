// Package templates holds the text/template files bb's generators render.
package templates

import "embed"

// FS holds every template, by generator: init/ for `bb init`, swift/ for `bb gen swift`,
// eject/ for `bb eject`.
//
//go:embed init swift eject
var FS embed.FS
