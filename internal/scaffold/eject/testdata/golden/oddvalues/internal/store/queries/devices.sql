-- The queries of the table devices, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/devices.sql holds the same queries in PostgreSQL's.

-- name: ListDevices :many
SELECT "id", "push", "platform", "seen_at", "meta", "list"
FROM "devices"
WHERE (CAST(? AS TEXT) IS NULL OR "id" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "push" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "platform" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "seen_at" = CAST(? AS TEXT))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'push asc' THEN "push" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'push desc' THEN "push" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'platform asc' THEN "platform" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'platform desc' THEN "platform" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'seen_at asc' THEN "seen_at" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'seen_at desc' THEN "seen_at" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountDevices :one
SELECT count(*)
FROM "devices"
WHERE (CAST(? AS TEXT) IS NULL OR "id" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "push" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "platform" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "seen_at" = CAST(? AS TEXT));

-- name: GetDevice :one
SELECT "id", "push", "platform", "seen_at", "meta", "list"
FROM "devices"
WHERE "id" = ?;

-- name: CreateDevice :one
INSERT INTO "devices" ("id", "push", "platform", "seen_at", "meta", "list")
VALUES (?, ?, ?, ?, ?, ?)
RETURNING "id", "push", "platform", "seen_at", "meta", "list";

-- name: ReplaceDevice :one
UPDATE "devices"
SET "push" = ?,
    "platform" = ?,
    "seen_at" = ?,
    "meta" = ?,
    "list" = ?
WHERE "id" = ?
RETURNING "id", "push", "platform", "seen_at", "meta", "list";

-- name: DeleteDevice :execrows
DELETE FROM "devices"
WHERE "id" = ?;
