// Package contracttest replays the examples of bb.yaml against the server's handlers:
// contract_gen_test.go is bb's and regenerated, this file is yours.
package contracttest

import (
	"net/http"
	"testing"

	"catalog/internal/api"
	"catalog/internal/handlers"
)

// newServer builds the server the contract tests call, from the real handlers. Give
// them here what they need to answer the examples of bb.yaml.
func newServer(t *testing.T) http.Handler {
	t.Helper()
	return api.NewServer(handlers.New(), api.Options{})
}
