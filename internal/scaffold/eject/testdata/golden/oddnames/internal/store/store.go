// Package store is the server's database, through database/sql: SQLite in a local file
// by default (pure Go, no C compiler needed), PostgreSQL when DATABASE_URL says so.
// bb created it once; it is yours.
package store

import (
	"context"
	"embed"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	_ "modernc.org/sqlite"             // the "sqlite" driver
	"oddnames/internal/dbkit"
)

// Store is the database handle the handlers share: DB for writes and the transactions
// that write, Read for queries that only read, and Rebind for placeholders (see
// dbkit.Store). It is safe for concurrent use. Add your queries as its methods, as
// notes.go does; the plumbing is bb's compiled, tested code in internal/dbkit.
type Store struct {
	*dbkit.Store
}

// Pool sizes the connection pool (DB_MAX_CONNS and the rest); a zero field takes its
// default.
type Pool = dbkit.Pool

// PoolFromEnv reads the pool's settings through getenv (os.Getenv): DB_MAX_CONNS
// and DB_MAX_IDLE_CONNS (positive integers), DB_CONN_MAX_LIFETIME and
// DB_CONN_MAX_IDLE_TIME (positive durations: 30m, 1h).
func PoolFromEnv(getenv func(string) string) (Pool, error) { return dbkit.PoolFromEnv(getenv) }

// migrations holds migrations/<dialect>/*.sql, which goose (github.com/pressly/goose)
// applies at start, in version order, recording them in goose_db_version. To change the
// schema add a file numbered after the last (goose -s create NAME sql); never edit one
// that has run.
//
//go:embed migrations
var migrations embed.FS

// Open is OpenPool with the default pool.
func Open(ctx context.Context, url string) (*Store, error) {
	return OpenPool(ctx, url, Pool{})
}

// OpenPool connects to the database at url, sizes its pool by p and brings its
// schema up to date:
//   - "" or "sqlite:PATH" opens (or creates) a SQLite file, data.db by default;
//   - "postgres://…" or "postgresql://…" connects to PostgreSQL.
func OpenPool(ctx context.Context, url string, p Pool) (*Store, error) {
	var s *dbkit.Store
	var err error
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		s, err = dbkit.OpenPostgres(url, p)
	case url == "", strings.HasPrefix(url, "sqlite:"):
		path := strings.TrimPrefix(url, "sqlite:")
		if path == "" {
			path = "data.db"
		}
		s, err = dbkit.OpenSQLite(path, p)
	default:
		return nil, fmt.Errorf("DATABASE_URL %q: want sqlite:PATH or a postgres:// URL", url)
	}
	if err != nil {
		return nil, err
	}
	if err := s.Start(ctx, migrations); err != nil {
		return nil, err
	}
	return &Store{s}, nil
}
