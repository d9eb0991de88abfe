package dbkit

import "embed"

// Files holds this package's own Go files. bb eject copies them, byte for byte, into
// every ejected project that has a store, so its database code is code bb compiles and
// tests. This file alone stays behind.
//
//go:embed *.go
var Files embed.FS
