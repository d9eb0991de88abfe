// Package contracttest replays the examples of bb.yaml against the server's handlers:
// contract_gen_test.go is bb's and regenerated, this file is yours.
package contracttest

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"oddnames/internal/api"
	"oddnames/internal/handlers"
	"oddnames/internal/store"
)

// newServer builds the server the contract tests call: the real handlers on a fresh
// SQLite database. Seed it here with the data the examples of bb.yaml expect.
func newServer(t *testing.T) http.Handler {
	t.Helper()
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "contract.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return api.NewServer(handlers.New(st), api.Options{})
}
