package dbkit

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	_ "modernc.org/sqlite"
)

// TestMigrate: goose applies each migration once, in version order, records it, and a
// failing one names its file and leaves nothing of itself behind. Here on SQLite; the
// ejected projects' tests run the same code on PostgreSQL (BB_TEST_POSTGRES_URL).
func TestMigrate(t *testing.T) {
	stores := map[string]func(t *testing.T) *Store{
		"sqlite": func(t *testing.T) *Store {
			s, err := OpenSQLite(filepath.Join(t.TempDir(), "data.db"), Pool{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
	}
	for dialect, open := range stores {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			dir := "migrations/" + dialect + "/"
			fsys := fstest.MapFS{
				dir + "00001_a.sql": {Data: []byte("-- +goose Up\nCREATE TABLE dbkit_a (id INTEGER PRIMARY KEY, note TEXT);\n-- +goose StatementBegin\nINSERT INTO dbkit_a (id, note) VALUES (1, 'one;\ntwo');\n-- +goose StatementEnd\n\n-- +goose Down\nDROP TABLE dbkit_a;\n")},
				dir + "00002_b.sql": {Data: []byte("-- +goose Up\nCREATE TABLE dbkit_b (id INTEGER PRIMARY KEY);\n")},
			}
			s := open(t)
			if err := s.Start(ctx, fsys); err != nil {
				t.Fatal(err)
			}
			var note string
			if err := s.Read.QueryRow("SELECT note FROM dbkit_a WHERE id = 1").Scan(&note); err != nil || note != "one;\ntwo" {
				t.Fatalf("a literal with ; and a line break, between StatementBegin and End: %q %v", note, err)
			}
			s.Close()

			// A new start applies only what is new; a failing migration names its file,
			// and its own transaction leaves nothing of it behind.
			fsys[dir+"00003_c.sql"] = &fstest.MapFile{Data: []byte("-- +goose Up\nCREATE TABLE dbkit_c (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n")}
			s = open(t)
			err := s.Start(ctx, fsys)
			if err == nil || !strings.Contains(err.Error(), "00003_c.sql") || !strings.Contains(err.Error(), "migrating the "+dialect+" database") {
				t.Fatalf("a failing migration: %v", err)
			}
			s = open(t)
			if _, err := s.DB.Exec("INSERT INTO dbkit_c (id) VALUES (1)"); err == nil {
				t.Error("the failed migration's table is there")
			}
			fsys[dir+"00003_c.sql"].Data = []byte("-- +goose Up\nCREATE TABLE dbkit_c (id INTEGER PRIMARY KEY);\n")
			if err := s.Start(ctx, fsys); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var versions []int64
			rows, err := s.Read.Query("SELECT version_id FROM goose_db_version WHERE version_id > 0 ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var v int64
				rows.Scan(&v)
				versions = append(versions, v)
			}
			rows.Close()
			if len(versions) != 3 || versions[0] != 1 || versions[2] != 3 {
				t.Errorf("goose_db_version holds %v", versions)
			}
		})
	}
}

// TestMigrateNothing: no migrations at all, or none for the dialect, is nothing to do.
func TestMigrateNothing(t *testing.T) {
	s, err := OpenSQLite(filepath.Join(t.TempDir(), "data.db"), Pool{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, fsys := range []fstest.MapFS{{}, {"migrations/postgres/00001_a.sql": {Data: []byte("-- +goose Up\nSELECT 1;\n")}}} {
		if err := s.migrate(context.Background(), fsys); err != nil {
			t.Errorf("%v: %v", fsys, err)
		}
	}
	if err := s.migrate(context.Background(), nil); err != nil {
		t.Errorf("nil: %v", err)
	}
	var n int
	if err := s.Read.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'goose_db_version'").Scan(&n); err != nil || n != 0 {
		t.Errorf("goose_db_version made with nothing to migrate: %d %v", n, err)
	}
}

// TestReadTx: the queries of a ReadTx see one state of the database, while a write
// commits between them.
func TestReadTx(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(filepath.Join(t.TempDir(), "data.db"), Pool{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Start(ctx, fstest.MapFS{"migrations/sqlite/00001_a.sql": {Data: []byte("-- +goose Up\nCREATE TABLE a (id INTEGER PRIMARY KEY);\nINSERT INTO a (id) VALUES (1);\n")}}); err != nil {
		t.Fatal(err)
	}
	count := func(c DBTX) (n int) {
		t.Helper()
		if err := c.QueryRowContext(ctx, "SELECT count(*) FROM a").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	err = s.ReadTx(ctx, nil, func(c Conn) error {
		before := count(c)
		if _, err := s.DB.ExecContext(ctx, "INSERT INTO a (id) VALUES (2)"); err != nil {
			return err
		}
		if after := count(c); after != before || before != 1 {
			t.Errorf("one ReadTx counted %d, then %d", before, after)
		}
		if _, err := c.ExecContext(ctx, "INSERT INTO a (id) VALUES (3)"); err == nil {
			t.Error("a ReadTx wrote")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(s.Read); n != 2 {
		t.Errorf("after the ReadTx: %d rows", n)
	}
}
