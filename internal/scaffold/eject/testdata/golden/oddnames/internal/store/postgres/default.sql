-- The queries of ../queries/default.sql in PostgreSQL's dialect: default_postgres.go runs
-- these texts in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListDefault :many
SELECT "type", "class", "n"
FROM "default"
WHERE (CAST($1 AS TEXT) IS NULL OR "type" = CAST($2 AS TEXT))
  AND (CAST($3 AS TEXT) IS NULL OR "class" = CAST($4 AS TEXT))
  AND (CAST($5 AS BIGINT) IS NULL OR "n" = CAST($6 AS BIGINT))
ORDER BY CASE WHEN CAST($7 AS TEXT) = 'type asc' THEN "type" END ASC NULLS FIRST,
  CASE WHEN CAST($8 AS TEXT) = 'type desc' THEN "type" END DESC NULLS LAST,
  CASE WHEN CAST($9 AS TEXT) = 'class asc' THEN "class" END ASC NULLS FIRST,
  CASE WHEN CAST($10 AS TEXT) = 'class desc' THEN "class" END DESC NULLS LAST,
  CASE WHEN CAST($11 AS TEXT) = 'n asc' THEN "n" END ASC NULLS FIRST,
  CASE WHEN CAST($12 AS TEXT) = 'n desc' THEN "n" END DESC NULLS LAST,
  "type" ASC
LIMIT CAST($13 AS BIGINT) OFFSET CAST($14 AS BIGINT);

-- name: CountDefault :one
SELECT count(*)
FROM "default"
WHERE (CAST($1 AS TEXT) IS NULL OR "type" = CAST($2 AS TEXT))
  AND (CAST($3 AS TEXT) IS NULL OR "class" = CAST($4 AS TEXT))
  AND (CAST($5 AS BIGINT) IS NULL OR "n" = CAST($6 AS BIGINT));

-- name: GetDefault :one
SELECT "type", "class", "n"
FROM "default"
WHERE "type" = $1;

-- name: CreateDefault :one
INSERT INTO "default" ("type", "class", "n")
VALUES ($1, $2, $3)
RETURNING "type", "class", "n";

-- name: ReplaceDefault :one
UPDATE "default"
SET "class" = $1,
    "n" = $2
WHERE "type" = $3
RETURNING "type", "class", "n";

-- name: DeleteDefault :execrows
DELETE FROM "default"
WHERE "type" = $1;
