// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Device is a row of the table devices. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Device struct {
	ID       string
	Push     bool
	Platform string
	SeenAt   sql.NullString
	Meta     sql.NullString
	List     sql.NullString
}

const listDevices = `-- name: ListDevices :many
SELECT "id", "push", "platform", "seen_at", "meta", "list"
FROM "devices"
WHERE (CAST(? AS TEXT) IS NULL OR "id" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "push" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "platform" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "seen_at" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'push asc' THEN "push" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'push desc' THEN "push" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'platform asc' THEN "platform" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'platform desc' THEN "platform" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'seen_at asc' THEN "seen_at" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'seen_at desc' THEN "seen_at" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListDevicesParams struct {
	ID       sql.NullString
	Push     sql.NullBool
	Platform sql.NullString
	SeenAt   sql.NullString
	Sort     sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit    sql.NullInt64  // NULL for no limit
	Offset   int64
}

func (q *Queries) ListDevices(ctx context.Context, arg ListDevicesParams) ([]Device, error) {
	rows, err := q.db.QueryContext(ctx, listDevices, arg.ID, arg.ID, arg.Push, arg.Push, arg.Platform, arg.Platform, arg.SeenAt, arg.SeenAt, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Device
	for rows.Next() {
		var i Device
		if err := rows.Scan(&i.ID, &i.Push, &i.Platform, &i.SeenAt, &i.Meta, &i.List); err != nil {
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

const countDevices = `-- name: CountDevices :one
SELECT count(*)
FROM "devices"
WHERE (CAST(? AS TEXT) IS NULL OR "id" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "push" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "platform" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "seen_at" = CAST(? AS TEXT))
`

type CountDevicesParams struct {
	ID       sql.NullString
	Push     sql.NullBool
	Platform sql.NullString
	SeenAt   sql.NullString
}

func (q *Queries) CountDevices(ctx context.Context, arg CountDevicesParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countDevices, arg.ID, arg.ID, arg.Push, arg.Push, arg.Platform, arg.Platform, arg.SeenAt, arg.SeenAt)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getDevice = `-- name: GetDevice :one
SELECT "id", "push", "platform", "seen_at", "meta", "list"
FROM "devices"
WHERE "id" = ?
`

func (q *Queries) GetDevice(ctx context.Context, id string) (Device, error) {
	row := q.db.QueryRowContext(ctx, getDevice, id)
	var i Device
	err := row.Scan(&i.ID, &i.Push, &i.Platform, &i.SeenAt, &i.Meta, &i.List)
	return i, err
}

const createDevice = `-- name: CreateDevice :one
INSERT INTO "devices" ("id", "push", "platform", "seen_at", "meta", "list")
VALUES (?, ?, ?, ?, ?, ?)
RETURNING "id", "push", "platform", "seen_at", "meta", "list"
`

type CreateDeviceParams struct {
	ID       string
	Push     bool
	Platform string
	SeenAt   sql.NullString
	Meta     sql.NullString
	List     sql.NullString
}

func (q *Queries) CreateDevice(ctx context.Context, arg CreateDeviceParams) (Device, error) {
	row := q.db.QueryRowContext(ctx, createDevice, arg.ID, arg.Push, arg.Platform, arg.SeenAt, arg.Meta, arg.List)
	var i Device
	err := row.Scan(&i.ID, &i.Push, &i.Platform, &i.SeenAt, &i.Meta, &i.List)
	return i, err
}

const replaceDevice = `-- name: ReplaceDevice :one
UPDATE "devices"
SET "push" = ?,
    "platform" = ?,
    "seen_at" = ?,
    "meta" = ?,
    "list" = ?
WHERE "id" = ?
RETURNING "id", "push", "platform", "seen_at", "meta", "list"
`

type ReplaceDeviceParams struct {
	Push     bool
	Platform string
	SeenAt   sql.NullString
	Meta     sql.NullString
	List     sql.NullString
	ID       string
}

func (q *Queries) ReplaceDevice(ctx context.Context, arg ReplaceDeviceParams) (Device, error) {
	row := q.db.QueryRowContext(ctx, replaceDevice, arg.Push, arg.Platform, arg.SeenAt, arg.Meta, arg.List, arg.ID)
	var i Device
	err := row.Scan(&i.ID, &i.Push, &i.Platform, &i.SeenAt, &i.Meta, &i.List)
	return i, err
}

const deleteDevice = `-- name: DeleteDevice :execrows
DELETE FROM "devices"
WHERE "id" = ?
`

func (q *Queries) DeleteDevice(ctx context.Context, id string) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteDevice, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
