package dbkit

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// DBTX is what queries run on: a *sql.DB, a *sql.Tx, or a Conn.
type DBTX interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	PrepareContext(context.Context, string) (*sql.Stmt, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// Conn runs queries written in SQLite's dialect on either database. On PostgreSQL it
// runs, in place of each query's text, its twin in the map it was given, or, for a
// query written to suit both dialects, the text with its ? placeholders numbered ($1,
// $2 …). Queries that only read go to the read pool, which on SQLite does not wait
// behind a write.
type Conn struct {
	write, read DBTX
	postgres    bool
	twins       map[string]string
	rebind      func(string) string
}

// Conn returns the store's Conn; twins maps the text of a query in SQLite's dialect to
// its text in PostgreSQL's.
func (s *Store) Conn(twins map[string]string) Conn {
	return Conn{write: s.DB, read: s.Read, postgres: s.dialect == "postgres", twins: twins, rebind: s.Rebind}
}

// InTx runs fn in one transaction on the writer, with a Conn whose queries run inside
// it in the database's dialect: it commits when fn returns nil, and rolls back otherwise.
func (s *Store) InTx(ctx context.Context, twins map[string]string, fn func(c Conn) error) error {
	return s.inTx(ctx, s.DB, nil, twins, fn)
}

// ReadTx runs fn in one transaction that only reads, on the read pool, with a Conn whose
// queries all see one state of the database, whatever is written meanwhile: a count and
// the page it counts agree. It is a WAL snapshot on SQLite, REPEATABLE READ on
// PostgreSQL.
func (s *Store) ReadTx(ctx context.Context, twins map[string]string, fn func(c Conn) error) error {
	return s.inTx(ctx, s.Read, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}, twins, fn)
}

func (s *Store) inTx(ctx context.Context, db *sql.DB, opts *sql.TxOptions, twins map[string]string, fn func(c Conn) error) error {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	c := s.Conn(twins)
	c.write, c.read = tx, tx
	if err := fn(c); err != nil {
		return err
	}
	return tx.Commit()
}

// Text is the text query runs as in the store's dialect.
func (c Conn) Text(query string) string {
	if !c.postgres {
		return query
	}
	if pg, ok := c.twins[query]; ok {
		return pg
	}
	return c.rebind(query)
}

// on is the pool a query runs on: the read pool for a SELECT.
func (c Conn) on(query string) DBTX {
	q := query
	for strings.HasPrefix(q, "--") {
		_, q, _ = strings.Cut(q, "\n")
	}
	q = strings.TrimSpace(q)
	if len(q) >= 6 && strings.EqualFold(q[:6], "SELECT") {
		return c.read
	}
	return c.write
}

// ExecContext runs a query that writes, on the writer.
func (c Conn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.write.ExecContext(ctx, c.Text(query), args...)
}

// PrepareContext prepares query on its pool.
func (c Conn) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return c.on(query).PrepareContext(ctx, c.Text(query))
}

// QueryContext runs query on its pool.
func (c Conn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.on(query).QueryContext(ctx, c.Text(query), args...)
}

// QueryRowContext runs query on its pool.
func (c Conn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return c.on(query).QueryRowContext(ctx, c.Text(query), args...)
}

// IsDuplicate reports whether err is a write refused because a row with its primary
// key exists: SQLite's constraint codes 1555 and 2067, PostgreSQL's SQLSTATE 23505.
func IsDuplicate(err error) bool {
	var sqlite interface{ Code() int }
	if errors.As(err, &sqlite) {
		code := sqlite.Code()
		return code == 1555 || code == 2067
	}
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		return pg.SQLState() == "23505"
	}
	return false
}
