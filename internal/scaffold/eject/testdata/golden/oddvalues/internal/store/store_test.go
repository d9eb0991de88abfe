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
				rows, err := s.Queries().ListNotes(ctx, ListNotesParams{})
				if err != nil {
					t.Fatal(err)
				}
				count, err := s.Queries().CountNotes(ctx, CountNotesParams{})
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(rows)) != count {
					t.Errorf("notes: listed %d rows, counted %d", len(rows), count)
				}
				seeds := int64(0)
				// The seed migration fills the table, unless it was deleted.
				if _, err := migrations.ReadFile("migrations/" + name + "/00002_notes_seed.sql"); err == nil {
					seeds = 4
				}
				if name == "sqlite" && count != seeds {
					t.Errorf("notes: %d rows in a fresh database, want %d", count, seeds)
				}
			}
			{
				rows, err := s.Queries().ListFlags(ctx, ListFlagsParams{})
				if err != nil {
					t.Fatal(err)
				}
				count, err := s.Queries().CountFlags(ctx, CountFlagsParams{})
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(rows)) != count {
					t.Errorf("flags: listed %d rows, counted %d", len(rows), count)
				}
				seeds := int64(0)
				// The seed migration fills the table, unless it was deleted.
				if _, err := migrations.ReadFile("migrations/" + name + "/00004_flags_seed.sql"); err == nil {
					seeds = 2
				}
				if name == "sqlite" && count != seeds {
					t.Errorf("flags: %d rows in a fresh database, want %d", count, seeds)
				}
			}
			{
				rows, err := s.Queries().ListDevices(ctx, ListDevicesParams{})
				if err != nil {
					t.Fatal(err)
				}
				count, err := s.Queries().CountDevices(ctx, CountDevicesParams{})
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(rows)) != count {
					t.Errorf("devices: listed %d rows, counted %d", len(rows), count)
				}
				seeds := int64(0)
				if name == "sqlite" && count != seeds {
					t.Errorf("devices: %d rows in a fresh database, want %d", count, seeds)
				}
			}
		})
	}
}
