package store

import (
	"context"

	"oddnames/internal/dbkit"
)

// One set of queries serves both databases DATABASE_URL may name. queries/*.sql hold
// them in SQLite's dialect, and *.sql.go run those texts (as sqlc writes them);
// postgres/*.sql hold the same queries in PostgreSQL's, and *_postgres.go their texts.
// dbkit.Conn runs each query on the right pool in the right dialect.

// Queries are the store's queries, run through dbkit.Conn.
func (s *Store) Queries() *Queries { return New(s.Conn(postgresQueries)) }

// postgresQueries maps the text of a query in SQLite's dialect to its text in
// PostgreSQL's; each *_postgres.go fills it with its table's.
var postgresQueries = map[string]string{}

// InTx runs fn in one transaction on the writer, with queries that run inside it in
// the database's dialect: it commits when fn returns nil, and rolls back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(q *Queries) error) error {
	return s.Store.InTx(ctx, postgresQueries, func(c dbkit.Conn) error { return fn(New(c)) })
}

// ReadTx runs fn in one transaction that only reads, with queries that all see one
// state of the database: a count and the page it counts agree, whatever is written
// meanwhile.
func (s *Store) ReadTx(ctx context.Context, fn func(q *Queries) error) error {
	return s.Store.ReadTx(ctx, postgresQueries, func(c dbkit.Conn) error { return fn(New(c)) })
}

// IsDuplicate reports whether err is a write refused because a row with its primary
// key exists.
func IsDuplicate(err error) bool { return dbkit.IsDuplicate(err) }
