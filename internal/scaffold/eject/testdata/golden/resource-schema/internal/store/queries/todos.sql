-- The queries of the table todos, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/todos.sql holds the same queries in PostgreSQL's.

-- name: ListTodos :many
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
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountTodos :one
SELECT count(*)
FROM "todos"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "title" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "done" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "due" = CAST(? AS TEXT));

-- name: GetTodo :one
SELECT "id", "title", "done", "due", "extra", "weights"
FROM "todos"
WHERE "id" = ?;

-- name: CreateTodo :one
INSERT INTO "todos" ("title", "done", "due", "extra", "weights")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "title", "done", "due", "extra", "weights";

-- name: ReplaceTodo :one
UPDATE "todos"
SET "title" = ?,
    "done" = ?,
    "due" = ?,
    "extra" = ?,
    "weights" = ?
WHERE "id" = ?
RETURNING "id", "title", "done", "due", "extra", "weights";

-- name: DeleteTodo :execrows
DELETE FROM "todos"
WHERE "id" = ?;
