-- The queries of the table attachments, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/attachments.sql holds the same queries in PostgreSQL's.

-- name: ListAttachments :many
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
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountAttachments :one
SELECT count(*)
FROM "attachments"
WHERE (CAST(? AS TEXT) IS NULL OR "id" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "name" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "size" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "created_at" = CAST(? AS TEXT));

-- name: GetAttachment :one
SELECT "id", "name", "size", "created_at", "labels"
FROM "attachments"
WHERE "id" = ?;

-- name: CreateAttachment :one
INSERT INTO "attachments" ("id", "name", "size", "created_at", "labels")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "name", "size", "created_at", "labels";

-- name: ReplaceAttachment :one
UPDATE "attachments"
SET "name" = ?,
    "size" = ?,
    "created_at" = ?,
    "labels" = ?
WHERE "id" = ?
RETURNING "id", "name", "size", "created_at", "labels";

-- name: DeleteAttachment :execrows
DELETE FROM "attachments"
WHERE "id" = ?;
