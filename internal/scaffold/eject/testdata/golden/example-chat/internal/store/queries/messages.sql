-- The queries of the table messages, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/messages.sql holds the same queries in PostgreSQL's.

-- name: ListMessages :many
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
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountMessages :one
SELECT count(*)
FROM "messages"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "user" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "sent_at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "read" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "reply_to" = CAST(? AS INTEGER));

-- name: GetMessage :one
SELECT "id", "user", "text", "sent_at", "read", "reply_to"
FROM "messages"
WHERE "id" = ?;

-- name: CreateMessage :one
INSERT INTO "messages" ("user", "text", "sent_at", "read", "reply_to")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "user", "text", "sent_at", "read", "reply_to";

-- name: ReplaceMessage :one
UPDATE "messages"
SET "user" = ?,
    "text" = ?,
    "sent_at" = ?,
    "read" = ?,
    "reply_to" = ?
WHERE "id" = ?
RETURNING "id", "user", "text", "sent_at", "read", "reply_to";

-- name: DeleteMessage :execrows
DELETE FROM "messages"
WHERE "id" = ?;
