-- The queries of ../queries/users_archive.sql in PostgreSQL's dialect: users_archive_postgres.go runs
-- these texts in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListUsersArchive :many
SELECT "id", "func", "Error"
FROM "users_archive"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "func" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "Error" = CAST($6 AS TEXT))
ORDER BY CASE WHEN CAST($7 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($8 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($9 AS TEXT) = 'func asc' THEN "func" END ASC NULLS FIRST,
  CASE WHEN CAST($10 AS TEXT) = 'func desc' THEN "func" END DESC NULLS LAST,
  CASE WHEN CAST($11 AS TEXT) = 'Error asc' THEN "Error" END ASC NULLS FIRST,
  CASE WHEN CAST($12 AS TEXT) = 'Error desc' THEN "Error" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($13 AS BIGINT) OFFSET CAST($14 AS BIGINT);

-- name: CountUsersArchive :one
SELECT count(*)
FROM "users_archive"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "func" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "Error" = CAST($6 AS TEXT));

-- name: GetUsersArchive :one
SELECT "id", "func", "Error"
FROM "users_archive"
WHERE "id" = $1;

-- name: CreateUsersArchive :one
INSERT INTO "users_archive" ("func", "Error")
VALUES ($1, $2)
RETURNING "id", "func", "Error";

-- name: ReplaceUsersArchive :one
UPDATE "users_archive"
SET "func" = $1,
    "Error" = $2
WHERE "id" = $3
RETURNING "id", "func", "Error";

-- name: DeleteUsersArchive :execrows
DELETE FROM "users_archive"
WHERE "id" = $1;
