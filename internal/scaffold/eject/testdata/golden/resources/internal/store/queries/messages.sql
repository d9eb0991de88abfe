-- The queries of the table messages, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/messages.sql holds the same queries in PostgreSQL's.

-- name: ListMessages :many
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
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountMessages :one
SELECT count(*)
FROM "messages"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "user" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "sent_at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "read" = CAST(? AS INTEGER))
  AND (CAST(? AS REAL) IS NULL OR "score" = CAST(? AS REAL))
  AND (CAST(? AS TEXT) IS NULL OR "note" = CAST(? AS TEXT));

-- name: GetMessage :one
SELECT "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note"
FROM "messages"
WHERE "id" = ?;

-- name: CreateMessage :one
INSERT INTO "messages" ("user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
RETURNING "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note";

-- name: ReplaceMessage :one
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
RETURNING "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note";

-- name: DeleteMessage :execrows
DELETE FROM "messages"
WHERE "id" = ?;
