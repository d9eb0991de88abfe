-- The queries of the table users_archive, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/users_archive.sql holds the same queries in PostgreSQL's.

-- name: ListUsersArchive :many
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
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountUsersArchive :one
SELECT count(*)
FROM "users_archive"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "func" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "Error" = CAST(? AS TEXT));

-- name: GetUsersArchive :one
SELECT "id", "func", "Error"
FROM "users_archive"
WHERE "id" = ?;

-- name: CreateUsersArchive :one
INSERT INTO "users_archive" ("func", "Error")
VALUES (?, ?)
RETURNING "id", "func", "Error";

-- name: ReplaceUsersArchive :one
UPDATE "users_archive"
SET "func" = ?,
    "Error" = ?
WHERE "id" = ?
RETURNING "id", "func", "Error";

-- name: DeleteUsersArchive :execrows
DELETE FROM "users_archive"
WHERE "id" = ?;
