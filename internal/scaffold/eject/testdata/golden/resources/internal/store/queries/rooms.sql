-- The queries of the table rooms, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/rooms.sql holds the same queries in PostgreSQL's.

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
