-- The queries of queries.sql in PostgreSQL's dialect: postgres.go runs these texts
-- in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListMessages :many
SELECT "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note"
FROM "messages"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "user" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "text" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "sent_at" = CAST($8 AS TEXT))
  AND (CAST($9 AS BOOLEAN) IS NULL OR "read" = CAST($10 AS BOOLEAN))
  AND (CAST($11 AS DOUBLE PRECISION) IS NULL OR "score" = CAST($12 AS DOUBLE PRECISION))
  AND (CAST($13 AS TEXT) IS NULL OR "note" = CAST($14 AS TEXT))
ORDER BY CASE WHEN CAST($15 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($16 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($17 AS TEXT) = 'user asc' THEN "user" END ASC NULLS FIRST,
  CASE WHEN CAST($18 AS TEXT) = 'user desc' THEN "user" END DESC NULLS LAST,
  CASE WHEN CAST($19 AS TEXT) = 'text asc' THEN "text" END ASC NULLS FIRST,
  CASE WHEN CAST($20 AS TEXT) = 'text desc' THEN "text" END DESC NULLS LAST,
  CASE WHEN CAST($21 AS TEXT) = 'sent_at asc' THEN "sent_at" END ASC NULLS FIRST,
  CASE WHEN CAST($22 AS TEXT) = 'sent_at desc' THEN "sent_at" END DESC NULLS LAST,
  CASE WHEN CAST($23 AS TEXT) = 'read asc' THEN "read" END ASC NULLS FIRST,
  CASE WHEN CAST($24 AS TEXT) = 'read desc' THEN "read" END DESC NULLS LAST,
  CASE WHEN CAST($25 AS TEXT) = 'score asc' THEN "score" END ASC NULLS FIRST,
  CASE WHEN CAST($26 AS TEXT) = 'score desc' THEN "score" END DESC NULLS LAST,
  CASE WHEN CAST($27 AS TEXT) = 'note asc' THEN "note" END ASC NULLS FIRST,
  CASE WHEN CAST($28 AS TEXT) = 'note desc' THEN "note" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($29 AS BIGINT) OFFSET CAST($30 AS BIGINT);

-- name: CountMessages :one
SELECT count(*)
FROM "messages"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS TEXT) IS NULL OR "user" = CAST($4 AS TEXT))
  AND (CAST($5 AS TEXT) IS NULL OR "text" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "sent_at" = CAST($8 AS TEXT))
  AND (CAST($9 AS BOOLEAN) IS NULL OR "read" = CAST($10 AS BOOLEAN))
  AND (CAST($11 AS DOUBLE PRECISION) IS NULL OR "score" = CAST($12 AS DOUBLE PRECISION))
  AND (CAST($13 AS TEXT) IS NULL OR "note" = CAST($14 AS TEXT));

-- name: GetMessage :one
SELECT "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note"
FROM "messages"
WHERE "id" = $1;

-- name: CreateMessage :one
INSERT INTO "messages" ("user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES ($1, $2, $3, $4, $5, CAST($6 AS JSONB), CAST($7 AS JSONB), $8)
RETURNING "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note";

-- name: ReplaceMessage :one
UPDATE "messages"
SET "user" = $1,
    "text" = $2,
    "sent_at" = $3,
    "read" = $4,
    "score" = $5,
    "tags" = CAST($6 AS JSONB),
    "meta" = CAST($7 AS JSONB),
    "note" = $8
WHERE "id" = $9
RETURNING "id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note";

-- name: DeleteMessage :execrows
DELETE FROM "messages"
WHERE "id" = $1;

-- name: ListRooms :many
SELECT "slug", "title", "members", "topic"
FROM "rooms"
WHERE (CAST($1 AS TEXT) IS NULL OR "slug" = CAST($2 AS TEXT))
  AND (CAST($3 AS TEXT) IS NULL OR "title" = CAST($4 AS TEXT))
  AND (CAST($5 AS BIGINT) IS NULL OR "members" = CAST($6 AS BIGINT))
  AND (CAST($7 AS TEXT) IS NULL OR "topic" = CAST($8 AS TEXT))
ORDER BY CASE WHEN CAST($9 AS TEXT) = 'slug asc' THEN "slug" END ASC NULLS FIRST,
  CASE WHEN CAST($10 AS TEXT) = 'slug desc' THEN "slug" END DESC NULLS LAST,
  CASE WHEN CAST($11 AS TEXT) = 'title asc' THEN "title" END ASC NULLS FIRST,
  CASE WHEN CAST($12 AS TEXT) = 'title desc' THEN "title" END DESC NULLS LAST,
  CASE WHEN CAST($13 AS TEXT) = 'members asc' THEN "members" END ASC NULLS FIRST,
  CASE WHEN CAST($14 AS TEXT) = 'members desc' THEN "members" END DESC NULLS LAST,
  CASE WHEN CAST($15 AS TEXT) = 'topic asc' THEN "topic" END ASC NULLS FIRST,
  CASE WHEN CAST($16 AS TEXT) = 'topic desc' THEN "topic" END DESC NULLS LAST,
  "slug" ASC
LIMIT CAST($17 AS BIGINT) OFFSET CAST($18 AS BIGINT);

-- name: CountRooms :one
SELECT count(*)
FROM "rooms"
WHERE (CAST($1 AS TEXT) IS NULL OR "slug" = CAST($2 AS TEXT))
  AND (CAST($3 AS TEXT) IS NULL OR "title" = CAST($4 AS TEXT))
  AND (CAST($5 AS BIGINT) IS NULL OR "members" = CAST($6 AS BIGINT))
  AND (CAST($7 AS TEXT) IS NULL OR "topic" = CAST($8 AS TEXT));

-- name: GetRoom :one
SELECT "slug", "title", "members", "topic"
FROM "rooms"
WHERE "slug" = $1;

-- name: CreateRoom :one
INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES ($1, $2, $3, $4)
RETURNING "slug", "title", "members", "topic";

-- name: ReplaceRoom :one
UPDATE "rooms"
SET "title" = $1,
    "members" = $2,
    "topic" = $3
WHERE "slug" = $4
RETURNING "slug", "title", "members", "topic";

-- name: DeleteRoom :execrows
DELETE FROM "rooms"
WHERE "slug" = $1;

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
