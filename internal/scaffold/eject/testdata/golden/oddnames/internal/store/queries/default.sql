-- The queries of the table default, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/default.sql holds the same queries in PostgreSQL's.

-- name: ListDefault :many
SELECT "type", "class", "n"
FROM "default"
WHERE (CAST(? AS TEXT) IS NULL OR "type" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "class" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "n" = CAST(? AS INTEGER))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'type asc' THEN "type" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'type desc' THEN "type" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'class asc' THEN "class" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'class desc' THEN "class" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'n asc' THEN "n" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'n desc' THEN "n" END DESC NULLS LAST,
  "type" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountDefault :one
SELECT count(*)
FROM "default"
WHERE (CAST(? AS TEXT) IS NULL OR "type" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "class" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "n" = CAST(? AS INTEGER));

-- name: GetDefault :one
SELECT "type", "class", "n"
FROM "default"
WHERE "type" = ?;

-- name: CreateDefault :one
INSERT INTO "default" ("type", "class", "n")
VALUES (?, ?, ?)
RETURNING "type", "class", "n";

-- name: ReplaceDefault :one
UPDATE "default"
SET "class" = ?,
    "n" = ?
WHERE "type" = ?
RETURNING "type", "class", "n";

-- name: DeleteDefault :execrows
DELETE FROM "default"
WHERE "type" = ?;
