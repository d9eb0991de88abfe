// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Todo is a row of the table todos. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Todo struct {
	ID      int64
	Title   string
	Done    bool
	Due     sql.NullString
	Extra   sql.NullString
	Weights sql.NullString
}

const listTodos = `-- name: ListTodos :many
SELECT "id", "title", "done", "due", "extra", "weights"
FROM "todos"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "title" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "done" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "due" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'title asc' THEN "title" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'title desc' THEN "title" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'done asc' THEN "done" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'done desc' THEN "done" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'due asc' THEN "due" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'due desc' THEN "due" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListTodosParams struct {
	ID     sql.NullInt64
	Title  sql.NullString
	Done   sql.NullBool
	Due    sql.NullString
	Sort   sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit  sql.NullInt64  // NULL for no limit
	Offset int64
}

func (q *Queries) ListTodos(ctx context.Context, arg ListTodosParams) ([]Todo, error) {
	rows, err := q.db.QueryContext(ctx, listTodos, arg.ID, arg.ID, arg.Title, arg.Title, arg.Done, arg.Done, arg.Due, arg.Due, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Todo
	for rows.Next() {
		var i Todo
		if err := rows.Scan(&i.ID, &i.Title, &i.Done, &i.Due, &i.Extra, &i.Weights); err != nil {
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

const countTodos = `-- name: CountTodos :one
SELECT count(*)
FROM "todos"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "title" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "done" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "due" = CAST(? AS TEXT))
`

type CountTodosParams struct {
	ID    sql.NullInt64
	Title sql.NullString
	Done  sql.NullBool
	Due   sql.NullString
}

func (q *Queries) CountTodos(ctx context.Context, arg CountTodosParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countTodos, arg.ID, arg.ID, arg.Title, arg.Title, arg.Done, arg.Done, arg.Due, arg.Due)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getTodo = `-- name: GetTodo :one
SELECT "id", "title", "done", "due", "extra", "weights"
FROM "todos"
WHERE "id" = ?
`

func (q *Queries) GetTodo(ctx context.Context, id int64) (Todo, error) {
	row := q.db.QueryRowContext(ctx, getTodo, id)
	var i Todo
	err := row.Scan(&i.ID, &i.Title, &i.Done, &i.Due, &i.Extra, &i.Weights)
	return i, err
}

const createTodo = `-- name: CreateTodo :one
INSERT INTO "todos" ("title", "done", "due", "extra", "weights")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "title", "done", "due", "extra", "weights"
`

type CreateTodoParams struct {
	Title   string
	Done    bool
	Due     sql.NullString
	Extra   sql.NullString
	Weights sql.NullString
}

func (q *Queries) CreateTodo(ctx context.Context, arg CreateTodoParams) (Todo, error) {
	row := q.db.QueryRowContext(ctx, createTodo, arg.Title, arg.Done, arg.Due, arg.Extra, arg.Weights)
	var i Todo
	err := row.Scan(&i.ID, &i.Title, &i.Done, &i.Due, &i.Extra, &i.Weights)
	return i, err
}

const replaceTodo = `-- name: ReplaceTodo :one
UPDATE "todos"
SET "title" = ?,
    "done" = ?,
    "due" = ?,
    "extra" = ?,
    "weights" = ?
WHERE "id" = ?
RETURNING "id", "title", "done", "due", "extra", "weights"
`

type ReplaceTodoParams struct {
	Title   string
	Done    bool
	Due     sql.NullString
	Extra   sql.NullString
	Weights sql.NullString
	ID      int64
}

func (q *Queries) ReplaceTodo(ctx context.Context, arg ReplaceTodoParams) (Todo, error) {
	row := q.db.QueryRowContext(ctx, replaceTodo, arg.Title, arg.Done, arg.Due, arg.Extra, arg.Weights, arg.ID)
	var i Todo
	err := row.Scan(&i.ID, &i.Title, &i.Done, &i.Due, &i.Extra, &i.Weights)
	return i, err
}

const deleteTodo = `-- name: DeleteTodo :execrows
DELETE FROM "todos"
WHERE "id" = ?
`

func (q *Queries) DeleteTodo(ctx context.Context, id int64) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteTodo, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
