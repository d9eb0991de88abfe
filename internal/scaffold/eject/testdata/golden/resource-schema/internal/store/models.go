// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import "database/sql"

// Todo is a row of the table todos. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Todo struct {
	ID      int64
	Title   string
	Done    bool
	Due     sql.NullString
	Extra   sql.NullString
	Weights sql.NullString
}
