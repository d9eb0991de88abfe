// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

const listMessages = `-- name: ListMessages :many
SELECT "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note"
FROM "messages"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "user" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "sent_at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "read" = CAST(? AS INTEGER))
  AND (CAST(? AS REAL) IS NULL OR "score" = CAST(? AS REAL))
  AND (CAST(? AS TEXT) IS NULL OR "note" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'user asc' THEN "user" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'user desc' THEN "user" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'text asc' THEN "text" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'text desc' THEN "text" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'sent_at asc' THEN "sent_at" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'sent_at desc' THEN "sent_at" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'read asc' THEN "read" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'read desc' THEN "read" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'score asc' THEN "score" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'score desc' THEN "score" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'note asc' THEN "note" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'note desc' THEN "note" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListMessagesParams struct {
	ID     sql.NullInt64
	User   sql.NullString
	Text   sql.NullString
	SentAt sql.NullString
	Read   sql.NullBool
	Score  sql.NullFloat64
	Note   sql.NullString
	Sort   sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit  sql.NullInt64  // NULL for no limit
	Offset int64
}

func (q *Queries) ListMessages(ctx context.Context, arg ListMessagesParams) ([]Message, error) {
	rows, err := q.db.QueryContext(ctx, listMessages, arg.ID, arg.ID, arg.User, arg.User, arg.Text, arg.Text, arg.SentAt, arg.SentAt, arg.Read, arg.Read, arg.Score, arg.Score, arg.Note, arg.Note, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Message
	for rows.Next() {
		var i Message
		if err := rows.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.Score, &i.Tags, &i.Meta, &i.Note); err != nil {
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

const countMessages = `-- name: CountMessages :one
SELECT count(*)
FROM "messages"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "user" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "sent_at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "read" = CAST(? AS INTEGER))
  AND (CAST(? AS REAL) IS NULL OR "score" = CAST(? AS REAL))
  AND (CAST(? AS TEXT) IS NULL OR "note" = CAST(? AS TEXT))
