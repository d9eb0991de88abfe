-- The queries of the table order, in SQLite's dialect, annotated for sqlc (see
-- sqlc.yaml). ../postgres/order.sql holds the same queries in PostgreSQL's.

-- name: ListOrder :many
SELECT "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order"
FROM "order"
WHERE (CAST(? AS TEXT) IS NULL OR "uuid" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "type" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "default" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "class" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "select" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "user" = CAST(? AS TEXT))
  AND (CAST(? AS REAL) IS NULL OR "xmin_b90b4d21" = CAST(? AS REAL))
  AND (CAST(? AS TEXT) IS NULL OR "firstName" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "FirstName_0dd7bf3a" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "what?" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" = CAST(? AS INTEGER))
ORDER BY CASE WHEN CAST(? AS TEXT) = 'uuid asc' THEN "uuid" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'uuid desc' THEN "uuid" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'type asc' THEN "type" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'type desc' THEN "type" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'default asc' THEN "default" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'default desc' THEN "default" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'class asc' THEN "class" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'class desc' THEN "class" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'select asc' THEN "select" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'select desc' THEN "select" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'user asc' THEN "user" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'user desc' THEN "user" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'xmin asc' THEN "xmin_b90b4d21" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'xmin desc' THEN "xmin_b90b4d21" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'firstName asc' THEN "firstName" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'firstName desc' THEN "firstName" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'FirstName asc' THEN "FirstName_0dd7bf3a" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'FirstName desc' THEN "FirstName_0dd7bf3a" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'what? asc' THEN "what?" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'what? desc' THEN "what?" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa asc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa desc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" END DESC NULLS LAST,
  CASE WHEN CAST(? AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab asc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" END ASC NULLS FIRST,
  CASE WHEN CAST(? AS TEXT) = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab desc' THEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" END DESC NULLS LAST,
  "uuid" ASC
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?;

-- name: CountOrder :one
SELECT count(*)
FROM "order"
WHERE (CAST(? AS TEXT) IS NULL OR "uuid" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "id" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "type" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "default" = CAST(? AS INTEGER))
  AND (CAST(? AS TEXT) IS NULL OR "class" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "select" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "user" = CAST(? AS TEXT))
  AND (CAST(? AS REAL) IS NULL OR "xmin_b90b4d21" = CAST(? AS REAL))
  AND (CAST(? AS TEXT) IS NULL OR "firstName" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "FirstName_0dd7bf3a" = CAST(? AS TEXT))
  AND (CAST(? AS TEXT) IS NULL OR "what?" = CAST(? AS TEXT))
  AND (CAST(? AS INTEGER) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" = CAST(? AS INTEGER))
  AND (CAST(? AS INTEGER) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" = CAST(? AS INTEGER));

-- name: GetOrder :one
SELECT "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order"
FROM "order"
WHERE "uuid" = ?;

-- name: CreateOrder :one
INSERT INTO "order" ("uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order";

-- name: ReplaceOrder :one
UPDATE "order"
SET "id" = ?,
    "type" = ?,
    "default" = ?,
    "class" = ?,
    "select" = ?,
    "user" = ?,
    "xmin_b90b4d21" = ?,
    "firstName" = ?,
    "FirstName_0dd7bf3a" = ?,
    "what?" = ?,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" = ?,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" = ?,
    "order" = ?
WHERE "uuid" = ?
RETURNING "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order";

-- name: DeleteOrder :execrows
DELETE FROM "order"
WHERE "uuid" = ?;
