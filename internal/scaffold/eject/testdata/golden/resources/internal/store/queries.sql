-- The queries of the tables, in SQLite's dialect, annotated for sqlc (see sqlc.yaml).
-- queries.postgres.sql holds the same queries in PostgreSQL's.

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

-- name: ListRooms :many
SELECT "slug", "title", "members", "topic"
FROM "rooms"
WHERE (CAST(? AS TEXT) IS NULL OR "slug" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "title" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "members" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "topic" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'slug asc' THEN "slug" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'slug desc' THEN "slug" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'title asc' THEN "title" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'title desc' THEN "title" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'members asc' THEN "members" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'members desc' THEN "members" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'topic asc' THEN "topic" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'topic desc' THEN "topic" END DESC NULLS LAST,
  "slug" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountRooms :one
SELECT count(*)
FROM "rooms"
WHERE (CAST(? AS TEXT) IS NULL OR "slug" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "title" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "members" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "topic" = CAST(? AS TEXT));

-- name: GetRoom :one
SELECT "slug", "title", "members", "topic"
FROM "rooms"
WHERE "slug" = ?;

-- name: CreateRoom :one
INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES (?, ?, ?, ?)
RETURNING "slug", "title", "members", "topic";

-- name: ReplaceRoom :one
UPDATE "rooms"
SET "title" = ?,
    "members" = ?,
    "topic" = ?
WHERE "slug" = ?
RETURNING "slug", "title", "members", "topic";

-- name: DeleteRoom :execrows
DELETE FROM "rooms"
WHERE "slug" = ?;

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