`

type CountMessagesParams struct {
	ID     sql.NullInt64
	User   sql.NullString
	Text   sql.NullString
	SentAt sql.NullString
	Read   sql.NullBool
	Score  sql.NullFloat64
	Note   sql.NullString
}

func (q *Queries) CountMessages(ctx context.Context, arg CountMessagesParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countMessages, arg.ID, arg.ID, arg.User, arg.User, arg.Text, arg.Text, arg.SentAt, arg.SentAt, arg.Read, arg.Read, arg.Score, arg.Score, arg.Note, arg.Note)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getMessage = `-- name: GetMessage :one
SELECT "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note"
FROM "messages"
WHERE "id" = ?
`

func (q *Queries) GetMessage(ctx context.Context, id int64) (Message, error) {
	row := q.db.QueryRowContext(ctx, getMessage, id)
	var i Message
	err := row.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.Score, &i.Tags, &i.Meta, &i.Note)
	return i, err
}

const createMessage = `-- name: CreateMessage :one
INSERT INTO "messages" ("user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
RETURNING "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note"
`

type CreateMessageParams struct {
	User   string
	Text   string
	SentAt string
	Read   bool
	Score  float64
	Tags   string
	Meta   sql.NullString
	Note   sql.NullString
}

func (q *Queries) CreateMessage(ctx context.Context, arg CreateMessageParams) (Message, error) {
	row := q.db.QueryRowContext(ctx, createMessage, arg.User, arg.Text, arg.SentAt, arg.Read, arg.Score, arg.Tags, arg.Meta, arg.Note)
	var i Message
	err := row.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.Score, &i.Tags, &i.Meta, &i.Note)
	return i, err
}

const replaceMessage = `-- name: ReplaceMessage :one
UPDATE "messages"
SET "user" = ?,
    "text" = ?,
    "sent_at" = ?,
    "read" = ?,
    "score" = ?,
    "tags" = ?,
    "meta" = ?,
    "note" = ?
WHERE "id" = ?
RETURNING "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note"
`

type ReplaceMessageParams struct {
	User   string
	Text   string
	SentAt string
	Read   bool
	Score  float64
	Tags   string
	Meta   sql.NullString
	Note   sql.NullString
	ID     int64
}

func (q *Queries) ReplaceMessage(ctx context.Context, arg ReplaceMessageParams) (Message, error) {
	row := q.db.QueryRowContext(ctx, replaceMessage, arg.User, arg.Text, arg.SentAt, arg.Read, arg.Score, arg.Tags, arg.Meta, arg.Note, arg.ID)
	var i Message
	err := row.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.Score, &i.Tags, &i.Meta, &i.Note)
	return i, err
}

const deleteMessage = `-- name: DeleteMessage :execrows
DELETE FROM "messages"
WHERE "id" = ?
`

func (q *Queries) DeleteMessage(ctx context.Context, id int64) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteMessage, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
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

const listAttachments = `-- name: ListAttachments :many
SELECT "id", "name", "size", "created_at", "labels"
FROM "attachments"
WHERE (CAST(? AS TEXT) IS NULL OR "id" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "name" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "size" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "created_at" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'name asc' THEN "name" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'name desc' THEN "name" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'size asc' THEN "size" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'size desc' THEN "size" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'created_at asc' THEN "created_at" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'created_at desc' THEN "created_at" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListAttachmentsParams struct {
	ID        sql.NullString
	Name      sql.NullString
	Size      sql.NullInt64
	CreatedAt sql.NullString
	Sort      sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit     sql.NullInt64  // NULL for no limit
	Offset    int64
}

func (q *Queries) ListAttachments(ctx context.Context, arg ListAttachmentsParams) ([]Attachment, error) {
	rows, err := q.db.QueryContext(ctx, listAttachments, arg.ID, arg.ID, arg.Name, arg.Name, arg.Size, arg.Size, arg.CreatedAt, arg.CreatedAt, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Attachment
	for rows.Next() {
		var i Attachment
		if err := rows.Scan(&i.ID, &i.Name, &i.Size, &i.CreatedAt, &i.Labels); err != nil {
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

const countAttachments = `-- name: CountAttachments :one
SELECT count(*)
FROM "attachments"
WHERE (CAST(? AS TEXT) IS NULL OR "id" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "name" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "size" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "created_at" = CAST(? AS TEXT))
`

type CountAttachmentsParams struct {
	ID        sql.NullString
	Name      sql.NullString
	Size      sql.NullInt64
	CreatedAt sql.NullString
}

func (q *Queries) CountAttachments(ctx context.Context, arg CountAttachmentsParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countAttachments, arg.ID, arg.ID, arg.Name, arg.Name, arg.Size, arg.Size, arg.CreatedAt, arg.CreatedAt)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getAttachment = `-- name: GetAttachment :one
SELECT "id", "name", "size", "created_at", "labels"
FROM "attachments"
WHERE "id" = ?
`

func (q *Queries) GetAttachment(ctx context.Context, id string) (Attachment, error) {
	row := q.db.QueryRowContext(ctx, getAttachment, id)
	var i Attachment
	err := row.Scan(&i.ID, &i.Name, &i.Size, &i.CreatedAt, &i.Labels)
	return i, err
}

const createAttachment = `-- name: CreateAttachment :one
INSERT INTO "attachments" ("id", "name", "size", "created_at", "labels")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "name", "size", "created_at", "labels"
`

type CreateAttachmentParams struct {
	ID        string
	Name      string
	Size      int64
	CreatedAt string
	Labels    sql.NullString
}

func (q *Queries) CreateAttachment(ctx context.Context, arg CreateAttachmentParams) (Attachment, error) {
	row := q.db.QueryRowContext(ctx, createAttachment, arg.ID, arg.Name, arg.Size, arg.CreatedAt, arg.Labels)
	var i Attachment
	err := row.Scan(&i.ID, &i.Name, &i.Size, &i.CreatedAt, &i.Labels)
	return i, err
}

const replaceAttachment = `-- name: ReplaceAttachment :one
UPDATE "attachments"
SET "name" = ?,
    "size" = ?,
    "created_at" = ?,
    "labels" = ?
WHERE "id" = ?
RETURNING "id", "name", "size", "created_at", "labels"
`

type ReplaceAttachmentParams struct {
	Name      string
	Size      int64
	CreatedAt string
	Labels    sql.NullString
	ID        string
}

func (q *Queries) ReplaceAttachment(ctx context.Context, arg ReplaceAttachmentParams) (Attachment, error) {
	row := q.db.QueryRowContext(ctx, replaceAttachment, arg.Name, arg.Size, arg.CreatedAt, arg.Labels, arg.ID)
	var i Attachment
	err := row.Scan(&i.ID, &i.Name, &i.Size, &i.CreatedAt, &i.Labels)
	return i, err
}

const deleteAttachment = `-- name: DeleteAttachment :execrows
DELETE FROM "attachments"
WHERE "id" = ?
`

func (q *Queries) DeleteAttachment(ctx context.Context, id string) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteAttachment, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
