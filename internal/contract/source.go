package contract

import "embed"

// Files holds this package's own Go files. bb eject copies them, byte for byte, into
// every ejected project, so the ejected server runs the very code bb serve runs. This
// file alone stays behind.
//
//go:embed *.go
var Files embed.FS
