-- The queries of the table flags, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/flags.sql holds the same queries in PostgreSQL's.

-- name: ListFlags :many
SELECT "id", "on", "off"
FROM "flags"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "on" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "off" = CAST(? AS INTEGER))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'on asc' THEN "on" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'on desc' THEN "on" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'off asc' THEN "off" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'off desc' THEN "off" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountFlags :one
SELECT count(*)
FROM "flags"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "on" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "off" = CAST(? AS INTEGER));

-- name: GetFlag :one
SELECT "id", "on", "off"
FROM "flags"
WHERE "id" = ?;

-- name: CreateFlag :one
INSERT INTO "flags" ("on", "off")
VALUES (?, ?)
RETURNING "id", "on", "off";

-- name: ReplaceFlag :one
UPDATE "flags"
SET "on" = ?,
    "off" = ?
WHERE "id" = ?
RETURNING "id", "on", "off";

-- name: DeleteFlag :execrows
DELETE FROM "flags"
WHERE "id" = ?;
