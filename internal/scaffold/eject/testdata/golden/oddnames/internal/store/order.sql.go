// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import (
	"context"
	"database/sql"
)

// Order is a row of the table order. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Order struct {
	UUID                                                                    string
	ID                                                                      int64
	Type                                                                    string
	Default                                                                 bool
	Class                                                                   string
	Select                                                                  string
	User                                                                    string
	Xmin                                                                    float64
	FirstName                                                               string
	FirstName2                                                              string
	What                                                                    string
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  int64
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab int64
	Order                                                                   sql.NullString
}

const listOrder = `-- name: ListOrder :many
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
LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?
`

type ListOrderParams struct {
	UUID                                                                    sql.NullString
	ID                                                                      sql.NullInt64
	Type                                                                    sql.NullString
	Default                                                                 sql.NullBool
	Class                                                                   sql.NullString
	Select                                                                  sql.NullString
	User                                                                    sql.NullString
	Xmin                                                                    sql.NullFloat64
	FirstName                                                               sql.NullString
	FirstName2                                                              sql.NullString
	What                                                                    sql.NullString
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  sql.NullInt64
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab sql.NullInt64
	Sort                                                                    sql.NullString // "<column> asc" or "<column> desc"; NULL keeps the id order
	Limit                                                                   sql.NullInt64  // NULL for no limit
	Offset                                                                  int64
}

func (q *Queries) ListOrder(ctx context.Context, arg ListOrderParams) ([]Order, error) {
	rows, err := q.db.QueryContext(ctx, listOrder, arg.UUID, arg.UUID, arg.ID, arg.ID, arg.Type, arg.Type, arg.Default, arg.Default, arg.Class, arg.Class, arg.Select, arg.Select, arg.User, arg.User, arg.Xmin, arg.Xmin, arg.FirstName, arg.FirstName, arg.FirstName2, arg.FirstName2, arg.What, arg.What, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Sort, arg.Limit, arg.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Order
	for rows.Next() {
		var i Order
		if err := rows.Scan(&i.UUID, &i.ID, &i.Type, &i.Default, &i.Class, &i.Select, &i.User, &i.Xmin, &i.FirstName, &i.FirstName2, &i.What, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, &i.Order); err != nil {
			return nil, err
		}
		items = append(items, i)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return items, nil
}

const countOrder = `-- name: CountOrder :one
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
  AND (CAST(? AS INTEGER) IS NULL OR "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" = CAST(? AS INTEGER))
`

type CountOrderParams struct {
	UUID                                                                    sql.NullString
	ID                                                                      sql.NullInt64
	Type                                                                    sql.NullString
	Default                                                                 sql.NullBool
	Class                                                                   sql.NullString
	Select                                                                  sql.NullString
	User                                                                    sql.NullString
	Xmin                                                                    sql.NullFloat64
	FirstName                                                               sql.NullString
	FirstName2                                                              sql.NullString
	What                                                                    sql.NullString
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  sql.NullInt64
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab sql.NullInt64
}

func (q *Queries) CountOrder(ctx context.Context, arg CountOrderParams) (int64, error) {
	row := q.db.QueryRowContext(ctx, countOrder, arg.UUID, arg.UUID, arg.ID, arg.ID, arg.Type, arg.Type, arg.Default, arg.Default, arg.Class, arg.Class, arg.Select, arg.Select, arg.User, arg.User, arg.Xmin, arg.Xmin, arg.FirstName, arg.FirstName, arg.FirstName2, arg.FirstName2, arg.What, arg.What, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab)
	var count int64
	err := row.Scan(&count)
	return count, err
}

const getOrder = `-- name: GetOrder :one
SELECT "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order"
FROM "order"
WHERE "uuid" = ?
`

func (q *Queries) GetOrder(ctx context.Context, id string) (Order, error) {
	row := q.db.QueryRowContext(ctx, getOrder, id)
	var i Order
	err := row.Scan(&i.UUID, &i.ID, &i.Type, &i.Default, &i.Class, &i.Select, &i.User, &i.Xmin, &i.FirstName, &i.FirstName2, &i.What, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, &i.Order)
	return i, err
}

const createOrder = `-- name: CreateOrder :one
INSERT INTO "order" ("uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order"
`

type CreateOrderParams struct {
	UUID                                                                    string
	ID                                                                      int64
	Type                                                                    string
	Default                                                                 bool
	Class                                                                   string
	Select                                                                  string
	User                                                                    string
	Xmin                                                                    float64
	FirstName                                                               string
	FirstName2                                                              string
	What                                                                    string
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  int64
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab int64
	Order                                                                   sql.NullString
}

func (q *Queries) CreateOrder(ctx context.Context, arg CreateOrderParams) (Order, error) {
	row := q.db.QueryRowContext(ctx, createOrder, arg.UUID, arg.ID, arg.Type, arg.Default, arg.Class, arg.Select, arg.User, arg.Xmin, arg.FirstName, arg.FirstName2, arg.What, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, arg.Order)
	var i Order
	err := row.Scan(&i.UUID, &i.ID, &i.Type, &i.Default, &i.Class, &i.Select, &i.User, &i.Xmin, &i.FirstName, &i.FirstName2, &i.What, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, &i.Order)
	return i, err
}

const replaceOrder = `-- name: ReplaceOrder :one
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
RETURNING "uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order"
`

type ReplaceOrderParams struct {
	ID                                                                      int64
	Type                                                                    string
	Default                                                                 bool
	Class                                                                   string
	Select                                                                  string
	User                                                                    string
	Xmin                                                                    float64
	FirstName                                                               string
	FirstName2                                                              string
	What                                                                    string
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  int64
	Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab int64
	Order                                                                   sql.NullString
	UUID                                                                    string
}

func (q *Queries) ReplaceOrder(ctx context.Context, arg ReplaceOrderParams) (Order, error) {
	row := q.db.QueryRowContext(ctx, replaceOrder, arg.ID, arg.Type, arg.Default, arg.Class, arg.Select, arg.User, arg.Xmin, arg.FirstName, arg.FirstName2, arg.What, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, arg.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, arg.Order, arg.UUID)
	var i Order
	err := row.Scan(&i.UUID, &i.ID, &i.Type, &i.Default, &i.Class, &i.Select, &i.User, &i.Xmin, &i.FirstName, &i.FirstName2, &i.What, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, &i.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, &i.Order)
	return i, err
}

const deleteOrder = `-- name: DeleteOrder :execrows
DELETE FROM "order"
WHERE "uuid" = ?
`

func (q *Queries) DeleteOrder(ctx context.Context, id string) (int64, error) {
	result, err := q.db.ExecContext(ctx, deleteOrder, id)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
