package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"chat/internal/dbkit"
)

// One set of queries serves both databases DATABASE_URL may name. queries/*.sql hold
// them in SQLite's dialect, and *.sql.go run those texts (as sqlc writes them);
// postgres/*.sql hold the same queries in PostgreSQL's, and *_postgres.go their texts.
// conn runs each query on the right pool in the right dialect.

// Queries are the store's queries, run through conn.
func (s *Store) Queries() *Queries { return New(newConn(s.Store)) }

// postgresQueries maps the text of a query in SQLite's dialect to its text in
// PostgreSQL's; each *_postgres.go fills it with its table's.
var postgresQueries = map[string]string{}

// conn is the DBTX the store's Queries run on. On PostgreSQL it runs, in place of each
// query's text, its twin in postgresQueries, or, for a query written to suit both
// dialects, the text with its ? placeholders numbered ($1, $2 …). Queries that only
// read go to the read pool, which on SQLite does not wait behind a write.
type conn struct {
	write, read DBTX
	postgres    bool
	rebind      func(string) string
}

func newConn(s *dbkit.Store) conn {
	return conn{write: s.DB, read: s.Read, postgres: s.Dialect() == "postgres", rebind: s.Rebind}
}

func (c conn) text(query string) string {
	if !c.postgres {
		return query
	}
	if pg, ok := postgresQueries[query]; ok {
		return pg
	}
	return c.rebind(query)
}

// on is the pool a query runs on: the read pool for a SELECT.
func (c conn) on(query string) DBTX {
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

func (c conn) ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error) {
	return c.write.ExecContext(ctx, c.text(query), args...)
}

func (c conn) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return c.on(query).PrepareContext(ctx, c.text(query))
}

func (c conn) QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error) {
	return c.on(query).QueryContext(ctx, c.text(query), args...)
}

func (c conn) QueryRowContext(ctx context.Context, query string, args ...interface{}) *sql.Row {
	return c.on(query).QueryRowContext(ctx, c.text(query), args...)
}

// InTx runs fn in one transaction on the writer, with queries that run inside it in
// the database's dialect: it commits when fn returns nil, and rolls back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(q *Queries) error) error {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(New(conn{write: tx, read: tx, postgres: s.Dialect() == "postgres", rebind: s.Rebind})); err != nil {
		return err
	}
	return tx.Commit()
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
