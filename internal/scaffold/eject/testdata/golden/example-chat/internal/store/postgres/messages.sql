-- The queries of ../queries/messages.sql in PostgreSQL's dialect: messages_postgres.go runs
-- these texts in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListMessages :many
SELECT "id", "user", "text", "sent_at", "read", "reply_to"
FROM "messages"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "user" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "text" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "sent_at" = CAST($8 AS TEXT))
  AND (CAST($9 AS BOOLEAN) IS NULL OR "read" = CAST($10 AS BOOLEAN))
  AND (CAST($11 AS BIGINT) IS NULL OR "reply_to" = CAST($12 AS BIGINT))
ORDER BY CASE WHEN CAST($13 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($14 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($15 AS TEXT) = 'user asc' THEN "user" END ASC NULLS FIRST,
  CASE WHEN CAST($16 AS TEXT) = 'user desc' THEN "user" END DESC NULLS LAST,
  CASE WHEN CAST($17 AS TEXT) = 'text asc' THEN "text" END ASC NULLS FIRST,
  CASE WHEN CAST($18 AS TEXT) = 'text desc' THEN "text" END DESC NULLS LAST,
  CASE WHEN CAST($19 AS TEXT) = 'sent_at asc' THEN "sent_at" END ASC NULLS FIRST,
  CASE WHEN CAST($20 AS TEXT) = 'sent_at desc' THEN "sent_at" END DESC NULLS LAST,
  CASE WHEN CAST($21 AS TEXT) = 'read asc' THEN "read" END ASC NULLS FIRST,
  CASE WHEN CAST($22 AS TEXT) = 'read desc' THEN "read" END DESC NULLS LAST,
  CASE WHEN CAST($23 AS TEXT) = 'reply_to asc' THEN "reply_to" END ASC NULLS FIRST,
  CASE WHEN CAST($24 AS TEXT) = 'reply_to desc' THEN "reply_to" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($25 AS BIGINT) OFFSET CAST($26 AS BIGINT);

-- name: CountMessages :one
SELECT count(*)
FROM "messages"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "user" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "text" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "sent_at" = CAST($8 AS TEXT))
  AND (CAST($9 AS BOOLEAN) IS NULL OR "read" = CAST($10 AS BOOLEAN))
  AND (CAST($11 AS BIGINT) IS NULL OR "reply_to" = CAST($12 AS BIGINT));

-- name: GetMessage :one
SELECT "id", "user", "text", "sent_at", "read", "reply_to"
FROM "messages"
WHERE "id" = $1;

-- name: CreateMessage :one
INSERT INTO "messages" ("user", "text", "sent_at", "read", "reply_to")
VALUES ($1, $2, $3, $4, $5)
RETURNING "id", "user", "text", "sent_at", "read", "reply_to";

-- name: ReplaceMessage :one
UPDATE "messages"
SET "user" = $1,
    "text" = $2,
    "sent_at" = $3,
    "read" = $4,
    "reply_to" = $5
WHERE "id" = $6
RETURNING "id", "user", "text", "sent_at", "read", "reply_to";

-- name: DeleteMessage :execrows
DELETE FROM "messages"
WHERE "id" = $1;
