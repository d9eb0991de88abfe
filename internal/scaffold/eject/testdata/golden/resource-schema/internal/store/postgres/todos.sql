-- The queries of ../queries/todos.sql in PostgreSQL's dialect: todos_postgres.go runs
-- these texts in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListTodos :many
SELECT "id", "title", "done", "due", "extra", "weights"
FROM "todos"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "title" = CAST($4 AS TEXT))
  AND (CAST($5 AS BOOLEAN) IS NULL OR "done" = CAST($6 AS BOOLEAN))
  AND (CAST($7 AS TEXT) IS NULL OR "due" = CAST($8 AS TEXT))
ORDER BY CASE WHEN CAST($9 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($10 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($11 AS TEXT) = 'title asc' THEN "title" END ASC NULLS FIRST,
  CASE WHEN CAST($12 AS TEXT) = 'title desc' THEN "title" END DESC NULLS LAST,
  CASE WHEN CAST($13 AS TEXT) = 'done asc' THEN "done" END ASC NULLS FIRST,
  CASE WHEN CAST($14 AS TEXT) = 'done desc' THEN "done" END DESC NULLS LAST,
  CASE WHEN CAST($15 AS TEXT) = 'due asc' THEN "due" END ASC NULLS FIRST,
  CASE WHEN CAST($16 AS TEXT) = 'due desc' THEN "due" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($17 AS BIGINT) OFFSET CAST($18 AS BIGINT);

-- name: CountTodos :one
SELECT count(*)
FROM "todos"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "title" = CAST($4 AS TEXT))
  AND (CAST($5 AS BOOLEAN) IS NULL OR "done" = CAST($6 AS BOOLEAN))
  AND (CAST($7 AS TEXT) IS NULL OR "due" = CAST($8 AS TEXT));

-- name: GetTodo :one
SELECT "id", "title", "done", "due", "extra", "weights"
FROM "todos"
WHERE "id" = $1;

-- name: CreateTodo :one
INSERT INTO "todos" ("title", "done", "due", "extra", "weights")
VALUES ($1, $2, $3, CAST($4 AS JSONB), CAST($5 AS JSONB))
RETURNING "id", "title", "done", "due", "extra", "weights";

-- name: ReplaceTodo :one
UPDATE "todos"
SET "title" = $1,
    "done" = $2,
    "due" = $3,
    "extra" = CAST($4 AS JSONB),
    "weights" = CAST($5 AS JSONB)
WHERE "id" = $6
RETURNING "id", "title", "done", "due", "extra", "weights";

-- name: DeleteTodo :execrows
DELETE FROM "todos"
WHERE "id" = $1;
