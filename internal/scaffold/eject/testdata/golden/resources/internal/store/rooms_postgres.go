// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

func init() {
	// The queries of rooms.sql.go in PostgreSQL's dialect (see conn).
	postgresQueries[listRooms] = listRoomsPostgres
	postgresQueries[countRooms] = countRoomsPostgres
	postgresQueries[getRoom] = getRoomPostgres
	postgresQueries[createRoom] = createRoomPostgres
	postgresQueries[replaceRoom] = replaceRoomPostgres
	postgresQueries[deleteRoom] = deleteRoomPostgres
}

const listRoomsPostgres = `-- name: ListRooms :many
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
LIMIT CAST($17 AS BIGINT) OFFSET CAST($18 AS BIGINT)
`

const countRoomsPostgres = `-- name: CountRooms :one
SELECT count(*)
FROM "rooms"
WHERE (CAST($1 AS TEXT) IS NULL OR "slug" = CAST($2 AS TEXT))
  AND (CAST($3 AS TEXT) IS NULL OR "title" = CAST($4 AS TEXT))
  AND (CAST($5 AS BIGINT) IS NULL OR "members" = CAST($6 AS BIGINT))
  AND (CAST($7 AS TEXT) IS NULL OR "topic" = CAST($8 AS TEXT))
`

const getRoomPostgres = `-- name: GetRoom :one
SELECT "slug", "title", "members", "topic"
FROM "rooms"
WHERE "slug" = $1
`

const createRoomPostgres = `-- name: CreateRoom :one
INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES ($1, $2, $3, $4)
RETURNING "slug", "title", "members", "topic"
`

const replaceRoomPostgres = `-- name: ReplaceRoom :one
UPDATE "rooms"
SET "title" = $1,
    "members" = $2,
    "topic" = $3
WHERE "slug" = $4
RETURNING "slug", "title", "members", "topic"
`

const deleteRoomPostgres = `-- name: DeleteRoom :execrows
DELETE FROM "rooms"
WHERE "slug" = $1
`
