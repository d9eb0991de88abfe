// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Message is a row of the table messages. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Message struct {
	ID      int64
	User    string
	Text    string
	SentAt  string
	Read    bool
	ReplyTo sql.NullInt64
}

const listMessages = `-- name: ListMessages :many
SELECT "id", "user", "text", "sent_at", "read", "reply_to"
FROM "messages"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "user" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "sent_at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "read" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "reply_to" = CAST(? AS INTEGER))
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
  CASE WHEN CAST(? AS TEXT) = 'reply_to asc' THEN "reply_to" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'reply_to desc' THEN "reply_to" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListMessagesParams struct {
	ID      sql.NullInt64
	User    sql.NullString
	Text    sql.NullString
	SentAt  sql.NullString
	Read    sql.NullBool
	ReplyTo sql.NullInt64
	Sort    sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit   sql.NullInt64  // NULL for no limit
	Offset  int64
}

func (q *Queries) ListMessages(ctx context.Context, arg ListMessagesParams) ([]Message, error) {
	rows, err := q.db.QueryContext(ctx, listMessages, arg.ID, arg.ID, arg.User, arg.User, arg.Text, arg.Text, arg.SentAt, arg.SentAt, arg.Read, arg.Read, arg.ReplyTo, arg.ReplyTo, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Message
	for rows.Next() {
		var i Message
		if err := rows.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.ReplyTo); err != nil {
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
  AND (CAST(? AS INTEGER) IS NULL OR "reply_to" = CAST(? AS INTEGER))
`

type CountMessagesParams struct {
	ID      sql.NullInt64
	User    sql.NullString
	Text    sql.NullString
	SentAt  sql.NullString
	Read    sql.NullBool
	ReplyTo sql.NullInt64
}

func (q *Queries) CountMessages(ctx context.Context, arg CountMessagesParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countMessages, arg.ID, arg.ID, arg.User, arg.User, arg.Text, arg.Text, arg.SentAt, arg.SentAt, arg.Read, arg.Read, arg.ReplyTo, arg.ReplyTo)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getMessage = `-- name: GetMessage :one
SELECT "id", "user", "text", "sent_at", "read", "reply_to"
FROM "messages"
WHERE "id" = ?
`

func (q *Queries) GetMessage(ctx context.Context, id int64) (Message, error) {
	row := q.db.QueryRowContext(ctx, getMessage, id)
	var i Message
	err := row.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.ReplyTo)
	return i, err
}

const createMessage = `-- name: CreateMessage :one
INSERT INTO "messages" ("user", "text", "sent_at", "read", "reply_to")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "user", "text", "sent_at", "read", "reply_to"
`

type CreateMessageParams struct {
	User    string
	Text    string
	SentAt  string
	Read    bool
	ReplyTo sql.NullInt64
}

func (q *Queries) CreateMessage(ctx context.Context, arg CreateMessageParams) (Message, error) {
	row := q.db.QueryRowContext(ctx, createMessage, arg.User, arg.Text, arg.SentAt, arg.Read, arg.ReplyTo)
	var i Message
	err := row.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.ReplyTo)
	return i, err
}

const replaceMessage = `-- name: ReplaceMessage :one
UPDATE "messages"
SET "user" = ?,
    "text" = ?,
    "sent_at" = ?,
    "read" = ?,
    "reply_to" = ?
WHERE "id" = ?
RETURNING "id", "user", "text", "sent_at", "read", "reply_to"
`

type ReplaceMessageParams struct {
	User    string
	Text    string
	SentAt  string
	Read    bool
	ReplyTo sql.NullInt64
	ID      int64
}

func (q *Queries) ReplaceMessage(ctx context.Context, arg ReplaceMessageParams) (Message, error) {
	row := q.db.QueryRowContext(ctx, replaceMessage, arg.User, arg.Text, arg.SentAt, arg.Read, arg.ReplyTo, arg.ID)
	var i Message
	err := row.Scan(&i.ID, &i.User, &i.Text, &i.SentAt, &i.Read, &i.ReplyTo)
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
