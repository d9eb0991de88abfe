// Package dbkit is an ejected server's database plumbing, through database/sql: the
// connection pools (one writer and a read pool on SQLite), their settings, migrations
// through pressly/goose, and placeholders. The project's store package
// registers the drivers and embeds the migrations; bb compiles and tests this code and
// copies it into the project.
package dbkit

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Store is the database handle the handlers share. It is safe for concurrent use.
type Store struct {
	// DB runs writes and the transactions that write. On SQLite it is one
	// connection, so concurrent writers wait here for their turn instead of failing
	// with SQLITE_BUSY. Inside a transaction, query through its *sql.Tx, never
	// through DB or Read: on SQLite a call on DB would wait for the very connection
	// the transaction holds, and Read does not see the transaction's writes.
	DB *sql.DB
	// Read runs queries that only read. On SQLite it is a pool of read-only
	// connections that run beside the writer, each seeing the last commit; on
	// PostgreSQL it is DB.
	Read    *sql.DB
	dialect string // "sqlite" or "postgres"
}

// Pool sizes the connection pool. A zero field takes its default.
type Pool struct {
	// MaxConns caps the open connections. On PostgreSQL it counts them all, and
	// requests beyond it wait for a free one; keep the sum over the replicas under
	// the server's max_connections (100 by default). Default: 10. On SQLite it
	// counts those that read, as writes take turns on one more. Default: one per
	// CPU, at least 4.
	MaxConns int
	// MaxIdleConns is how many of them stay open between requests. Default:
	// MaxConns, so a burst of traffic does not open and close connections.
	MaxIdleConns int
	// ConnMaxLifetime closes a connection this long after it opened, so a
	// restarted or failed-over PostgreSQL gets its share back. Default: 30m.
	ConnMaxLifetime time.Duration
	// ConnMaxIdleTime closes a connection unused this long. Default: 5m.
	ConnMaxIdleTime time.Duration
}

// PoolFromEnv reads the pool's settings through getenv (os.Getenv): DB_MAX_CONNS
// and DB_MAX_IDLE_CONNS (positive integers), DB_CONN_MAX_LIFETIME and
// DB_CONN_MAX_IDLE_TIME (positive durations: 30m, 1h). An unset one keeps its
// default; a malformed one is an error that names it.
func PoolFromEnv(getenv func(string) string) (Pool, error) {
	var p Pool
	var err error
	if p.MaxConns, err = positiveInt(getenv, "DB_MAX_CONNS"); err != nil {
		return Pool{}, err
	}
	if p.MaxIdleConns, err = positiveInt(getenv, "DB_MAX_IDLE_CONNS"); err != nil {
		return Pool{}, err
	}
	if p.ConnMaxLifetime, err = positiveDuration(getenv, "DB_CONN_MAX_LIFETIME"); err != nil {
		return Pool{}, err
	}
	if p.ConnMaxIdleTime, err = positiveDuration(getenv, "DB_CONN_MAX_IDLE_TIME"); err != nil {
		return Pool{}, err
	}
	return p, nil
}

// positiveInt reads the variable name, 0 when unset.
func positiveInt(getenv func(string) string, name string) (int, error) {
	s := getenv(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s=%q: want a positive integer", name, s)
	}
	return n, nil
}

// positiveDuration reads the variable name, 0 when unset.
func positiveDuration(getenv func(string) string, name string) (time.Duration, error) {
	s := getenv(name)
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s=%q: want a positive duration such as 30m", name, s)
	}
	return d, nil
}

// apply sizes db by p, with the defaults for its zero fields.
func (p Pool) apply(db *sql.DB, defaultMaxConns int) {
	if p.MaxConns == 0 {
		p.MaxConns = defaultMaxConns
	}
	if p.MaxIdleConns == 0 {
		p.MaxIdleConns = p.MaxConns
	}
	if p.ConnMaxLifetime == 0 {
		p.ConnMaxLifetime = 30 * time.Minute
	}
	if p.ConnMaxIdleTime == 0 {
		p.ConnMaxIdleTime = 5 * time.Minute
	}
	db.SetMaxOpenConns(p.MaxConns)
	db.SetMaxIdleConns(p.MaxIdleConns)
	db.SetConnMaxLifetime(p.ConnMaxLifetime)
	db.SetConnMaxIdleTime(p.ConnMaxIdleTime)
}

