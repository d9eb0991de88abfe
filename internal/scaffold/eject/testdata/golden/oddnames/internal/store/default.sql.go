// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Default is a row of the table default. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Default struct {
	Type  string
	Class string
	N     int64
}

const listDefault = `-- name: ListDefault :many
SELECT "type", "class", "n"
FROM "default"
WHERE (CAST(? AS TEXT) IS NULL OR "type" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "class" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "n" = CAST(? AS INTEGER))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'type asc' THEN "type" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'type desc' THEN "type" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'class asc' THEN "class" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'class desc' THEN "class" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'n asc' THEN "n" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'n desc' THEN "n" END DESC NULLS LAST,
  "type" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListDefaultParams struct {
	Type   sql.NullString
	Class  sql.NullString
	N      sql.NullInt64
	Sort   sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit  sql.NullInt64  // NULL for no limit
	Offset int64
}

func (q *Queries) ListDefault(ctx context.Context, arg ListDefaultParams) ([]Default, error) {
	rows, err := q.db.QueryContext(ctx, listDefault, arg.Type, arg.Type, arg.Class, arg.Class, arg.N, arg.N, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Default
	for rows.Next() {
		var i Default
		if err := rows.Scan(&i.Type, &i.Class, &i.N); err != nil {
			return nil, err
		}
		items = append(items, i)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return items, nil
}

const countDefault = `-- name: CountDefault :one
SELECT count(*)
FROM "default"
WHERE (CAST(? AS TEXT) IS NULL OR "type" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "class" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "n" = CAST(? AS INTEGER))
`

type CountDefaultParams struct {
	Type  sql.NullString
	Class sql.NullString
	N     sql.NullInt64
}

func (q *Queries) CountDefault(ctx context.Context, arg CountDefaultParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countDefault, arg.Type, arg.Type, arg.Class, arg.Class, arg.N, arg.N)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getDefault = `-- name: GetDefault :one
SELECT "type", "class", "n"
FROM "default"
WHERE "type" = ?
`

func (q *Queries) GetDefault(ctx context.Context, id string) (Default, error) {
	row := q.db.QueryRowContext(ctx, getDefault, id)
	var i Default
	err := row.Scan(&i.Type, &i.Class, &i.N)
	return i, err
}

const createDefault = `-- name: CreateDefault :one
INSERT INTO "default" ("type", "class", "n")
VALUES (?, ?, ?)
RETURNING "type", "class", "n"
`

type CreateDefaultParams struct {
	Type  string
	Class string
	N     int64
}

func (q *Queries) CreateDefault(ctx context.Context, arg CreateDefaultParams) (Default, error) {
	row := q.db.QueryRowContext(ctx, createDefault, arg.Type, arg.Class, arg.N)
	var i Default
	err := row.Scan(&i.Type, &i.Class, &i.N)
	return i, err
}

const replaceDefault = `-- name: ReplaceDefault :one
UPDATE "default"
SET "class" = ?,
    "n" = ?
WHERE "type" = ?
RETURNING "type", "class", "n"
`

type ReplaceDefaultParams struct {
	Class string
	N     int64
	Type  string
}

func (q *Queries) ReplaceDefault(ctx context.Context, arg ReplaceDefaultParams) (Default, error) {
	row := q.db.QueryRowContext(ctx, replaceDefault, arg.Class, arg.N, arg.Type)
	var i Default
	err := row.Scan(&i.Type, &i.Class, &i.N)
	return i, err
}

const deleteDefault = `-- name: DeleteDefault :execrows
DELETE FROM "default"
WHERE "type" = ?
`

func (q *Queries) DeleteDefault(ctx context.Context, id string) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteDefault, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
