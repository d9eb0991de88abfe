package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// testURLs is SQLite, in a fresh file, always, and PostgreSQL when TEST_DATABASE_URL
// holds a postgres:// URL.
func testURLs(t *testing.T) map[string]string {
	urls := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "test.db")}
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		urls["postgres"] = u
	}
	return urls
}

// TestTables opens each database twice (the second time finds every migration
// applied) and lists each table: as many rows as it counts, and on a fresh SQLite file
// the seed records of bb.yaml.
func TestTables(t *testing.T) {
	for name, url := range testURLs(t) {
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
			again, err := Open(ctx, url)
			if err != nil {
				t.Fatalf("second open: %v", err)
			}
			again.Close()
			{
				rows, err := s.Queries().ListOrder(ctx, ListOrderParams{})
				if err != nil {
					t.Fatal(err)
				}
				count, err := s.Queries().CountOrder(ctx, CountOrderParams{})
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(rows)) != count {
					t.Errorf("order: listed %d rows, counted %d", len(rows), count)
				}
				seeds := int64(0)
				// The seed migration fills the table, unless it was deleted.
				if _, err := migrations.ReadFile("migrations/" + name + "/00002_order_seed.sql"); err == nil {
					seeds = 2
				}
				if name == "sqlite" && count != seeds {
					t.Errorf("order: %d rows in a fresh database, want %d", count, seeds)
				}
			}
			{
				rows, err := s.Queries().ListDefault(ctx, ListDefaultParams{})
				if err != nil {
					t.Fatal(err)
				}
				count, err := s.Queries().CountDefault(ctx, CountDefaultParams{})
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(rows)) != count {
					t.Errorf("default: listed %d rows, counted %d", len(rows), count)
				}
				seeds := int64(0)
				// The seed migration fills the table, unless it was deleted.
				if _, err := migrations.ReadFile("migrations/" + name + "/00004_default_seed.sql"); err == nil {
					seeds = 3
				}
				if name == "sqlite" && count != seeds {
					t.Errorf("default: %d rows in a fresh database, want %d", count, seeds)
				}
			}
			{
				rows, err := s.Queries().ListUsersArchive(ctx, ListUsersArchiveParams{})
				if err != nil {
					t.Fatal(err)
				}
				count, err := s.Queries().CountUsersArchive(ctx, CountUsersArchiveParams{})
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(rows)) != count {
					t.Errorf("users_archive: listed %d rows, counted %d", len(rows), count)
				}
				seeds := int64(0)
				// The seed migration fills the table, unless it was deleted.
				if _, err := migrations.ReadFile("migrations/" + name + "/00006_users_archive_seed.sql"); err == nil {
					seeds = 1
				}
				if name == "sqlite" && count != seeds {
					t.Errorf("users_archive: %d rows in a fresh database, want %d", count, seeds)
				}
			}
		})
	}
}
