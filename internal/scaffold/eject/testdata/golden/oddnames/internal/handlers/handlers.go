// Package handlers is the server's logic: one method of Handlers per endpoint of
// bb.yaml, each in its own file. bb created these files once; they are yours.
package handlers

import (
	"oddnames/internal/api"
	"oddnames/internal/store"
)

// Handlers implements api.Handler. Add what the handlers share (clients of other
// services, configuration) as fields.
type Handlers struct {
	Store *store.Store
}

// New returns the handlers, reading and writing through s.
func New(s *store.Store) *Handlers { return &Handlers{Store: s} }

// The build fails here when an endpoint of bb.yaml has no method yet: run
// bb eject --update to create its file.
var _ api.Handler = (*Handlers)(nil)
