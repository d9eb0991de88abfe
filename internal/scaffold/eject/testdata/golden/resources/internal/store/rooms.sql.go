// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Room is a row of the table rooms. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Room struct {
	Slug    string
	Title   string
	Members int64
	Topic   sql.NullString
}

const listRooms = `-- name: ListRooms :many
SELECT "slug", "title", "members", "topic"
FROM "rooms"
WHERE (CAST(? AS TEXT) IS NULL OR "slug" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "title" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "members" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "topic" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'slug asc' THEN "slug" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'slug desc' THEN "slug" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'title asc' THEN "title" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'title desc' THEN "title" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'members asc' THEN "members" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'members desc' THEN "members" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'topic asc' THEN "topic" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'topic desc' THEN "topic" END DESC NULLS LAST,
  "slug" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListRoomsParams struct {
	Slug    sql.NullString
	Title   sql.NullString
	Members sql.NullInt64
	Topic   sql.NullString
	Sort    sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit   sql.NullInt64  // NULL for no limit
	Offset  int64
}

func (q *Queries) ListRooms(ctx context.Context, arg ListRoomsParams) ([]Room, error) {
	rows, err := q.db.QueryContext(ctx, listRooms, arg.Slug, arg.Slug, arg.Title, arg.Title, arg.Members, arg.Members, arg.Topic, arg.Topic, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Room
	for rows.Next() {
		var i Room
		if err := rows.Scan(&i.Slug, &i.Title, &i.Members, &i.Topic); err != nil {
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

const countRooms = `-- name: CountRooms :one
SELECT count(*)
FROM "rooms"
WHERE (CAST(? AS TEXT) IS NULL OR "slug" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "title" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "members" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "topic" = CAST(? AS TEXT))
`

type CountRoomsParams struct {
	Slug    sql.NullString
	Title   sql.NullString
	Members sql.NullInt64
	Topic   sql.NullString
}

func (q *Queries) CountRooms(ctx context.Context, arg CountRoomsParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countRooms, arg.Slug, arg.Slug, arg.Title, arg.Title, arg.Members, arg.Members, arg.Topic, arg.Topic)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getRoom = `-- name: GetRoom :one
SELECT "slug", "title", "members", "topic"
FROM "rooms"
WHERE "slug" = ?
`

func (q *Queries) GetRoom(ctx context.Context, id string) (Room, error) {
	row := q.db.QueryRowContext(ctx, getRoom, id)
	var i Room
	err := row.Scan(&i.Slug, &i.Title, &i.Members, &i.Topic)
	return i, err
}

const createRoom = `-- name: CreateRoom :one
INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES (?, ?, ?, ?)
RETURNING "slug", "title", "members", "topic"
`

type CreateRoomParams struct {
	Slug    string
	Title   string
	Members int64
	Topic   sql.NullString
}

func (q *Queries) CreateRoom(ctx context.Context, arg CreateRoomParams) (Room, error) {
	row := q.db.QueryRowContext(ctx, createRoom, arg.Slug, arg.Title, arg.Members, arg.Topic)
	var i Room
	err := row.Scan(&i.Slug, &i.Title, &i.Members, &i.Topic)
	return i, err
}

const replaceRoom = `-- name: ReplaceRoom :one
UPDATE "rooms"
SET "title" = ?,
    "members" = ?,
    "topic" = ?
WHERE "slug" = ?
RETURNING "slug", "title", "members", "topic"
`

type ReplaceRoomParams struct {
	Title   string
	Members int64
	Topic   sql.NullString
	Slug    string
}

func (q *Queries) ReplaceRoom(ctx context.Context, arg ReplaceRoomParams) (Room, error) {
	row := q.db.QueryRowContext(ctx, replaceRoom, arg.Title, arg.Members, arg.Topic, arg.Slug)
	var i Room
	err := row.Scan(&i.Slug, &i.Title, &i.Members, &i.Topic)
	return i, err
}

const deleteRoom = `-- name: DeleteRoom :execrows
DELETE FROM "rooms"
WHERE "slug" = ?
`

func (q *Queries) DeleteRoom(ctx context.Context, id string) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteRoom, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
