-- The queries of ../queries/attachments.sql in PostgreSQL's dialect: attachments_postgres.go runs
-- these texts in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListAttachments :many
SELECT "id", "name", "size", "created_at", "labels"
FROM "attachments"
WHERE (CAST($1 AS TEXT) IS NULL OR "id" = CAST($2 AS TEXT))
  AND (CAST($3 AS TEXT) IS NULL OR "name" = CAST($4 AS TEXT))
  AND (CAST($5 AS BIGINT) IS NULL OR "size" = CAST($6 AS BIGINT))
  AND (CAST($7 AS TEXT) IS NULL OR "created_at" = CAST($8 AS TEXT))
ORDER BY CASE WHEN CAST($9 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($10 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($11 AS TEXT) = 'name asc' THEN "name" END ASC NULLS FIRST,
  CASE WHEN CAST($12 AS TEXT) = 'name desc' THEN "name" END DESC NULLS LAST,
  CASE WHEN CAST($13 AS TEXT) = 'size asc' THEN "size" END ASC NULLS FIRST,
  CASE WHEN CAST($14 AS TEXT) = 'size desc' THEN "size" END DESC NULLS LAST,
  CASE WHEN CAST($15 AS TEXT) = 'created_at asc' THEN "created_at" END ASC NULLS FIRST,
  CASE WHEN CAST($16 AS TEXT) = 'created_at desc' THEN "created_at" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($17 AS BIGINT) OFFSET CAST($18 AS BIGINT);

-- name: CountAttachments :one
SELECT count(*)
FROM "attachments"
WHERE (CAST($1 AS TEXT) IS NULL OR "id" = CAST($2 AS TEXT))
  AND (CAST($3 AS TEXT) IS NULL OR "name" = CAST($4 AS TEXT))
  AND (CAST($5 AS BIGINT) IS NULL OR "size" = CAST($6 AS BIGINT))
  AND (CAST($7 AS TEXT) IS NULL OR "created_at" = CAST($8 AS TEXT));

-- name: GetAttachment :one
SELECT "id", "name", "size", "created_at", "labels"
FROM "attachments"
WHERE "id" = $1;

-- name: CreateAttachment :one
INSERT INTO "attachments" ("id", "name", "size", "created_at", "labels")
VALUES ($1, $2, $3, $4, CAST($5 AS JSONB))
RETURNING "id", "name", "size", "created_at", "labels";

-- name: ReplaceAttachment :one
UPDATE "attachments"
SET "name" = $1,
    "size" = $2,
    "created_at" = $3,
    "labels" = CAST($4 AS JSONB)
WHERE "id" = $5
RETURNING "id", "name", "size", "created_at", "labels";

-- name: DeleteAttachment :execrows
DELETE FROM "attachments"
WHERE "id" = $1;
