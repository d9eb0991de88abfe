// Package templates holds the text/template files bb's generators render.
package templates

import "embed"

// FS holds every template, by generator: init/ for `bb init`, swift/ for `bb gen swift`.
//
//go:embed init swift
var FS embed.FS