// OpenPostgres connects to PostgreSQL at url through the "pgx" driver, which the
// caller registers, and sizes its pool by p.
func OpenPostgres(url string, p Pool) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	p.apply(db, 10)
	return &Store{DB: db, Read: db, dialect: "postgres"}, nil
}

// OpenSQLite opens (or creates) the SQLite file at path through the "sqlite" driver,
// which the caller registers: one writer connection and a read pool sized by p.
func OpenSQLite(path string, p Pool) (*Store, error) {
	// SQLite lets one connection write at a time. Pooled connections racing for
	// that lock fail two ways: a transaction that has already read cannot wait
	// for it (that could deadlock, so SQLite answers SQLITE_BUSY at once,
	// whatever busy_timeout says), and the others poll in busy_timeout's
	// sleep-and-retry loop, which serves no one in order and runs out under
	// load. So writes take turns on DB's one connection, waiting in database/sql
	// for as long as their context allows, and _txlock=immediate begins each
	// transaction with BEGIN IMMEDIATE, taking the write lock up front, where
	// busy_timeout applies, should another process hold it. WAL lets the read
	// pool run beside the writer: one connection for everything would be as
	// safe, but every read would wait behind every write.
	//
	// With one writer, each commit's fsync holds up every write queued behind
	// it. In WAL mode synchronous=NORMAL skips it and still never corrupts the
	// database: a crash of the server loses nothing, a power cut or an OS crash
	// may lose the last commits. Write synchronous(FULL) to keep those at the
	// cost of write throughput.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	r, err := sql.Open("sqlite", dsn+"&_query_only=1")
	if err != nil {
		w.Close()
		return nil, err
	}
	p.apply(r, max(4, runtime.NumCPU()))
	return &Store{DB: w, Read: r, dialect: "sqlite"}, nil
}

// Start connects, the writer first (it creates the SQLite file and turns WAL on), and
// applies the migrations of migrations/<dialect>/ in fsys (none when fsys is nil). On
// failure it closes s.
func (s *Store) Start(ctx context.Context, migrations fs.FS) error {
	for _, db := range []*sql.DB{s.DB, s.Read} {
		if err := db.PingContext(ctx); err != nil {
			s.Close()
			return fmt.Errorf("connecting to the %s database: %w", s.dialect, err)
		}
	}
	if err := s.migrate(ctx, migrations); err != nil {
		s.Close()
		return err
	}
	return nil
}

// Dialect is "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Ping checks the database answers; /healthz uses it. It asks the read pool, which
// on SQLite does not wait behind a long write.
func (s *Store) Ping(ctx context.Context) error { return s.Read.PingContext(ctx) }

// Close closes the database.
func (s *Store) Close() error {
	err := s.DB.Close()
	if s.Read != s.DB {
		if rerr := s.Read.Close(); err == nil {
			err = rerr
		}
	}
	return err
}

// migrate brings the schema up to date with pressly/goose: each migration of
// migrations/<dialect>/ not applied yet, in version order, each in its own transaction,
// recorded in the table goose_db_version. A file is NNNNN_name.sql, starting with
// "-- +goose Up"; add one with the next number to change the schema (or run `goose
// create`), and never edit one that has run. The goose command line reads the same files
// and table (goose -dir internal/store/migrations/sqlite sqlite3 data.db status).
func (s *Store) migrate(ctx context.Context, migrations fs.FS) error {
	if migrations == nil {
		return nil
	}
	dir, err := fs.Sub(migrations, "migrations/"+s.dialect)
	if err != nil {
		return err
	}
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	dialect := goose.DialectSQLite3
	if s.dialect == "postgres" {
		dialect = goose.DialectPostgres
		// Replicas starting together take turns: one applies, the others then find
		// nothing left to do.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, s.DB, dir, opts...)
	if errors.Is(err, goose.ErrNoMigrations) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading the migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		if pe, ok := errors.AsType[*goose.PartialError](err); ok && pe.Failed != nil && pe.Failed.Source != nil {
			err = fmt.Errorf("%s: %w", pe.Failed.Source.Path, pe.Err)
		}
		return fmt.Errorf("migrating the %s database: %w", s.dialect, err)
	}
	return nil
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
			b.WriteString("$")
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
