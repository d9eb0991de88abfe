package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestStore runs against SQLite always, and against PostgreSQL when TEST_DATABASE_URL
// holds a postgres:// URL.
func TestStore(t *testing.T) {
	urls := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "test.db")}
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		urls["postgres"] = u
	}
	for name, url := range urls {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.Dialect() != name {
				t.Fatalf("dialect %q, want %q", s.Dialect(), name)
			}
			// Opening again finds every migration applied.
			again, err := Open(ctx, url)
			if err != nil {
				t.Fatalf("second open: %v", err)
			}
			again.Close()

			text := fmt.Sprintf("hello %d", time.Now().UnixNano())
			added, err := s.AddNote(ctx, text)
			if err != nil {
				t.Fatal(err)
			}
			notes, err := s.Notes(ctx, 100)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range notes {
				if n.ID == added.ID {
					if n.Text != text || !n.CreatedAt.Equal(added.CreatedAt) {
						t.Fatalf("read back %+v, want %+v", n, added)
					}
					return
				}
			}
			t.Fatalf("note %d not among the newest notes %+v", added.ID, notes)
		})
	}
}
