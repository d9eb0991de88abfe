package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
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

// TestStore opens each database twice and reads back a note.
func TestStore(t *testing.T) {
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

// TestConcurrentWrites runs 1,000 write transactions at once, each reading, inserting
// and reading back, as a handler that checks before it writes would: every one must
// commit. On SQLite, racing writers fail with SQLITE_BUSY unless they take turns; on
// PostgreSQL, a pool without a bound opens more connections than the server accepts.
func TestConcurrentWrites(t *testing.T) {
	for name, url := range testURLs(t) {
		t.Run(name, func(t *testing.T) {
			// A bound against a hang, not a timing check: on time, nothing comes near it.
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			s, err := Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			prefix := fmt.Sprintf("concurrent %d ", time.Now().UnixNano())
			defer s.DB.Exec(s.Rebind(`DELETE FROM notes WHERE text LIKE ?`), prefix+"%")

			const n = 1000
			var (
				wg     sync.WaitGroup
				mu     sync.Mutex
				failed int
				first  error
			)
			for i := range n {
				wg.Go(func() {
					if err := writeOne(ctx, s, prefix, i); err != nil {
						mu.Lock()
						defer mu.Unlock()
						if failed++; first == nil {
							first = err
						}
					}
				})
			}
			wg.Wait()
			if failed > 0 {
				t.Fatalf("%d of %d concurrent write transactions failed; the first: %v", failed, n, first)
			}
			var count int
			if err := s.Read.QueryRowContext(ctx, s.Rebind(`SELECT count(*) FROM notes WHERE text LIKE ?`), prefix+"%").Scan(&count); err != nil {
				t.Fatal(err)
			}
			if count != n {
				t.Fatalf("%d notes stored, want %d", count, n)
			}
		})
	}
}

// writeOne is one transaction of TestConcurrentWrites.
func writeOne(ctx context.Context, s *Store, prefix string, i int) error {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var before int
	if err := tx.QueryRowContext(ctx, s.Rebind(`SELECT count(*) FROM notes WHERE text LIKE ?`), prefix+"%").Scan(&before); err != nil {
		return fmt.Errorf("reading: %w", err)
	}
	text := fmt.Sprint(prefix, i)
	var id int64
	if err := tx.QueryRowContext(ctx, s.Rebind(`INSERT INTO notes (text, created_at) VALUES (?, ?) RETURNING id`),
		text, time.Now().UTC()).Scan(&id); err != nil {
		return fmt.Errorf("inserting: %w", err)
	}
	var got string
	if err := tx.QueryRowContext(ctx, s.Rebind(`SELECT text FROM notes WHERE id = ?`), id).Scan(&got); err != nil {
		return fmt.Errorf("reading back: %w", err)
	}
	if got != text {
		return fmt.Errorf("read back %q, want %q", got, text)
	}
	return tx.Commit()
}

// TestReadDuringWrite reads while a write transaction is open: the read neither waits
// for it nor sees its uncommitted note.
func TestReadDuringWrite(t *testing.T) {
	for name, url := range testURLs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			tx, err := s.DB.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			var id int64
			if err := tx.QueryRowContext(ctx, s.Rebind(`INSERT INTO notes (text, created_at) VALUES (?, ?) RETURNING id`),
				"uncommitted", time.Now().UTC()).Scan(&id); err != nil {
				t.Fatal(err)
			}
			// Were reads to wait behind the writer, this would run out of time.
			readCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			notes, err := s.Notes(readCtx, 10)
			if err != nil {
				t.Fatalf("reading while a write transaction is open: %v", err)
			}
			for _, n := range notes {
				if n.ID == id {
					t.Fatalf("a read saw the note of a transaction not yet committed")
				}
			}
		})
	}
}

// TestPool checks the pools Open sets up: on SQLite one writer beside the readers, on
// PostgreSQL one bounded pool.
func TestPool(t *testing.T) {
	for name, url := range testURLs(t) {
		t.Run(name, func(t *testing.T) {
			s, err := OpenPool(context.Background(), url, Pool{MaxConns: 3})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			writers, readers := s.DB.Stats().MaxOpenConnections, s.Read.Stats().MaxOpenConnections
			switch name {
			case "sqlite":
				if writers != 1 || readers != 3 {
					t.Errorf("SQLite: %d writing connections and %d reading, want 1 and 3", writers, readers)
				}
			case "postgres":
				if s.DB != s.Read || writers != 3 {
					t.Errorf("PostgreSQL: pool of %d connections (shared by reads: %v), want one of 3", writers, s.DB == s.Read)
				}
			}
		})
	}
}
