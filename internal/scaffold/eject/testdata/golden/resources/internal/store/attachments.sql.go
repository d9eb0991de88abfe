// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Attachment is a row of the table attachments. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Attachment struct {
	ID        string
	Name      string
	Size      int64
	CreatedAt string
	Labels    sql.NullString
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
