-- The queries of the table notes, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/notes.sql holds the same queries in PostgreSQL's.

-- name: ListNotes :many
SELECT "id", "text", "author", "at", "big", "ratio"
FROM "notes"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "author" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "big" = CAST(? AS INTEGER))
  AND (CAST(? AS REAL) IS NULL OR "ratio" = CAST(? AS REAL))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'text asc' THEN "text" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'text desc' THEN "text" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'author asc' THEN "author" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'author desc' THEN "author" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'at asc' THEN "at" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'at desc' THEN "at" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'big asc' THEN "big" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'big desc' THEN "big" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'ratio asc' THEN "ratio" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'ratio desc' THEN "ratio" END DESC NULLS LAST,
  "id" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountNotes :one
SELECT count(*)
FROM "notes"
WHERE (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "text" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "author" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "at" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "big" = CAST(? AS INTEGER))
  AND (CAST(? AS REAL) IS NULL OR "ratio" = CAST(? AS REAL));

-- name: GetNote :one
SELECT "id", "text", "author", "at", "big", "ratio"
FROM "notes"
WHERE "id" = ?;

-- name: CreateNote :one
INSERT INTO "notes" ("text", "author", "at", "big", "ratio")
VALUES (?, ?, ?, ?, ?)
RETURNING "id", "text", "author", "at", "big", "ratio";

-- name: ReplaceNote :one
UPDATE "notes"
SET "text" = ?,
    "author" = ?,
    "at" = ?,
    "big" = ?,
    "ratio" = ?
WHERE "id" = ?
RETURNING "id", "text", "author", "at", "big", "ratio";

-- name: DeleteNote :execrows
DELETE FROM "notes"
WHERE "id" = ?;
