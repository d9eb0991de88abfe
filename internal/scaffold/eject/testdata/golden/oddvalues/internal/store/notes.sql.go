// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Note is a row of the table notes. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Note struct {
	ID     int64
	Text   string
	Author string
	At     string
	Big    int64
	Ratio  float64
}

const listNotes = `-- name: ListNotes :many
SELECT "id", "text", "author", "at", "big", "ratio"
FROM "notes"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "author" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "big" = CAST(? AS INTEGER))
  AND (CAST(? AS REAL) IS NULL OR "ratio" = CAST(? AS REAL))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'text asc' THEN "text" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'text desc' THEN "text" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'author asc' THEN "author" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'author desc' THEN "author" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'at asc' THEN "at" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'at desc' THEN "at" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'big asc' THEN "big" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'big desc' THEN "big" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'ratio asc' THEN "ratio" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'ratio desc' THEN "ratio" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListNotesParams struct {
	ID     sql.NullInt64
	Text   sql.NullString
	Author sql.NullString
	At     sql.NullString
	Big    sql.NullInt64
	Ratio  sql.NullFloat64
	Sort   sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit  sql.NullInt64  // NULL for no limit
	Offset int64
}

func (q *Queries) ListNotes(ctx context.Context, arg ListNotesParams) ([]Note, error) {
	rows, err := q.db.QueryContext(ctx, listNotes, arg.ID, arg.ID, arg.Text, arg.Text, arg.Author, arg.Author, arg.At, arg.At, arg.Big, arg.Big, arg.Ratio, arg.Ratio, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Note
	for rows.Next() {
		var i Note
		if err := rows.Scan(&i.ID, &i.Text, &i.Author, &i.At, &i.Big, &i.Ratio); err != nil {
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

const countNotes = `-- name: CountNotes :one
SELECT count(*)
FROM "notes"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "author" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "big" = CAST(? AS INTEGER))
  AND (CAST(? AS REAL) IS NULL OR "ratio" = CAST(? AS REAL))
`

type CountNotesParams struct {
	ID     sql.NullInt64
	Text   sql.NullString
	Author sql.NullString
	At     sql.NullString
	Big    sql.NullInt64
	Ratio  sql.NullFloat64
}

func (q *Queries) CountNotes(ctx context.Context, arg CountNotesParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countNotes, arg.ID, arg.ID, arg.Text, arg.Text, arg.Author, arg.Author, arg.At, arg.At, arg.Big, arg.Big, arg.Ratio, arg.Ratio)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getNote = `-- name: GetNote :one
SELECT "id", "text", "author", "at", "big", "ratio"
FROM "notes"
WHERE "id" = ?
`

func (q *Queries) GetNote(ctx context.Context, id int64) (Note, error) {
	row := q.db.QueryRowContext(ctx, getNote, id)
	var i Note
	err := row.Scan(&i.ID, &i.Text, &i.Author, &i.At, &i.Big, &i.Ratio)
	return i, err
}

const createNote = `-- name: CreateNote :one
INSERT INTO "notes" ("text", "author", "at", "big", "ratio")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "text", "author", "at", "big", "ratio"
`

type CreateNoteParams struct {
	Text   string
	Author string
	At     string
	Big    int64
	Ratio  float64
}

func (q *Queries) CreateNote(ctx context.Context, arg CreateNoteParams) (Note, error) {
	row := q.db.QueryRowContext(ctx, createNote, arg.Text, arg.Author, arg.At, arg.Big, arg.Ratio)
	var i Note
	err := row.Scan(&i.ID, &i.Text, &i.Author, &i.At, &i.Big, &i.Ratio)
	return i, err
}

const replaceNote = `-- name: ReplaceNote :one
UPDATE "notes"
SET "text" = ?,
    "author" = ?,
    "at" = ?,
    "big" = ?,
    "ratio" = ?
WHERE "id" = ?
RETURNING "id", "text", "author", "at", "big", "ratio"
`

type ReplaceNoteParams struct {
	Text   string
	Author string
	At     string
	Big    int64
	Ratio  float64
	ID     int64
}

func (q *Queries) ReplaceNote(ctx context.Context, arg ReplaceNoteParams) (Note, error) {
	row := q.db.QueryRowContext(ctx, replaceNote, arg.Text, arg.Author, arg.At, arg.Big, arg.Ratio, arg.ID)
	var i Note
	err := row.Scan(&i.ID, &i.Text, &i.Author, &i.At, &i.Big, &i.Ratio)
	return i, err
}

const deleteNote = `-- name: DeleteNote :execrows
DELETE FROM "notes"
WHERE "id" = ?
`

func (q *Queries) DeleteNote(ctx context.Context, id int64) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteNote, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
