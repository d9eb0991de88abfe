// Package handlers is the server's logic: one method of Handlers per endpoint of
// bb.yaml, each in its own file. bb created these files once; they are yours.
package handlers

import (
	"catalog/internal/api"
)

// Handlers implements api.Handler. Add what the handlers share (clients of other
// services, configuration, a database) as fields.
type Handlers struct{}

// New returns the handlers.
func New() *Handlers { return &Handlers{} }

// The build fails here when an endpoint of bb.yaml has no method yet: run
// bb eject --update to create its file.
var _ api.Handler = (*Handlers)(nil)
