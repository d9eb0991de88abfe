// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Flag is a row of the table flags. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Flag struct {
	ID  int64
	On  bool
	Off bool
}

const listFlags = `-- name: ListFlags :many
SELECT "id", "on", "off"
FROM "flags"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "on" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "off" = CAST(? AS INTEGER))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'on asc' THEN "on" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'on desc' THEN "on" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'off asc' THEN "off" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'off desc' THEN "off" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListFlagsParams struct {
	ID     sql.NullInt64
	On     sql.NullBool
	Off    sql.NullBool
	Sort   sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit  sql.NullInt64  // NULL for no limit
	Offset int64
}

func (q *Queries) ListFlags(ctx context.Context, arg ListFlagsParams) ([]Flag, error) {
	rows, err := q.db.QueryContext(ctx, listFlags, arg.ID, arg.ID, arg.On, arg.On, arg.Off, arg.Off, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Flag
	for rows.Next() {
		var i Flag
		if err := rows.Scan(&i.ID, &i.On, &i.Off); err != nil {
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

const countFlags = `-- name: CountFlags :one
SELECT count(*)
FROM "flags"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "on" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "off" = CAST(? AS INTEGER))
`

type CountFlagsParams struct {
	ID  sql.NullInt64
	On  sql.NullBool
	Off sql.NullBool
}

func (q *Queries) CountFlags(ctx context.Context, arg CountFlagsParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countFlags, arg.ID, arg.ID, arg.On, arg.On, arg.Off, arg.Off)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getFlag = `-- name: GetFlag :one
SELECT "id", "on", "off"
FROM "flags"
WHERE "id" = ?
`

func (q *Queries) GetFlag(ctx context.Context, id int64) (Flag, error) {
	row := q.db.QueryRowContext(ctx, getFlag, id)
	var i Flag
	err := row.Scan(&i.ID, &i.On, &i.Off)
	return i, err
}

const createFlag = `-- name: CreateFlag :one
INSERT INTO "flags" ("on", "off")
VALUES (?, ?)
RETURNING "id", "on", "off"
`

type CreateFlagParams struct {
	On  bool
	Off bool
}

func (q *Queries) CreateFlag(ctx context.Context, arg CreateFlagParams) (Flag, error) {
	row := q.db.QueryRowContext(ctx, createFlag, arg.On, arg.Off)
	var i Flag
	err := row.Scan(&i.ID, &i.On, &i.Off)
	return i, err
}

const replaceFlag = `-- name: ReplaceFlag :one
UPDATE "flags"
SET "on" = ?,
    "off" = ?
WHERE "id" = ?
RETURNING "id", "on", "off"
`

type ReplaceFlagParams struct {
	On  bool
	Off bool
	ID  int64
}

func (q *Queries) ReplaceFlag(ctx context.Context, arg ReplaceFlagParams) (Flag, error) {
	row := q.db.QueryRowContext(ctx, replaceFlag, arg.On, arg.Off, arg.ID)
	var i Flag
	err := row.Scan(&i.ID, &i.On, &i.Off)
	return i, err
}

const deleteFlag = `-- name: DeleteFlag :execrows
DELETE FROM "flags"
WHERE "id" = ?
`

func (q *Queries) DeleteFlag(ctx context.Context, id int64) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteFlag, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
