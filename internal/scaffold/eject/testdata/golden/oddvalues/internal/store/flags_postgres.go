// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

func init() {
	// The queries of flags.sql.go in PostgreSQL's dialect (see conn).
	postgresQueries[listFlags] = listFlagsPostgres
	postgresQueries[countFlags] = countFlagsPostgres
	postgresQueries[getFlag] = getFlagPostgres
	postgresQueries[createFlag] = createFlagPostgres
	postgresQueries[replaceFlag] = replaceFlagPostgres
	postgresQueries[deleteFlag] = deleteFlagPostgres
}

const listFlagsPostgres = `-- name: ListFlags :many
SELECT "id", "on", "off"
FROM "flags"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS BOOLEAN) IS NULL OR "on" = CAST($4 AS BOOLEAN))
  AND (CAST($5 AS BOOLEAN) IS NULL OR "off" = CAST($6 AS BOOLEAN))
ORDER BY CASE WHEN CAST($7 AS TEXT) = 'id asc' THEN "id" END ASC NULLS FIRST,
  CASE WHEN CAST($8 AS TEXT) = 'id desc' THEN "id" END DESC NULLS LAST,
  CASE WHEN CAST($9 AS TEXT) = 'on asc' THEN "on" END ASC NULLS FIRST,
  CASE WHEN CAST($10 AS TEXT) = 'on desc' THEN "on" END DESC NULLS LAST,
  CASE WHEN CAST($11 AS TEXT) = 'off asc' THEN "off" END ASC NULLS FIRST,
  CASE WHEN CAST($12 AS TEXT) = 'off desc' THEN "off" END DESC NULLS LAST,
  "id" ASC
LIMIT CAST($13 AS BIGINT) OFFSET CAST($14 AS BIGINT)
`

const countFlagsPostgres = `-- name: CountFlags :one
SELECT count(*)
FROM "flags"
WHERE (CAST($1 AS BIGINT) IS NULL OR "id" = CAST($2 AS BIGINT))
  AND (CAST($3 AS BOOLEAN) IS NULL OR "on" = CAST($4 AS BOOLEAN))
  AND (CAST($5 AS BOOLEAN) IS NULL OR "off" = CAST($6 AS BOOLEAN))
`

const getFlagPostgres = `-- name: GetFlag :one
SELECT "id", "on", "off"
FROM "flags"
WHERE "id" = $1
`

const createFlagPostgres = `-- name: CreateFlag :one
INSERT INTO "flags" ("on", "off")
VALUES ($1, $2)
RETURNING "id", "on", "off"
`

const replaceFlagPostgres = `-- name: ReplaceFlag :one
UPDATE "flags"
SET "on" = $1,
    "off" = $2
WHERE "id" = $3
RETURNING "id", "on", "off"
`

const deleteFlagPostgres = `-- name: DeleteFlag :execrows
DELETE FROM "flags"
WHERE "id" = $1
`
