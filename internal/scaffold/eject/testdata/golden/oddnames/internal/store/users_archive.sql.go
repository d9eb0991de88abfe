// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// UsersArchive is a row of the table users_archive. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type UsersArchive struct {
	ID    int64
	Func  string
	Error string
}

const listUsersArchive = `-- name: ListUsersArchive :many
SELECT "id", "func", "Error"
FROM "users_archive"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "func" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "Error" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'func asc' THEN "func" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'func desc' THEN "func" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'Error asc' THEN "Error" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'Error desc' THEN "Error" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListUsersArchiveParams struct {
	ID     sql.NullInt64
	Func   sql.NullString
	Error  sql.NullString
	Sort   sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit  sql.NullInt64  // NULL for no limit
	Offset int64
}

func (q *Queries) ListUsersArchive(ctx context.Context, arg ListUsersArchiveParams) ([]UsersArchive, error) {
	rows, err := q.db.QueryContext(ctx, listUsersArchive, arg.ID, arg.ID, arg.Func, arg.Func, arg.Error, arg.Error, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []UsersArchive
	for rows.Next() {
		var i UsersArchive
		if err := rows.Scan(&i.ID, &i.Func, &i.Error); err != nil {
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

const countUsersArchive = `-- name: CountUsersArchive :one
SELECT count(*)
FROM "users_archive"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "func" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "Error" = CAST(? AS TEXT))
`

type CountUsersArchiveParams struct {
	ID    sql.NullInt64
	Func  sql.NullString
	Error sql.NullString
}

func (q *Queries) CountUsersArchive(ctx context.Context, arg CountUsersArchiveParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countUsersArchive, arg.ID, arg.ID, arg.Func, arg.Func, arg.Error, arg.Error)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getUsersArchive = `-- name: GetUsersArchive :one
SELECT "id", "func", "Error"
FROM "users_archive"
WHERE "id" = ?
`

func (q *Queries) GetUsersArchive(ctx context.Context, id int64) (UsersArchive, error) {
	row := q.db.QueryRowContext(ctx, getUsersArchive, id)
	var i UsersArchive
	err := row.Scan(&i.ID, &i.Func, &i.Error)
	return i, err
}

const createUsersArchive = `-- name: CreateUsersArchive :one
INSERT INTO "users_archive" ("func", "Error")
VALUES (?, ?)
RETURNING "id", "func", "Error"
`

type CreateUsersArchiveParams struct {
	Func  string
	Error string
}

func (q *Queries) CreateUsersArchive(ctx context.Context, arg CreateUsersArchiveParams) (UsersArchive, error) {
	row := q.db.QueryRowContext(ctx, createUsersArchive, arg.Func, arg.Error)
	var i UsersArchive
	err := row.Scan(&i.ID, &i.Func, &i.Error)
	return i, err
}

const replaceUsersArchive = `-- name: ReplaceUsersArchive :one
UPDATE "users_archive"
SET "func" = ?,
    "Error" = ?
WHERE "id" = ?
RETURNING "id", "func", "Error"
`

type ReplaceUsersArchiveParams struct {
	Func  string
	Error string
	ID    int64
}

func (q *Queries) ReplaceUsersArchive(ctx context.Context, arg ReplaceUsersArchiveParams) (UsersArchive, error) {
	row := q.db.QueryRowContext(ctx, replaceUsersArchive, arg.Func, arg.Error, arg.ID)
	var i UsersArchive
	err := row.Scan(&i.ID, &i.Func, &i.Error)
	return i, err
}

const deleteUsersArchive = `-- name: DeleteUsersArchive :execrows
DELETE FROM "users_archive"
WHERE "id" = ?
`

func (q *Queries) DeleteUsersArchive(ctx context.Context, id int64) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteUsersArchive, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
