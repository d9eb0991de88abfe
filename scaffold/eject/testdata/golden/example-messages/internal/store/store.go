// Package store is the server's database, through database/sql: SQLite in a local file
// by default (pure Go, no C compiler needed), PostgreSQL when DATABASE_URL says so.
// bb created it once; it is yours.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	_ "modernc.org/sqlite"             // the "sqlite" driver
)

// Store is the database handle the handlers share. It is safe for concurrent use.
type Store struct {
	DB      *sql.DB
	dialect string // "sqlite" or "postgres"
}

//go:embed migrations
var migrations embed.FS

// Open connects to the database at url and brings its schema up to date:
//   - "" or "sqlite:PATH" opens (or creates) a SQLite file, data.db by default;
//   - "postgres://…" or "postgresql://…" connects to PostgreSQL.
func Open(ctx context.Context, url string) (*Store, error) {
	s := &Store{}
	var err error
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		s.dialect = "postgres"
		s.DB, err = sql.Open("pgx", url)
	case url == "", strings.HasPrefix(url, "sqlite:"):
		path := strings.TrimPrefix(url, "sqlite:")
		if path == "" {
			path = "data.db"
		}
		s.dialect = "sqlite"
		// WAL lets readers work while one connection writes; busy_timeout makes a
		// writer wait for another instead of failing at once.
		s.DB, err = sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)")
	default:
		return nil, fmt.Errorf("DATABASE_URL %q: want sqlite:PATH or a postgres:// URL", url)
	}
	if err != nil {
		return nil, err
	}
	if err := s.DB.PingContext(ctx); err != nil {
		s.DB.Close()
		return nil, fmt.Errorf("connecting to the %s database: %w", s.dialect, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.DB.Close()
		return nil, err
	}
	return s, nil
}

// Dialect is "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Ping checks the database answers; /healthz uses it.
func (s *Store) Ping(ctx context.Context) error { return s.DB.PingContext(ctx) }

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }

// migrate applies, in name order, each file of migrations/<dialect>/ not applied yet,
// each in its own transaction. Add a file (0002_….sql) to change the schema; never
// edit one that has run.
func (s *Store) migrate(ctx context.Context) error {
	dir := "migrations/" + s.dialect
	names, err := fs.Glob(migrations, dir+"/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.dialect == "postgres" {
		// Replicas starting together take turns: one applies, the others then find
		// nothing left to do.
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7240615)"); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("creating schema_migrations: %w", err)
	}
	for _, name := range names {
		var done int
		if err := tx.QueryRowContext(ctx, s.Rebind(`SELECT count(*) FROM schema_migrations WHERE name = ?`), name).Scan(&done); err != nil {
			return err
		}
		if done > 0 {
			continue
		}
		sqlText, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(sqlText)); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, s.Rebind(`INSERT INTO schema_migrations (name) VALUES (?)`), name); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Rebind turns the ? placeholders of a query into the dialect's: $1, $2 … for
// PostgreSQL. Write queries with ?, and pass them through Rebind. It rewrites every ?,
// also inside string literals and PostgreSQL's JSON operators, so pass such values as
// arguments instead.
func (s *Store) Rebind(query string) string {
	if s.dialect != "postgres" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
