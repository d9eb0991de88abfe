-- The queries of ../queries/order.sql in PostgreSQL's dialect: order_postgres.go runs
-- these texts in their place when DATABASE_URL names a PostgreSQL database.

-- name: ListOrder :many
SELECT "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order"
FROM "order"
WHERE (CAST($1 AS TEXT) IS NULL OR "uuid" = CAST($2 AS TEXT))
  AND (CAST($3 AS BIGINT) IS NULL OR "id" = CAST($4 AS BIGINT))
  AND (CAST($5 AS TEXT) IS NULL OR "type" = CAST($6 AS TEXT))
  AND (CAST($7 AS BOOLEAN) IS NULL OR "default" = CAST($8 AS BOOLEAN))
  AND (CAST($9 AS TEXT) IS NULL OR "class" = CAST($10 AS TEXT))
  AND (CAST($11 AS TEXT) IS NULL OR "select" = CAST($12 AS TEXT))
  AND (CAST($13 AS TEXT) IS NULL OR "user" = CAST($14 AS TEXT))
  AND (CAST($15 AS DOUBLE PRECISION) IS NULL OR "xmin_b90b4d21" = CAST($16 AS DOUBLE PRECISION))
  AND (CAST($17 AS TEXT) IS NULL OR "firstName" = CAST($18 AS TEXT))
  AND (CAST($19 AS TEXT) IS NULL OR "FirstName_0dd7bf3a" = CAST($20 AS TEXT))
  AND (CAST($21 AS TEXT) IS NULL OR "what?" = CAST($22 AS TEXT))
  AND (CAST($23 AS BIGINT) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" = CAST($24 AS BIGINT))
  AND (CAST($25 AS BIGINT) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" = CAST($26 AS BIGINT))
ORDER BY CASE WHEN CAST($27 AS TEXT) = 'uuid asc' THEN "uuid" END ASC NULLS FIRST,
  CASE WHEN CAST($28 AS TEXT) = 'uuid desc' THEN "uuid" END DESC NULLS LAST,
  CASE WHEN CAST($29 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($30 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($31 AS TEXT) = 'type asc' THEN "type" END ASC NULLS FIRST,
  CASE WHEN CAST($32 AS TEXT) = 'type desc' THEN "type" END DESC NULLS LAST,
  CASE WHEN CAST($33 AS TEXT) = 'default asc' THEN "default" END ASC NULLS FIRST,
  CASE WHEN CAST($34 AS TEXT) = 'default desc' THEN "default" END DESC NULLS LAST,
  CASE WHEN CAST($35 AS TEXT) = 'class asc' THEN "class" END ASC NULLS FIRST,
  CASE WHEN CAST($36 AS TEXT) = 'class desc' THEN "class" END DESC NULLS LAST,
  CASE WHEN CAST($37 AS TEXT) = 'select asc' THEN "select" END ASC NULLS FIRST,
  CASE WHEN CAST($38 AS TEXT) = 'select desc' THEN "select" END DESC NULLS LAST,
  CASE WHEN CAST($39 AS TEXT) = 'user asc' THEN "user" END ASC NULLS FIRST,
  CASE WHEN CAST($40 AS TEXT) = 'user desc' THEN "user" END DESC NULLS LAST,
  CASE WHEN CAST($41 AS TEXT) = 'xmin asc' THEN "xmin_b90b4d21" END ASC NULLS FIRST,
  CASE WHEN CAST($42 AS TEXT) = 'xmin desc' THEN "xmin_b90b4d21" END DESC NULLS LAST,
  CASE WHEN CAST($43 AS TEXT) = 'firstName asc' THEN "firstName" END ASC NULLS FIRST,
  CASE WHEN CAST($44 AS TEXT) = 'firstName desc' THEN "firstName" END DESC NULLS LAST,
  CASE WHEN CAST($45 AS TEXT) = 'FirstName asc' THEN "FirstName_0dd7bf3a" END ASC NULLS FIRST,
  CASE WHEN CAST($46 AS TEXT) = 'FirstName desc' THEN "FirstName_0dd7bf3a" END DESC NULLS LAST,
  CASE WHEN CAST($47 AS TEXT) = 'what? asc' THEN "what?" END ASC NULLS FIRST,
  CASE WHEN CAST($48 AS TEXT) = 'what? desc' THEN "what?" END DESC NULLS LAST,
  CASE WHEN CAST($49 AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa asc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" END ASC NULLS FIRST,
  CASE WHEN CAST($50 AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa desc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" END DESC NULLS LAST,
  CASE WHEN CAST($51 AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab asc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" END ASC NULLS FIRST,
  CASE WHEN CAST($52 AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab desc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" END DESC NULLS LAST,
  "uuid" ASC
LIMIT CAST($53 AS BIGINT) OFFSET CAST($54 AS BIGINT);

-- name: CountOrder :one
SELECT count(*)
FROM "order"
WHERE (CAST($1 AS TEXT) IS NULL OR "uuid" = CAST($2 AS TEXT))
  AND (CAST($3 AS BIGINT) IS NULL OR "id" = CAST($4 AS BIGINT))
  AND (CAST($5 AS TEXT) IS NULL OR "type" = CAST($6 AS TEXT))
  AND (CAST($7 AS BOOLEAN) IS NULL OR "default" = CAST($8 AS BOOLEAN))
  AND (CAST($9 AS TEXT) IS NULL OR "class" = CAST($10 AS TEXT))
  AND (CAST($11 AS TEXT) IS NULL OR "select" = CAST($12 AS TEXT))
  AND (CAST($13 AS TEXT) IS NULL OR "user" = CAST($14 AS TEXT))
  AND (CAST($15 AS DOUBLE PRECISION) IS NULL OR "xmin_b90b4d21" = CAST($16 AS DOUBLE PRECISION))
  AND (CAST($17 AS TEXT) IS NULL OR "firstName" = CAST($18 AS TEXT))
  AND (CAST($19 AS TEXT) IS NULL OR "FirstName_0dd7bf3a" = CAST($20 AS TEXT))
  AND (CAST($21 AS TEXT) IS NULL OR "what?" = CAST($22 AS TEXT))
  AND (CAST($23 AS BIGINT) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" = CAST($24 AS BIGINT))
  AND (CAST($25 AS BIGINT) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" = CAST($26 AS BIGINT));

-- name: GetOrder :one
SELECT "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order"
FROM "order"
WHERE "uuid" = $1;

-- name: CreateOrder :one
INSERT INTO "order" ("uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order")
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CAST($14 AS JSONB))
RETURNING "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order";

-- name: ReplaceOrder :one
UPDATE "order"
SET "id" = $1,
    "type" = $2,
    "default" = $3,
    "class" = $4,
    "select" = $5,
    "user" = $6,
    "xmin_b90b4d21" = $7,
    "firstName" = $8,
    "FirstName_0dd7bf3a" = $9,
    "what?" = $10,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" = $11,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" = $12,
    "order" = CAST($13 AS JSONB)
WHERE "uuid" = $14
RETURNING "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order";

-- name: DeleteOrder :execrows
DELETE FROM "order"
WHERE "uuid" = $1;
