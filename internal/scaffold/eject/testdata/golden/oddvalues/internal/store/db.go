// Code in the shape sqlc (https://sqlc.dev) generates from sqlc.yaml; bb wrote it once,
// and it is yours: edit it, or regenerate it with sqlc (see README.md).

package store

import (
	"context"
	"database/sql"
)

// DBTX is what Queries run on: a *sql.DB, a *sql.Tx, or the store's dbkit.Conn, which picks
// each query's text for the database's dialect.
type DBTX interface {
	ExecContext(context.Context, string, ...interface{}) (sql.Result, error)
	PrepareContext(context.Context, string) (*sql.Stmt, error)
	QueryContext(context.Context, string, ...interface{}) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...interface{}) *sql.Row
}

// New returns the queries of queries.sql, run on db.
func New(db DBTX) *Queries {
	return &Queries{db: db}
}

// Queries runs the queries of queries.sql.
type Queries struct {
	db DBTX
}

// WithTx runs the queries inside tx as they are written, in SQLite's dialect: on
// PostgreSQL use Store.InTx instead, which runs their PostgreSQL texts.
func (q *Queries) WithTx(tx *sql.Tx) *Queries {
	return &Queries{
		db: tx,
	}
}
