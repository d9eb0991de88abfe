-- The queries of ../queries/notes.sql in PostgreSQL's dialect: notes_postgres.go runs
-- these texts in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListNotes :many
SELECT "id", "text", "author", "at", "big", "ratio"
FROM "notes"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "text" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "author" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "at" = CAST($8 AS TEXT))
  AND (CAST($9 AS BIGINT) IS NULL OR "big" = CAST($10 AS BIGINT))
  AND (CAST($11 AS DOUBLE PRECISION) IS NULL OR "ratio" = CAST($12 AS DOUBLE PRECISION))
ORDER BY CASE WHEN CAST($13 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($14 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($15 AS TEXT) = 'text asc' THEN "text" END ASC NULLS FIRST,
  CASE WHEN CAST($16 AS TEXT) = 'text desc' THEN "text" END DESC NULLS LAST,
  CASE WHEN CAST($17 AS TEXT) = 'author asc' THEN "author" END ASC NULLS FIRST,
  CASE WHEN CAST($18 AS TEXT) = 'author desc' THEN "author" END DESC NULLS LAST,
  CASE WHEN CAST($19 AS TEXT) = 'at asc' THEN "at" END ASC NULLS FIRST,
  CASE WHEN CAST($20 AS TEXT) = 'at desc' THEN "at" END DESC NULLS LAST,
  CASE WHEN CAST($21 AS TEXT) = 'big asc' THEN "big" END ASC NULLS FIRST,
  CASE WHEN CAST($22 AS TEXT) = 'big desc' THEN "big" END DESC NULLS LAST,
  CASE WHEN CAST($23 AS TEXT) = 'ratio asc' THEN "ratio" END ASC NULLS FIRST,
  CASE WHEN CAST($24 AS TEXT) = 'ratio desc' THEN "ratio" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($25 AS BIGINT) OFFSET CAST($26 AS BIGINT);

-- name: CountNotes :one
SELECT count(*)
FROM "notes"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "text" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "author" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "at" = CAST($8 AS TEXT))
  AND (CAST($9 AS BIGINT) IS NULL OR "big" = CAST($10 AS BIGINT))
  AND (CAST($11 AS DOUBLE PRECISION) IS NULL OR "ratio" = CAST($12 AS DOUBLE PRECISION));

-- name: GetNote :one
SELECT "id", "text", "author", "at", "big", "ratio"
FROM "notes"
WHERE "id" = $1;

-- name: CreateNote :one
INSERT INTO "notes" ("text", "author", "at", "big", "ratio")
VALUES ($1, $2, $3, $4, $5)
RETURNING "id", "text", "author", "at", "big", "ratio";

-- name: ReplaceNote :one
UPDATE "notes"
SET "text" = $1,
    "author" = $2,
    "at" = $3,
    "big" = $4,
    "ratio" = $5
WHERE "id" = $6
RETURNING "id", "text", "author", "at", "big", "ratio";

-- name: DeleteNote :execrows
DELETE FROM "notes"
WHERE "id" = $1;
