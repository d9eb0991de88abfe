// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

func init() {
	// The queries of devices.sql.go in PostgreSQL's dialect (see conn).
	postgresQueries[listDevices] = listDevicesPostgres
	postgresQueries[countDevices] = countDevicesPostgres
	postgresQueries[getDevice] = getDevicePostgres
	postgresQueries[createDevice] = createDevicePostgres
	postgresQueries[replaceDevice] = replaceDevicePostgres
	postgresQueries[deleteDevice] = deleteDevicePostgres
}

const listDevicesPostgres = `-- name: ListDevices :many
SELECT "id", "push", "platform", "seen_at", "meta", "list"
FROM "devices"
WHERE (CAST($1 AS TEXT) IS NULL OR "id" = CAST($2 AS TEXT))
  AND (CAST($3 AS BOOLEAN) IS NULL OR "push" = CAST($4 AS BOOLEAN))
  AND (CAST($5 AS TEXT) IS NULL OR "platform" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "seen_at" = CAST($8 AS TEXT))
ORDER BY CASE WHEN CAST($9 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($10 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($11 AS TEXT) = 'push asc' THEN "push" END ASC NULLS FIRST,
  CASE WHEN CAST($12 AS TEXT) = 'push desc' THEN "push" END DESC NULLS LAST,
  CASE WHEN CAST($13 AS TEXT) = 'platform asc' THEN "platform" END ASC NULLS FIRST,
  CASE WHEN CAST($14 AS TEXT) = 'platform desc' THEN "platform" END DESC NULLS LAST,
  CASE WHEN CAST($15 AS TEXT) = 'seen_at asc' THEN "seen_at" END ASC NULLS FIRST,
  CASE WHEN CAST($16 AS TEXT) = 'seen_at desc' THEN "seen_at" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($17 AS BIGINT) OFFSET CAST($18 AS BIGINT)
`

const countDevicesPostgres = `-- name: CountDevices :one
SELECT count(*)
FROM "devices"
WHERE (CAST($1 AS TEXT) IS NULL OR "id" = CAST($2 AS TEXT))
  AND (CAST($3 AS BOOLEAN) IS NULL OR "push" = CAST($4 AS BOOLEAN))
  AND (CAST($5 AS TEXT) IS NULL OR "platform" = CAST($6 AS TEXT))
  AND (CAST($7 AS TEXT) IS NULL OR "seen_at" = CAST($8 AS TEXT))
`

const getDevicePostgres = `-- name: GetDevice :one
SELECT "id", "push", "platform", "seen_at", "meta", "list"
FROM "devices"
WHERE "id" = $1
`

const createDevicePostgres = `-- name: CreateDevice :one
INSERT INTO "devices" ("id", "push", "platform", "seen_at", "meta", "list")
VALUES ($1, $2, $3, $4, CAST($5 AS JSONB), CAST($6 AS JSONB))
RETURNING "id", "push", "platform", "seen_at", "meta", "list"
`

const replaceDevicePostgres = `-- name: ReplaceDevice :one
UPDATE "devices"
SET "push" = $1,
    "platform" = $2,
    "seen_at" = $3,
    "meta" = CAST($4 AS JSONB),
    "list" = CAST($5 AS JSONB)
WHERE "id" = $6
RETURNING "id", "push", "platform", "seen_at", "meta", "list"
`

const deleteDevicePostgres = `-- name: DeleteDevice :execrows
DELETE FROM "devices"
WHERE "id" = $1
`
